package org.plenary.whip;

/**
 * A stance was recorded: the board and the tally react, and outreach opens a follow-up
 * when the stance slipped away from the campaign's ask. {@code contactId} names the
 * logged contact the read came from, if any. Published inside the recording transaction,
 * once the edit is known not to be stale and just before the stance's row is written (so
 * that listeners do their work while the row is not yet locked): a listener inside the
 * transaction is rolled back with it if the write is refused after all, and must not read
 * the stance back; one after commit sees it written.
 */
public record StanceRecorded(long campaignId, String iso3, Stance from, Stance to, int version, String recordedBy,
		Long contactId) {
}
