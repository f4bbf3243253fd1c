package org.plenary.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.model.VoteForecast;
import org.plenary.forecast.core.model.WhipRead;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.plenary.history.StateVote;
import org.plenary.states.MemberStates;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much the whip's reads are worth, learned from past campaigns whose roll calls are
 * known: each campaign whose outcome was recorded ({@code forecast_outcome}: a roll call
 * of the history, or votes typed in, {@code forecast_outcome_vote}) contributes its reads
 * (the board's current stances), what its model expected without them, and the votes
 * cast. With no outcome recorded, the defaults of {@link Reliability} hold.
 */
@Component
class ReadReliability {

	private final JdbcClient jdbc;

	private final WhipCount whip;

	private final RollCalls rollCalls;

	private final CampaignModels models;

	private final Campaigns campaigns;

	private final MemberStates states;

	private final AtomicReference<Learned> learned = new AtomicReference<>();

	// the outcome is the campaign's, recorded by its owner; a partner suggests it
	private static final String OUTCOME = "The campaign's outcome";

	private static final String SUGGEST = "suggest the roll call to them instead";

	private record Learned(String key, Reliability reliability, List<Reliability.Outcome> outcomes) {
	}

	ReadReliability(JdbcClient jdbc, WhipCount whip, RollCalls rollCalls, CampaignModels models, Campaigns campaigns,
			MemberStates states) {
		this.jdbc = jdbc;
		this.whip = whip;
		this.rollCalls = rollCalls;
		this.models = models;
		this.campaigns = campaigns;
		this.states = states;
	}

	/** The reliability learned from every recorded outcome (cached until one changes). */
	Reliability current() {
		return learned().reliability();
	}

	/** The reads of past campaigns that the reliability was learned from. */
	List<Reliability.Outcome> outcomes() {
		return learned().outcomes();
	}

	private Learned learned() {
		String key = this.jdbc
			.sql("select count(*) || ':' || coalesce(max(recorded_at)::text, '') from forecast_outcome")
			.query(String.class)
			.single();
		Learned current = this.learned.get();
		if (current != null && current.key().equals(key)) {
			return current;
		}
		List<Reliability.Outcome> outcomes = new ArrayList<>();
		for (long campaignId : this.jdbc.sql("select campaign_id from forecast_outcome order by campaign_id")
			.query(Long.class)
			.list()) {
			cast(campaignId).ifPresent((cast) -> outcomes.addAll(outcomes(campaignId, cast)));
		}
		Learned fresh = new Learned(key, Reliability.learn(outcomes), List.copyOf(outcomes));
		this.learned.set(fresh);
		return fresh;
	}

	/** The votes cast in a campaign's vote and its day, as recorded. */
	record Cast(LocalDate day, Map<String, org.plenary.history.Vote> votes) {
	}

	/**
	 * The votes cast in the campaign's vote: those of its roll call, or those typed in;
	 * empty when no outcome is recorded.
	 */
	Optional<Cast> cast(long campaignId) {
		return this.jdbc.sql("select roll_call_id, vote_date from forecast_outcome where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new Object[] { rs.getObject(1, Long.class), rs.getObject(2, LocalDate.class) })
			.optional()
			.map((row) -> {
				Map<String, org.plenary.history.Vote> votes = new TreeMap<>();
				if (row[0] != null) {
					long rollCallId = (Long) row[0];
					this.rollCalls.votes(rollCallId).forEach((vote, states) -> {
						for (StateVote state : states) {
							votes.put(state.iso3(), vote);
						}
					});
					return new Cast(this.rollCalls.rollCall(rollCallId).date(), votes);
				}
				this.jdbc.sql("select iso3, vote from forecast_outcome_vote where campaign_id = ?")
					.param(campaignId)
					.query((rs) -> {
						votes.put(rs.getString(1), org.plenary.history.Vote.valueOf(rs.getString(2)));
					});
				return new Cast((LocalDate) row[1], votes);
			});
	}

	/** The campaign's reads, what its model expected without them, and the votes cast. */
	private List<Reliability.Outcome> outcomes(long campaignId, Cast votesCast) {
		Map<String, Vote> cast = new HashMap<>();
		votesCast.votes().forEach((iso3, vote) -> cast.put(iso3, Vote.valueOf(vote.name())));
		Instant voteDay = votesCast.day().atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<String, VoteProbabilities> prior = new HashMap<>();
		this.models.stored(campaignId).ifPresent((model) -> {
			VoteForecast forecast = model.forecast(java.util.Set.of(), java.util.Set.of(), CampaignForecasts.LIVE);
			List<VoteProbabilities> marginals = forecast.marginals();
			for (int i = 0; i < model.members().size(); i++) {
				prior.put(model.members().get(i), marginals.get(i));
			}
		});
		List<Reliability.Outcome> outcomes = new ArrayList<>();
		for (CurrentStance stance : this.whip.stances(campaignId).values()) {
			WhipRead read = CampaignForecasts.read(stance, voteDay);
			Vote actual = cast.get(stance.iso3());
			if (read == null || actual == null) {
				continue;
			}
			VoteProbabilities p = prior.getOrDefault(stance.iso3(), VoteProbabilities.of(0.25, 0.25, 0.25, 0.25));
			outcomes.add(new Reliability.Outcome(read, p, actual));
		}
		return outcomes;
	}

	/**
	 * The recorded outcome of a campaign: the roll call its vote became, or (rollCallId
	 * null) the votes typed in for the day of the vote.
	 */
	record RecordedOutcome(Long rollCallId, String label, LocalDate voteDate, String recordedBy, Instant recordedAt,
			boolean movedToVoted) {

		boolean typed() {
			return this.rollCallId == null;
		}

		RecordedOutcome moved(boolean moved) {
			return new RecordedOutcome(this.rollCallId, this.label, this.voteDate, this.recordedBy, this.recordedAt,
					moved);
		}

	}

	Optional<RecordedOutcome> outcome(long campaignId) {
		return this.jdbc.sql("""
				select o.roll_call_id, o.vote_date, o.recorded_by, o.recorded_at,
				  (select count(*) from forecast_outcome_vote v where v.campaign_id = o.campaign_id)
				from forecast_outcome o where o.campaign_id = ?
				""").param(campaignId).query((rs, n) -> {
			Long rollCallId = rs.getObject(1, Long.class);
			if (rollCallId != null) {
				RollCall rollCall = this.rollCalls.rollCall(rollCallId);
				return new RecordedOutcome(rollCallId, rollCall.label(), rollCall.date(), rs.getString(3),
						rs.getTimestamp(4).toInstant(), false);
			}
			LocalDate day = rs.getObject(2, LocalDate.class);
			return new RecordedOutcome(null, "the roll call of " + day + " as typed in (" + rs.getLong(5) + " states)",
					day, rs.getString(3), rs.getTimestamp(4).toInstant(), false);
		}).optional();
	}

	/**
	 * Records the roll call the campaign's vote became (replacing an earlier one, or
	 * votes typed in), given by id or by symbol.
	 */
	@Transactional
	RecordedOutcome record(long campaignId, String rollCall, String by) {
		this.campaigns.requireOwner(campaignId, OUTCOME, SUGGEST);
		long id = rollCallId(rollCall);
		this.jdbc.sql("""
				insert into forecast_outcome (campaign_id, roll_call_id, recorded_by) values (?, ?, ?)
				on conflict (campaign_id) do update set roll_call_id = excluded.roll_call_id, vote_date = null,
				  recorded_by = excluded.recorded_by, recorded_at = clock_timestamp()
				""").params(campaignId, id, by).update();
		this.jdbc.sql("delete from forecast_outcome_vote where campaign_id = ?").param(campaignId).update();
		return outcome(campaignId).orElseThrow().moved(this.campaigns.markVoted(campaignId));
	}

	/**
	 * Records the votes cast in the campaign's vote as typed in, state by state
	 * (replacing an earlier outcome of either kind): each key a member's ISO 3166-1
	 * alpha-3 code, each value Yes, No, Abstain or Non-voting. All or nothing: any
	 * unknown state, state outside the body or unknown vote refuses the whole. The day
	 * defaults to the campaign's vote day, or today when that is not yet past.
	 */
	@Transactional
	RecordedOutcome record(long campaignId, Map<String, String> votes, LocalDate day, String by) {
		Campaign campaign = this.campaigns.requireOwner(campaignId, OUTCOME, SUGGEST);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate voteDay = (day != null) ? day
				: (campaign.voteOn() != null && !campaign.voteOn().isAfter(today)) ? campaign.voteOn() : today;
		if (voteDay.isAfter(today.plusDays(1))) {
			throw new InvalidInputException("date", "The vote's day " + voteDay + " is still to come");
		}
		Map<String, org.plenary.history.Vote> checked = checkVotes(campaignId, votes);
		this.jdbc.sql("""
				insert into forecast_outcome (campaign_id, roll_call_id, vote_date, recorded_by) values (?, null, ?, ?)
				on conflict (campaign_id) do update set roll_call_id = null, vote_date = excluded.vote_date,
				  recorded_by = excluded.recorded_by, recorded_at = clock_timestamp()
				""").params(campaignId, voteDay, by).update();
		this.jdbc.sql("delete from forecast_outcome_vote where campaign_id = ?").param(campaignId).update();
		checked.forEach((iso3, vote) -> this.jdbc
			.sql("insert into forecast_outcome_vote (campaign_id, iso3, vote) values (?, ?, ?)")
			.params(campaignId, iso3, vote.name())
			.update());
		return outcome(campaignId).orElseThrow().moved(this.campaigns.markVoted(campaignId));
	}

	/** Every problem with typed votes in one message; the field is the first one's. */
	private Map<String, org.plenary.history.Vote> checkVotes(long campaignId, Map<String, String> votes) {
		if (votes == null || votes.isEmpty()) {
			throw new InvalidInputException("votes",
					"Give each member's vote, e.g. {\"FRA\": \"YES\", \"BRA\": \"ABSTAIN\"}");
		}
		Map<String, String> members = new HashMap<>();
		this.campaigns.members(campaignId).forEach((m) -> members.put(m.iso3(), m.name()));
		Map<String, org.plenary.history.Vote> checked = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		String field = null;
		for (Map.Entry<String, String> entry : votes.entrySet()) {
			String given = (entry.getKey() == null) ? "" : entry.getKey().trim();
			String code = given.toUpperCase(Locale.ROOT);
			String problem = null;
			if (!code.matches("[A-Z]{3}") || this.states.find(code).isEmpty()) {
				problem = "unknown state code '" + given + "' (use ISO 3166-1 alpha-3 codes such as FRA)";
			}
			else if (!members.containsKey(code)) {
				problem = code + " (" + this.states.state(code).shortName()
						+ ") is not a member of the campaign's body";
			}
			else if (checked.containsKey(code)) {
				problem = code + " is given twice";
			}
			else {
				org.plenary.history.Vote vote = vote(entry.getValue());
				if (vote == null) {
					problem = "unknown vote '" + entry.getValue() + "' for " + code
							+ " (use YES, NO, ABSTAIN or NON_VOTING)";
				}
				else {
					checked.put(code, vote);
				}
			}
			if (problem != null) {
				field = (field != null) ? field : "votes." + given;
				problems.add(problem);
			}
		}
		if (!problems.isEmpty()) {
			int shown = Math.min(10, problems.size());
			String more = (problems.size() > shown) ? "; and " + (problems.size() - shown) + " more" : "";
			throw new InvalidInputException(field,
					"Nothing was recorded: " + String.join("; ", problems.subList(0, shown)) + more);
		}
		return checked;
	}

	/** A vote as typed: Yes, No, Abstain, Non-voting (any case), or Y, N, A, X, NV. */
	static org.plenary.history.Vote vote(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
			case "YES", "Y" -> org.plenary.history.Vote.YES;
			case "NO", "N" -> org.plenary.history.Vote.NO;
			case "ABSTAIN", "A", "ABSTENTION" -> org.plenary.history.Vote.ABSTAIN;
			case "NON_VOTING", "NONVOTING", "X", "NV" -> org.plenary.history.Vote.NON_VOTING;
			default -> null;
		};
	}

	private long rollCallId(String text) {
		String given = (text == null) ? "" : text.trim();
		if (given.isEmpty()) {
			throw new InvalidInputException("rollCall", "Name the roll call: its symbol (e.g. A/RES/ES-11/1) or id");
		}
		if (given.matches("\\d{1,18}")) {
			return this.rollCalls.rollCall(Long.parseLong(given)).id();
		}
		List<RollCall> found = this.rollCalls.bySymbol(org.plenary.forecast.core.model.PastVotes.normalSymbol(given))
			.stream()
			.filter((r) -> r.yes() + r.no() + r.abstain() > 0)
			.toList();
		if (found.isEmpty()) {
			throw new InvalidInputException("rollCall", "No recorded vote on " + given + " in the voting history");
		}
		return found.get(found.size() - 1).id();
	}

}
