package org.plenary.outreach;

import org.plenary.whip.Level;

/**
 * One of our side's officials: who makes contacts and owns states. Linked to a user
 * account ({@code username}) when the official signs in to Plenary.
 */
public record Person(long id, String name, long organisationId, String organisation, Level level, String title,
		String username, boolean active, int version) {

	/** "Jane Roe (Permanent Representative, US mission)". */
	public String describe() {
		return this.name + " (" + this.level.label() + ", " + this.organisation + ")";
	}

}
