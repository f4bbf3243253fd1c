package org.plenary.forecast;

import java.util.Collection;
import java.util.Map;

/**
 * Who owns each state to call and who should make the call, for the targeting list: the
 * outreach module knows the owners and the escalation ladder, the forecast only where a
 * call is worth most. Absent when no module provides it.
 */
public interface TargetPeople {

	/**
	 * For each of the states (ISO codes) that has any: its owner and suggested caller.
	 */
	Map<String, People> people(long campaignId, Collection<String> iso3s);

	/**
	 * @param owner the official (or organisation) who owns the state (null: nobody)
	 * @param caller who should call next (null: no suggestion)
	 * @param level the level of that call, in words (null: none)
	 */
	record People(String owner, String caller, String level) {
	}

}
