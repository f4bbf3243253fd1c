package org.plenary.outreach;

import org.plenary.whip.AskDistance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.system.Acting;
import org.plenary.whip.PrivateReadRecorded;
import org.plenary.whip.Stance;
import org.plenary.whip.StanceRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules that open and close follow-ups by themselves: a stance that slipped away from
 * the ask, a state not contacted for the campaign's number of days, and a contact that
 * makes the latter moot. Each rule may fire again, and several instances may run the same
 * check at once: the partial unique index on open automatic follow-ups and
 * {@code on conflict do nothing} keep it to one open follow-up per state, kind and
 * audience (an organisation, or the coalition). What a rule makes from a record is seen
 * by those who see that record, no one else (ADR 0011).
 */
@Component
class FollowUpRules {

	private static final Logger log = LoggerFactory.getLogger(FollowUpRules.class);

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final FollowUps followUps;

	// a transaction apart from the caller's, on a connection that acts for no one
	private final TransactionTemplate apart;

	FollowUpRules(JdbcClient jdbc, Campaigns campaigns, FollowUps followUps, PlatformTransactionManager transactions) {
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.followUps = followUps;
	}

	/**
	 * A stance slipped away from the ask (see {@link AskDistance}): a follow-up for the
	 * state's owner, due tomorrow. Runs synchronously inside the transaction that records
	 * the stance, so the stance and its follow-up are kept or lost together, and nothing
	 * is forgotten if the process dies between the two. Campaigns already voted or
	 * archived get none: there is nothing left to win.
	 */
	@EventListener
	void on(StanceRecorded event) {
		Campaign campaign = this.campaigns.campaign(event.campaignId());
		if (!AskDistance.slipped(campaign.ask(), event.from(), event.to()) || !before(campaign)) {
			return;
		}
		// the follow-up is seen by those who see the contact the read came from: a
		// contact kept from the coalition makes it its organisation's (and the partners
		// it names), and a board read of no contact is the coalition's
		slipped(event.campaignId(), event.iso3(), event.from(), event.to(), event.contactId(), "ct.id", """
				case when ct.visibility <> 'COALITION' then ct.organisation_id end,
				case when ct.visibility <> 'COALITION' and ct.organisation_id is not null then ct.visibility
				     else 'COALITION' end,
				case when ct.visibility = 'PARTNERS' and ct.organisation_id is not null then ct.shared_with
				     else '{}' end""", "left join outreach_contact ct on ct.id = cast(:contact as bigint)").update();
	}

	/**
	 * A private read slipped away from the ask: as for a read on the board, but the
	 * follow-up is the read's audience's (its organisation, and the partners it is shared
	 * with), like the read itself.
	 */
	@EventListener
	void on(PrivateReadRecorded event) {
		Campaign campaign = this.campaigns.campaign(event.campaignId());
		if (!AskDistance.slipped(campaign.ask(), event.from(), event.to()) || !before(campaign)) {
			return;
		}
		slipped(event.campaignId(), event.iso3(), event.from(), event.to(), event.contactId(),
				"cast(:contact as bigint)", ":organisation, cast(:visibility as text), cast(:shared as bigint[])", "")
			.param("organisation", event.organisationId())
			.param("visibility", event.sharedWith().isEmpty() ? "ORGANISATION" : "PARTNERS")
			.param("shared", event.sharedWith().toArray(Long[]::new))
			.update();
	}

	/**
	 * The insert of a slip follow-up for the state's owner, due tomorrow (once: an open
	 * one stays), with the audience its caller gives: the columns organisation_id,
	 * visibility and shared_with, from what the {@code join} brings.
	 */
	private JdbcClient.StatementSpec slipped(long campaignId, String iso3, Stance from, Stance to, Long contactId,
			String contact, String audience, String join) {
		return this.jdbc
			.sql("""
					insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, origin, contact_id, created_by,
					  organisation_id, visibility, shared_with)
					select :campaign, s.iso3, s.short_name || ' slipped from ' || cast(:from as text) || ' to ' || cast(:to as text),
					  cast(:due as date),
					  (select person_id from outreach_assignment_in_effect a where a.campaign_id = :campaign and a.iso3 = s.iso3
					     and a.level is null and a.assigned_until is null),
					  'SLIPPED', %s, cast(:by as text), %s
					from states_state s %s
					where s.iso3 = :iso3
					on conflict do nothing
					"""
				.formatted(contact, audience, join))
			.param("campaign", campaignId)
			.param("iso3", iso3)
			.param("from", from.label())
			.param("to", to.label())
			.param("due", FollowUps.today().plusDays(1))
			.param("contact", contactId)
			.param("by", FollowUps.PLENARY);
	}

