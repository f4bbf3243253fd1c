package org.plenary.whip;

/** A stance was recorded: the board, the tally and (later) follow-ups react. */
public record StanceRecorded(long campaignId, String iso3, Stance from, Stance to, int version, String recordedBy) {
}
