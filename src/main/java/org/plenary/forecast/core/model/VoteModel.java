package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.plenary.forecast.core.ideal.CastVote;
import org.plenary.forecast.core.ideal.ChoiceProbabilities;
import org.plenary.forecast.core.ideal.IdealPoints;
import org.plenary.forecast.core.ideal.IdealPointsFitter;
import org.plenary.forecast.core.ideal.IdealPointsOptions;
import org.plenary.forecast.core.ideal.RollCall;
import org.plenary.forecast.core.ideal.RollCallData;
import org.plenary.forecast.core.ideal.VoteChoice;
import org.plenary.forecast.core.tally.Vote;

/**
 * The vote model as of a date: ideal points fitted on the roll calls before it, and the
 * weights of {@link StateFacts}' features learned from the votes before it that repeated
 * an earlier vote's title. It reads nothing from the date on, so adding later votes to
 * the history changes none of its forecasts.
 * <p>
 * A state's forecast for a new vote, given its references: P(Non-voting) from the absence
 * part, and P(Yes), P(Abstain), P(No) when present from the presence part. Two shifts
 * shared by every state of the vote make the states' votes move together: one towards Yes
 * (the references locate the direction of the split more reliably than its level, so the
 * level of the new vote is uncertain), one of absence. Both are learned as random effects
 * from the past votes, so the per-state probabilities (averaged over the shifts) and the
 * width of the tally are calibrated on the same history.
 */
public final class VoteModel {

	private static final int MIN_TRAINING_VOTES = 5;

	private final PastVotes history;

	private final LocalDate date;

	private final int cut;

	// the day after the last vote before the date: the windows reach back from it
	private final LocalDate end;

	private final Map<String, String> regionalGroups;

	// each bloc's members, as indices in the history
	private final Map<String, int[]> blocMembers;

	private final Map<String, java.util.Set<String>> blocsOf;

	private final IdealPoints ideal;

	// history state index -> index in the fit, or -1
	private final int[] fitState;

	// history roll call index -> index in the fit, or -1 (outside the window)
	private final int windowStart;

	private final ModelWeights weights;

	private final ModelSettings settings;

	private final double trainingLogLoss;

	// per history state: how often it voted otherwise than on its reference
	private final int[] switches;

	private final int[] repeats;

	private VoteModel(PastVotes history, LocalDate date, Groupings groupings, ModelSettings settings,
			int[] extraReferences) {
		this.history = history;
		this.date = date;
		this.settings = settings;
		this.cut = history.before(date);
		this.regionalGroups = groupings.regionalGroup();
		this.blocsOf = groupings.blocs();
		this.blocMembers = new java.util.TreeMap<>();
		groupings.members()
			.forEach((code, states) -> this.blocMembers.put(code,
					states.stream().mapToInt(history::stateIndex).filter((i) -> i >= 0).sorted().toArray()));
		// a date after the history's end (a vote to come) looks back from the last vote
		this.end = (this.cut == 0) ? date : min(date, history.date(this.cut - 1).plusDays(1));
		List<Pair> pairs = trainingPairs();
		LocalDate windowFrom = this.end.minusYears(settings.windowYears());
		for (int reference : extraReferences) {
			if (history.date(reference).isBefore(windowFrom)) {
				windowFrom = history.date(reference);
			}
		}
		this.windowStart = history.before(windowFrom);
		this.fitState = new int[history.states().size()];
		this.switches = new int[history.states().size()];
		this.repeats = new int[history.states().size()];
		this.ideal = fit();
		Trained trained = train(pairs);
		this.weights = trained.weights;
		this.trainingLogLoss = trained.logLoss;
	}

	/**
	 * Prepares the model as of a date: fits the ideal points and learns the weights.
	 * @param history the voting history (only what lies before the date is read)
	 * @param date the day of the vote to forecast
	 * @param references roll calls (indices in the history) that forecasts will use as
	 * references, so that the fit's window reaches back to them
	 * @param regionalGroups each state's regional group (for cohesion); states not named
	 * are compared with all states; no blocs
	 */
	public static VoteModel asOf(PastVotes history, LocalDate date, int[] references,
			Map<String, String> regionalGroups, ModelSettings settings) {
		return asOf(history, date, references, Groupings.regional(regionalGroups), settings);
	}

