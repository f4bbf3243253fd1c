package org.plenary.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A briefing on the draft, with its invitation list. */
public record Briefing(long id, String title, LocalDate heldOn, String rule, List<Invitation> invitations) {

	public enum Status {

		INVITED, ACCEPTED, DECLINED, ATTENDED, NO_SHOW;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** One state's invitation: by the rule or added by hand. */
	public record Invitation(String iso3, String name, Status status, String addedBy) {
	}

	public long count(Status status) {
		return this.invitations.stream().filter((i) -> i.status() == status).count();
	}

}
