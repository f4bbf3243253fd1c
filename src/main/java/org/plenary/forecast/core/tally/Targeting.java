package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where the next call is worth most: for each state that our ask could still move, how
 * much the probability that the campaign gets its way, and the expected count, would
 * change if the state moved one step towards our ask, weighted by how movable the state
 * is; ranked, each with a reason in words.
 * <p>
 * <b>One step towards the ask</b> moves half ({@value #STEP_SHARE}) of the probability of
 * each present outcome other than the ask one place closer to it on the ordered scale Yes
 * - Abstain - No: for an ask of Yes, half of No goes to Abstain and half of Abstain goes
 * to Yes; for No, the mirror image; for Abstain, half of Yes and half of No go to
 * Abstain. Non-voting stays as it is (a call changes a vote, not arrears under Art. 19).
 * States the step cannot move (certain for our ask, on the Art. 19 list, or only
 * uncertain between our ask and not voting) are left out.
 * <p>
 * <b>The goal</b>: with an ask of Yes or Abstain the campaign wants adoption (asking an
 * opponent to abstain lowers the bar); with an ask of No it wants rejection.
 * <p>
 * <b>Movability</b> is {@code 1 - (1 - u) (1 - h)}: u = 1 - the state's largest
 * probability (its mass away from its most likely vote, i.e. near a boundary) and h its
 * history of switching in [0, 1] given by the caller; either one makes a state movable.
 * <p>
 * <b>Score</b> = movability x (gain in the probability of the goal + gain in the goal's
 * margin of Yes over No / members): a whole vote of margin weighs as much as 1/members of
 * probability (half a point in the General Assembly), so the probability decides where
 * the outcome is in doubt, and the expected count ranks states where it is not. A
 * negative score means the step would hurt the goal (e.g. asking a state that leans Yes
 * to abstain); such states sink to the bottom.
 * <p>
 * <b>How</b>: the probability of adoption is linear in each state's probabilities, so it
 * suffices to know, for each state, P(adoption | it votes Yes), P(adoption | No) and
 * P(adoption | Abstain or Non-voting). A backward pass (the probability of adoption from
 * each partial count, given the states still to come) and a forward pass (the
 * distribution of the states before) give these for all states at once in about four
 * times the cost of one exact tally, instead of one tally per state. With the common
 * shock this is done at each quadrature node, the moved state shifting with the others.
 * <p>
 * Holds reusable work buffers (about 10 MB for 193 states): not thread-safe.
 */
public final class Targeting {

	/** The share of each outcome's probability that one step moves. */
	public static final double STEP_SHARE = 0.5;

	/**
	 * A state the campaign could call.
	 *
	 * @param state its name as shown in reasons (e.g. "Brazil" or "BRA")
	 * @param probabilities our forecast of its vote
	 * @param switching its history of switching, in [0, 1] (0 if unknown)
	 * @param outOfReach why no call will move it (the subject of the text, a recent firm
	 * read from a senior source), or null: it is left out of the ranking
	 */
	public record Candidate(String state, VoteProbabilities probabilities, double switching, String outOfReach) {

		public Candidate {
			if (state == null || probabilities == null) {
				throw new IllegalArgumentException("A candidate needs a state and its probabilities");
			}
			if (!(switching >= 0 && switching <= 1)) {
				throw new IllegalArgumentException("Switching history lies in [0, 1], not " + switching);
			}
		}

		public Candidate(String state, VoteProbabilities probabilities, double switching) {
			this(state, probabilities, switching, null);
		}

		public static Candidate of(String state, VoteProbabilities probabilities) {
			return new Candidate(state, probabilities, 0);
		}

	}

	/**
	 * What the ranking serves. While the outcome is in doubt, the probability that the
	 * campaign gets its way ({@link Kind#ADOPTION}); once that is settled (above
	 * {@value #SETTLED} or below 1 - that), the chance that the Yes count reaches the
	 * campaign's goal while that is in doubt ({@link Kind#GOAL}); otherwise the margin:
	 * expected Yes gained and No kept low ({@link Kind#MARGIN}).
	 *
	 * @param kind which one
	 * @param goalYes the goal's Yes count ({@link Kind#GOAL} only, else 0)
	 * @param words the objective in force and why, for a coordinator
	 */
	public record Objective(Kind kind, int goalYes, String words) {

		public enum Kind {

			ADOPTION, GOAL, MARGIN

		}

		/** The probability of adoption, the ask's outcome being what counts. */
		public static Objective adoption() {
			return new Objective(Kind.ADOPTION, 0, "ranked by what a call adds to the chance of our outcome");
		}

		/**
		 * The objective in force.
		 * @param adoption P(adoption)
		 * @param ask the campaign's ask (with No, the campaign wants rejection)
		 * @param goalYes the campaign's goal in Yes votes (null: none)
		 * @param goalProbability P(Yes count &gt;= goalYes) (ignored without a goal)
		 */
		public static Objective of(double adoption, Vote ask, Integer goalYes, double goalProbability) {
			double ours = (ask == Vote.NO) ? 1 - adoption : adoption;
			String outcome = (ask == Vote.NO) ? "rejection" : "adoption";
			if (ours < SETTLED && ours > 1 - SETTLED) {
				return new Objective(Kind.ADOPTION, 0, "The " + outcome + " is in doubt (" + percent(ours)
						+ "): ranked by what a call adds to its chance.");
			}
			String settled = "The " + outcome + " is " + ((ours >= SETTLED) ? "all but certain" : "out of reach") + " ("
					+ percent(ours) + ")";
			if (ask == Vote.YES && goalYes != null && goalYes > 0 && goalProbability < SETTLED
					&& goalProbability > 1 - SETTLED) {
				return new Objective(Kind.GOAL, goalYes, settled + ": ranked by what a call adds to the chance of "
						+ goalYes + " Yes, the campaign's goal (now " + percent(goalProbability) + ").");
			}
			return new Objective(Kind.MARGIN, 0, settled
					+ ((goalYes == null || ask != Vote.YES) ? ""
							: (goalProbability >= SETTLED) ? " and so is the goal of " + goalYes + " Yes"
									: ", and the goal of " + goalYes + " Yes is out of reach")
					+ ": ranked by the " + ((ask == Vote.NO) ? "No gained and Yes kept low"
							: (ask == Vote.ABSTAIN) ? "margin" : "Yes gained and No kept low")
					+ ".");
		}

	}

	/**
	 * A probability in whole percents, and "&gt; 99 %" or "&lt; 1 %" rather than a
	 * rounded 100 or 0, which a reader would take for a certainty.
	 */
	public static String percent(double p) {
		if (p > 0.995) {
			return "> 99 %";
		}
		if (p < 0.005) {
			return "< 1 %";
		}
		return String.format(Locale.ROOT, "%.0f %%", 100 * p);
	}

	/** Above this (or below 1 - this) a probability is taken as settled. */
	public static final double SETTLED = 0.97;

	/**
	 * One ranked state.
	 *
	 * @param state as the candidate named it
	 * @param probabilities our forecast of its vote, before the step
	 * @param adoptionGain the change in P(adoption) if it moved one step (negative when
	 * the ask is No and the move helps)
	 * @param expectedYesGain the change in the expected Yes count
	 * @param expectedNoGain the change in the expected No count
	 * @param movability see {@link Targeting}
	 * @param score what the list is ranked by, highest first
	 * @param reason the above in words, for a coordinator
	 * @param objectiveGain the change in the probability of the objective in force
	 * (P(adoption), or P(the goal) with {@link Objective.Kind#GOAL}; 0 with
	 * {@link Objective.Kind#MARGIN})
	 * @param ask the ask in words: "from Abstain to Yes"
	 * @param why why it ranks there, in one short sentence
	 */
	public record Target(String state, VoteProbabilities probabilities, double adoptionGain, double expectedYesGain,
			double expectedNoGain, double movability, double score, String reason, double objectiveGain, String ask,
			String why) {
	}

	private final ProbabilityTable base = new ProbabilityTable();

	private final ProbabilityTable moved = new ProbabilityTable();

	private final ProbabilityTable shiftedBase = new ProbabilityTable();

	private final ProbabilityTable shiftedMoved = new ProbabilityTable();

	// the forward distribution over (Yes, No), square with stride members + 1
	private double[] forward = new double[0];

	// the backward values, level by level: level m holds the cells y + n <= m
	private double[] values = new double[0];

	private int[] levelStart = new int[0];

	private double[] ifYes = new double[0];

	private double[] ifNo = new double[0];

	private double[] ifNeither = new double[0];

	/**
	 * Ranks the states by how much one step towards our ask would help, highest first.
	 * @param ask Yes, No or Abstain
	 */
	public List<Target> rank(List<Candidate> candidates, AdoptionRule rule, Vote ask, CommonShock shock) {
		requireAsk(ask);
		int members = candidates.size();
		this.base.load(members, i -> candidates.get(i).probabilities());
		step(this.base, ask, this.moved);
		Gains gains = new Gains(members);
		for (int node = 0; node < shock.nodes(); node++) {
			CommonShock.shift(this.base, shock.shift(node), this.shiftedBase);
			CommonShock.shift(this.moved, shock.shift(node), this.shiftedMoved);
			gains.add(this, rule, shock.weight(node));
		}
		return ranked(candidates, gains, null, ask, Objective.adoption());
	}

	/**
	 * Ranks the states as {@link #rank(List, AdoptionRule, Vote, CommonShock)} does, with
	 * the shared uncertainty given as scenarios: in each scenario the step moves the
	 * state's probabilities of that scenario. The candidates' probabilities (their
	 * marginals over the scenarios) serve movability and the reasons.
	 */
	public List<Target> rank(List<Candidate> candidates, Scenarios scenarios, AdoptionRule rule, Vote ask) {
		return rank(candidates, scenarios, rule, ask, Objective.adoption());
	}

	/**
	 * Ranks the states toward the objective in force: with {@link Objective.Kind#GOAL}
	 * the probability gained is that of the goal's Yes count, with
	 * {@link Objective.Kind#MARGIN} only the margin counts.
	 */
	public List<Target> rank(List<Candidate> candidates, Scenarios scenarios, AdoptionRule rule, Vote ask,
			Objective objective) {
		requireAsk(ask);
		int members = candidates.size();
		if (scenarios.members() != members) {
			throw new IllegalArgumentException(
					"The scenarios have " + scenarios.members() + " states, the candidates " + members);
		}
		this.base.load(members, i -> candidates.get(i).probabilities());
		Gains gains = gains(scenarios, rule, ask);
		Gains goal = (objective.kind() == Objective.Kind.GOAL)
				? gains(scenarios, AdoptionRule.quota(objective.goalYes()), ask) : null;
		return ranked(candidates, gains, goal, ask, objective);
	}

	private Gains gains(Scenarios scenarios, AdoptionRule rule, Vote ask) {
		Gains gains = new Gains(scenarios.members());
		for (int s = 0; s < scenarios.size(); s++) {
			this.shiftedBase.load(scenarios.states(s));
			step(this.shiftedBase, ask, this.shiftedMoved);
			gains.add(this, rule, scenarios.weight(s));
		}
		return gains;
	}

	private static void requireAsk(Vote ask) {
		if (ask == Vote.NON_VOTING) {
			throw new IllegalArgumentException("The ask is Yes, No or Abstain");
		}
	}

	/** What the step gains for each state, summed over the nodes or scenarios. */
	private static final class Gains {

		final double[] adoption;

		final double[] yes;

		final double[] no;

		Gains(int members) {
			this.adoption = new double[members];
			this.yes = new double[members];
			this.no = new double[members];
		}

		/** Adds one node: shiftedBase before the step, shiftedMoved after it. */
		void add(Targeting targeting, AdoptionRule rule, double weight) {
			ProbabilityTable before = targeting.shiftedBase;
			ProbabilityTable after = targeting.shiftedMoved;
			targeting.conditionalAdoption(before, rule);
			for (int i = 0; i < before.size; i++) {
				double dYes = after.yes[i] - before.yes[i];
				double dNo = after.no[i] - before.no[i];
				double dNeither = after.neither(i) - before.neither(i);
				this.adoption[i] += weight
						* (dYes * targeting.ifYes[i] + dNo * targeting.ifNo[i] + dNeither * targeting.ifNeither[i]);
				this.yes[i] += weight * dYes;
				this.no[i] += weight * dNo;
			}
		}

	}

	private List<Target> ranked(List<Candidate> candidates, Gains gains, Gains goal, Vote ask, Objective objective) {
		int members = candidates.size();
		boolean wantsAdoption = ask != Vote.NO;
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			Candidate candidate = candidates.get(i);
			if (!canMove(this.base, i, ask) || candidate.outOfReach() != null) {
				continue;
			}
			double adoptionGain = gains.adoption[i];
			double objectiveGain = switch (objective.kind()) {
				case ADOPTION -> wantsAdoption ? adoptionGain : -adoptionGain;
				case GOAL -> goal.adoption[i];
				case MARGIN -> 0;
			};
			double marginGain = wantsAdoption ? gains.yes[i] - gains.no[i] : gains.no[i] - gains.yes[i];
			double movability = movability(candidate);
			double score = movability * (objectiveGain + marginGain / members);
			targets
				.add(new Target(candidate.state(), candidate.probabilities(), adoptionGain, gains.yes[i], gains.no[i],
						movability, score, reason(candidate, adoptionGain, gains.yes[i], gains.no[i], ask, movability),
						objectiveGain, askInWords(candidate.probabilities(), ask),
						why(candidate, objective, objectiveGain, gains.yes[i], gains.no[i], ask)));
		}
		targets.sort(
				Comparator.comparingDouble(Target::score)
					.reversed()
					.thenComparing(Comparator
						.comparingDouble((Target t) -> wantsAdoption ? t.adoptionGain() : -t.adoptionGain())
						.reversed())
					.thenComparing(Target::state));
		return targets;
	}

	/** A state's probabilities after one step towards the ask (see {@link Targeting}). */
	public static VoteProbabilities stepTowards(VoteProbabilities state, Vote ask) {
		ProbabilityTable one = new ProbabilityTable();
		one.load(List.of(state));
		ProbabilityTable out = new ProbabilityTable();
		step(one, ask, out);
		return new VoteProbabilities(out.yes[0], out.no[0], out.abstain[0], out.nonVoting[0], state.permanentMember());
	}

	/**
	 * 1 - (1 - mass away from the most likely vote) x (1 - switching history): either one
	 * makes a state movable.
	 */
	public static double movability(Candidate candidate) {
		VoteProbabilities p = candidate.probabilities();
		double uncertainty = 1 - p.probability(p.mostLikely());
		return 1 - (1 - uncertainty) * (1 - candidate.switching());
	}

	private static boolean canMove(ProbabilityTable states, int i, Vote ask) {
		return switch (ask) {
			case YES -> states.no[i] + states.abstain[i] > 0;
			case NO -> states.yes[i] + states.abstain[i] > 0;
			case ABSTAIN -> states.yes[i] + states.no[i] > 0;
			case NON_VOTING -> false;
		};
	}

	private static void step(ProbabilityTable from, Vote ask, ProbabilityTable to) {
		to.resize(from.size);
		double h = STEP_SHARE;
		for (int i = 0; i < from.size; i++) {
			double yes = from.yes[i];
			double no = from.no[i];
			double abstain = from.abstain[i];
			switch (ask) {
				case YES -> {
					to.yes[i] = yes + h * abstain;
					to.abstain[i] = (1 - h) * abstain + h * no;
					to.no[i] = (1 - h) * no;
				}
				case NO -> {
					to.no[i] = no + h * abstain;
					to.abstain[i] = (1 - h) * abstain + h * yes;
					to.yes[i] = (1 - h) * yes;
				}
				case ABSTAIN -> {
					to.abstain[i] = abstain + h * (yes + no);
					to.yes[i] = (1 - h) * yes;
					to.no[i] = (1 - h) * no;
				}
				case NON_VOTING -> throw new IllegalArgumentException("The ask is Yes, No or Abstain");
			}
			to.nonVoting[i] = from.nonVoting[i];
			to.permanent[i] = from.permanent[i];
		}
	}

	/**
	 * Fills ifYes, ifNo and ifNeither: for each state, P(adoption | it votes so), the
	 * others voting independently with the table's probabilities.
	 * <p>
	 * With a veto, a permanent member's No ends every path (P(adoption | No) = 0), so
	 * both passes simply drop that mass ("live" outcomes only) and the rule is applied to
	 * the live counts without a veto.
	 */
	private void conditionalAdoption(ProbabilityTable states, AdoptionRule rule) {
		int members = states.size;
		ensureCapacity(members);
		boolean veto = rule.hasVeto();
		int[] start = this.levelStart;
		double[] v = this.values;

		// backward: level m holds P(adoption | the first m states gave (y, n)); level
		// members is the rule itself
		int top = start[members];
		for (int y = 0; y <= members; y++) {
			int row = top + rowOffset(members, y);
			for (int n = 0; n <= members - y; n++) {
				v[row + n] = rule.adopted(y, n, false) ? 1 : 0;
			}
		}
		for (int m = members - 1; m >= 1; m--) {
			double yes = states.yes[m];
			double no = (veto && states.permanent[m]) ? 0 : states.no[m];
			double neither = states.neither(m);
			int level = start[m];
			int next = start[m + 1];
			for (int y = 0; y <= m; y++) {
				int row = level + rowOffset(m, y);
				int nextRow = next + rowOffset(m + 1, y);
				int nextRowUp = next + rowOffset(m + 1, y + 1);
				for (int n = 0; n <= m - y; n++) {
					v[row + n] = yes * v[nextRowUp + n] + no * v[nextRow + n + 1] + neither * v[nextRow + n];
				}
			}
		}

		// forward: the distribution of the live counts of the states before state i,
		// read against level i + 1 just before state i is added to it
		int stride = members + 1;
		double[] p = this.forward;
		Arrays.fill(p, 0, stride * stride, 0);
		p[0] = 1;
		for (int i = 0; i < members; i++) {
			double yes = states.yes[i];
			boolean vetoes = veto && states.permanent[i];
			double no = vetoes ? 0 : states.no[i];
			double neither = states.neither(i);
			int level = start[i + 1];
			double sumYes = 0;
			double sumNo = 0;
			double sumNeither = 0;
			// cells (y, n) with y + n <= i carry the distribution; y + n = i + 1 is empty
			// until state i is added
			for (int y = i; y >= 0; y--) {
				int row = y * stride;
				int valueRow = level + rowOffset(i + 1, y);
				int valueRowUp = level + rowOffset(i + 1, y + 1);
				for (int n = i - y; n >= 0; n--) {
					double mass = p[row + n];
					sumYes += mass * v[valueRowUp + n];
					sumNo += mass * v[valueRow + n + 1];
					sumNeither += mass * v[valueRow + n];
				}
			}
			this.ifYes[i] = sumYes;
			this.ifNo[i] = vetoes ? 0 : sumNo;
			this.ifNeither[i] = sumNeither;
			ExactTally.addState(p, stride, i, yes, no, neither);
		}
	}

	/** Where row y starts within a level holding the cells y + n <= m. */
	private static int rowOffset(int m, int y) {
		return y * (m + 1) - y * (y - 1) / 2;
	}

	private void ensureCapacity(int members) {
		int stride = members + 1;
		if (this.forward.length < stride * stride) {
			this.forward = new double[stride * stride];
		}
		if (this.levelStart.length < members + 2) {
			this.levelStart = new int[members + 2];
		}
		int total = 0;
		for (int m = 0; m <= members; m++) {
			this.levelStart[m] = total;
			total += (m + 1) * (m + 2) / 2;
		}
		this.levelStart[members + 1] = total;
		if (this.values.length < total) {
			this.values = new double[total];
		}
		if (this.ifYes.length < members) {
			this.ifYes = new double[members];
			this.ifNo = new double[members];
			this.ifNeither = new double[members];
		}
	}

	private static String reason(Candidate candidate, double adoptionGain, double yesGain, double noGain, Vote ask,
			double movability) {
		StringBuilder text = new StringBuilder(candidate.state()).append(": ");
		text.append(signed(100 * adoptionGain)).append(" points of P(adoption)");
		boolean yesMoves = Math.abs(yesGain) >= 0.05;
		boolean noMoves = Math.abs(noGain) >= 0.05;
		if (yesMoves || (!noMoves && ask != Vote.NO)) {
			text.append(", ").append(signed(yesGain)).append(" expected Yes");
		}
		if (noMoves || (!yesMoves && ask == Vote.NO)) {
			text.append(", ").append(signed(noGain)).append(" expected No");
		}
		text.append("; ").append(describe(candidate.probabilities()));
		if (candidate.switching() > 0) {
			text.append(String.format(Locale.ROOT, ", switching history %.2f", candidate.switching()));
		}
		text.append(String.format(Locale.ROOT, "; movability %.2f", movability));
		return text.toString();
	}

	/**
	 * The ask in words, from the state's most likely vote one step toward ours: "from
	 * Abstain to Yes", "from No to Abstain"; "firm up its Yes" when it already leans our
	 * way.
	 */
	public static String askInWords(VoteProbabilities p, Vote ask) {
		Vote now = p.mostLikely();
		if (now == ask) {
			return "firm up its " + ask.label();
		}
		Vote next = switch (ask) {
			case YES -> (now == Vote.NO) ? Vote.ABSTAIN : Vote.YES;
			case NO -> (now == Vote.YES) ? Vote.ABSTAIN : Vote.NO;
			default -> Vote.ABSTAIN;
		};
		return "from " + now.label() + " to " + next.label();
	}

	/**
	 * Why a state ranks where it does, in one sentence a whip reads at a glance: its
	 * forecast, then what one step toward the ask gains under the objective in force.
	 */
	static String why(Candidate candidate, Objective objective, double objectiveGain, double yesGain, double noGain,
			Vote ask) {
		StringBuilder text = new StringBuilder(capitalised(describe(candidate.probabilities())));
		String step = "; a step toward " + ask.label();
		switch (objective.kind()) {
			case ADOPTION -> text.append(step)
				.append(" adds ")
				.append(points(objectiveGain))
				.append(" to the chance of ")
				.append((ask == Vote.NO) ? "rejection" : "adoption");
			case GOAL -> text.append(step)
				.append(" adds ")
				.append(points(objectiveGain))
				.append(" to the chance of ")
				.append(objective.goalYes())
				.append(" Yes");
			case MARGIN -> {
				double ours = (ask == Vote.NO) ? noGain : yesGain;
				double theirs = (ask == Vote.NO) ? yesGain : noGain;
				text.append(step).append(String.format(Locale.ROOT, " gains %.1f expected %s", ours, ask.label()));
				if (Math.abs(theirs) >= 0.05) {
					text.append(String.format(Locale.ROOT, " and %+.1f %s", theirs,
							(ask == Vote.NO) ? Vote.YES.label() : Vote.NO.label()));
				}
			}
		}
		if (candidate.switching() >= 0.3) {
			text.append("; it has switched before");
		}
		return text.append('.').toString();
	}

	private static String points(double gain) {
		double value = 100 * gain;
		return (Math.abs(value) < 0.05) ? "almost nothing"
				: String.format(Locale.ROOT, "%.1f point%s", value, (Math.abs(value - 1) < 0.05) ? "" : "s");
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** One decimal with its sign, and no "-0.0" for what rounding left below zero. */
	private static String signed(double value) {
		String text = String.format(Locale.ROOT, "%+.1f", value);
		return text.equals("-0.0") ? "+0.0" : text;
	}

	/**
	 * The state's forecast in words: "certain No", "undecided between Yes and Abstain".
	 */
	static String describe(VoteProbabilities p) {
		Vote first = p.mostLikely();
		Vote second = null;
		for (Vote vote : Vote.values()) {
			if (vote != first && (second == null || p.probability(vote) > p.probability(second))) {
				second = vote;
			}
		}
		double top = p.probability(first);
		if (p.isCertain(first)) {
			return "certain " + first.label();
		}
		if (p.probability(second) >= 0.25) {
			return "undecided between " + first.label() + " and " + second.label();
		}
		String percent = String.format(Locale.ROOT, " (%.0f %%)", 100 * top);
		return (top >= 0.8 ? "likely " : "leaning ") + first.label() + percent;
	}

}
