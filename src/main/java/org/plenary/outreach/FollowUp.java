package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;

import org.plenary.whip.Level;

/**
 * A task with a due date and an owner: made by hand, from a contact ("call back
 * Thursday"), by a rule (a stance slipped away from the ask, a state not contacted for
 * too long), or from an accepted escalation suggestion.
 */
public record FollowUp(long id, long campaignId, String iso3, String stateName, String title, LocalDate dueOn,
		Long ownerId, String ownerName, Level suggestedLevel, Origin origin, Long contactId, Status status,
		String createdBy, Instant createdAt, String closedBy, Instant closedAt, int version) {

	public enum Origin {

		MANUAL("By hand"), CONTACT("From a contact"), SLIPPED("Stance slipped"),
		NOT_CONTACTED("Not contacted recently"), ESCALATION("Escalation");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public enum Status {

		OPEN, DONE, DISMISSED

	}

	/**
	 * Whether it is open and was due before {@code today}; null {@code today}: the
	 * campaign is over, and nothing is due any more.
	 */
	public boolean overdue(LocalDate today) {
		return today != null && this.status == Status.OPEN && this.dueOn.isBefore(today);
	}

}