	/**
	 * A contact closes the open not-contacted follow-ups of its states, when it is recent
	 * enough to count (a contact of a month ago, logged today, does not). Inside the
	 * logging transaction, for the same reason as the slip rule.
	 */
	@EventListener
	void on(ContactLogged event) {
		int days = this.followUps.notContactedDays(event.campaignId());
		// only the follow-ups of an audience that sees the contact: an organisation's
		// private contact must not close the coalition's follow-up at the very moment
		// it is logged. Those the logging user does not see wait for the next check.
		this.jdbc
			.sql("""
					update outreach_follow_up f set status = 'DONE', closed_by = :by, closed_at = now(), version = f.version + 1
					from outreach_contact c
					where c.id = :contact and c.occurred_at > now() - make_interval(days => :days)
					  and f.campaign_id = :campaign and f.iso3 in (:states) and f.origin = 'NOT_CONTACTED'
					  and f.status = 'OPEN'
					  and coalesce(plenary_seen_by(f.organisation_id, f.campaign_id, c.organisation_id, c.visibility,
					                               c.shared_with), false)
					""")
			.param("by", FollowUps.PLENARY)
			.param("contact", event.contactId())
			.param("days", days)
			.param("campaign", event.campaignId())
			.param("states", event.iso3s())
			.update();
	}

	/**
	 * Opens a not-contacted follow-up, due today, for each member of a whipping campaign
	 * whose last contact (deleted contacts do not count) is older than the campaign's
	 * number of days; a member never contacted counts from the campaign's creation. A
	 * not-contacted follow-up closed by hand (done, or dismissed) also counts as a
	 * contact: it comes back after the same number of days, not at the next check.
	 * Members without a vote (Art. 19) are left out. One statement: safe to run twice, or
	 * from several instances at once.
	 * <p>
	 * Each audience is judged on what it sees, and gets its own follow-ups: each
	 * organisation taking part (the owner, the active partners) on the contacts it sees,
	 * its follow-up its own; a campaign of no owner, which everyone sees, on the contacts
	 * of the coalition, its follow-up the coalition's. So no follow-up tells one
	 * organisation when another made a contact it keeps to itself. Open follow-ups whose
	 * audience now sees a recent contact are closed first (those a contact's logging
	 * could not reach).
	 * @return how many follow-ups it opened
	 */
	int checkNotContacted(long campaignId, Instant now) {
		Campaign campaign = this.campaigns.campaign(campaignId); // 404 in the caller's
																	// view
		if (campaign.status() != Campaign.Status.WHIPPING) {
			return 0;
		}
		int days = this.followUps.notContactedDays(campaignId);
		// every audience's view at once is nobody's view: judged outside the caller's,
		// in a transaction of its own
		return Acting.as(FollowUps.PLENARY,
				() -> this.apart.execute((status) -> judgeNotContacted(campaignId, now, days)));
	}

