package org.plenary.reports;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.util.CellReference;
import org.plenary.system.InvalidInputException;

/**
 * Reads the first sheet of an XLSX file ({@link XlsxSheetReader}), or a CSV file (comma,
 * semicolon or tab), as rows of text. A merged cell's value fills every cell of its
 * region; blank rows are dropped (each row keeps its line number). Every limit below is
 * checked while the file is read, so a hostile file is refused after reading at most
 * about a limit's worth; the refusal says what and where, in Plenary's words only (what a
 * library said goes to the log).
 */
final class SheetReader {

	/** The file as uploaded. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Rows with something in them, the header included. */
	static final int MAX_ROWS = 5_000;

	/**
	 * Rows, blank ones included: a sheet of a million empty rows stops here, not at its
	 * end.
	 */
	static final int MAX_ROWS_SEEN = 100_000;

	/** Columns A to GR. */
	static final int MAX_COLUMNS = 200;

	/**
	 * Cells of an XLSX sheet, empty ones included (formatted only): twice those of the
	 * largest sheet allowed. Each costs POI a style looked up, even with no value.
	 */
	static final int MAX_CELLS_SEEN = 2 * MAX_ROWS * MAX_COLUMNS;

	/** Excel's own limit for a cell. */
	static final int MAX_CELL_CHARS = 32_767;

	/** All the cells' text (and all the shared texts) together. */
	static final long MAX_TOTAL_CHARS = 20_000_000;

	/** The first sheet's XML as it unpacks. */
	static final long MAX_SHEET_BYTES = 100L * 1024 * 1024;

	/** The shared texts' XML as it unpacks. */
	static final long MAX_SHARED_STRINGS_BYTES = 50L * 1024 * 1024;

	static final int MAX_SHARED_STRINGS = 1_000_000;

	/**
	 * The styles' XML as it unpacks. POI reads it whole into memory, about ten times its
	 * size: the largest cost of a workbook, and Excel's maximum of 64,000 cell formats
	 * takes a few MB.
	 */
	static final long MAX_STYLES_BYTES = 10L * 1024 * 1024;

	/** The workbook part and each part of relationships, as they unpack. */
	static final long MAX_PART_BYTES = 10L * 1024 * 1024;

	static final int MAX_MERGED_REGIONS = 20_000;

	/**
	 * As POI's ZipSecureFile: no part may unpack to more than 100 times its packed size.
	 */
	static final int MAX_INFLATE_RATIO = 100;

	/** The last row of a spreadsheet (Excel's). */
	static final int LAST_ROW = 1_048_576;

	/** A row of the sheet with its number as a spreadsheet shows it (1 = the first). */
	record Line(int number, List<String> cells) {

		String cell(Integer column) {
			return (column == null || column < 0 || column >= this.cells.size()) ? "" : this.cells.get(column).trim();
		}

	}

	private SheetReader() {
	}