	/**
	 * Prepares the model as of a date with regional groups and blocs for cohesion (see
	 * {@link #asOf(PastVotes, LocalDate, int[], Map, ModelSettings)}).
	 */
	public static VoteModel asOf(PastVotes history, LocalDate date, int[] references, Groupings groupings,
			ModelSettings settings) {
		int cut = history.before(date);
		for (int reference : references) {
			if (reference < 0 || reference >= cut) {
				throw new IllegalArgumentException("A reference must be a roll call before " + date);
			}
		}
		return new VoteModel(history, date, groupings, settings, references);
	}

	public LocalDate date() {
		return this.date;
	}

	/** The learned weights (or the defaults when there was too little to learn from). */
	public ModelWeights weights() {
		return this.weights;
	}

	/** The mean log loss per state on the votes the model learned from (in-sample). */
	public double trainingLogLoss() {
		return this.trainingLogLoss;
	}

	/** The fitted ideal points (indices of the fit, see {@link #idealPosition}). */
	public IdealPoints idealPoints() {
		return this.ideal;
	}

	/**
	 * The state's history of switching, in [0, 1]: how often, on the votes the model
	 * learned from, it voted otherwise than on the reference (smoothed towards 0 for
	 * states seen on few votes).
	 */
	public double switching(String iso3) {
		int state = this.history.stateIndex(iso3);
		if (state < 0) {
			return 0;
		}
		return this.switches[state] / (this.repeats[state] + 5.0);
	}

	/** The state's ideal point in the session of the date, or NaN. */
	public double idealPosition(String iso3) {
		int state = this.history.stateIndex(iso3);
		if (state < 0 || this.fitState[state] < 0) {
			return Double.NaN;
		}
		return this.ideal.position(this.fitState[state], Sessions.of(this.date));
	}

	/**
	 * The forecast of a vote on this model's date.
	 * @param references the reference roll calls (indices in the history, before the
	 * date), the most alike first
	 * @param members the states that vote (ISO3), in the order wanted
	 * @param nonVoting states that cannot vote (Charter Art. 19): certain Non-voting
	 * @param permanentMembers permanent members of the Security Council among them
	 */
	public VoteForecast forecast(int[] references, List<String> members, Set<String> nonVoting,
			Set<String> permanentMembers) {
		for (int reference : references) {
			if (reference < 0 || reference >= this.cut) {
				throw new IllegalArgumentException("A reference must be a roll call before " + this.date);
			}
		}
		int n = members.size();
		MixedLogit presence = presenceModel();
		MixedLogit absence = absenceModel();
		double[] presenceFeatures = new double[3 * StateFacts.PRESENCE_FEATURES];
		double[] absenceFeatures = new double[2 * StateFacts.ABSENCE_FEATURES];
		double[][] utilities = new double[n][3];
		double[] absenceLogit = new double[n];
		boolean[] certainNonVoting = new boolean[n];
		boolean[] permanent = new boolean[n];
		double[] presenceWeights = this.weights.presence();
		double[] absenceWeights = this.weights.absence();
		double[] two = new double[2];
		int session = Sessions.of(this.date);
		for (int i = 0; i < n; i++) {
			String iso3 = members.get(i);
			int state = this.history.stateIndex(iso3);
			permanent[i] = permanentMembers.contains(iso3);
			certainNonVoting[i] = nonVoting.contains(iso3);
			// a state the history does not know reads as one with no seat before the
			// date,
			// so that naming it in later votes changes nothing
			StateFacts.presence(this.history, this.cut, state, references, group(iso3), blocs(iso3),
					(state < 0) ? null : idealProbabilities(references, state, session), presenceFeatures, 0);
			StateFacts.absence(this.history, this.cut, state, references, absenceFeatures, 0);
			presence.utilities(presenceFeatures, 0, presenceWeights, utilities[i]);
			absence.utilities(absenceFeatures, 0, absenceWeights, two);
			absenceLogit[i] = two[1] - two[0];
		}
		return new VoteForecast(members, utilities, absenceLogit, certainNonVoting, permanent,
				this.weights.sigmaShift(), this.weights.sigmaAbsence(), this.settings);
	}

