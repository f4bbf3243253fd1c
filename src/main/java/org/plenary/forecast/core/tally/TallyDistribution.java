package org.plenary.forecast.core.tally;

import java.util.Locale;

/**
 * The exact probability distribution of a vote's tally: the joint distribution of the Yes
 * and No counts (which is all any decision rule looks at, since abstentions and
 * non-voting count for neither side), the same restricted to outcomes where no permanent
 * member votes No (for the Security Council veto), and the marginal distributions of the
 * Abstain and Non-voting counts. Immutable; made by {@link ExactTally}.
 */
public final class TallyDistribution {

	/** The interval the board shows: from the 10th to the 90th percentile. */
	public static final double DEFAULT_COVERAGE = 0.80;

	// the tolerance for rounding when reading percentiles off a cumulative sum
	private static final double ROUNDING = 1e-12;

	private final int members;

	private final int stride;

	// joint[yes * stride + no] = P(Yes count = yes and No count = no)
	private final double[] joint;

	// the same, for outcomes where no permanent member votes No; joint itself when there
	// are no permanent members among the voters
	private final double[] withoutPermanentNo;

	private final double[] yes;

	private final double[] no;

	private final double[] abstain;

	private final double[] nonVoting;

	/** Takes ownership of the arrays: callers must not keep or change them. */
	TallyDistribution(int members, double[] joint, double[] withoutPermanentNo, double[] abstain, double[] nonVoting) {
		this.members = members;
		this.stride = members + 1;
		this.joint = joint;
		this.withoutPermanentNo = (withoutPermanentNo != null) ? withoutPermanentNo : joint;
		this.abstain = abstain;
		this.nonVoting = nonVoting;
		this.yes = new double[this.stride];
		this.no = new double[this.stride];
		for (int y = 0; y <= members; y++) {
			int row = y * this.stride;
			double sum = 0;
			for (int n = 0; n <= members - y; n++) {
				double p = joint[row + n];
				sum += p;
				this.no[n] += p;
			}
			this.yes[y] = sum;
		}
	}

	/** How many member states the tally counts. */
	public int members() {
		return this.members;
	}

	/** P(Yes count = yes and No count = no). */
	public double probability(int yes, int no) {
		if (yes < 0 || no < 0 || yes + no > this.members) {
			return 0;
		}
		return this.joint[yes * this.stride + no];
	}

	/** P(Yes count = yes, No count = no, and no permanent member votes No). */
	public double probabilityWithoutPermanentNo(int yes, int no) {
		if (yes < 0 || no < 0 || yes + no > this.members) {
			return 0;
		}
		return this.withoutPermanentNo[yes * this.stride + no];
	}

	/** The sum over all outcomes: one, up to rounding. */
	public double totalProbability() {
		double sum = 0;
		for (double p : this.yes) {
			sum += p;
		}
		return sum;
	}

	/** The probability that the rule adopts the proposal. */
	public double adoptionProbability(AdoptionRule rule) {
		double[] cells = rule.hasVeto() ? this.withoutPermanentNo : this.joint;
		double sum = 0;
		for (int y = 0; y <= this.members; y++) {
			int row = y * this.stride;
			for (int n = 0; n <= this.members - y; n++) {
				// a vetoed outcome is already left out of the cells, hence "false"
				if (rule.adopted(y, n, false)) {
					sum += cells[row + n];
				}
			}
		}
		return Math.min(1.0, sum);
	}

	/** The distribution of one count: element k is P(count = k), for k = 0..members. */
	public double[] distribution(Vote vote) {
		return marginal(vote).clone();
	}

	/** P(count >= atLeast). */
	public double probabilityAtLeast(Vote vote, int atLeast) {
		double[] marginal = marginal(vote);
		double sum = 0;
		for (int k = Math.max(0, atLeast); k <= this.members; k++) {
			sum += marginal[k];
		}
		return Math.min(1.0, sum);
	}

	public double expected(Vote vote) {
		double[] marginal = marginal(vote);
		double sum = 0;
		for (int k = 1; k <= this.members; k++) {
			sum += k * marginal[k];
		}
		return sum;
	}

	/**
	 * The smallest count k with P(count <= k) >= q: the q-th quantile (q in [0, 1]).
	 */
	public int percentile(Vote vote, double q) {
		if (!(q >= 0 && q <= 1)) {
			throw new IllegalArgumentException("A quantile lies in [0, 1], not " + q);
		}
		double[] marginal = marginal(vote);
		double cumulative = 0;
		for (int k = 0; k < this.members; k++) {
			cumulative += marginal[k];
			if (cumulative >= q - ROUNDING) {
				return k;
			}
		}
		return this.members;
	}

	/** The central interval holding {@code coverage} of the probability. */
	public CountForecast forecast(Vote vote, double coverage) {
		if (!(coverage > 0 && coverage < 1)) {
			throw new IllegalArgumentException("Coverage lies strictly between 0 and 1, not " + coverage);
		}
		double tail = (1 - coverage) / 2;
		return new CountForecast(expected(vote), percentile(vote, tail), percentile(vote, 1 - tail));
	}

	/** The expected count and its 80 % interval (10th to 90th percentile). */
	public CountForecast forecast(Vote vote) {
		return forecast(vote, DEFAULT_COVERAGE);
	}

	public TallySummary summary(AdoptionRule rule) {
		return new TallySummary(adoptionProbability(rule), forecast(Vote.YES), forecast(Vote.NO),
				forecast(Vote.ABSTAIN), forecast(Vote.NON_VOTING));
	}

	private double[] marginal(Vote vote) {
		return switch (vote) {
			case YES -> this.yes;
			case NO -> this.no;
			case ABSTAIN -> this.abstain;
			case NON_VOTING -> this.nonVoting;
		};
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "TallyDistribution[members=%d, expected %.1f-%.1f-%.1f, %.1f non-voting]",
				this.members, expected(Vote.YES), expected(Vote.NO), expected(Vote.ABSTAIN), expected(Vote.NON_VOTING));
	}

}
