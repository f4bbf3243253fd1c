package org.plenary.whip;

import java.util.List;

/**
 * A private read was recorded: the shared board did not change, but the organisation's
 * own view did ({@code from}: the stance its view showed before). Whatever a rule makes
 * of it (a follow-up when the read slipped away from the ask) belongs to the read's
 * audience: {@code organisationId} and the partners in {@code sharedWith}. Published
 * inside the recording transaction.
 */
public record PrivateReadRecorded(long campaignId, String iso3, Stance from, Stance to, long organisationId,
		List<Long> sharedWith, String recordedBy, Long contactId) {
}
