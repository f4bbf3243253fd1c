package org.plenary.outreach;

import org.plenary.whip.Channel;
import org.plenary.whip.Level;

/**
 * Who should make the next contact with a state, at what level and how, and why.
 *
 * @param official who should make it; null when none of our officials fits (the reason
 * then says who is missing)
 * @param basis identifies the situation the suggestion answers (the rule, the level, the
 * latest contact and the stance's version): a dismissed suggestion stays hidden until the
 * basis changes
 */
public record Suggestion(String iso3, Rule rule, Level level, Person official, Channel channel, String reason,
		String basis) {

	/** Which escalation rule made the suggestion. */
	public enum Rule {

		FIRST_CONTACT("First contact"), SLIPPED("Slipped since our last contact"),
		ESCALATE("No movement: go a level up"), CONSOLIDATE("Moving our way: consolidate"),
		RECONTACT("Time to recontact");

		private final String label;

		Rule(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
