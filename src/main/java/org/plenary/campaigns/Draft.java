package org.plenary.campaigns;

import java.time.LocalDate;
import java.util.List;

/** A revision of the text (A/ES-11/L.5, then L.5/Rev.1, ...) with its co-sponsors. */
public record Draft(long id, String symbol, LocalDate issuedOn, String whatChanged, String text,
		List<Cosponsor> cosponsors) {

	/** A state that co-sponsors a revision, from a date, until it withdraws. */
	public record Cosponsor(String iso3, String name, LocalDate joinedOn, LocalDate withdrewOn) {

		public boolean current() {
			return this.withdrewOn == null;
		}

	}

}
