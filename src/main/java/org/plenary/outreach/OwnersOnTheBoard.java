package org.plenary.outreach;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.plenary.whip.BoardAnnotations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each board row's overall owner, last contact and the other organisations' shared
 * signals. An owner from another organisation's roster that it keeps to itself is shown
 * as that organisation. Every board read (page, filter, live update) asks for it, so it
 * is three queries for the whole campaign.
 */
@Component
class OwnersOnTheBoard implements BoardAnnotations {

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final ContactSignals signals;

	OwnersOnTheBoard(JdbcClient jdbc, Contacts contacts, ContactSignals signals) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.signals = signals;
	}

	@Override
	public Map<String, RowAnnotation> annotations(long campaignId) {
		Map<String, String> owners = new HashMap<>();
		this.jdbc.sql("""
				select a.iso3, coalesce(p.name, o.name) from outreach_assignment_in_effect a
				left join outreach_person p on p.id = a.person_id
				join accounts_organisation o on o.id = outreach_person_organisation(a.person_id)
				where a.campaign_id = ? and a.level is null and a.assigned_until is null
				""").param(campaignId).query((rs) -> {
			owners.put(rs.getString(1), rs.getString(2));
		});
		Map<String, Instant> contacted = this.contacts.lastContacts(campaignId);
		Map<String, List<ContactedBy>> signals = this.signals.signals(campaignId);
		Set<String> states = new HashSet<>(owners.keySet());
		states.addAll(contacted.keySet());
		states.addAll(signals.keySet());
		Map<String, RowAnnotation> annotations = new HashMap<>();
		for (String iso3 : states) {
			annotations.put(iso3,
					new RowAnnotation(owners.get(iso3), contacted.get(iso3), signals.getOrDefault(iso3, List.of())));
		}
		return annotations;
	}

}
