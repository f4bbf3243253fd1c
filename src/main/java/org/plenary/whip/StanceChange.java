package org.plenary.whip;

import java.time.Instant;

/**
 * One change of a member's stance, as kept forever; {@code contactId} names the logged
 * contact it was read from, if any.
 */
public record StanceChange(long id, String iso3, int version, Stance from, Stance to, Confidence confidence,
		String sourceName, Level sourceLevel, Channel sourceChannel, String note, String recordedBy, Instant recordedAt,
		Long contactId) {
}