	private int[][] blocs(String iso3) {
		return this.blocsOf.getOrDefault(iso3, java.util.Set.of())
			.stream()
			.sorted()
			.map((code) -> this.blocMembers.getOrDefault(code, new int[0]))
			.toArray(int[][]::new);
	}

	private int[] group(String iso3) {
		String code = this.regionalGroups.get(iso3);
		if (code == null) {
			return new int[0];
		}
		List<Integer> others = new ArrayList<>();
		this.regionalGroups.forEach((other, otherCode) -> {
			int index = this.history.stateIndex(other);
			if (code.equals(otherCode) && !other.equals(iso3) && index >= 0) {
				others.add(index);
			}
		});
		return others.stream().sorted().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Yes, Abstain, No from the state's position and the first fitted reference's item.
	 */
	private double[] idealProbabilities(int[] references, int state, int session) {
		int fitted = this.fitState[state];
		if (fitted < 0 || references.length == 0) {
			return null;
		}
		int item = references[0] - this.windowStart;
		if (item < 0 || !this.ideal.hasItem(item)) {
			return null;
		}
		ChoiceProbabilities p = this.ideal.probabilities(item, this.ideal.position(fitted, session),
				this.ideal.variance(fitted, session));
		return new double[] { p.yes(), p.abstain(), p.no() };
	}

	private static MixedLogit presenceModel() {
		return new MixedLogit(StateFacts.PRESENCE_SHIFT, StateFacts.PRESENCE_FEATURES);
	}

	private static MixedLogit absenceModel() {
		return new MixedLogit(StateFacts.ABSENCE_SHIFT, StateFacts.ABSENCE_FEATURES);
	}

	/** A past vote to learn from and its references. */
	private record Pair(int target, int[] references) {
	}

	/**
	 * The votes of the training years that repeat an earlier vote's title, each with the
	 * latest earlier vote of that title (and the one before it) as references, both
	 * within the fit's window.
	 */
	private List<Pair> trainingPairs() {
		int from = this.history.before(this.end.minusYears(this.settings.trainingYears()));
		LocalDate oldestReference = this.end.minusYears(this.settings.windowYears());
		Map<String, List<Integer>> byTitle = new HashMap<>();
		List<Pair> pairs = new ArrayList<>();
		for (int r = 0; r < this.cut; r++) {
			String title = PastVotes.normalTitle(this.history.title(r));
			if (title.isEmpty() || !this.history.hasVotes(r)) {
				continue;
			}
			List<Integer> earlier = byTitle.computeIfAbsent(title, (t) -> new ArrayList<>());
			if (r >= from) {
				List<Integer> references = new ArrayList<>();
				for (int j = earlier.size() - 1; j >= 0 && references.size() < 2; j--) {
					int candidate = earlier.get(j);
					if (this.history.date(candidate).isBefore(this.history.date(r))
							&& !this.history.date(candidate).isBefore(oldestReference)) {
						references.add(candidate);
					}
				}
				if (!references.isEmpty()) {
					pairs.add(new Pair(r, references.stream().mapToInt(Integer::intValue).toArray()));
				}
			}
			earlier.add(r);
		}
		int max = this.settings.maxTrainingVotes();
		return (pairs.size() > max) ? pairs.subList(pairs.size() - max, pairs.size()) : pairs;
	}

	/** The ideal points of the window's Yes, Abstain and No votes. */
	private IdealPoints fit() {
		java.util.Arrays.fill(this.fitState, -1);
		List<RollCall> rollCalls = new ArrayList<>();
		List<CastVote> votes = new ArrayList<>();
		int states = 0;
		for (int r = this.windowStart; r < this.cut; r++) {
			byte[] codes = this.history.codes(r);
			for (int s = 0; s < codes.length; s++) {
				if (StateFacts.presentClass(codes[s]) >= 0 && this.fitState[s] < 0) {
					this.fitState[s] = 0;
				}
			}
		}
		for (int s = 0; s < this.fitState.length; s++) {
			if (this.fitState[s] == 0) {
				this.fitState[s] = states++;
			}
		}
		for (int r = this.windowStart; r < this.cut; r++) {
			LocalDate day = this.history.date(r);
			rollCalls.add(new RollCall(this.history.id(r), day, Sessions.of(day)));
			byte[] codes = this.history.codes(r);
			for (int s = 0; s < codes.length; s++) {
				int k = StateFacts.presentClass(codes[s]);
				if (k >= 0) {
					VoteChoice choice = (k == 0) ? VoteChoice.YES : (k == 1) ? VoteChoice.ABSTAIN : VoteChoice.NO;
					votes.add(new CastVote(r - this.windowStart, this.fitState[s], choice));
				}
			}
		}
		IdealPointsOptions options = IdealPointsOptions.defaults().withThreads(this.settings.threads());
		int usa = this.history.stateIndex("USA");
		if (usa >= 0 && this.fitState[usa] >= 0) {
			options = options.withAnchorState(this.fitState[usa]);
		}
		if (votes.isEmpty()) {
			return null;
		}
		return IdealPointsFitter.fit(new RollCallData(states, rollCalls, votes), options);
	}

	private record Trained(ModelWeights weights, double logLoss) {
	}

	/**
	 * Learns the weights from the pairs (or keeps the defaults when they are too few).
	 */
	private Trained train(List<Pair> pairs) {
		ModelWeights defaults = ModelWeights.defaults();
		if (pairs.size() < MIN_TRAINING_VOTES || this.ideal == null) {
			return new Trained(defaults, Double.NaN);
		}
		List<MixedLogit.Group> presenceGroups = new ArrayList<>();
		List<MixedLogit.Group> absenceGroups = new ArrayList<>();
		int presenceWidth = 3 * StateFacts.PRESENCE_FEATURES;
		int absenceWidth = 2 * StateFacts.ABSENCE_FEATURES;
		for (Pair pair : pairs) {
			int target = pair.target();
			byte[] codes = this.history.codes(target);
			int targetCut = this.history.before(this.history.date(target));
			int session = Sessions.of(this.history.date(target));
			List<Integer> rows = new ArrayList<>();
			for (int s = 0; s < codes.length; s++) {
				if (codes[s] != 0) {
					rows.add(s);
				}
			}
			double[] presenceFeatures = new double[rows.size() * presenceWidth];
			double[] absenceFeatures = new double[rows.size() * absenceWidth];
			int[] presenceObserved = new int[rows.size()];
			int[] absenceObserved = new int[rows.size()];
			for (int i = 0; i < rows.size(); i++) {
				int s = rows.get(i);
				String iso3 = this.history.states().get(s);
				StateFacts.presence(this.history, targetCut, s, pair.references(), group(iso3), blocs(iso3),
						idealProbabilities(pair.references(), s, session), presenceFeatures, i * presenceWidth);
				StateFacts.absence(this.history, targetCut, s, pair.references(), absenceFeatures, i * absenceWidth);
				presenceObserved[i] = StateFacts.presentClass(codes[s]);
				int before = StateFacts.presentClass(this.history.codes(pair.references()[0])[s]);
				if (presenceObserved[i] >= 0 && before >= 0) {
					this.repeats[s]++;
					this.switches[s] += (before != presenceObserved[i]) ? 1 : 0;
				}
				absenceObserved[i] = (presenceObserved[i] < 0) ? 1 : 0;
			}
			presenceGroups.add(new MixedLogit.Group(presenceFeatures, presenceObserved));
			absenceGroups.add(new MixedLogit.Group(absenceFeatures, absenceObserved));
		}
		MixedLogit.Fit presence = presenceModel().fit(presenceGroups, defaults.presence(), defaults.sigmaShift());
		MixedLogit.Fit absence = absenceModel().fit(absenceGroups, defaults.absence(), defaults.sigmaAbsence());
		int observations = absence.observations();
		double logLoss = -(presence.logLikelihood() + absence.logLikelihood()) / Math.max(1, observations);
		return new Trained(
				new ModelWeights(presence.theta(), presence.sigma(), absence.theta(), absence.sigma(), pairs.size()),
				logLoss);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** Maps a presence class (Yes 0, Abstain 1, No 2) to the tally's vote. */
	static Vote presentVote(int k) {
		return StateFacts.PRESENT[k];
	}

}
