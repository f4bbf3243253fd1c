package org.plenary.campaigns;

import java.time.Instant;
import java.util.List;

import org.plenary.system.Acting;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations of a campaign: the one that owns it and the partners it invites,
 * which accept or decline, may leave, and may be removed by the owner. Who takes part
 * decides what each organisation sees (the policies of migration V21, ADR 0011); a
 * partner that leaves takes its own records with it.
 */
@Service
public class Coalitions {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	Coalitions(JdbcClient jdbc, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	public enum PartnerStatus {

		INVITED("Invited"), ACTIVE("Partner"), DECLINED("Declined"), LEFT("Left"), REMOVED("Removed");

		private final String label;

		PartnerStatus(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** An organisation invited into a campaign, and where that stands. */
	public record Partner(long organisationId, String organisation, PartnerStatus status, String invitedBy,
			Instant invitedAt, String answeredBy, Instant answeredAt) {
	}

	/** An organisation, by id and name. */
	public record Member(long id, String name) {
	}

	/**
	 * A campaign's coalition as the acting organisation sees it: the owner (null for a
	 * campaign opened by a command, which all see), the partners, and whether the viewer
	 * may manage them (the owner, or an administrator).
	 */
	public record Coalition(long campaignId, Member owner, List<Partner> partners, Long viewer, boolean mayManage) {

		public List<Partner> active() {
			return this.partners.stream().filter((p) -> p.status() == PartnerStatus.ACTIVE).toList();
		}

	}

	/** An invitation waiting for the acting organisation's answer. */
	public record Invitation(long campaignId, String campaignTitle, String owner, String invitedBy, Instant invitedAt) {
	}

	/**
	 * The organisation whose view applies to this connection, or null (see everything).
	 */
	public Long actingOrganisation() {
		return this.jdbc.sql("select plenary_organisation()").query(Long.class).optional().orElse(null);
	}

	public Coalition coalition(long campaignId) {
		this.campaigns.campaign(campaignId);
		Member owner = owner(campaignId);
		List<Partner> partners = coalitionPartners(campaignId);
		Long viewer = actingOrganisation();
		// a campaign of no organisation (opened by a command) is every coordinator's
		boolean mayManage = viewer == null || owner == null || owner.id() == viewer;
		return new Coalition(campaignId, owner, partners, viewer, mayManage);
	}

	private Member owner(long campaignId) {
		return this.jdbc
			.sql("""
					select o.id, o.name from campaigns_campaign c join accounts_organisation o on o.id = c.owner_organisation_id
					where c.id = ?""")
			.param(campaignId)
			.query((row, n) -> new Member(row.getLong(1), row.getString(2)))
			.optional()
			.orElse(null);
	}

	/**
	 * The other organisations taking part in the campaign (the owner and the active
	 * partners, less the acting one): those a record can be shared with by name.
	 */
	public List<Member> others(long campaignId) {
		Coalition coalition = coalition(campaignId);
		List<Member> others = new java.util.ArrayList<>();
		if (coalition.owner() != null) {
			others.add(coalition.owner());
		}
		coalition.active().forEach((p) -> others.add(new Member(p.organisationId(), p.organisation())));
		others.removeIf((m) -> coalition.viewer() != null && m.id() == coalition.viewer());
		return others;
	}

	/** The organisations that could be invited: all but the owner and active partners. */
	public List<Member> invitable(long campaignId) {
		return this.jdbc
			.sql("""
					select o.id, o.name from accounts_organisation o
					where o.id is distinct from (select owner_organisation_id from campaigns_campaign where id = :id)
					  and not exists (select 1 from campaigns_partner p where p.campaign_id = :id and p.organisation_id = o.id
					                    and p.status in ('ACTIVE', 'INVITED'))
					order by lower(o.name)""")
			.param("id", campaignId)
			.query((row, n) -> new Member(row.getLong(1), row.getString(2)))
			.list();
	}

	/** Invites an organisation (by id) into the campaign: the owner's coordinators do. */
	@Transactional
	public Partner invite(long campaignId, long organisationId, String by) {
		Coalition coalition = requireManager(campaignId, "invites partners");
		if (coalition.owner() == null) {
			throw new InvalidInputException("organisation",
					"This campaign belongs to no organisation (it was opened by a command): every organisation sees it already");
		}
		if (coalition.owner().id() == organisationId) {
			throw new InvalidInputException("organisation", coalition.owner().name() + " owns this campaign");
		}
		if (this.jdbc.sql("select count(*) from accounts_organisation where id = ?")
			.param(organisationId)
			.query(Long.class)
			.single() == 0) {
			throw new InvalidInputException("organisation", "No organisation " + organisationId);
		}
		int changed = this.jdbc.sql("""
				insert into campaigns_partner (campaign_id, organisation_id, status, invited_by)
				values (?, ?, 'INVITED', ?)
				on conflict (campaign_id, organisation_id) do update
				  set status = 'INVITED', invited_by = excluded.invited_by, invited_at = now(),
				      answered_by = null, answered_at = null, version = campaigns_partner.version + 1
				  where campaigns_partner.status not in ('INVITED', 'ACTIVE')
				""").params(campaignId, organisationId, by).update();
		Partner partner = partner(campaignId, organisationId);
		if (changed == 0) {
			throw new ConflictException(partner.organisation() + " is already "
					+ (partner.status() == PartnerStatus.ACTIVE ? "a partner" : "invited"), partner);
		}
		return partner;
	}

	/** Removes a partner or withdraws an invitation: the owner's coordinators do. */
	@Transactional
	public Partner remove(long campaignId, long organisationId, String by) {
		requireManager(campaignId, "removes partners");
		return answer(campaignId, organisationId, List.of(PartnerStatus.INVITED, PartnerStatus.ACTIVE),
				PartnerStatus.REMOVED, by);
	}

	/** The acting organisation accepts or declines its invitation. */
	@Transactional
	public Partner answer(long campaignId, boolean accept, String by) {
		return answer(campaignId, requireOrganisation(), List.of(PartnerStatus.INVITED),
				accept ? PartnerStatus.ACTIVE : PartnerStatus.DECLINED, by);
	}

	/** The acting organisation leaves the campaign, taking its records with it. */
	@Transactional
	public Partner leave(long campaignId, String by) {
		return answer(campaignId, requireOrganisation(), List.of(PartnerStatus.ACTIVE), PartnerStatus.LEFT, by);
	}

	private Partner answer(long campaignId, long organisationId, List<PartnerStatus> from, PartnerStatus to,
			String by) {
		int changed = this.jdbc.sql("""
				update campaigns_partner set status = ?, answered_by = ?, answered_at = now(), version = version + 1
				where campaign_id = ? and organisation_id = ? and status = any(?)""")
			.params(to.name(), by, campaignId, organisationId, from.stream().map(Enum::name).toArray(String[]::new))
			.update();
		if (changed == 0) {
			Partner now = partnerOrNull(campaignId, organisationId);
			throw new ConflictException(now == null ? "That organisation was never invited to this campaign"
					: now.organisation() + " is " + now.status().label().toLowerCase() + ", not "
							+ from.stream().map((s) -> s.label().toLowerCase()).toList(),
					now);
		}
		return partner(campaignId, organisationId);
	}

	/**
	 * The invitations waiting for the acting organisation. The campaigns are not yet its
	 * to see, so their titles are read past the policies.
	 */
	public List<Invitation> invitations() {
		Long organisation = actingOrganisation();
		if (organisation == null) {
			return List.of();
		}
		return Acting.as(Acting.actor(),
				() -> this.jdbc.sql("""
						select c.id, c.title, o.name, p.invited_by, p.invited_at from campaigns_partner p
						join campaigns_campaign c on c.id = p.campaign_id
						left join accounts_organisation o on o.id = c.owner_organisation_id
						where p.organisation_id = ? and p.status = 'INVITED' order by p.invited_at desc""")
					.param(organisation)
					.query((row, n) -> new Invitation(row.getLong(1), row.getString(2), row.getString(3),
							row.getString(4), row.getTimestamp(5).toInstant()))
					.list());
	}

	/**
	 * Refuses unless the acting organisation owns the campaign (or an administrator
	 * acts).
	 */
	public Coalition requireManager(long campaignId, String what) {
		Coalition coalition = coalition(campaignId);
		if (!coalition.mayManage()) {
			throw new ForbiddenException("Only " + coalition.owner().name() + ", which owns this campaign, " + what);
		}
		return coalition;
	}

	private long requireOrganisation() {
		Long organisation = actingOrganisation();
		if (organisation == null) {
			throw new InvalidInputException("organisation",
					"An administrator acts for no organisation here: sign in as a member of the invited organisation");
		}
		return organisation;
	}

	private Partner partner(long campaignId, long organisationId) {
		Partner partner = partnerOrNull(campaignId, organisationId);
		if (partner == null) {
			throw new NotFoundException("No partner " + organisationId + " in campaign " + campaignId);
		}
		return partner;
	}

	private Partner partnerOrNull(long campaignId, long organisationId) {
		return coalitionPartners(campaignId).stream()
			.filter((p) -> p.organisationId() == organisationId)
			.findFirst()
			.orElse(null);
	}

	private List<Partner> coalitionPartners(long campaignId) {
		return this.jdbc.sql("""
				select p.organisation_id, o.name, p.status, p.invited_by, p.invited_at, p.answered_by, p.answered_at
				from campaigns_partner p join accounts_organisation o on o.id = p.organisation_id
				where p.campaign_id = ? order by p.status = 'ACTIVE' desc, lower(o.name)""")
			.param(campaignId)
			.query((row, n) -> new Partner(row.getLong(1), row.getString(2), PartnerStatus.valueOf(row.getString(3)),
					row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6),
					row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant()))
			.list();
	}

}
