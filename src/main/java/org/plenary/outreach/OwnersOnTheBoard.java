package org.plenary.outreach;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.plenary.whip.BoardAnnotations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each board row's overall owner and last contact. An owner from another organisation's
 * roster that it keeps to itself is shown as that organisation. Every board read (page,
 * filter, live update) asks for it, so it is two indexed queries for the whole campaign.
 */
@Component
class OwnersOnTheBoard implements BoardAnnotations {

	private final JdbcClient jdbc;

	private final Contacts contacts;

	OwnersOnTheBoard(JdbcClient jdbc, Contacts contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	@Override
	public Map<String, RowAnnotation> annotations(long campaignId) {
		Map<String, String> owners = new HashMap<>();
		this.jdbc.sql("""
				select a.iso3, coalesce(p.name, o.name) from outreach_assignment a
				left join outreach_person p on p.id = a.person_id
				join accounts_organisation o on o.id = outreach_person_organisation(a.person_id)
				where a.campaign_id = ? and a.level is null and a.assigned_until is null
				""").param(campaignId).query((rs) -> {
			owners.put(rs.getString(1), rs.getString(2));
		});
		Map<String, Instant> contacted = this.contacts.lastContacts(campaignId);
		Map<String, RowAnnotation> annotations = new HashMap<>();
		owners.forEach((iso3, owner) -> annotations.put(iso3, new RowAnnotation(owner, contacted.get(iso3))));
		contacted.forEach((iso3, at) -> annotations.putIfAbsent(iso3, new RowAnnotation(null, at)));
		return annotations;
	}

}
