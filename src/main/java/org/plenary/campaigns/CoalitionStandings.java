package org.plenary.campaigns;

import org.plenary.accounts.CampaignStandings;
import org.plenary.accounts.Role;
import org.plenary.system.Acting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the table of rights where an organisation stands in a campaign: owner, active
 * partner, invited, or nothing, and the role its user has there ({@link CampaignRoles}).
 * A vote of a chain inherits its head's coalition and roles.
 */
@Component
class CoalitionStandings implements CampaignStandings {

	private final JdbcClient jdbc;

	CoalitionStandings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Standing standing(long campaignId, Long organisationId, String username, Role ownRole) {
		// read past the policies: an invited organisation does not see the campaign yet,
		// and nothing read here reaches the caller but the standing itself. It writes
		// nothing, so it reads as "system", as the API token was just looked up: the
		// pool's connection, told so once, is not told again (issue 18)
		return Acting.as("system",
				() -> this.jdbc
					.sql("""
							select c.owner_organisation_id, o.name,
							  (select p.status from campaigns_partner p
							    where p.campaign_id in (c.id, c.part_of) and p.organisation_id = :organisation
							    order by (p.status = 'ACTIVE') desc, (p.campaign_id = c.id) desc limit 1),
							  (select r.role from campaigns_role r where r.campaign_id in (c.id, c.part_of) and r.username = :username
							    order by (r.campaign_id = c.id) desc limit 1)
							from campaigns_campaign c left join accounts_organisation o on o.id = c.owner_organisation_id
							where c.id = :id""")
					.param("id", campaignId)
					.param("organisation", organisationId)
					.param("username", username)
					.query((row, n) -> {
						long owner = row.getLong(1);
						boolean ownerless = row.wasNull();
						String status = row.getString(3);
						Party party;
						if (ownerless || (organisationId != null && owner == organisationId)) {
							party = Party.OWNER;
						}
						else if ("ACTIVE".equals(status)) {
							party = Party.PARTNER;
						}
						else if ("INVITED".equals(status)) {
							party = Party.INVITED;
						}
						else {
							party = Party.NONE;
						}
						String set = row.getString(4);
						Role applies = Role.valueOf(CampaignRoles.applies(ownRole.name(),
								(set == null) ? null : CampaignRoles.CampaignRole.valueOf(set)));
						return new Standing(party, row.getString(2), applies, applies != ownRole);
					})
					.optional()
					.orElseGet(() -> Standing.none(ownRole)));
	}

}
