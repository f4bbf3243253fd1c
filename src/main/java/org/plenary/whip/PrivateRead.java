package org.plenary.whip;

import java.time.Instant;
import java.util.List;

/**
 * A stance read an organisation keeps to itself, or shares with named partners
 * ({@code sharedWith}, organisation ids), until it publishes it to the coalition's board
 * ({@code publishedVersion}: the board's version that publishing made). Only the
 * organisation and those it shares with ever read it (ADR 0011). {@code mine}: the
 * viewer's organisation holds it (and may publish it).
 */
public record PrivateRead(long id, String iso3, long organisationId, String organisation, List<Long> sharedWith,
		Stance stance, Confidence confidence, String sourceName, Level sourceLevel, Channel sourceChannel, String note,
		Long contactId, String recordedBy, Instant recordedAt, Instant publishedAt, String publishedBy,
		Integer publishedVersion, boolean mine) {

	public boolean published() {
		return this.publishedAt != null;
	}

}
