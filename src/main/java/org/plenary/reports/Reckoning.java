package org.plenary.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRules;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.VoteCount;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.forecast.VoteOutcomes;
import org.plenary.history.Vote;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.People;
import org.plenary.outreach.Person;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the vote: records what a campaign's vote became (a roll call of the voting
 * history, or the votes typed in) through the forecast's {@link VoteOutcomes}, which
 * learns from it how reliable reads are, and reckons it against the board's reads and the
 * forecast as they stood just before it was first recorded (kept in
 * {@code reports_reckoning_state}, so the reckoning does not move when the forecast
 * learns). Recording again replaces the votes cast and keeps that snapshot.
 */
@Service
public class Reckoning {

	/**
	 * What the vote became: either a roll call of the history (its symbol or id), or each
	 * member's vote typed in (ISO 3166-1 alpha-3 code to Yes, No, Abstain or Non-voting)
	 * with the day of the vote (optional).
	 */
	public record RecordActual(String rollCall, Map<String, String> votes, LocalDate date) {

		public static RecordActual rollCall(String rollCall) {
			return new RecordActual(rollCall, null, null);
		}

		public static RecordActual typed(Map<String, String> votes, LocalDate date) {
			return new RecordActual(null, votes, date);
		}

	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final CampaignForecasts forecasts;

	private final VoteOutcomes outcomes;

	private final Contacts contacts;

	private final People people;

	Reckoning(JdbcClient jdbc, Campaigns campaigns, WhipCount whip, CampaignForecasts forecasts, VoteOutcomes outcomes,
			Contacts contacts, People people) {
		this.contacts = contacts;
		this.people = people;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.whip = whip;
		this.forecasts = forecasts;
		this.outcomes = outcomes;
	}

	/**
	 * The reckoning once the vote cast is recorded.
	 *
	 * @param movedToVoted whether recording moved the campaign's status to Voted
	 */
	public record Recorded(Reckoned reckoned, boolean movedToVoted) {

		/** What to tell the coordinator about the status, or null. */
		public String statusNote() {
			return this.movedToVoted ? "The campaign's status is now Voted." : null;
		}

	}

