package org.plenary.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The file layouts Plenary reads, recognised from the content (the header line, or a JSON
 * object per line), never from the file name.
 */
enum VoteFormat {

	/**
	 * UN Digital Library "General Assembly Voting Data", version 3 (or version 1's plural
	 * names).
	 */
	UNDL("UN Digital Library voting data (CSV)"),
	/** The UN's machine-readable GA resolutions: one JSON object per line. */
	UN_RESOLUTIONS("UN GA resolutions (JSON Lines)"),
	/** Voeten's un_votes.csv: rcid, country, country_code, vote. */
	VOETEN_VOTES("Voeten votes (un_votes.csv)"),
	/**
	 * Voeten's un_roll_calls.csv: rcid, session, importantvote, date, unres, amend, para,
	 * ...
	 */
	VOETEN_ROLL_CALLS("Voeten roll calls (un_roll_calls.csv)"),
	/** resolution, date, iso3, vote: one row per state. */
	PLAIN("plain CSV (resolution, date, iso3, vote)"),
	/**
	 * One column per state, one row per roll call: symbol, date and title columns found
	 * by name, every other column a state's code or name.
	 */
	WIDE("one column per state (CSV)");

	private final String label;

	VoteFormat(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/**
	 * Looks at the first line of the file, for the layouts whose header names fixed
	 * columns (not one column per state); the reader is left at its start.
	 */
	static VoteFormat detect(VoteFile file) throws IOException {
		return detect(file, (name) -> false);
	}

	/**
	 * Looks at the first line of the file; the reader is left at its start.
	 * {@code isState} tells a header that names a state (on any date), for the layout
	 * with one column per state.
	 */
	static VoteFormat detect(VoteFile file, Predicate<String> isState) throws IOException {
		BufferedReader reader = file.reader();
		reader.mark(1 << 20);
		String first = reader.readLine();
		reader.reset();
		if (first == null || first.isBlank()) {
			throw new ImportException(null, "the file is empty");
		}
		String trimmed = first.strip();
		if (trimmed.startsWith("{")) {
			return UN_RESOLUTIONS;
		}
		List<String> header = List.of(trimmed.toLowerCase(Locale.ROOT).replace("\"", "").split("\\s*,\\s*"));
		if ((header.contains("ms_code") || header.contains("ms_codes"))
				&& (header.contains("ms_vote") || header.contains("ms_votes"))) {
			return UNDL;
		}
		if (header.containsAll(List.of("rcid", "country", "vote"))) {
			return VOETEN_VOTES;
		}
		if (header.containsAll(List.of("rcid", "session", "date", "unres"))) {
			return VOETEN_ROLL_CALLS;
		}
		if (header.containsAll(List.of("resolution", "date", "iso3", "vote"))) {
			return PLAIN;
		}
		if (isWide(header, isState)) {
			return WIDE;
		}
		throw new ImportException(1L, "unrecognised header '" + abbreviate(first)
				+ "': expected the UN Digital Library voting data (undl_id, ms_code, ms_name, ms_vote, date, ...),"
				+ " Voeten's un_votes (rcid, country, country_code, vote) or un_roll_calls (rcid, session, ...),"
				+ " a plain CSV (resolution, date, iso3, vote), one column per state (symbol, date, then a column per"
				+ " state's code or name), or JSON Lines of GA resolutions");
	}

	/**
	 * A symbol and a date column, and other columns most of which (and at least three)
	 * name states: a header cell no state answers to is then an unknown name to map.
	 */
	private static boolean isWide(List<String> header, Predicate<String> isState) {
		List<List<String>> columns = VoteReaders.WIDE_COLUMNS;
		if (columns.get(0).stream().noneMatch(header::contains)
				|| columns.get(1).stream().noneMatch(header::contains)) {
			return false;
		}
		List<String> others = header.stream()
			.filter((name) -> !name.isBlank() && !VoteReaders.isWideRollCallColumn(name))
			.toList();
		long states = others.stream().filter(isState).count();
		return states >= 3 && states * 2 >= others.size();
	}

	static String abbreviate(String text) {
		return text.length() <= 120 ? text : text.substring(0, 117) + "...";
	}

}
