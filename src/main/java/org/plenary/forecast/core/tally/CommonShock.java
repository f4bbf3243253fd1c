package org.plenary.forecast.core.tally;

/**
 * Why states do not vote independently: the mood of a vote (how the draft was framed, a
 * last-minute statement, pressure from a bloc) moves many states the same way at once. We
 * model it as one shared shift {@code s ~ Normal(0, sigma)} of every state's latent
 * propensity towards Yes, and average the exact tally over the shift by Gauss-Hermite
 * quadrature. Given s, states vote independently; averaging over s makes them correlated,
 * which is what widens the intervals to honest widths.
 * <p>
 * The transformation (an ordered logit). Among the states that are present, a state votes
 * No if its latent propensity {@code z = mu + e} (e standard logistic) falls below a
 * cutpoint c1, Abstain between c1 and c2, Yes above c2. Its own probabilities fix
 * {@code c1 - mu = logit P(No | present)} and
 * {@code c2 - mu = logit P(No or Abstain | present)}. The shift adds s to mu, so <pre>
 * P'(No | present)           = logistic(logit P(No | present) - s)
 * P'(No or Abstain | present) = logistic(logit P(No or Abstain | present) - s)
 * P'(Yes | present)          = 1 - P'(No or Abstain | present)
 * P'(Non-voting)             = P(Non-voting)   (kept fixed)
 * </pre> A positive s moves every state towards Yes. A certain vote stays certain (its
 * logits are infinite), and Non-voting is kept fixed because absence and the Charter Art.
 * 19 arrears do not depend on the mood of the vote.
 * <p>
 * Why {@value #DEFAULT_SIGMA} by default: on the log-odds scale a shift with sigma = 0.5
 * stays within +/-0.64 in 80 % of scenarios, which takes a 50:50 state to between 35 %
 * and 65 % Yes and keeps a 95 % Yes state above 90 %: the firm states barely move, the
 * undecided ones move together by a lot. That is a moderate prior, not a measured value;
 * the backtest should calibrate it against past roll calls.
 */
public final class CommonShock {

	public static final double DEFAULT_SIGMA = 0.5;

	/**
	 * Quadrature nodes: 11 integrate polynomials up to degree 21 in the shift exactly,
	 * far beyond what the smooth tally needs, at 11 exact tallies per forecast.
	 */
	public static final int DEFAULT_NODES = 11;

	/** Independent voting: one node at shift 0. */
	public static final CommonShock NONE = new CommonShock(0, 1);

	public static final CommonShock DEFAULT = new CommonShock(DEFAULT_SIGMA, DEFAULT_NODES);

	private static final int MAX_NODES = 64;

	private final double sigma;

	private final double[] shifts;

	private final double[] weights;

	private CommonShock(double sigma, int nodes) {
		if (!(sigma >= 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("Sigma must be finite and >= 0, not " + sigma);
		}
		if (nodes < 1 || nodes > MAX_NODES) {
			throw new IllegalArgumentException("Nodes must be between 1 and " + MAX_NODES + ", not " + nodes);
		}
		this.sigma = sigma;
		if (sigma == 0) {
			this.shifts = new double[] { 0 };
			this.weights = new double[] { 1 };
		}
		else {
			double[][] standard = GaussHermite.standardNormal(nodes);
			this.shifts = new double[nodes];
			this.weights = new double[nodes];
			double total = 0;
			for (int i = 0; i < nodes; i++) {
				this.shifts[i] = sigma * standard[0][i];
				this.weights[i] = standard[1][i];
				total += this.weights[i];
			}
			for (int i = 0; i < nodes; i++) {
				this.weights[i] /= total;
			}
		}
	}

	public static CommonShock of(double sigma) {
		return of(sigma, DEFAULT_NODES);
	}

	public static CommonShock of(double sigma, int nodes) {
		return new CommonShock(sigma, nodes);
	}

	/** The standard deviation of the shared shift, in log-odds. */
	public double sigma() {
		return this.sigma;
	}

	/** Whether this is independent voting (sigma = 0). */
	public boolean isNone() {
		return this.sigma == 0;
	}

	/** How many shifts the tally is averaged over (one when sigma = 0). */
	public int nodes() {
		return this.shifts.length;
	}

	/** The i-th shift of the log-odds towards Yes. */
	public double shift(int i) {
		return this.shifts[i];
	}

	/** The probability weight of the i-th shift; the weights sum to one. */
	public double weight(int i) {
		return this.weights[i];
	}

	/** A state's probabilities when the shared shift is {@code shift} (see above). */
	public static VoteProbabilities shifted(VoteProbabilities state, double shift) {
		if (shift == 0) {
			return state;
		}
		double[] out = new double[3];
		shift(state.yes(), state.no(), state.abstain(), shift, out);
		return new VoteProbabilities(out[0], out[1], out[2], state.nonVoting(), state.permanentMember());
	}

	static void shift(ProbabilityTable from, double shift, ProbabilityTable to) {
		to.resize(from.size);
		double[] out = new double[3];
		for (int i = 0; i < from.size; i++) {
			if (shift == 0) {
				out[0] = from.yes[i];
				out[1] = from.no[i];
				out[2] = from.abstain[i];
			}
			else {
				shift(from.yes[i], from.no[i], from.abstain[i], shift, out);
			}
			to.yes[i] = out[0];
			to.no[i] = out[1];
			to.abstain[i] = out[2];
			to.nonVoting[i] = from.nonVoting[i];
			to.permanent[i] = from.permanent[i];
		}
	}

	/** Writes the shifted Yes, No and Abstain probabilities into {@code out}. */
	private static void shift(double yes, double no, double abstain, double shift, double[] out) {
		double present = yes + no + abstain;
		if (present == 0) {
			out[0] = yes;
			out[1] = no;
			out[2] = abstain;
			return;
		}
		// the logits straight from the masses, so that a small Yes or No keeps its
		// precision instead of being one minus nearly one; log(0) = -infinity keeps
		// certain votes certain
		double logitNo = Math.log(no) - Math.log(yes + abstain);
		double logitNoOrAbstain = Math.log(no + abstain) - Math.log(yes);
		double newNo = logistic(logitNo - shift);
		double newYes = logistic(shift - logitNoOrAbstain);
		double newAbstain = (abstain == 0) ? 0 : Math.max(0, 1 - newNo - newYes);
		double scale = present / (newYes + newNo + newAbstain);
		out[0] = newYes * scale;
		out[1] = newNo * scale;
		out[2] = newAbstain * scale;
	}

	static double logistic(double x) {
		if (x >= 0) {
			return 1 / (1 + Math.exp(-x));
		}
		double e = Math.exp(x);
		return e / (1 + e);
	}

}