	/**
	 * Records the vote cast and answers the reckoning. The first time, the board and the
	 * forecast are taken first; all or nothing.
	 * @throws InvalidInputException when neither or both kinds are given, the roll call
	 * is not in the history, or a typed state or vote is unknown or outside the body
	 */
	@Transactional
	public Recorded record(long campaignId, RecordActual actual, String by) {
		// the reckoning's one-time snapshot and the outcome are the owner's to take
		Campaign campaign = this.campaigns.requireOwner(campaignId, "The campaign's outcome and its reckoning",
				"suggest the roll call to them instead");
		boolean rollCall = actual.rollCall() != null && !actual.rollCall().isBlank();
		boolean typed = actual.votes() != null && !actual.votes().isEmpty();
		if (rollCall == typed) {
			throw new InvalidInputException(rollCall ? "votes" : "rollCall",
					rollCall ? "Give either the roll call or the votes typed in, not both"
							: "Give the roll call (its symbol, e.g. A/RES/ES-11/1, or id) or each member's vote");
		}
		if (rollCall && actual.date() != null) {
			throw new InvalidInputException("date", "A roll call of the history carries its own date: give none");
		}
		boolean taken = this.jdbc.sql("select count(*) from reports_reckoning where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single() > 0;
		if (!taken) {
			snapshot(campaign, by);
		}
		VoteOutcomes.Outcome outcome = rollCall ? this.outcomes.recordRollCall(campaignId, actual.rollCall(), by)
				: this.outcomes.recordVotes(campaignId, actual.votes(), actual.date(), by);
		this.jdbc
			.sql("update reports_reckoning set votes_set_by = ?, votes_set_at = clock_timestamp() "
					+ "where campaign_id = ?")
			.params(by, campaignId)
			.update();
		this.jdbc.sql("update reports_reckoning_state set actual = null where campaign_id = ?")
			.param(campaignId)
			.update();
		outcome.votes()
			.forEach((iso3, vote) -> this.jdbc
				.sql("update reports_reckoning_state set actual = ? where campaign_id = ? and iso3 = ?")
				.params(vote.name(), campaignId, iso3)
				.update());
		return new Recorded(reckoning(campaignId).orElseThrow(), outcome.movedToVoted());
	}

	/**
	 * Each member's read and forecast now, before the outcome is recorded and learned
	 * from.
	 */
	private void snapshot(Campaign campaign, String by) {
		long campaignId = campaign.id();
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		Map<String, double[]> numbers = new HashMap<>();
		if (forecast.ready()) {
			forecast.states().forEach((s) -> numbers.put(s.iso3(), s.numbers()));
		}
		int inserted = this.jdbc.sql("""
				insert into reports_reckoning (campaign_id, taken_by, forecast_status, forecast_note, p_adoption,
				  votes_set_by) values (?, ?, ?, ?, ?, ?) on conflict (campaign_id) do nothing
				""")
			.params(campaignId, by, forecast.status().name(), forecast.message(),
					forecast.ready() ? forecast.adoptionProbability() : null, by)
			.update();
		if (inserted == 0) {
			// taken meanwhile by another request: that one stands
			return;
		}
		Map<String, CurrentStance> stances = this.whip.stances(campaignId);
		for (Member member : this.campaigns.members(campaignId)) {
			CurrentStance stance = stances.getOrDefault(member.iso3(), CurrentStance.unknown(member.iso3()));
			double[] p = numbers.get(member.iso3());
			this.jdbc.sql("""
					insert into reports_reckoning_state (campaign_id, iso3, stance, source_level, recorded_by,
					  obtained_by, recorded_at, p_yes, p_no, p_abstain, p_non_voting)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(campaignId, member.iso3(), stance.stance().name(),
						(stance.sourceLevel() == null) ? null : stance.sourceLevel().name(), stance.recordedBy(),
						obtainedBy(campaignId, stance),
						(stance.recordedAt() == null) ? null : java.sql.Timestamp.from(stance.recordedAt()),
						(p == null) ? null : p[0], (p == null) ? null : p[1], (p == null) ? null : p[2],
						(p == null) ? null : p[3])
				.update();
		}
	}

	/**
	 * The official who obtained a read: our most senior participant in the contact it
	 * came from; else the official linked to the user who typed it; else that user.
	 */
	private String obtainedBy(long campaignId, CurrentStance stance) {
		if (stance.recordedBy() == null) {
			return null;
		}
		if (stance.contactId() != null) {
			try {
				Contact contact = this.contacts.contact(campaignId, stance.contactId());
				Optional<Contact.Participant> senior = contact.ours()
					.stream()
					.filter((p) -> p.name() != null)
					.min(Comparator.comparing(Contact.Participant::level,
							Comparator.nullsLast(Comparator.naturalOrder())));
				if (senior.isPresent()) {
					return senior.get().name();
				}
			}
			catch (NotFoundException ex) {
				// deleted since, or not the acting organisation's to see: as typed
			}
		}
		return this.people.forUser(stance.recordedBy()).map(Person::name).orElse(stance.recordedBy());
	}

	/** The campaign's reckoning, once its vote is recorded here. */
	public Optional<Reckoned> reckoning(long campaignId) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		Optional<Reckoned.Snapshot> snapshot = this.jdbc.sql("""
				select taken_by, taken_at, forecast_status, forecast_note, p_adoption from reports_reckoning
				where campaign_id = ?
				""")
			.param(campaignId)
			.query((rs, n) -> new Reckoned.Snapshot(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getObject(5, Double.class)))
			.optional();
		Optional<VoteOutcomes.Outcome> outcome = this.outcomes.outcome(campaignId);
		if (snapshot.isEmpty() || outcome.isEmpty()) {
			return Optional.empty();
		}
		VoteOutcomes.Outcome o = outcome.get();
		List<Reckoned.Row> rows = this.jdbc.sql("""
				select r.iso3, s.short_name, r.stance, r.source_level, r.recorded_by, r.recorded_at,
				  r.p_yes, r.p_no, r.p_abstain, r.p_non_voting, r.actual, r.obtained_by
				from reports_reckoning_state r join states_state s on s.iso3 = r.iso3
				where r.campaign_id = ? order by s.short_name
				""").param(campaignId).query(Reckoning::row).list();
		Map<String, Boolean> permanent = new HashMap<>();
		this.campaigns.members(campaignId).forEach((m) -> permanent.put(m.iso3(), m.permanent()));
		int permanentNo = (int) rows.stream()
			.filter((r) -> r.actual() == Vote.NO && permanent.getOrDefault(r.iso3(), false))
			.count();
		return Optional.of(Reckoned.of(campaignId, campaign.title(), campaign.ask(),
				new Reckoned.Outcome(
						o.rollCallId(), o.label(), o.voteDate(), o.typed(), o.recordedBy(), o.recordedAt()),
				snapshot.get(), rows,
				(t) -> DecisionRules.adopted(campaign.rule(),
						new VoteCount(t.yes(), t.no(), t.abstain(), t.nonVoting(), permanentNo),
						(campaign.quota() == null) ? 0 : campaign.quota())));
	}

	/**
	 * The outcome recorded elsewhere (on the forecast page) before any reckoning was
	 * taken here, if any: recording it here takes the reckoning.
	 */
	public Optional<VoteOutcomes.Outcome> outcomeWithoutReckoning(long campaignId) {
		boolean taken = this.jdbc.sql("select count(*) from reports_reckoning where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single() > 0;
		return taken ? Optional.empty() : this.outcomes.outcome(campaignId);
	}

	private static Reckoned.Row row(ResultSet rs, int n) throws SQLException {
		Double yes = rs.getObject(7, Double.class);
		Reckoned.Probabilities p = (yes == null) ? null
				: new Reckoned.Probabilities(yes, rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
		String level = rs.getString(4);
		String actual = rs.getString(11);
		java.sql.Timestamp readAt = rs.getTimestamp(6);
		return new Reckoned.Row(rs.getString(1), rs.getString(2), Stance.valueOf(rs.getString(3)),
				(level == null) ? null : Level.valueOf(level), rs.getString(5), rs.getString(12),
				(readAt == null) ? null : readAt.toInstant(), p, (actual == null) ? null : Vote.valueOf(actual));
	}

}
