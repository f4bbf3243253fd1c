package org.plenary.states;

import java.time.LocalDate;

/**
 * A state in the register, identified by its ISO 3166-1 alpha-3 code (former members by
 * their ISO 3166-3 code, or our own where none exists, e.g. {@code ZAN} for Zanzibar).
 */
public record MemberState(String iso3, String iso2, Integer m49, String shortName, String formalName,
		StateStatus status, LocalDate admittedOn, LocalDate endedOn, String successorIso3, String note) {

	/** Whether the state held a seat on that day (members and former members only). */
	public boolean seatedOn(LocalDate date) {
		if (this.status != StateStatus.MEMBER && this.status != StateStatus.FORMER_MEMBER) {
			return false;
		}
		return (this.admittedOn == null || !date.isBefore(this.admittedOn))
				&& (this.endedOn == null || date.isBefore(this.endedOn));
	}

}
