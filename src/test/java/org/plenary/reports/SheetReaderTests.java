package org.plenary.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.plenary.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading whip spreadsheets: ordinary workbooks read as Excel shows them, and hostile
 * files (each small packed, made here) refused at the limit they break, with a message
 * that says what and where in Plenary's words, never a library's.
 */
class SheetReaderTests {

	// ---- ordinary workbooks

	@Test
	void mergedCellsFillTheirRegionAndRowsKeepTheirNumbers() throws Exception {
		byte[] xlsx = poi((workbook) -> {
			Sheet sheet = workbook.createSheet("Whip count");
			String[][] rows = { { "State", "Vote intention", "Notes" }, { "Ghana", "Lean N", "Both rows" },
					{ "Nigeria", null, null }, {}, { "Senegal", "yes", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
			// a title merged over five columns, below the data: the sheet is five wide
			sheet.createRow(7).createCell(0).setCellValue("Count of 4 December");
			sheet.addMergedRegion(new CellRangeAddress(7, 8, 0, 4));
			// row 9 exists (a style, no value): the merged title fills it too
			sheet.createRow(8).createCell(3).setCellStyle(workbook.createCellStyle());
		});
		List<SheetReader.Line> lines = SheetReader.read("count.xlsx", xlsx);
		assertThat(lines).extracting(SheetReader.Line::number).containsExactly(1, 2, 3, 5, 8, 9);
		assertThat(lines.get(0).cells()).containsExactly("State", "Vote intention", "Notes", "", "");
		assertThat(lines.get(2).cells()).containsExactly("Nigeria", "Lean N", "Both rows", "", "");
		assertThat(lines.get(3).cells()).containsExactly("Senegal", "yes", "", "", "");
		assertThat(lines.get(5).cells()).containsOnly("Count of 4 December");
	}

	@Test
	void numbersDatesAndResultsReadAsExcelShowsThem() throws Exception {
		byte[] xlsx = poi((workbook) -> {
			Sheet sheet = workbook.createSheet();
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue(LocalDate.of(2026, 11, 20));
			row.getCell(0).setCellStyle(date);
			row.createCell(1).setCellValue(LocalDateTime.of(2026, 11, 21, 10, 30));
			row.getCell(1).setCellStyle(dateTime);
			row.createCell(2).setCellValue(1234.5);
			row.getCell(2).setCellStyle(money);
			row.createCell(3).setCellValue(0.5);
			row.getCell(3).setCellStyle(percent);
			row.createCell(4).setCellValue(193);
			row.createCell(5).setCellValue(true);
			row.createCell(6).setCellFormula("B1-A1");
			row.createCell(7).setCellFormula("\"Y\"&\"es\"");
			row.createCell(8).setCellErrorValue(FormulaError.NA.getCode());
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			row.getCell(6).setCellStyle(money);
		});
		assertThat(SheetReader.read("types.xlsx", xlsx).get(0).cells()).containsExactly("2026-11-20",
				"2026-11-21 10:30", "1,234.50", "50%", "193", "TRUE", "1.44", "Yes", "#N/A");
	}

	@Test
	void aWorkbookCountingDaysFrom1904ReadsItsDatesRight() {
		byte[] xlsx = HostileSpreadsheets.xlsx(HostileSpreadsheets.MAIN, true,
				(out) -> out.write("<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>45000</v></c></row></sheetData>"),
				null);
		assertThat(SheetReader.read("mac.xlsx", xlsx).get(0).cells())
			.containsExactly(LocalDate.of(1904, 1, 1).plusDays(45000).toString());
	}

	@Test
	void sharedAndInlineTextsAndCellsWithoutReferencesAreRead() {
		HostileSpreadsheets.Xml sheet = (out) -> out.write("""
				<sheetData><row><c t="s"><v>0</v></c><c t="s"><v> 1 </v></c><c s="2"><v>2.5</v></c></row>\
				<row r="4"><c r="B4" t="inlineStr"><is><r><t>Lean </t></r><r><t>Y</t></r></is></c>\
				<c t="str"><f>A1</f><v>Kenya</v></c></row></sheetData>\
				<mergeCells count="1"><mergeCell ref="E4:F5"/></mergeCells>""");
		HostileSpreadsheets.Xml texts = (out) -> out.write("""
				<si><t>Côte d'Ivoire</t></si><si><r><rPr><b/></rPr><t>Turk</t></r><r><t>iye</t></r>\
				<rPh sb="0" eb="1"><t>phonetic</t></rPh></si>""");
		List<SheetReader.Line> lines = SheetReader.read("texts.xlsx", HostileSpreadsheets.xlsx(sheet, texts));
		assertThat(lines).extracting(SheetReader.Line::number).containsExactly(1, 4);
		assertThat(lines.get(0).cells()).containsExactly("Côte d'Ivoire", "Turkiye", "2.50", "", "", "");
		assertThat(lines.get(1).cells()).containsExactly("", "Lean Y", "Kenya", "", "", "");
		// Strict Open XML, which POI never read, is told how to save it
		assertThat(
				refused("strict.xlsx", HostileSpreadsheets.xlsx(HostileSpreadsheets.STRICT_MAIN, false, sheet, texts)))
			.isEqualTo("strict.xlsx is saved as Strict Open XML; Plenary reads the ordinary kind: save it again as"
					+ " \"Excel Workbook (.xlsx)\" or as CSV");
	}

	@Test
	void theLimitsThemselvesAreAllowed() {
		assertThat(SheetReader.read("rows.xlsx", HostileSpreadsheets.manyRows(SheetReader.MAX_ROWS)))
			.hasSize(SheetReader.MAX_ROWS);
		List<SheetReader.Line> wide = SheetReader.read("wide.xlsx",
				HostileSpreadsheets.wideRow(SheetReader.MAX_COLUMNS - 1, true));
		assertThat(wide.get(0).cells()).hasSize(SheetReader.MAX_COLUMNS).endsWith("199");
		assertThat(
				SheetReader.read("long.xlsx", HostileSpreadsheets.longCell(SheetReader.MAX_CELL_CHARS)).get(1).cell(1))
			.hasSize(SheetReader.MAX_CELL_CHARS);
		List<SheetReader.Line> blank = SheetReader.read("blank.xlsx",
				HostileSpreadsheets.blankRows(SheetReader.MAX_ROWS_SEEN - 2));
		assertThat(blank).extracting(SheetReader.Line::number).containsExactly(1, SheetReader.MAX_ROWS_SEEN);
		// a file that claims two billion shared texts holds one, and is read
		assertThat(SheetReader.read("claims.xlsx", HostileSpreadsheets.sharedTextsClaimingABillion()).get(0).cells())
			.containsExactly("Kenya");
		// Excel's 64,000 cell formats
		assertThat(SheetReader.read("styles.xlsx", HostileSpreadsheets.manyStyles(64_000))).hasSize(1);
	}

	// ---- hostile workbooks, each refused at the limit it breaks

	@Test
	void aSheetThatUnpacksToMoreThan100MbIsRefusedAtItsLimit() {
		byte[] file = HostileSpreadsheets.hugeSheet();
		assertThat(file.length).isLessThan(4 * 1024 * 1024);
		assertThat(refused("huge.xlsx", file))
			.isEqualTo("huge.xlsx: its first sheet unpacks to more than 100 MB; a whip spreadsheet may have at most"
					+ " that there");
	}

	@Test
	void millionsOfEmptyCellsStopAtTwoMillion() {
		assertThat(refused("empty.xlsx", HostileSpreadsheets.emptyCells(11_000)))
			.isEqualTo("empty.xlsx: cell BI10527: more than 2,000,000 cells, empty ones included; a whip spreadsheet"
					+ " has at most 5,000 rows of 200 columns");
	}

	@Test
	void moreThan5000RowsAreRefusedAtTheFirstRowTooMany() {
		assertThat(refused("rows.xlsx", HostileSpreadsheets.manyRows(1_000_000)))
			.isEqualTo("rows.xlsx: row 5,001: a whip spreadsheet has at most 5,000 rows (blank rows not counted)");
		// refused as the row ends, before the sheet breaks off
		assertThat(refused("cut.xlsx", HostileSpreadsheets.xlsx((out) -> {
			out.write("<sheetData>");
			for (int r = 1; r <= 5_001; r++) {
				out.write("<row r=\"" + r + "\"><c><v>" + r + "</v></c></row>");
			}
			out.write("<row r=\"5002\"><c>");
		}, null))).isEqualTo("cut.xlsx: row 5,001: a whip spreadsheet has at most 5,000 rows (blank rows not counted)");
	}

	@Test
	void millionsOfBlankRowsStopAtTheLimitOfRowsSeen() {
		assertThat(refused("blank.xlsx", HostileSpreadsheets.blankRows(2_000_000))).isEqualTo(
				"blank.xlsx: row 100,001: more than 100,000 rows, blank ones included; a whip spreadsheet has at most"
						+ " 5,000 rows");
	}

	@Test
	void aRowWiderThanColumnGrIsRefused() {
		assertThat(refused("wide.xlsx", HostileSpreadsheets.wideRow(SheetReader.MAX_COLUMNS, true)))
			.isEqualTo("wide.xlsx: cell GS1: beyond column GR; a whip spreadsheet has at most 200 columns");
		assertThat(refused("cells.xlsx", HostileSpreadsheets.wideRow(16_383, false)))
			.isEqualTo("cells.xlsx: cell GS1: beyond column GR; a whip spreadsheet has at most 200 columns");
		assertThat(refused("again.xlsx", HostileSpreadsheets.xlsx((out) -> {
			out.write("<sheetData><row r=\"1\">");
			for (int c = 0; c < 1_000; c++) {
				out.write("<c r=\"A1\"><v>" + c + "</v></c>");
			}
			out.write("</row></sheetData>");
		}, null)))
			.isEqualTo("again.xlsx: row 1: more than 200 cells; a whip spreadsheet has at most 200 columns (A to GR)");
		assertThat(refused("merged.xlsx", HostileSpreadsheets.xlsx((out) -> out.write(
				"<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData><mergeCells><mergeCell ref=\"A1:XFD2\"/></mergeCells>"),
				null)))
			.isEqualTo("merged.xlsx: merged cells A1:XFD2: beyond column GR; a whip spreadsheet has at most 200"
					+ " columns");
	}

	@Test
	void aCellOverExcelsLimitIsRefused() {
		assertThat(refused("long.xlsx", HostileSpreadsheets.longCell(5_000_000)))
			.isEqualTo("long.xlsx: cell B2: more than 32,767 characters, the most a cell can hold");
		assertThat(refused("long.xlsx", HostileSpreadsheets.longCell(SheetReader.MAX_CELL_CHARS + 1)))
			.contains("cell B2: more than 32,767 characters");
		// refused while the cell is read: the sheet breaks off after the text, and the
		// refusal comes before the parser finds that out
		assertThat(refused("cut.xlsx", HostileSpreadsheets.xlsx((out) -> out.write(
				"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + HostileSpreadsheets.letters(40_000, 3)),
				null)))
			.isEqualTo("cut.xlsx: cell A1: more than 32,767 characters, the most a cell can hold");
	}

	@Test
	void aLongTextInEveryCellIsRefusedAtTheLimitOfAllText() {
		assertThat(refused("repeated.xlsx", HostileSpreadsheets.repeatedLongText()))
			.isEqualTo("repeated.xlsx: cell BO4: the cells up to here hold more than 20,000,000 characters; a whip"
					+ " spreadsheet holds at most that");
	}

	@Test
	void sharedTextBombsAreRefused() {
		assertThat(refused("texts.xlsx", HostileSpreadsheets.manySharedTexts(1_000_001)))
			.isEqualTo("texts.xlsx: more than 1,000,000 different texts; a whip spreadsheet has at most 1,000,000");
		byte[] sixty = HostileSpreadsheets.sharedTextsOf60Mb();
		assertThat(sixty.length).isLessThan(SheetReader.MAX_BYTES);
		assertThat(refused("texts.xlsx", sixty)).isEqualTo(
				"texts.xlsx: its shared texts unpack to more than 50 MB; a whip spreadsheet may have at most that there");
		assertThat(refused("texts.xlsx",
				HostileSpreadsheets.xlsx((out) -> out.write("<sheetData/>"),
						(out) -> out.write("<si><t>" + HostileSpreadsheets.letters(40_000, 1) + "</t></si>"))))
			.isEqualTo("texts.xlsx: its text number 1 has more than 32,767 characters, the most a cell can hold");
	}

	@Test
	void stylesBeyondTheirLimitAreRefused() {
		assertThat(refused("styles.xlsx", HostileSpreadsheets.manyStyles(200_000))).isEqualTo(
				"styles.xlsx: its styles unpack to more than 10 MB; a whip spreadsheet may have at most that there");
	}

	@Test
	void zipBombsAreRefused() {
		assertThat(refused("bomb.xlsx", HostileSpreadsheets.zipBomb()))
			.isEqualTo("bomb.xlsx expands to far more than its size when unpacked (a zip bomb?): its first sheet"
					+ " unpacks to more than 100 times the packed size; it was not read");
	}

	@Test
	void mergedCellsThatOverlapOrAboundAreRefused() {
		assertThat(refused("merged.xlsx", HostileSpreadsheets.overlappingMerges())).isEqualTo(
				"merged.xlsx: its merged cells overlap one another, which no spreadsheet program allows; open it in"
						+ " yours, let it repair the file and save it again");
		assertThat(refused("merged.xlsx", HostileSpreadsheets.xlsx((out) -> {
			out.write("<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData><mergeCells>");
			for (int r = 1; r <= 20_001; r++) {
				out.write("<mergeCell ref=\"A" + (2 * r) + ":B" + (2 * r + 1) + "\"/>");
			}
			out.write("</mergeCells>");
		}, null))).isEqualTo("merged.xlsx: more than 20,000 merged cells; a whip spreadsheet has at most 20,000");
	}

	@Test
	void anXlsFileOrAWorkbookWithAPasswordIsToldToBeSavedAsXlsxOrCsv() {
		String expected = " is an Excel 97-2003 workbook (.xls) or a workbook protected by a password; Plenary"
				+ " reads .xlsx and CSV: open it in your spreadsheet program and save it as .xlsx (without a password)"
				+ " or as CSV";
		assertThat(refused("old.xls", HostileSpreadsheets.xls())).isEqualTo("old.xls" + expected);
		assertThat(refused("secret.xlsx", HostileSpreadsheets.encrypted())).isEqualTo("secret.xlsx" + expected);
	}

	@Test
	void filesThatAreNoWorkbookAreUnreadableWhateverTheLibrarySaid() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("random.xlsx", HostileSpreadsheets.randomAfterPk());
		files.put("truncated.xlsx", HostileSpreadsheets.truncated());
		files.put("laughs.xlsx", HostileSpreadsheets.billionLaughs());
		files.put("text.xlsx", "PK not a zip".getBytes(StandardCharsets.US_ASCII));
		files.put("unpackaged.xlsx", HostileSpreadsheets.zip(Map.of("whip.csv", (out) -> out.write("Country\n"))));
		files.put("nosheet.xlsx", HostileSpreadsheets.replace(HostileSpreadsheets.manyRows(1), "xl/workbook.xml",
				"<workbook xmlns=\"" + HostileSpreadsheets.MAIN + "\"><sheets/></workbook>"));
		files.put("badrow.xlsx", HostileSpreadsheets.xlsx(
				(out) -> out.write("<sheetData><row r=\"java.lang.Exception\"><c><v>1</v></c></row></sheetData>"),
				null));
		files.put("badtext.xlsx", HostileSpreadsheets
			.xlsx((out) -> out.write("<sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData>"), null));
		files.put("badcell.xlsx", HostileSpreadsheets
			.xlsx((out) -> out.write("<sheetData><row><c r=\"AAAA1\"><v>1</v></c></row></sheetData>"), null));
		files.put("notxml.xlsx", HostileSpreadsheets.replace(HostileSpreadsheets.manyRows(1),
				"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"));
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			assertThat(refused(file.getKey(), file.getValue())).as(file.getKey())
				.isEqualTo(file.getKey() + " is not a readable XLSX workbook (it may be damaged, password-protected,"
						+ " or an old .xls file: save it as .xlsx or CSV)");
		}
		assertThat(refused("calc.xlsx",
				HostileSpreadsheets
					.zip(Map.of("mimetype", (out) -> out.write("application/vnd.oasis.opendocument.spreadsheet"),
							"content.xml", (out) -> out.write("<office:document-content/>")))))
			.isEqualTo("calc.xlsx is an OpenDocument spreadsheet (.ods); Plenary reads .xlsx and CSV: save it as one"
					+ " of these");
	}

	// ---- CSV

	@Test
	void csvFilesKeepTheSameLimits() {
		StringBuilder wide = new StringBuilder("Country");
		for (int c = 1; c < SheetReader.MAX_COLUMNS; c++) {
			wide.append(',').append(c);
		}
		assertThat(SheetReader.read("wide.csv", csv(wide + "\n")).get(0).cells()).hasSize(SheetReader.MAX_COLUMNS);
		assertThat(refused("wide.csv", csv(wide + ",GS\n")))
			.isEqualTo("wide.csv: row 1: more than 200 cells; a whip spreadsheet has at most 200 columns (A to GR)");
		String cell = "a".repeat(SheetReader.MAX_CELL_CHARS);
		assertThat(SheetReader.read("long.csv", csv("Country,Notes\nKenya," + cell + "\n")).get(1).cell(1))
			.hasSize(SheetReader.MAX_CELL_CHARS);
		assertThat(refused("long.csv", csv("Country,Notes\nKenya,\"" + cell + "b\"\n")))
			.isEqualTo("long.csv: cell B2: more than 32,767 characters, the most a cell can hold");
		assertThat(SheetReader.read("rows.csv", csv("Kenya\n".repeat(SheetReader.MAX_ROWS))))
			.hasSize(SheetReader.MAX_ROWS);
		assertThat(refused("rows.csv", csv("\n\nKenya\n".repeat(SheetReader.MAX_ROWS + 1))))
			.isEqualTo("rows.csv: row 15,003: a whip spreadsheet has at most 5,000 rows (blank rows not counted)");
		assertThat(
				SheetReader.read("blank.csv", csv("Country\n" + "\n".repeat(SheetReader.MAX_ROWS_SEEN - 2) + "Peru")))
			.extracting(SheetReader.Line::number)
			.containsExactly(1, SheetReader.MAX_ROWS_SEEN);
		assertThat(refused("blank.csv", csv("Country\n" + "\r\n".repeat(3_000_000) + "Peru"))).isEqualTo(
				"blank.csv: row 100,001: more than 100,000 rows, blank ones included; a whip spreadsheet has at most"
						+ " 5,000 rows");
	}

	@Test
	void aFileOverTenMbIsRefusedBeforeItIsRead() {
		assertThat(refused("huge.csv", new byte[12 * 1024 * 1024]))
			.isEqualTo("The file is 12 MB; a whip spreadsheet is at most 10 MB");
	}

	/**
	 * The message of the refusal, which must be Plenary's own: no library, class or
	 * exception named.
	 */
	private static String refused(String name, byte[] file) {
		InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
				() -> SheetReader.read(name, file));
		assertThat(refusal).as(name + " is refused").isNotNull();
		assertThat(refusal.field()).isEqualTo("file");
		assertThat(refusal.getMessage()).doesNotContainIgnoringCase("poi")
			.doesNotContainIgnoringCase("xmlbeans")
			.doesNotContainIgnoringCase("bugzilla")
			.doesNotContainIgnoringCase("org.apache")
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("java.")
			.doesNotContain("sax")
			.doesNotContain("zip END");
		return refusal.getMessage();
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private interface Workbook {

		void fill(XSSFWorkbook workbook) throws Exception;

	}

	private static byte[] poi(Workbook content) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.fill(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
