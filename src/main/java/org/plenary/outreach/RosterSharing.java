package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.plenary.campaigns.Campaigns;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each organisation shares with a campaign of its roster (its officials: names,
 * levels, titles, to be seen and picked by the campaign's other parties) and of its
 * directory of counterparts. Off until the organisation chooses; each organisation's
 * coordinators set their own organisation's choice only. Row-level security
 * ({@code outreach_sharing}, V27) reads the choices to decide what the other parties see.
 */
@Service
public class RosterSharing {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final People people;

	RosterSharing(JdbcClient jdbc, Campaigns campaigns, People people) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.people = people;
	}

	/**
	 * One organisation's choice for one campaign.
	 *
	 * @param setBy who made the choice (null: never made, nothing shared)
	 */
	public record Sharing(long campaignId, long organisationId, String organisation, boolean roster,
			boolean counterparts, String setBy, Instant setAt) {
	}

	/** Every organisation's choice for the campaign that shares something. */
	public List<Sharing> of(long campaignId) {
		this.campaigns.campaign(campaignId); // 404 for a campaign the caller cannot see
		return this.jdbc.sql("""
				select s.*, o.name as organisation from outreach_sharing s
				join accounts_organisation o on o.id = s.organisation_id
				where s.campaign_id = ? and (s.roster or s.counterparts) order by lower(o.name)
				""").param(campaignId).query(RosterSharing::sharing).list();
	}

	/** The acting user's organisation's choice for the campaign. */
	public Sharing own(long campaignId) {
		this.campaigns.campaign(campaignId);
		long own = ownOrganisation();
		return this.jdbc.sql("""
				select s.*, o.name as organisation from outreach_sharing s
				join accounts_organisation o on o.id = s.organisation_id
				where s.campaign_id = ? and s.organisation_id = ?
				""")
			.params(campaignId, own)
			.query(RosterSharing::sharing)
			.optional()
			.orElseGet(() -> new Sharing(campaignId, own,
					this.jdbc.sql("select name from accounts_organisation where id = ?")
						.param(own)
						.query(String.class)
						.single(),
					false, false, null, null));
	}

	/**
	 * Sets what the acting user's organisation shares with the campaign; refused (403) if
	 * the organisation does not take part in it.
	 */
	public Sharing share(long campaignId, boolean roster, boolean counterparts, String username) {
		this.campaigns.campaign(campaignId);
		long own = ownOrganisation();
		boolean takesPart = this.jdbc.sql("select plenary_in_campaign(?, ?)")
			.params(campaignId, own)
			.query(Boolean.class)
			.single();
		if (!takesPart) {
			throw new ForbiddenException("Your organisation does not take part in this campaign");
		}
		this.jdbc.sql("""
				insert into outreach_sharing (campaign_id, organisation_id, roster, counterparts, set_by)
				values (?, ?, ?, ?, ?)
				on conflict (campaign_id, organisation_id) do update set roster = excluded.roster,
				  counterparts = excluded.counterparts, set_by = excluded.set_by, set_at = now(),
				  version = outreach_sharing.version + 1
				""").params(campaignId, own, roster, counterparts, username).update();
		return own(campaignId);
	}

	private long ownOrganisation() {
		Long own = this.people.ownOrganisation();
		if (own == null || own < 0) {
			throw new InvalidInputException("organisation", "Only a user of an organisation shares its roster");
		}
		return own;
	}

	private static Sharing sharing(ResultSet rs, int row) throws SQLException {
		return new Sharing(rs.getLong("campaign_id"), rs.getLong("organisation_id"), rs.getString("organisation"),
				rs.getBoolean("roster"), rs.getBoolean("counterparts"), rs.getString("set_by"),
				rs.getTimestamp("set_at").toInstant());
	}

}
