package org.plenary.states;

import java.time.LocalDate;

/**
 * A name or code under which a state appears in records, valid between two dates (open
 * when null).
 */
public record StateName(String iso3, String name, String kind, LocalDate validFrom, LocalDate validTo, String source) {

	public boolean validOn(LocalDate date) {
		return date == null || ((this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo)));
	}

}
