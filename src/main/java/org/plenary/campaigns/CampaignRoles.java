package org.plenary.campaigns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles per campaign: what each member of an organisation may do in one campaign. A
 * user's own role applies unless its organisation's coordinators set a lower one for the
 * campaign (a whip who only reads a partner's board, a coordinator who whips). Checked on
 * every page and API call of the campaign by the table of rights
 * ({@code accounts.RightsCheck}, through {@link CoalitionStandings}).
 */
@Service
public class CampaignRoles {

	/** The roles a campaign knows, from the most powerful. */
	public enum CampaignRole {

		COORDINATOR("Coordinator"), WHIP("Whip"), VIEWER("Viewer");

		private final String label;

		CampaignRole(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		static CampaignRole parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("role",
						"A campaign role is COORDINATOR, WHIP or VIEWER, not '" + text + "'");
			}
		}

	}

	/**
	 * One member of the acting organisation in a campaign: the user's own role, the role
	 * set for the campaign (null: none), and the one that applies.
	 */
	public record Member(String username, String displayName, String ownRole, CampaignRole campaignRole,
			String applies) {
	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	CampaignRoles(JdbcClient jdbc, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	/**
	 * The role set for this user in this campaign, if any; a vote of a chain without one
	 * takes the role set in the chain's head.
	 */
	public Optional<CampaignRole> roleIn(long campaignId, String username) {
		return this.jdbc.sql("""
				select r.role from campaigns_role r
				where r.username = :user and (r.campaign_id = :id
				  or r.campaign_id = (select c.part_of from campaigns_campaign c where c.id = :id))
				order by r.campaign_id = :id desc limit 1""")
			.param("id", campaignId)
			.param("user", username)
			.query(String.class)
			.optional()
			.map(CampaignRole::valueOf);
	}

	/** The acting organisation's users and their roles in the campaign. */
	public List<Member> members(long campaignId) {
		this.campaigns.campaign(campaignId);
		return this.jdbc.sql("""
				select u.username, u.display_name, u.role, r.role from accounts_user u
				left join campaigns_role r on r.campaign_id = ? and r.username = u.username
				where u.organisation_id = plenary_organisation() and u.enabled order by lower(u.display_name)""")
			.param(campaignId)
			.query((row, n) -> {
				CampaignRole set = row.getString(4) == null ? null : CampaignRole.valueOf(row.getString(4));
				return new Member(row.getString(1), row.getString(2), row.getString(3), set,
						applies(row.getString(3), set));
			})
			.list();
	}

	/**
	 * Sets (or, with null, clears) a user's role in the campaign: a coordinator of the
	 * user's own organisation does, or an administrator. It can only lower the user's
	 * role.
	 */
	@Transactional
	public Member set(long campaignId, String username, String role, String by) {
		this.campaigns.campaign(campaignId);
		Long organisation = this.jdbc.sql("select plenary_organisation()").query(Long.class).optional().orElse(null);
		var user = this.jdbc.sql("select organisation_id, role, display_name from accounts_user where username = ?")
			.param(username)
			.query((row, n) -> new Object[] { row.getLong(1), row.getString(2), row.getString(3) })
			.optional()
			.orElseThrow(() -> new InvalidInputException("username", "No user '" + username + "'"));
		if (organisation != null && organisation != (long) user[0]) {
			throw new ForbiddenException(
					"Roles in a campaign are set by the coordinators of the user's own organisation");
		}
		if (role == null || role.isBlank()) {
			this.jdbc.sql("delete from campaigns_role where campaign_id = ? and username = ?")
				.params(campaignId, username)
				.update();
			return new Member(username, (String) user[2], (String) user[1], null, applies((String) user[1], null));
		}
		CampaignRole campaignRole = CampaignRole.parse(role);
		this.jdbc.sql("""
				insert into campaigns_role (campaign_id, username, role, set_by) values (?, ?, ?, ?)
				on conflict (campaign_id, username) do update set role = excluded.role, set_by = excluded.set_by,
				  set_at = now()""").params(campaignId, username, campaignRole.name(), by).update();
		return new Member(username, (String) user[2], (String) user[1], campaignRole,
				applies((String) user[1], campaignRole));
	}

	/** The role that applies: the lower of the user's own and the campaign's. */
	static String applies(String ownRole, CampaignRole set) {
		if (set == null || "ADMINISTRATOR".equals(ownRole)) {
			return ownRole;
		}
		int own = ownRole == null ? CampaignRole.VIEWER.ordinal() : switch (ownRole) {
			case "COORDINATOR" -> 0;
			case "WHIP" -> 1;
			default -> 2;
		};
		return CampaignRole.values()[Math.max(own, set.ordinal())].name();
	}

}
