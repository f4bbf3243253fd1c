package org.plenary.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;

import org.plenary.campaigns.Member;
import org.plenary.campaigns.OutOfReach;
import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.model.VoteForecast;
import org.plenary.forecast.core.model.WhipRead;
import org.plenary.forecast.core.tally.AdoptionRule;
import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.TallyDistribution;
import org.plenary.forecast.core.tally.Targeting;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;
import org.plenary.whip.Confidence;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A campaign's forecast: the stored vote model of the campaign (see
 * {@link CampaignModels}), the whip's reads as evidence weighed by their reliability, the
 * exact tally over the model's scenarios under the body's rule, and the targeting list. A
 * forecast is computed on demand in milliseconds and remembered until a read, the Art. 19
 * list, the rule, the ask, the list of states out of reach or the model changes.
 */
@Service
public class CampaignForecasts {

	/** Fewer scenarios than the command line's: a live board refreshes on every read. */
	static final ModelSettings LIVE = ModelSettings.defaults().withScenarios(21);

	static final int TARGETING_SCENARIOS = 7;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final CampaignModels models;

	private final ReadReliability reliability;

	private final JdbcClient jdbc;

	private final Map<String, Memo> memos = new ConcurrentHashMap<>();

	private record Memo(String key, CampaignForecast forecast) {
	}

	private final OutOfReach outOfReach;

	CampaignForecasts(Campaigns campaigns, WhipCount whip, CampaignModels models, ReadReliability reliability,
			JdbcClient jdbc, OutOfReach outOfReach) {
		this.outOfReach = outOfReach;
		this.campaigns = campaigns;
		this.whip = whip;
		this.models = models;
		this.reliability = reliability;
		this.jdbc = jdbc;
	}

	/**
	 * The campaign's forecast now. When its model is missing or stale, a new one is
	 * prepared in the background; meanwhile the stale one serves, or the status says it
	 * is being prepared.
	 */
	public CampaignForecast forecast(long campaignId) {
		return forecast(campaignId, false);
	}

	/**
	 * The forecast on the acting organisation's own view: its private reads count in
	 * place of the coalition's reads (ADR 0011). Null when it holds no private read (the
	 * coalition's forecast is then its own).
	 */
	public CampaignForecast ownForecast(long campaignId) {
		return forecast(campaignId, true);
	}

