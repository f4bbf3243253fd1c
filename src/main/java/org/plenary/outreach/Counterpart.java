package org.plenary.outreach;

import java.time.LocalDate;

import org.plenary.whip.Level;

/**
 * Someone we talk to on a state's side, holding a post (its PR in New York, a minister, a
 * capital official) from one date until another. A new holder of the same post is a new
 * counterpart, so the post keeps its history. Each is in one organisation's directory
 * ({@code organisationId}).
 */
public record Counterpart(long id, String iso3, String name, String post, Level level, String phone, String messaging,
		String email, String languages, String notes, LocalDate heldFrom, LocalDate heldUntil, int version,
		long organisationId) {

	/** Still in post (no end date, or an end date in the future). */
	public boolean current() {
		return this.heldUntil == null || this.heldUntil.isAfter(LocalDate.now());
	}

}
