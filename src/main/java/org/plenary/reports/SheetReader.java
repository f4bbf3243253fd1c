package org.plenary.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.plenary.system.InvalidInputException;

/**
 * Reads the first sheet of an XLSX file, or a CSV file (comma, semicolon or tab), as rows
 * of text. A merged cell's value fills every cell of its region; blank rows are dropped
 * (each row keeps its line number). Files over {@link #MAX_BYTES} and compressed content
 * that expands suspiciously (a zip bomb) are refused with a message that says so.
 */
final class SheetReader {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_ROWS = 5_000;

	/** A row of the sheet with its number as a spreadsheet shows it (1 = the first). */
	record Line(int number, List<String> cells) {

		String cell(Integer column) {
			return (column == null || column < 0 || column >= this.cells.size()) ? "" : this.cells.get(column).trim();
		}

	}

	private SheetReader() {
	}

	static {
		// no entry of a workbook may unpack to more than this, whatever its ratio
		org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
	}

	static List<Line> read(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "The file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("file", "The file is " + (content.length / (1024 * 1024))
					+ " MB; a whip spreadsheet is at most " + (MAX_BYTES / (1024 * 1024)) + " MB");
		}
		boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
		List<Line> lines = zip ? xlsx(fileName, content) : csv(fileName, content);
		if (lines.isEmpty()) {
			throw new InvalidInputException("file", fileName + " has no rows");
		}
		return lines;
	}

	private static List<Line> xlsx(String fileName, byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			// as wide as the widest row or merged region: a merged cell fills rows that
			// hold no cell of their own there
			int width = 0;
			for (Row row : sheet) {
				width = Math.max(width, row.getLastCellNum());
			}
			for (CellRangeAddress region : sheet.getMergedRegions()) {
				width = Math.max(width, region.getLastColumn() + 1);
			}
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				if (lines.size() >= MAX_ROWS) {
					throw new InvalidInputException("file", fileName + " has more than " + MAX_ROWS + " rows");
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					cells.add(text(sheet, row.getRowNum(), c, row.getCell(c), format));
				}
				add(lines, row.getRowNum() + 1, cells);
			}
			return lines;
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb") || message.contains("inflate ratio")
					|| message.contains("exceed")) {
				throw new InvalidInputException("file",
						fileName + " expands to far more than its size when unpacked (a zip bomb?); it was not read");
			}
			throw new InvalidInputException("file", fileName + " is not a readable XLSX workbook: " + message);
		}
	}

	/** A cell's text; for a cell inside a merged region, the region's first cell's. */
	private static String text(Sheet sheet, int row, int column, Cell cell, DataFormatter format) {
		for (CellRangeAddress region : sheet.getMergedRegions()) {
			if (region.isInRange(row, column)) {
				Row first = sheet.getRow(region.getFirstRow());
				Cell top = (first == null) ? null : first.getCell(region.getFirstColumn());
				return (top == null) ? "" : format.formatCellValue(top);
			}
		}
		return (cell == null) ? "" : format.formatCellValue(cell);
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
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == separator) {
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
				cells = new ArrayList<>();
				number++;
				started = number;
				if (lines.size() > MAX_ROWS) {
					throw new InvalidInputException("file", fileName + " has more than " + MAX_ROWS + " rows");
				}
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new InvalidInputException("file",
					fileName + ": a quoted cell that starts on line " + started + " never ends");
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			add(lines, started, cells);
		}
		return lines;
	}

	private static void add(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((c) -> !c.isBlank())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter((x) -> x == c).count();
	}

}
