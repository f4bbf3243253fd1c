package org.plenary.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes tables as XLSX and CSV. Text that a spreadsheet program would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is neutralised: in XLSX the
 * cell is marked as text (the "quote prefix" a leading apostrophe gives in Excel), in CSV
 * it gets a leading apostrophe.
 */
final class Spreadsheets {

	private Spreadsheets() {
	}

	/** Whether a spreadsheet program could take this text for a formula. */
	static boolean risky(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** The text as a CSV field: neutralised, and quoted when it needs to be. */
	static String csvField(Object value) {
		if (value == null) {
			return "";
		}
		String text = switch (value) {
			case Instant instant -> instant.toString();
			case Number number -> number.toString();
			default -> value.toString();
		};
		if (!(value instanceof Number) && risky(text)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** A CSV file (UTF-8 with a byte order mark, so that Excel reads accents right). */
	static byte[] csv(Table table) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", table.headers().stream().map(Spreadsheets::csvField).toList())).append("\r\n");
		for (List<Object> row : table.rows()) {
			out.append(String.join(",", row.stream().map(Spreadsheets::csvField).toList())).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A workbook with one sheet per table: typed cells, a frozen bold header and filters.
	 */
	static byte[] xlsx(List<Table> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			CellStyle text = workbook.createCellStyle();
			text.setQuotePrefixed(true);
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(table.name());
				Row top = sheet.createRow(0);
				for (int c = 0; c < table.headers().size(); c++) {
					Cell cell = top.createCell(c);
					cell.setCellValue(table.headers().get(c));
					cell.setCellStyle(header);
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						write(row.createCell(c), values.get(c), date, text);
					}
				}
				sheet.createFreezePane(0, 1);
				if (!table.headers().isEmpty()) {
					sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.headers().size() - 1));
				}
				for (int c = 0; c < table.headers().size(); c++) {
					sheet.setColumnWidth(c, 256 * Math.min(60, Math.max(10, table.headers().get(c).length() + 4)));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Cell cell, Object value, CellStyle date, CellStyle text) {
		switch (value) {
			case null -> cell.setBlank();
			case Number number -> cell.setCellValue(number.doubleValue());
			case Instant instant -> {
				cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
				cell.setCellStyle(date);
			}
			case LocalDate day -> {
				cell.setCellValue(day);
				cell.setCellStyle(date);
			}
			default -> {
				String string = value.toString();
				// at most what a cell holds
				cell.setCellValue(string.length() > 32_767 ? string.substring(0, 32_766) + "…" : string);
				if (risky(string)) {
					cell.setCellStyle(text);
				}
			}
		}
	}

}
