package org.plenary.campaigns;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign as pages and the API show it.
 *
 * @param outOfReachVersion the version of its list of states out of reach (see
 * {@link OutOfReach})
 */
public record Campaign(long id, String title, Body body, String bodyName, DecisionRule rule, Integer quota, Ask ask,
		String draftSymbol, Integer goalYes, String goalText, LocalDate tabledOn, LocalDate debateOn, LocalDate voteOn,
		Status status, Long partOf, String partLabel, boolean demo, String createdBy, Instant createdAt, int version,
		int members, int outOfReachVersion) {

	/**
	 * Whether the campaign's work is over (voted or archived): its follow-ups are no
	 * longer due, and nothing it asks for is overdue.
	 */
	public boolean over() {
		return this.status == Status.VOTED || this.status == Status.ARCHIVED;
	}

	/** What we want states to vote. */
	public enum Ask {

		YES, NO, ABSTAIN

	}

	public enum Status {

		PREPARING("Preparing"), WHIPPING("Whipping"), VOTED("Voted"), ARCHIVED("Archived");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
