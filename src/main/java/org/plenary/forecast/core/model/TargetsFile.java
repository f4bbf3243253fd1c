package org.plenary.forecast.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.plenary.forecast.core.tally.AdoptionRule;

/**
 * Reads a targets file: CSV with the header {@code target,date,references,rule}, one vote
 * to forecast per line. {@code references} are resolution symbols separated by {@code ;}
 * (the most alike first); {@code rule} is {@code simple} or {@code two-thirds}. Every
 * error names its line; the whole file is refused on the first.
 */
public final class TargetsFile {

	static final List<String> HEADER = List.of("target", "date", "references", "rule");

	private TargetsFile() {
	}

	/** A line of the file is wrong: the message says which and why. */
	public static final class InvalidTargets extends IllegalArgumentException {

		InvalidTargets(String message) {
			super(message);
		}

	}

	public static List<Target> read(Reader input) throws IOException {
		BufferedReader reader = new BufferedReader(input);
		String headerLine = reader.readLine();
		if (headerLine == null) {
			throw new InvalidTargets(
					"Line 1: the targets file is empty: it needs the header " + String.join(",", HEADER));
		}
		if (headerLine.startsWith("\uFEFF")) {
			headerLine = headerLine.substring(1);
		}
		List<String> header = split(headerLine, 1).stream().map((h) -> h.trim().toLowerCase(Locale.ROOT)).toList();
		int[] column = new int[HEADER.size()];
		for (int c = 0; c < HEADER.size(); c++) {
			column[c] = header.indexOf(HEADER.get(c));
			if (column[c] < 0) {
				throw new InvalidTargets("Line 1: the header has no column '" + HEADER.get(c) + "' (found "
						+ String.join(",", header) + "; expected " + String.join(",", HEADER) + ")");
			}
		}
		List<Target> targets = new ArrayList<>();
		Set<String> names = new HashSet<>();
		String line;
		int number = 1;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			List<String> cells = split(line, number);
			if (cells.size() < header.size()) {
				throw new InvalidTargets(
						"Line " + number + ": " + cells.size() + " columns, the header has " + header.size());
			}
			String name = cells.get(column[0]).trim();
			if (name.isEmpty()) {
				throw new InvalidTargets("Line " + number + ": the target has no name");
			}
			if (!names.add(name)) {
				throw new InvalidTargets("Line " + number + ": target " + name + " is listed twice");
			}
			LocalDate date;
			try {
				String day = cells.get(column[1]).trim();
				// a date-time (2022-03-24 00:00:00, 2022-03-24T10:00) is its day
				if (day.length() > 10 && (day.charAt(10) == ' ' || day.charAt(10) == 'T')) {
					day = day.substring(0, 10);
				}
				date = LocalDate.parse(day);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidTargets(
						"Line " + number + ": the date '" + cells.get(column[1]).trim() + "' is not YYYY-MM-DD");
			}
			List<String> references = Arrays.stream(cells.get(column[2]).split(";"))
				.map(String::trim)
				.filter((s) -> !s.isEmpty())
				.toList();
			if (references.isEmpty()) {
				throw new InvalidTargets("Line " + number + ": target " + name + " has no reference resolution");
			}
			targets.add(new Target(name, date, references, rule(cells.get(column[3]), number)));
		}
		if (targets.isEmpty()) {
			throw new InvalidTargets("Line 1: the targets file has a header but no target");
		}
		return targets;
	}

	/** {@code simple} or {@code two-thirds} (also the campaign rules' own names). */
	static AdoptionRule rule(String text, int line) {
		String rule = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
		return switch (rule) {
			case "simple", "simple-majority", "majority" -> AdoptionRule.simpleMajority();
			case "two-thirds", "2/3", "two-thirds-majority" -> AdoptionRule.twoThirds();
			default -> throw new InvalidTargets(
					"Line " + line + ": the rule '" + text.trim() + "' is neither 'simple' nor 'two-thirds'");
		};
	}

	/** One CSV line: commas, and double quotes around cells that hold them. */
	static List<String> split(String line, int number) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new InvalidTargets("Line " + number + ": a quote is opened and never closed");
		}
		cells.add(cell.toString());
		return cells;
	}

}
