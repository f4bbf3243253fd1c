package org.plenary.campaigns;

import java.time.Instant;

/**
 * A partner's suggestion to the campaign's owner: a reference resolution to add, or the
 * roll call the campaign's vote became (its outcome). Both belong to the campaign and are
 * the owner's to record; the owner's coordinators accept or decline the suggestion.
 */
public record PartnerSuggestion(long id, long campaignId, String organisation, Kind kind, long rollCallId,
		String rollCallLabel, String note, Status status, String suggestedBy, Instant suggestedAt, String answeredBy,
		Instant answeredAt) {

	public enum Kind {

		REFERENCE("Reference resolution"), OUTCOME("Outcome");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public enum Status {

		OPEN, ACCEPTED, DECLINED

	}

	public boolean open() {
		return this.status == Status.OPEN;
	}

}