	static List<Line> read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "The file is empty");
		}
		checkSize(content.length);
		if (content.length >= 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
				&& (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0) {
			// an OLE2 compound file: an .xls workbook, or an .xlsx with a password (the
			// encrypted package travels in one)
			throw new InvalidInputException("file", fileName
					+ " is an Excel 97-2003 workbook (.xls) or a workbook protected by a password; Plenary reads"
					+ " .xlsx and CSV: open it in your spreadsheet program and save it as .xlsx (without a password)"
					+ " or as CSV");
		}
		boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
		List<Line> lines = zip ? XlsxSheetReader.read(fileName, content) : csv(fileName, content);
		if (lines.isEmpty()) {
			throw new InvalidInputException("file", fileName + " has no rows");
		}
		return lines;
	}

	private static void checkSize(long bytes) {
		if (bytes > MAX_BYTES) {
			throw new InvalidInputException("file", "The file is " + (bytes / (1024 * 1024))
					+ " MB; a whip spreadsheet is at most " + (MAX_BYTES / (1024 * 1024)) + " MB");
		}
	}

	private static List<Line> csv(String fileName, byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			// a spreadsheet program's "CSV" is often Windows-1252
			text = new String(content, java.nio.charset.Charset.forName("windows-1252"));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char separator = count(firstLine, ';') > count(firstLine, ',') ? ';'
				: (count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',');
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int number = 1;
		int started = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						number++;
					}
					append(fileName, cell, c, cells.size(), started);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == separator) {
				if (cells.size() + 1 >= MAX_COLUMNS) {
					throw tooManyColumns(fileName, started);
				}
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(lines, started, cells);
				if (lines.size() > MAX_ROWS) {
					throw tooManyRows(fileName, started);
				}
				cells = new ArrayList<>();
				number++;
				started = number;
				if (number > MAX_ROWS_SEEN && i + 1 < text.length()) {
					throw tooManyRowsSeen(fileName, number);
				}
			}
			else {
				append(fileName, cell, c, cells.size(), started);
			}
		}
		if (quoted) {
			throw new InvalidInputException("file",
					fileName + ": a quoted cell that starts on line " + started + " never ends");
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			add(lines, started, cells);
			if (lines.size() > MAX_ROWS) {
				throw tooManyRows(fileName, started);
			}
		}
		return lines;
	}

	private static void append(String fileName, StringBuilder cell, char c, int column, int row) {
		if (cell.length() >= MAX_CELL_CHARS) {
			throw cellTooLong(fileName, "cell " + CellReference.convertNumToColString(column) + row);
		}
		cell.append(c);
	}

	static void add(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((c) -> !c.isBlank())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter((x) -> x == c).count();
	}

	// ---- what the user is told: what and where, in Plenary's words only

	static InvalidInputException unreadable(String fileName) {
		return new InvalidInputException("file", fileName
				+ " is not a readable XLSX workbook (it may be damaged, password-protected, or an old .xls file:"
				+ " save it as .xlsx or CSV)");
	}

	static InvalidInputException tooManyRows(String fileName, int row) {
		return refusal(fileName, "row %,d: a whip spreadsheet has at most %,d rows (blank rows not counted)", row,
				MAX_ROWS);
	}

	static InvalidInputException tooManyRowsSeen(String fileName, int row) {
		return refusal(fileName,
				"row %,d: more than %,d rows, blank ones included; a whip spreadsheet has at most %,d rows", row,
				MAX_ROWS_SEEN, MAX_ROWS);
	}

	static InvalidInputException tooManyColumns(String fileName, int row) {
		return refusal(fileName, "row %,d: more than %,d cells; a whip spreadsheet has at most %,d columns (A to %s)",
				row, MAX_COLUMNS, MAX_COLUMNS, CellReference.convertNumToColString(MAX_COLUMNS - 1));
	}

	static InvalidInputException tooManyCellsSeen(String fileName, String where) {
		return refusal(fileName,
				"%s: more than %,d cells, empty ones included; a whip spreadsheet has at most %,d rows of %,d columns",
				where, MAX_CELLS_SEEN, MAX_ROWS, MAX_COLUMNS);
	}

	static InvalidInputException beyondLastColumn(String fileName, String where) {
		return refusal(fileName, "%s: beyond column %s; a whip spreadsheet has at most %,d columns", where,
				CellReference.convertNumToColString(MAX_COLUMNS - 1), MAX_COLUMNS);
	}

	static InvalidInputException cellTooLong(String fileName, String where) {
		return refusal(fileName, "%s: more than %,d characters, the most a cell can hold", where, MAX_CELL_CHARS);
	}

	static InvalidInputException tooManyCharacters(String fileName, String where) {
		return refusal(fileName,
				"%s: the cells up to here hold more than %,d characters; a whip spreadsheet holds at most that", where,
				MAX_TOTAL_CHARS);
	}

	static InvalidInputException tooManySharedTexts(String fileName) {
		return refusal(fileName, "more than %,d different texts; a whip spreadsheet has at most %,d",
				MAX_SHARED_STRINGS, MAX_SHARED_STRINGS);
	}

	static InvalidInputException sharedTextTooLong(String fileName, int text) {
		return refusal(fileName, "its text number %,d has more than %,d characters, the most a cell can hold", text,
				MAX_CELL_CHARS);
	}

	static InvalidInputException sharedTextsTooLong(String fileName) {
		return refusal(fileName, "its texts hold more than %,d characters; a whip spreadsheet holds at most that",
				MAX_TOTAL_CHARS);
	}

	static InvalidInputException tooManyMergedRegions(String fileName) {
		return refusal(fileName, "more than %,d merged cells; a whip spreadsheet has at most %,d", MAX_MERGED_REGIONS,
				MAX_MERGED_REGIONS);
	}

	static InvalidInputException overlappingMergedRegions(String fileName) {
		return refusal(fileName, "its merged cells overlap one another, which no spreadsheet program allows;"
				+ " open it in yours, let it repair the file and save it again");
	}

	/** {@code what}: the part and its verb, "its first sheet unpacks". */
	static InvalidInputException unpacksTooLarge(String fileName, String what, long limit) {
		return refusal(fileName, "%s to more than %,d MB; a whip spreadsheet may have at most that there", what,
				limit / (1024 * 1024));
	}

	static InvalidInputException zipBomb(String fileName, String what) {
		return new InvalidInputException("file",
				String.format(Locale.ROOT,
						"%s expands to far more than its size when unpacked (a zip bomb?): %s to more than %,d times"
								+ " the packed size; it was not read",
						fileName, what, MAX_INFLATE_RATIO));
	}

	private static InvalidInputException refusal(String fileName, String what, Object... args) {
		return new InvalidInputException("file", fileName + ": " + String.format(Locale.ROOT, what, args));
	}

}
