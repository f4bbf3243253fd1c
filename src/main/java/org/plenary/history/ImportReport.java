package org.plenary.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one import did, or why it did nothing. Written to the import's record and shown on
 * the import page, the command line and the API.
 *
 * @param status {@code DONE} (committed) or {@code FAILED} (nothing written)
 * @param errors what stopped the import, each with its line; {@code errorCount} counts
 * all (a short list: {@code problems} has every one)
 * @param defects what is wrong in data that was kept (totals that disagree, states listed
 * twice, datasets that disagree), by roll call
 * @param warnings other oddities, e.g. a resolution that appears twice in one file
 * @param problems every error, defect and warning, one entry each with its lines (up to
 * {@link Staging#MAX_PROBLEMS}; {@code problemCounts} counts them all, by kind)
 * @param unknownNames the names no state answers to, each with where it occurs and the
 * likeliest states: the user maps them, then imports the file again
 */
public record ImportReport(long importId, String file, String format, String status, long rowsRead, int rollCallsRead,
		int added, int updated, int unchanged, int disagreeing, long votesWritten, List<String> errors, int errorCount,
		List<Defect> defects, List<String> warnings, long millis, List<Problem> problems,
		Map<String, Integer> problemCounts, List<UnknownName> unknownNames) {

	public ImportReport {
		// reports stored before issue 21 have neither problems nor unknown names
		problems = (problems == null) ? List.of() : problems;
		problemCounts = (problemCounts == null) ? Map.of() : problemCounts;
		unknownNames = (unknownNames == null) ? List.of() : unknownNames;
	}

	/** A defect of one roll call, as the import found it. */
	public record Defect(String rollCall, String kind, String detail) {
	}

	/**
	 * One problem of a file.
	 *
	 * @param severity {@code ERROR} (the file is refused), {@code DEFECT} (the data is
	 * kept with it) or {@code WARNING}
	 * @param kind what sort of problem, e.g. {@code UNKNOWN_NAME},
	 * {@code TOTALS_MISMATCH}
	 * @param rollCall the roll call it concerns, when one
	 * @param lines the lines of the file where it is, when known
	 */
	public record Problem(String severity, String kind, String rollCall, List<Long> lines, String detail) {

		public Problem {
			lines = (lines == null) ? List.of() : lines;
		}

		/** The lines in words, runs of consecutive lines shortened: "3, 5-9, 12". */
		public String where() {
			return Lines.describe(this.lines);
		}

		/** The kind in words. */
		public String label() {
			return kindLabel(this.kind);
		}

	}

	/**
	 * A name no state answers to on the dates it is used.
	 *
	 * @param rows how many votes it names
	 * @param rollCalls the roll calls it votes in, as "symbol (date)"
	 * @param suggestions the likeliest states, likeliest first; never applied without the
	 * user
	 */
	public record UnknownName(String name, int rows, List<Long> lines, List<String> rollCalls,
			List<Suggestion> suggestions) {

		public String where() {
			return Lines.describe(this.lines);
		}

	}

	/**
	 * A state an unknown name may stand for, and why.
	 *
	 * @param distance the edit distance to the nearest of the state's names (null: not
	 * near)
	 * @param absentFrom in how many of the name's roll calls the state was seated and not
	 * otherwise listed
	 */
	public record Suggestion(String iso3, String stateName, Integer distance, String nearName, int absentFrom,
			String why) {
	}

	/** How many problems of each kind, the kind in words. */
	public Map<String, Integer> countsByLabel() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.problemCounts.forEach((kind, count) -> counts.merge(kindLabel(kind), count, Integer::sum));
		return counts;
	}

	public boolean succeeded() {
		return "DONE".equals(this.status);
	}

	/** Human words for each kind of problem, for grouping. */
	static String kindLabel(String kind) {
		return switch (kind) {
			case "UNKNOWN_NAME" -> "unknown state names";
			case "INVALID_VOTE" -> "invalid votes";
			case "CONFLICTING_VOTES" -> "states with two different votes on one roll call";
			case "UNKNOWN_RCID" -> "votes on roll calls the roll calls file does not have";
			case "REPEATED_ROLL_CALL" -> "roll calls that appear twice (the first is kept)";
			case "NOT_A_STATE" -> "names mapped as not a state (their rows skipped)";
			case "LISTED_TWICE" -> "states listed twice with the same vote (counted once)";
			case "TOTALS_MISMATCH" -> "stated totals that disagree with the votes";
			case "NO_VOTES_LISTED" -> "roll calls with totals but no state listed";
			case "SOURCES_DISAGREE" -> "roll calls whose votes differ from another dataset's";
			case "STRICT" -> "refused by a strict import";
			default -> "problems with the file";
		};
	}

	/** The problems grouped by severity and kind, in the order of the file. */
	public Map<String, List<Problem>> grouped() {
		Map<String, List<Problem>> groups = new LinkedHashMap<>();
		for (String severity : List.of("ERROR", "DEFECT", "WARNING")) {
			for (Problem problem : this.problems) {
				if (problem.severity().equals(severity)) {
					groups.computeIfAbsent(problem.kind(), (k) -> new ArrayList<>()).add(problem);
				}
			}
		}
		return groups;
	}

	/** The report as lines of text, for the command line: every problem, grouped. */
	public List<String> summary() {
		List<String> lines = new ArrayList<>();
		lines.add(this.file + " (" + this.format + "): " + (succeeded() ? "imported" : "NOT imported, nothing changed")
				+ " in " + String.format("%.1f", this.millis / 1000.0) + " s");
		lines.add("  rows read: " + this.rowsRead + "; roll calls read: " + this.rollCallsRead);
		if (succeeded()) {
			lines.add("  roll calls added: " + this.added + ", updated: " + this.updated + ", unchanged: "
					+ this.unchanged + ", disagreeing with another dataset: " + this.disagreeing + "; votes written: "
					+ this.votesWritten);
		}
		if (this.problems.isEmpty()) {
			// a report without the full list (a file refused before it was read)
			this.errors.forEach((e) -> lines.add("  error: " + e));
			this.defects.forEach((d) -> lines.add("  defect: " + d.rollCall() + ": " + d.kind() + ": " + d.detail()));
			this.warnings.forEach((w) -> lines.add("  warning: " + w));
			return lines;
		}
		grouped().forEach((kind, problems) -> {
			String severity = problems.get(0).severity().toLowerCase(java.util.Locale.ROOT);
			int count = this.problemCounts.getOrDefault(kind, problems.size());
			lines.add("  " + severity + "s: " + kindLabel(kind) + " (" + count + "):");
			if ("UNKNOWN_NAME".equals(kind) && !this.unknownNames.isEmpty()) {
				for (UnknownName name : this.unknownNames) {
					lines.add("    '" + name.name() + "': " + name.rows() + " row(s), line(s) " + name.where() + "; in "
							+ name.rollCalls().size() + " roll call(s): " + abbreviated(name.rollCalls(), 5));
					if (name.suggestions().isEmpty()) {
						lines.add("      no likely state: map it by hand (--map '" + name.name() + "=ISO3')");
					}
					else {
						lines.add("      likeliest: " + String.join("; ",
								name.suggestions().stream().map((s) -> s.iso3() + " (" + s.why() + ")").toList()));
					}
				}
			}
			else {
				for (Problem problem : problems) {
					String where = problem.lines().isEmpty() ? "" : "line(s) " + problem.where() + ": ";
					String rollCall = (problem.rollCall() == null) ? "" : problem.rollCall() + ": ";
					lines.add("    " + where + rollCall + problem.detail());
				}
			}
			if (count > problems.size()) {
				lines.add("    (" + (count - problems.size()) + " more of this kind not listed: the file has over "
						+ Staging.MAX_PROBLEMS + " problems)");
			}
		});
		if (!this.unknownNames.isEmpty()) {
			lines.add("  map each unknown name (--map 'NAME=ISO3', or 'NAME=-' for not a state), then import again");
		}
		return lines;
	}

	private static String abbreviated(List<String> items, int shown) {
		return items.size() <= shown ? String.join(", ", items)
				: String.join(", ", items.subList(0, shown)) + " and " + (items.size() - shown) + " other(s)";
	}

	/** Lines in words. */
	static final class Lines {

		private Lines() {
		}

		static String describe(List<Long> lines) {
			StringBuilder text = new StringBuilder();
			int i = 0;
			while (i < lines.size()) {
				int j = i;
				while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
					j++;
				}
				if (text.length() > 0) {
					text.append(", ");
				}
				text.append(lines.get(i));
				if (j > i) {
					text.append('-').append(lines.get(j));
				}
				i = j + 1;
			}
			return text.toString();
		}

	}

}
