package org.plenary.history;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded vote of the General Assembly as stored: what was voted on, the totals the
 * record states and the counts of the per-state votes, and where the data came from.
 */
public record RollCall(long id, String body, String symbol, LocalDate date, String session, String title,
		String description, String agendaItem, String draftSymbol, String meetingRecord, String subjects,
		String sponsors, String kind, Boolean important, boolean adoptedWithoutVote, Integer statedYes,
		Integer statedNo, Integer statedAbstain, Integer statedNonVoting, int yes, int no, int abstain, int nonVoting,
		List<String> sources) {

	/** How it ended; see {@link Outcome}. */
	public Outcome outcome() {
		return Outcome.of(this);
	}

	/** A label for lists: the symbol, or the kind and date when there is none. */
	public String label() {
		String base = (this.symbol != null) ? this.symbol : "Vote of " + this.date;
		return switch (this.kind) {
			case "AMENDMENT" -> "Amendment: " + base;
			case "PARAGRAPH" -> "Paragraph vote: " + base;
			default -> base;
		};
	}

	/**
	 * The result of a roll call. A resolution symbol is given only to adopted texts;
	 * other votes (amendments, paragraphs, motions) are read under the simple-majority
	 * rule (rule 85: majority of members present and voting; abstentions do not count; a
	 * tie rejects), since the datasets do not say which rule applied.
	 */
	public enum Outcome {

		ADOPTED("Adopted"), ADOPTED_WITHOUT_VOTE("Adopted without a vote"), REJECTED("Rejected"),
		UNKNOWN("No per-state votes");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		static Outcome of(RollCall rollCall) {
			if (rollCall.adoptedWithoutVote()) {
				return ADOPTED_WITHOUT_VOTE;
			}
			if ("RESOLUTION".equals(rollCall.kind()) && rollCall.symbol() != null
					&& rollCall.symbol().startsWith("A/RES/")) {
				return ADOPTED;
			}
			if (rollCall.yes() + rollCall.no() == 0) {
				return UNKNOWN;
			}
			return rollCall.yes() > rollCall.no() ? ADOPTED : REJECTED;
		}

	}

}