	private int judgeNotContacted(long campaignId, Instant now, int days) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Timestamp cutoff = Timestamp.from(now.minus(days, ChronoUnit.DAYS));
		this.jdbc
			.sql("""
					update outreach_follow_up f set status = 'DONE', closed_by = :by, closed_at = now(), version = f.version + 1
					where f.campaign_id = :campaign and f.origin = 'NOT_CONTACTED' and f.status = 'OPEN'
					  and exists (select 1 from outreach_contact ct join outreach_contact_state cs on cs.contact_id = ct.id
					              where ct.campaign_id = :campaign and cs.iso3 = f.iso3 and ct.deleted_at is null
					                and ct.occurred_at > :cutoff
					                and coalesce(plenary_seen_by(f.organisation_id, ct.campaign_id, ct.organisation_id,
					                                             ct.visibility, ct.shared_with), false))
					""")
			.param("by", FollowUps.PLENARY)
			.param("campaign", campaignId)
			.param("cutoff", cutoff)
			.update();
		return this.jdbc
			.sql("""
					with audience (organisation_id) as (
					  select c.owner_organisation_id from campaigns_campaign c
					   where c.id = :campaign and c.owner_organisation_id is not null
					  union
					  select p.organisation_id from campaigns_partner p where p.campaign_id = :campaign and p.status = 'ACTIVE'
					  union
					  select null::bigint from campaigns_campaign c where c.id = :campaign and c.owner_organisation_id is null)
					insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, origin, created_by,
					  organisation_id, visibility)
					select m.campaign_id, m.iso3,
					  case when l.last is null then 'Contact ' || s.short_name || ': not contacted since the campaign opened'
					       else 'Contact ' || s.short_name || ': last contact on '
					         || to_char(l.last at time zone 'UTC', 'FMDD Mon YYYY') end,
					  cast(:today as date), a.person_id, 'NOT_CONTACTED', cast(:by as text),
					  au.organisation_id, case when au.organisation_id is null then 'COALITION' else 'ORGANISATION' end
					from campaigns_member_in_effect m
					cross join audience au
					join campaigns_campaign c on c.id = m.campaign_id
					join states_state s on s.iso3 = m.iso3
					left join lateral (select max(ct.occurred_at) as last from outreach_contact ct
					           join outreach_contact_state cs on cs.contact_id = ct.id
					           where ct.campaign_id = :campaign and cs.iso3 = m.iso3 and ct.deleted_at is null
					             and coalesce(plenary_seen_by(au.organisation_id, ct.campaign_id, ct.organisation_id,
					                                          ct.visibility, ct.shared_with), false)) l on true
					left join lateral (select max(f.closed_at) as closed from outreach_follow_up f
					           where f.campaign_id = :campaign and f.iso3 = m.iso3 and f.origin = 'NOT_CONTACTED'
					             and f.status <> 'OPEN' and f.closed_by <> :by
					             and f.organisation_id is not distinct from au.organisation_id) h on true
					left join outreach_assignment_in_effect a on a.campaign_id = m.campaign_id and a.iso3 = m.iso3
					  and a.level is null and a.assigned_until is null
					where m.campaign_id = :campaign and not m.without_vote
					  and greatest(coalesce(l.last, c.created_at), h.closed) <= :cutoff
					on conflict do nothing
					""")
			.param("campaign", campaignId)
			.param("today", today)
			.param("by", FollowUps.PLENARY)
			.param("cutoff", cutoff)
			.update();
	}

	/**
	 * Runs the not-contacted check over every whipping campaign, every 15 minutes by
	 * default ({@code plenary.outreach.not-contacted-check}); lists also run it for their
	 * campaign when they are read, so the schedule only matters for those not looked at.
	 */
	@Scheduled(fixedDelayString = "${plenary.outreach.not-contacted-check:PT15M}",
			initialDelayString = "${plenary.outreach.not-contacted-check-delay:PT2M}")
	void checkWhippingCampaigns() {
		Instant now = Instant.now();
		for (Campaign campaign : this.campaigns.campaigns()) {
			if (campaign.status() != Campaign.Status.WHIPPING) {
				continue;
			}
			try {
				int opened = checkNotContacted(campaign.id(), now);
				if (opened > 0) {
					log.info("Campaign {}: {} state(s) not contacted recently, follow-ups opened", campaign.id(),
							opened);
				}
			}
			catch (RuntimeException ex) {
				// one campaign's failure must not keep the others from their follow-ups
				log.warn("Campaign {}: the not-contacted check failed", campaign.id(), ex);
			}
		}
	}

	private static boolean before(Campaign campaign) {
		return campaign.status() == Campaign.Status.PREPARING || campaign.status() == Campaign.Status.WHIPPING;
	}

}
