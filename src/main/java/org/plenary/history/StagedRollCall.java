package org.plenary.history;

import java.time.LocalDate;

/**
 * A roll call as one file describes it, before it is matched with what is stored.
 *
 * @param key the match key: {@code SYMBOL|DATE} for a vote on a whole resolution, else
 * {@code SOURCE:ID}
 * @param line where the file first describes it
 */
record StagedRollCall(String key, long line, Source source, String sourceKey, String body, String symbol,
		LocalDate date, String session, String title, String description, String agendaItem, String draftSymbol,
		String meetingRecord, String subjects, String sponsors, String kind, Boolean important,
		boolean adoptedWithoutVote, Integer statedYes, Integer statedNo, Integer statedAbstain,
		Integer statedNonVoting) {

	/** The datasets Plenary reads. */
	enum Source {

		UNDL("UN Digital Library voting data"), UN_RESOLUTIONS("UN machine-readable GA resolutions"),
		VOETEN("Voeten's roll calls (unvotes)"), PLAIN("plain CSV"), WIDE("one column per state (CSV)");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	static String wholeResolutionKey(String symbol, LocalDate date) {
		return symbol + "|" + date;
	}

	static String body(String symbol, String session) {
		return Symbols.emergencySpecialSession(symbol, session) ? "EMERGENCY_SPECIAL_SESSION" : "GA_PLENARY";
	}

}
