package org.plenary.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A briefing on the draft, with its invitation list: the rule it invites by (as stored,
 * e.g. {@code EXCEPT:7029:N}, and in words, "everyone except those that voted No on
 * A/RES/ES-11/1"), the members that rule leaves out and those left out by hand.
 */
public record Briefing(long id, String title, LocalDate heldOn, String rule, String ruleInWords,
		List<Invitation> invitations, List<Member> leftOutByRule, List<Member> leftOutByHand) {

	public enum Status {

		INVITED, ACCEPTED, DECLINED, ATTENDED, NO_SHOW;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * One state's invitation: by the rule or added by hand; its answer, who recorded it
	 * and when, and its version (an answer is written on top of the version seen).
	 */
	public record Invitation(String iso3, String name, Status status, String addedBy, int version, String answeredBy,
			Instant answeredAt) {

		/** Not answered yet: invited, and nothing more. */
		public boolean unanswered() {
			return this.status == Status.INVITED;
		}

	}

	public long count(Status status) {
		return this.invitations.stream().filter((i) -> i.status() == status).count();
	}

}
