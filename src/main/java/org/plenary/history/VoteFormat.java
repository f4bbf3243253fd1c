package org.plenary.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

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
	PLAIN("plain CSV (resolution, date, iso3, vote)");

	private final String label;

	VoteFormat(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/** Looks at the first line of the file; the reader is left at its start. */
	static VoteFormat detect(VoteFile file) throws IOException {
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
		throw new ImportException(1L, "unrecognised header '" + abbreviate(first)
				+ "': expected the UN Digital Library voting data (undl_id, ms_code, ms_name, ms_vote, date, ...),"
				+ " Voeten's un_votes (rcid, country, country_code, vote) or un_roll_calls (rcid, session, ...),"
				+ " a plain CSV (resolution, date, iso3, vote), or JSON Lines of GA resolutions");
	}

	static String abbreviate(String text) {
		return text.length() <= 120 ? text : text.substring(0, 117) + "...";
	}

}
