package org.plenary.outreach;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plenary.campaigns.Campaigns;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.BoardAnnotations.ContactedBy;
import org.plenary.whip.Level;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Coordination without content. An organisation may let the other organisations of a
 * campaign know, per campaign and only if its coordinators turn it on, that it contacted
 * a state on a day at a level: "contacted by US Mission on 3 Oct (Minister)". Nothing
 * else of the contact leaves the organisation (no names, no time of day, no text, no id),
 * and an organisation that does not share leaks nothing, not even that a contact exists:
 * the database computes the signal (V31) and hands back only those four facts. Whips are
 * warned, without being stopped, when they log a contact for a state someone else owns or
 * another organisation contacted today.
 */
@Service
public class ContactSignals {

	private static final String[] LEVELS = Arrays.stream(Level.values()).map(Level::name).toArray(String[]::new);

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	ContactSignals(JdbcClient jdbc, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	/** Whether an organisation shares the signal of its contacts in a campaign. */
	public record Sharing(long campaignId, String organisation, boolean shared) {
	}

	/** The acting user's organisation's choice in the campaign (off until it chooses). */
	public Sharing sharing(long campaignId, String username) {
		this.campaigns.campaign(campaignId);
		long organisation = organisation(username);
		boolean shared = this.jdbc
			.sql("select shared from outreach_contact_signal where campaign_id = ? and organisation_id = ?")
			.params(campaignId, organisation)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		return new Sharing(campaignId, organisationName(organisation), shared);
	}

	/** Turns the signal on or off for the acting user's organisation in the campaign. */
	public Sharing share(long campaignId, boolean shared, String username) {
		this.campaigns.campaign(campaignId);
		long organisation = organisation(username);
		this.jdbc
			.sql("""
					insert into outreach_contact_signal (campaign_id, organisation_id, shared, changed_by) values (?, ?, ?, ?)
					on conflict (campaign_id, organisation_id)
					do update set shared = excluded.shared, changed_by = excluded.changed_by, changed_at = now()
					""")
			.params(campaignId, organisation, shared, username)
			.update();
		return sharing(campaignId, username);
	}

	/**
	 * What the acting organisation may know of the others' contacts, by state: each other
	 * organisation that shares its signal, with its last day and level. Its own contacts
	 * are not in it (it sees them whole).
	 */
	public Map<String, List<ContactedBy>> signals(long campaignId) {
		Map<String, List<ContactedBy>> signals = new HashMap<>();
		this.jdbc.sql("select * from outreach_contact_signals(?, ?) order by day desc, organisation")
			.params(campaignId, LEVELS)
			.query((rs) -> {
				String level = rs.getString("level");
				signals.computeIfAbsent(rs.getString("iso3"), (k) -> new ArrayList<>())
					.add(new ContactedBy(rs.getString("organisation"), rs.getObject("day", LocalDate.class),
							(level == null) ? null : Level.valueOf(level)));
			});
		return signals;
	}

	/** The signal for one state. */
	public List<ContactedBy> signals(long campaignId, String iso3) {
		return signals(campaignId).getOrDefault(iso3.toUpperCase(Locale.ROOT), List.of());
	}

	/**
	 * What a whip about to log a contact with a state should know first: that someone
	 * else owns it (named only if of the whip's organisation), and which other
	 * organisations contacted it today. Warnings, never refusals.
	 */
	public List<String> warnings(long campaignId, String iso3, String stateName, String username) {
		List<String> warnings = new ArrayList<>();
		this.jdbc.sql("select * from outreach_state_owner(?, ?, ?)").params(campaignId, iso3, username).query((rs) -> {
			if (!rs.getBoolean("mine")) {
				String name = rs.getString("name");
				warnings.add(stateName + " is owned by " + ((name != null) ? name : rs.getString("organisation")));
			}
		});
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (ContactedBy signal : signals(campaignId, iso3)) {
			if (signal.on().equals(today)) {
				warnings.add("Contacted by " + signal.organisation() + " today"
						+ ((signal.level() == null) ? "" : " at " + signal.level().label() + " level"));
			}
		}
		return warnings;
	}

	/** The organisation the user acts for (an administrator's own too). */
	private long organisation(String username) {
		return this.jdbc.sql("""
				select coalesce(plenary_owner(), (select organisation_id from accounts_user where username = ?))
				""")
			.param(username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("organisation",
					"Your account belongs to no organisation: an administrator sets it"));
	}

	private String organisationName(long organisation) {
		return this.jdbc.sql("select name from accounts_organisation where id = ?")
			.param(organisation)
			.query(String.class)
			.single();
	}

}
