package org.plenary.states;

import java.time.LocalDate;

/**
 * A state in the register, identified by its ISO 3166-1 alpha-3 code (former members by
 * their ISO 3166-3 code, or our own where none exists, e.g. {@code ZAN} for Zanzibar).
 */
public record MemberState(String iso3, String iso2, Integer m49, String shortName, String formalName,
		StateStatus status, LocalDate admittedOn, LocalDate endedOn, String successorIso3, String note) {

}
