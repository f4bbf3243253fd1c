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
	 */
	public record Candidate(String state, VoteProbabilities probabilities, double switching) {

		public Candidate {
			if (state == null || probabilities == null) {
				throw new IllegalArgumentException("A candidate needs a state and its probabilities");
			}
			if (!(switching >= 0 && switching <= 1)) {
				throw new IllegalArgumentException("Switching history lies in [0, 1], not " + switching);
			}
		}

		public static Candidate of(String state, VoteProbabilities probabilities) {
			return new Candidate(state, probabilities, 0);
		}

	}

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
	 */
	public record Target(String state, VoteProbabilities probabilities, double adoptionGain, double expectedYesGain,
			double expectedNoGain, double movability, double score, String reason) {
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
		return ranked(candidates, gains, ask);
	}

	/**
	 * Ranks the states as {@link #rank(List, AdoptionRule, Vote, CommonShock)} does, with
	 * the shared uncertainty given as scenarios: in each scenario the step moves the
	 * state's probabilities of that scenario. The candidates' probabilities (their
	 * marginals over the scenarios) serve movability and the reasons.
	 */
	public List<Target> rank(List<Candidate> candidates, Scenarios scenarios, AdoptionRule rule, Vote ask) {
		requireAsk(ask);
		int members = candidates.size();
		if (scenarios.members() != members) {
			throw new IllegalArgumentException(
					"The scenarios have " + scenarios.members() + " states, the candidates " + members);
		}
		this.base.load(members, i -> candidates.get(i).probabilities());
		Gains gains = new Gains(members);
		for (int s = 0; s < scenarios.size(); s++) {
			this.shiftedBase.load(scenarios.states(s));
			step(this.shiftedBase, ask, this.shiftedMoved);
			gains.add(this, rule, scenarios.weight(s));
		}
		return ranked(candidates, gains, ask);
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

	private List<Target> ranked(List<Candidate> candidates, Gains gains, Vote ask) {
		int members = candidates.size();
		boolean wantsAdoption = ask != Vote.NO;
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			if (!canMove(this.base, i, ask)) {
				continue;
			}
			Candidate candidate = candidates.get(i);
			double adoptionGain = gains.adoption[i];
			double goalGain = wantsAdoption ? adoptionGain : -adoptionGain;
			double marginGain = wantsAdoption ? gains.yes[i] - gains.no[i] : gains.no[i] - gains.yes[i];
			double movability = movability(candidate);
			double score = movability * (goalGain + marginGain / members);
			targets.add(new Target(candidate.state(), candidate.probabilities(), adoptionGain, gains.yes[i],
					gains.no[i], movability, score,
					reason(candidate, adoptionGain, gains.yes[i], gains.no[i], ask, movability)));
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
