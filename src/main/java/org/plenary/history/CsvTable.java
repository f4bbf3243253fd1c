package org.plenary.history;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A CSV file read by column name: checks the header and the width of every row. */
final class CsvTable {

	private final CsvReader csv;

	private final Map<String, Integer> columns = new HashMap<>();

	private final int width;

	private final List<String> header;

	private List<String> row;

	/**
	 * Reads the header; every name in {@code required} must be there (any of its
	 * aliases).
	 */
	CsvTable(VoteFile file, List<List<String>> required) throws IOException {
		this.csv = new CsvReader(file.reader());
		List<String> header = this.csv.next();
		if (header == null) {
			throw new ImportException(null, "the file is empty");
		}
		for (int i = 0; i < header.size(); i++) {
			this.columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		this.width = header.size();
		this.header = List.copyOf(header);
		for (List<String> aliases : required) {
			if (aliases.stream().noneMatch(this.columns::containsKey)) {
				throw new ImportException(1L, "the header has no column '" + aliases.get(0) + "'");
			}
		}
	}

	/** Moves to the next row; false at the end. A row of another width is an error. */
	boolean next() throws IOException {
		this.row = this.csv.next();
		if (this.row == null) {
			return false;
		}
		if (this.row.size() != this.width) {
			throw new ImportException(line(), "expected " + this.width + " columns, found " + this.row.size()
					+ " (a truncated file, or an unquoted comma)");
		}
		return true;
	}

	List<String> header() {
		return this.header;
	}

	/** The value in a column by its position; blank becomes null. */
	String cell(int index) {
		String value = this.row.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	long line() {
		return this.csv.recordLine();
	}

	/**
	 * The value of the first of these columns that the file has, or null; blank becomes
	 * null.
	 */
	String get(String... aliases) {
		for (String alias : aliases) {
			Integer index = this.columns.get(alias);
			if (index != null) {
				String value = this.row.get(index).strip();
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	String required(String... aliases) {
		String value = get(aliases);
		if (value == null) {
			throw new ImportException(line(), "empty " + aliases[0]);
		}
		return value;
	}

	LocalDate date(String... aliases) {
		String value = required(aliases);
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException ex) {
			throw new ImportException(line(), "'" + value + "' is not a date (expected YYYY-MM-DD)");
		}
	}

	Integer integer(String... aliases) {
		String value = get(aliases);
		if (value == null || value.equalsIgnoreCase("NA") || value.equalsIgnoreCase("N.A.")) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new ImportException(line(), "'" + value + "' in " + aliases[0] + " is not a whole number");
		}
	}

}