	private CampaignForecast forecast(long campaignId, boolean own) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		List<Member> members = this.campaigns.members(campaignId);
		Optional<CampaignModels.Stored> stored = this.models.stored(campaignId);
		boolean stale = stored.isEmpty() || !stored.get().basis().equals(this.models.basis(campaign, members));
		if (stale) {
			this.models.prepareLater(campaignId);
		}
		if (stored.isEmpty()) {
			Optional<String> failure = this.models.failure(campaignId);
			return failure
				.map((message) -> CampaignForecast.notReady(campaignId, CampaignForecast.Status.FAILED,
						"The forecast could not be prepared: " + message))
				.orElseGet(() -> CampaignForecast.notReady(campaignId, CampaignForecast.Status.PREPARING,
						"The forecast is being prepared from the voting history (a few seconds)."));
		}
		Map<String, CurrentStance> stances = own ? this.whip.ownStances(campaignId) : this.whip.stances(campaignId);
		if (stances == null) {
			return null;
		}
		Reliability reliability = this.reliability.current();
		// the list out of reach is read only when the forecast is computed again: its
		// version, on the campaign's row read above, is part of the key
		String key = memoKey(campaign, members, stances, stored.get(), reliability, stale);
		String memoFor = String.valueOf(campaignId);
		if (own) {
			// an own view is remembered per view: its reads, not the shared versions,
			// make it
			String reads = stances.values()
				.stream()
				.map((st) -> st.iso3() + st.stance() + st.recordedAt())
				.sorted()
				.collect(java.util.stream.Collectors.joining(","));
			key = key + "|" + reads;
			memoFor = campaignId + ":own:" + reads.hashCode();
		}
		Memo memo = this.memos.get(memoFor);
		if (memo != null && memo.key().equals(key)) {
			return memo.forecast();
		}
		CampaignForecast forecast = compute(campaign, members, stances, stored.get(), reliability, stale,
				this.outOfReach.reasons(campaignId));
		if (own && this.memos.size() > 500) {
			this.memos.keySet().removeIf((k) -> k.contains(":"));
		}
		this.memos.put(memoFor, new Memo(key, forecast));
		return forecast;
	}

	/** Prepares the campaign's model again now (in the background). */
	public void prepare(long campaignId) {
		this.campaigns.campaign(campaignId);
		this.models.prepareLater(campaignId, true);
	}

	/** Whether the campaign's model is being prepared on this instance. */
	public boolean preparing(long campaignId) {
		return this.models.preparing(campaignId);
	}

	private static String memoKey(Campaign campaign, List<Member> members, Map<String, CurrentStance> stances,
			CampaignModels.Stored model, Reliability reliability, boolean stale) {
		StringBuilder key = new StringBuilder().append(model.preparedAt())
			.append(stale)
			.append(campaign.rule())
			.append(campaign.quota())
			.append(campaign.ask())
			.append(reliability)
			.append("|out of reach v")
			.append(campaign.outOfReachVersion());
		// a read's weight fades with age: the day is part of the key
		key.append(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
		for (Member member : members) {
			CurrentStance stance = stances.get(member.iso3());
			key.append(member.iso3()).append(member.withoutVote() ? '!' : ':');
			key.append((stance == null) ? 0 : stance.version());
		}
		return key.toString();
	}

	private CampaignForecast compute(Campaign campaign, List<Member> members, Map<String, CurrentStance> stances,
			CampaignModels.Stored model, Reliability reliability, boolean stale, Map<String, String> outOfReach) {
		Set<String> nonVoting = new HashSet<>();
		Set<String> permanent = new HashSet<>();
		for (Member member : members) {
			if (member.withoutVote()) {
				nonVoting.add(member.iso3());
			}
			if (member.permanent()) {
				permanent.add(member.iso3());
			}
		}
		// the model's members are those of the body when it was prepared; a member added
		// since waits for the next model
		VoteForecast prior = model.forecast(nonVoting, permanent, LIVE);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < prior.members().size(); i++) {
			index.put(prior.members().get(i), i);
		}
		double[][] likelihood = new double[prior.members().size()][];
		List<VoteProbabilities> without = prior.marginals();
		Instant now = Instant.now();
		int reads = 0;
		for (Map.Entry<String, CurrentStance> entry : stances.entrySet()) {
			Integer i = index.get(entry.getKey());
			WhipRead read = read(entry.getValue(), now);
			if (i != null && read != null && !nonVoting.contains(entry.getKey())) {
				likelihood[i] = reliability.likelihood(read, without.get(i));
				reads++;
			}
		}
		Scenarios withReads = prior.given(likelihood);
		List<VoteProbabilities> marginals = withReads.marginals();
		List<VoteProbabilities> modelOnly = without;
		ExactTally tally = new ExactTally();
		TallyDistribution distribution = tally.mixture(withReads);
		AdoptionRule rule = AdoptionRule.of(AdoptionRule.Kind.valueOf(campaign.rule().name()),
				(campaign.quota() == null) ? 0 : campaign.quota());
		Map<String, Member> byCode = new HashMap<>();
		members.forEach((m) -> byCode.put(m.iso3(), m));
		List<CampaignForecast.StateForecast> rows = new ArrayList<>();
		List<Targeting.Candidate> candidates = new ArrayList<>();
		Map<String, String> leftOut = new java.util.TreeMap<>();
		for (int i = 0; i < prior.members().size(); i++) {
			String iso3 = prior.members().get(i);
			Member member = byCode.get(iso3);
			String name = (member == null) ? iso3 : member.name();
			CurrentStance stance = stances.get(iso3);
			rows.add(new CampaignForecast.StateForecast(iso3, name, (member == null) ? null : member.m49(),
					marginals.get(i), modelOnly.get(i),
					(stance == null || stance.stance() == Stance.UNKNOWN) ? null : stance.stance().label(),
					nonVoting.contains(iso3), model.idealPoints()[i], model.switching()[i]));
			String why = outOfReach.containsKey(iso3) ? outOfReach.get(iso3)
					: (stance == null) ? null : hardToMove(stance, now);
			if (why != null) {
				leftOut.put(name, why);
			}
			candidates.add(new Targeting.Candidate(name, marginals.get(i), Math.min(1, model.switching()[i]), why));
		}
		Vote ask = Vote.valueOf(campaign.ask().name());
		TallySummary summary = distribution.summary(rule);
		double[] yesCounts = distribution.distribution(Vote.YES);
		double reachesGoal = 0;
		if (campaign.goalYes() != null) {
			for (int k = Math.max(0, campaign.goalYes()); k < yesCounts.length; k++) {
				reachesGoal += yesCounts[k];
			}
		}
		Targeting.Objective objective = Targeting.Objective.of(summary.adoptionProbability(), ask, campaign.goalYes(),
				reachesGoal);
		// the gains are averages, smooth in the shifts: a third of the scenarios will do
		List<Targeting.Target> targets = new Targeting().rank(candidates, withReads.thinned(TARGETING_SCENARIOS), rule,
				ask, objective);
		rows.sort(java.util.Comparator.comparing(CampaignForecast.StateForecast::name));
		double shift = expectedShift(withReads, prior);
		CampaignForecast.Model about = new CampaignForecast.Model(model.asOf(), model.referencesUsed(),
				model.trainingVotes(), model.sigmaShift(), model.weights(), model.preparedAt(), model.tookMillis(),
				stale);
		String message = model.referencesUsed().isBlank()
				? "No reference resolution: the forecast rests on each state's recent votes alone. Add references for a sharper one."
				: null;
		return new CampaignForecast(campaign.id(), CampaignForecast.Status.READY, message, summary, yesCounts,
				distribution.distribution(Vote.NO), rows, targets, about, reliability, reads, shift, objective,
				java.util.Collections.unmodifiableMap(leftOut), withReads, List.copyOf(prior.members()));
	}

	/**
	 * The reads' suggested shift towards Yes: the mean Yes count over the scenarios with
	 * the reads, against the model alone, in votes. Zero when the reads agree with the
	 * model.
	 */
	private static double expectedShift(Scenarios withReads, VoteForecast prior) {
		double with = withReads.marginals().stream().mapToDouble(VoteProbabilities::yes).sum();
		double without = prior.marginals().stream().mapToDouble(VoteProbabilities::yes).sum();
		return with - without;
	}

	/** How recent a firm read must be for a state to count as hard to move. */
	static final Duration FRESH = Duration.ofDays(21);

	/**
	 * Why a state with this read is no target, or null: a firm read (Yes, No, Abstain,
	 * Absent) that is recent and comes from a senior source (a Permanent Representative
	 * or above) says the state has made up its mind; an old read, a junior or unnamed
	 * source, or a whip's low confidence leaves it worth a call.
	 */
	static String hardToMove(CurrentStance stance, Instant now) {
		if (!stance.stance().firm() || stance.sourceLevel() == null || stance.recordedAt() == null
				|| stance.confidence() == Confidence.LOW) {
			return null;
		}
		boolean senior = stance.sourceLevel().ordinal() <= Level.PERMANENT_REPRESENTATIVE.ordinal();
		Duration age = Duration.between(stance.recordedAt(), now);
		if (!senior || age.compareTo(FRESH) > 0) {
			return null;
		}
		long days = age.toDays();
		return "firm " + stance.stance().label() + " from the " + stance.sourceLevel().label()
				+ ((days == 0) ? " today" : (days == 1) ? " yesterday" : ", " + days + " days ago");
	}

	/** A stance as evidence, or null for none (Undecided, Unknown). */
	static WhipRead read(CurrentStance stance, Instant now) {
		Vote vote = switch (stance.stance()) {
			case YES, LEANING_YES -> Vote.YES;
			case NO, LEANING_NO -> Vote.NO;
			case ABSTAIN, LEANING_ABSTAIN -> Vote.ABSTAIN;
			case ABSENT -> Vote.NON_VOTING;
			case UNDECIDED, UNKNOWN -> null;
		};
		if (vote == null) {
			return null;
		}
		double age = (stance.recordedAt() == null) ? 0
				: Math.max(0, Duration.between(stance.recordedAt(), now).toMinutes() / (24.0 * 60));
		return new WhipRead(vote, stance.stance().firm(), confidence(stance.confidence()), level(stance.sourceLevel()),
				age);
	}

	/** The whip's confidence as a weight on the read. */
	static double confidence(Confidence confidence) {
		if (confidence == null) {
			return 1;
		}
		return switch (confidence) {
			case LOW -> 0.6;
			case MEDIUM -> 1;
			case HIGH -> 1.25;
		};
	}

	/**
	 * The source's seniority as a weight on the read: a head of state's or a minister's
	 * word binds a vote more than a desk officer's impression, and a legislator does not
	 * cast the vote at all.
	 */
	static double level(Level level) {
		if (level == null) {
			return 0.85;
		}
		return switch (level) {
			case HEAD_OF_STATE, MINISTER -> 1.2;
			case DEPUTY_MINISTER, ASSISTANT_SECRETARY, AMBASSADOR, PERMANENT_REPRESENTATIVE -> 1.0;
			case DEPUTY_PERMANENT_REPRESENTATIVE -> 0.9;
			case DESK_OFFICER -> 0.75;
			case LEGISLATOR -> 0.6;
		};
	}

	/** A point of the chart of how the forecast moved. */
	public record Snapshot(Instant at, String cause, double adoption, double yes, int yesLow, int yesHigh, double no,
			int noLow, int noHigh, double abstain, double nonVoting) {
	}

	/** How the forecast moved, oldest first (at most the last {@code limit}). */
	public List<Snapshot> history(long campaignId, int limit) {
		this.campaigns.campaign(campaignId);
		List<Snapshot> snapshots = new ArrayList<>(this.jdbc.sql(SNAPSHOTS + """
				where campaign_id = ? order by taken_at desc, id desc limit ?
				""").params(campaignId, limit).query(CampaignForecasts::snapshot).list());
		java.util.Collections.reverse(snapshots);
		return snapshots;
	}

	/**
	 * The forecast as it stood at an instant: the last snapshot taken by then, if any.
	 */
	public java.util.Optional<Snapshot> snapshotAt(long campaignId, Instant at) {
		return this.jdbc.sql(SNAPSHOTS + """
				where campaign_id = ? and taken_at <= ? order by taken_at desc, id desc limit 1
				""").params(campaignId, java.sql.Timestamp.from(at)).query(CampaignForecasts::snapshot).optional();
	}

	private static final String SNAPSHOTS = """
			select taken_at, cause, p_adoption, yes_expected, yes_low, yes_high, no_expected, no_low, no_high,
			       abstain_expected, non_voting_expected
			from forecast_snapshot
			""";

	private static Snapshot snapshot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Snapshot(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
				rs.getInt(5), rs.getInt(6), rs.getDouble(7), rs.getInt(8), rs.getInt(9), rs.getDouble(10),
				rs.getDouble(11));
	}

	/**
	 * Appends the forecast now to the campaign's history, unless it equals the last one
	 * (or there is no forecast yet).
	 */
	void snapshot(long campaignId, String cause) {
		CampaignForecast forecast = forecast(campaignId);
		if (!forecast.ready()) {
			return;
		}
		var s = forecast.summary();
		this.jdbc.sql("""
				insert into forecast_snapshot (campaign_id, cause, p_adoption, yes_expected, yes_low, yes_high,
				  no_expected, no_low, no_high, abstain_expected, non_voting_expected)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from (select * from forecast_snapshot where campaign_id = ?
				                  order by taken_at desc, id desc limit 1) last
				                  where abs(last.p_adoption - ?) < 1e-9 and abs(last.yes_expected - ?) < 1e-9
				                    and abs(last.no_expected - ?) < 1e-9)
				""")
			.params(campaignId, cause, s.adoptionProbability(), s.yes().expected(), s.yes().low(), s.yes().high(),
					s.no().expected(), s.no().low(), s.no().high(), s.abstain().expected(), s.nonVoting().expected(),
					campaignId, s.adoptionProbability(), s.yes().expected(), s.no().expected())
			.update();
	}

}
