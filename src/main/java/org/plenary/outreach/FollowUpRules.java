package org.plenary.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.whip.StanceRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rules that open and close follow-ups by themselves: a stance that slipped away from
 * the ask, a state not contacted for the campaign's number of days, and a contact that
 * makes the latter moot. Each rule may fire again, and several instances may run the same
 * check at once: the partial unique index on open automatic follow-ups and
 * {@code on conflict do nothing} keep it to one open follow-up per state and kind.
 */
@Component
class FollowUpRules {

	private static final Logger log = LoggerFactory.getLogger(FollowUpRules.class);

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final FollowUps followUps;

	FollowUpRules(JdbcClient jdbc, Campaigns campaigns, FollowUps followUps) {
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
		this.jdbc
			.sql("""
					insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, origin, contact_id, created_by)
					select :campaign, s.iso3, s.short_name || ' slipped from ' || cast(:from as text) || ' to ' || cast(:to as text),
					  cast(:due as date),
					  (select person_id from outreach_assignment_in_effect a where a.campaign_id = :campaign and a.iso3 = s.iso3
					     and a.level is null and a.assigned_until is null),
					  'SLIPPED', cast(:contact as bigint), cast(:by as text)
					from states_state s where s.iso3 = :iso3
					on conflict do nothing
					""")
			.param("campaign", event.campaignId())
			.param("iso3", event.iso3())
			.param("from", event.from().label())
			.param("to", event.to().label())
			.param("due", FollowUps.today().plusDays(1))
			.param("contact", event.contactId())
			.param("by", FollowUps.PLENARY)
			.update();
	}

	/**
	 * A contact closes the open not-contacted follow-ups of its states, when it is recent
	 * enough to count (a contact of a month ago, logged today, does not). Inside the
	 * logging transaction, for the same reason as the slip rule.
	 */
	@EventListener
	void on(ContactLogged event) {
		int days = this.followUps.notContactedDays(event.campaignId());
		this.jdbc
			.sql("""
					update outreach_follow_up f set status = 'DONE', closed_by = :by, closed_at = now(), version = f.version + 1
					from outreach_contact c
					where c.id = :contact and c.occurred_at > now() - make_interval(days => :days)
					  and f.campaign_id = :campaign and f.iso3 in (:states) and f.origin = 'NOT_CONTACTED'
					  and f.status = 'OPEN'
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
	 * @return how many follow-ups it opened
	 */
	int checkNotContacted(long campaignId, Instant now) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		if (campaign.status() != Campaign.Status.WHIPPING) {
			return 0;
		}
		int days = this.followUps.notContactedDays(campaignId);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return this.jdbc
			.sql("""
					insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, origin, created_by)
					select m.campaign_id, m.iso3,
					  case when l.last is null then 'Contact ' || s.short_name || ': not contacted since the campaign opened'
					       else 'Contact ' || s.short_name || ': last contact on '
					         || to_char(l.last at time zone 'UTC', 'FMDD Mon YYYY') end,
					  cast(:today as date), a.person_id, 'NOT_CONTACTED', cast(:by as text)
					from campaigns_member_in_effect m
					join campaigns_campaign c on c.id = m.campaign_id
					join states_state s on s.iso3 = m.iso3
					left join (select cs.iso3, max(ct.occurred_at) as last from outreach_contact ct
					           join outreach_contact_state cs on cs.contact_id = ct.id
					           where ct.campaign_id = :campaign and ct.deleted_at is null group by cs.iso3) l on l.iso3 = m.iso3
					left join (select iso3, max(closed_at) as closed from outreach_follow_up
					           where campaign_id = :campaign and origin = 'NOT_CONTACTED' and status <> 'OPEN'
					             and closed_by <> :by group by iso3) h on h.iso3 = m.iso3
					left join outreach_assignment_in_effect a on a.campaign_id = m.campaign_id and a.iso3 = m.iso3
					  and a.level is null and a.assigned_until is null
					where m.campaign_id = :campaign and not m.without_vote
					  and greatest(coalesce(l.last, c.created_at), h.closed) <= :cutoff
					on conflict do nothing
					""")
			.param("campaign", campaignId)
			.param("today", today)
			.param("by", FollowUps.PLENARY)
			.param("cutoff", Timestamp.from(now.minus(days, ChronoUnit.DAYS)))
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
