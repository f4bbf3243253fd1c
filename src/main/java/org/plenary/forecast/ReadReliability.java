package org.plenary.forecast;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.model.VoteForecast;
import org.plenary.forecast.core.model.WhipRead;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.plenary.history.StateVote;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much the whip's reads are worth, learned from past campaigns whose roll calls are
 * known: each campaign whose outcome was recorded ({@code forecast_outcome}) contributes
 * its reads (the board's current stances), what its model expected without them, and the
 * votes cast. With no outcome recorded, the defaults of {@link Reliability} hold.
 */
@Component
class ReadReliability {

	private final JdbcClient jdbc;

	private final WhipCount whip;

	private final RollCalls rollCalls;

	private final CampaignModels models;

	private final Campaigns campaigns;

	private final AtomicReference<Learned> learned = new AtomicReference<>();

	private record Learned(String key, Reliability reliability, List<Reliability.Outcome> outcomes) {
	}

	ReadReliability(JdbcClient jdbc, WhipCount whip, RollCalls rollCalls, CampaignModels models, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.whip = whip;
		this.rollCalls = rollCalls;
		this.models = models;
		this.campaigns = campaigns;
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
		this.jdbc.sql("select campaign_id, roll_call_id from forecast_outcome order by campaign_id").query((rs) -> {
			outcomes.addAll(outcomes(rs.getLong(1), rs.getLong(2)));
		});
		Learned fresh = new Learned(key, Reliability.learn(outcomes), List.copyOf(outcomes));
		this.learned.set(fresh);
		return fresh;
	}

	/** The campaign's reads, what its model expected without them, and the votes cast. */
	private List<Reliability.Outcome> outcomes(long campaignId, long rollCallId) {
		RollCall rollCall = this.rollCalls.rollCall(rollCallId);
		Map<String, Vote> cast = new HashMap<>();
		this.rollCalls.votes(rollCallId).forEach((vote, states) -> {
			for (StateVote state : states) {
				cast.put(state.iso3(), Vote.valueOf(vote.name()));
			}
		});
		Instant voteDay = rollCall.date().atStartOfDay(ZoneOffset.UTC).toInstant();
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

	/** The recorded outcome of a campaign: the roll call its vote became. */
	record RecordedOutcome(long rollCallId, String label, String recordedBy, Instant recordedAt) {
	}

	Optional<RecordedOutcome> outcome(long campaignId) {
		return this.jdbc
			.sql("select roll_call_id, recorded_by, recorded_at from forecast_outcome where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new RecordedOutcome(rs.getLong(1), this.rollCalls.rollCall(rs.getLong(1)).label(),
					rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/**
	 * Records the roll call the campaign's vote became (replacing an earlier one), given
	 * by id or by symbol.
	 */
	RecordedOutcome record(long campaignId, String rollCall, String by) {
		this.campaigns.campaign(campaignId);
		long id = rollCallId(rollCall);
		this.jdbc.sql("""
				insert into forecast_outcome (campaign_id, roll_call_id, recorded_by) values (?, ?, ?)
				on conflict (campaign_id) do update set roll_call_id = excluded.roll_call_id,
				  recorded_by = excluded.recorded_by, recorded_at = now()
				""").params(campaignId, id, by).update();
		return outcome(campaignId).orElseThrow();
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
