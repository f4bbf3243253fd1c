package org.plenary.states;

import java.time.LocalDate;

/**
 * One state's membership of one grouping, with its dates and role (member, observer,
 * associate).
 */
public record Membership(String groupingCode, String groupingName, Grouping.Kind kind, String iso3, String role,
		LocalDate joinedOn, LocalDate leftOn, String note) {

}
