package org.plenary.outreach;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.plenary.forecast.TargetPeople;
import org.plenary.whip.BoardAnnotations;

import org.springframework.stereotype.Component;

/**
 * The targeting list's owner and caller of each state: the owner as the board shows it,
 * the caller and level as the escalation ladder suggests (over the officials on file).
 */
@Component
class PeopleForTargets implements TargetPeople {

	private final BoardAnnotations owners;

	private final Escalation escalation;

	PeopleForTargets(OwnersOnTheBoard owners, Escalation escalation) {
		this.owners = owners;
		this.escalation = escalation;
	}

	@Override
	public Map<String, People> people(long campaignId, Collection<String> iso3s) {
		Map<String, BoardAnnotations.RowAnnotation> annotations = this.owners.annotations(campaignId);
		// one pass over the campaign's owners, contacts and officials for all the states
		Map<String, Suggestion> suggestions = this.escalation.suggestions(campaignId, iso3s);
		Map<String, People> people = new HashMap<>();
		for (String iso3 : iso3s) {
			BoardAnnotations.RowAnnotation annotation = annotations.get(iso3);
			String owner = (annotation == null) ? null : annotation.owner();
			Suggestion suggestion = suggestions.get(iso3);
			String caller = (suggestion == null || suggestion.official() == null) ? null : suggestion.official().name();
			String level = (suggestion == null || suggestion.level() == null) ? null : suggestion.level().label();
			if (owner != null || caller != null || level != null) {
				people.put(iso3, new People(owner, caller, level));
			}
		}
		return people;
	}

}
