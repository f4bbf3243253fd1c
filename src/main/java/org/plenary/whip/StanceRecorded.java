package org.plenary.whip;

/**
 * A stance was recorded: the board and the tally react, and outreach opens a follow-up
 * when the stance slipped away from the campaign's ask. {@code contactId} names the
 * logged contact the read came from, if any. Published inside the recording transaction.
 */
public record StanceRecorded(long campaignId, String iso3, Stance from, Stance to, int version, String recordedBy,
		Long contactId) {
}
