package org.plenary.whip;

import java.time.Instant;

/**
 * A member's stance now. Version 0 with stance Unknown means no read was ever recorded.
 * {@code contactId} names the logged contact the read came from, if any.
 */
public record CurrentStance(String iso3, Stance stance, Confidence confidence, String sourceName, Level sourceLevel,
		Channel sourceChannel, String note, String recordedBy, Instant recordedAt, int version, Long contactId) {

	/** A member never read: Unknown, version 0 (what the board shows before any read). */
	public static CurrentStance unknown(String iso3) {
		return new CurrentStance(iso3, Stance.UNKNOWN, null, null, null, null, null, null, null, 0, null);
	}

}
