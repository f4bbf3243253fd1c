package org.plenary.outreach;

import java.time.Instant;

import org.plenary.whip.Level;

/**
 * Who owns a state in a campaign, overall ({@code level} null) or at one level, from when
 * until when. A hand-over ends one assignment and starts another, so both are kept.
 */
public record Assignment(long id, long campaignId, String iso3, String stateName, Level level, long personId,
		String personName, String organisation, Instant assignedFrom, String assignedBy, Instant assignedUntil,
		String endedBy) {

	public boolean current() {
		return this.assignedUntil == null;
	}

	/** "Overall" or the level's name, as the pages show it. */
	public String role() {
		return (this.level == null) ? "Overall" : this.level.label();
	}

}
