package org.plenary.forecast.core.ideal;

/**
 * Fitted ideal points: each state's position in each session of its membership, with its
 * posterior variance (a Laplace approximation around the posterior mode), and each roll
 * call's item parameters.
 * <p>
 * The model is an ordered probit: state {@code i} in session {@code t} votes on roll call
 * {@code j} according to a latent {@code y* = beta_j x_{i,t} + e}, {@code e ~ N(0, 1)}:
 * No when {@code y* < cutNo_j}, Abstain when {@code cutNo_j <= y* < cutYes_j}, Yes when
 * {@code y* >= cutYes_j}. So {@code P(No) = Phi(cutNo - beta x)} and
 * {@code P(Yes) = 1 - Phi(cutYes - beta x)}. Positions are identified by mean 0 and
 * standard deviation 1 over all (state, session) pairs with votes, and by the sign that
 * makes the anchor state's mean position positive.
 * <p>
 * A state has a position in every session from its first to its last session with a vote
 * in the window (sessions in between without votes are bridged by the drift); before or
 * after, its position is the nearest one, with the variance of the drift added per
 * session. A state with no vote in the window has no position ({@code NaN}).
 */
public final class IdealPoints {

	private final int states;

	private final int firstSession;

	private final int lastSession;

	private final int[] stateFirst;

	private final int[] stateLast;

	private final int[] stateOffset;

	private final double[] position;

	private final double[] variance;

	private final int[] rollCallSession;

	private final double[] beta;

	private final double[] cutNo;

	private final double[] cutYes;

	private final double omega;

	private final int anchorState;

	private final int iterations;

	private final boolean converged;

	private final double meanLogLikelihood;

	private final int votes;

	IdealPoints(int states, int firstSession, int lastSession, int[] stateFirst, int[] stateLast, int[] stateOffset,
			double[] position, double[] variance, int[] rollCallSession, double[] beta, double[] cutNo, double[] cutYes,
			double omega, int anchorState, int iterations, boolean converged, double meanLogLikelihood, int votes) {
		this.states = states;
		this.firstSession = firstSession;
		this.lastSession = lastSession;
		this.stateFirst = stateFirst;
		this.stateLast = stateLast;
		this.stateOffset = stateOffset;
		this.position = position;
		this.variance = variance;
		this.rollCallSession = rollCallSession;
		this.beta = beta;
		this.cutNo = cutNo;
		this.cutYes = cutYes;
		this.omega = omega;
		this.anchorState = anchorState;
		this.iterations = iterations;
		this.converged = converged;
		this.meanLogLikelihood = meanLogLikelihood;
		this.votes = votes;
	}

	/** The number of states of the input. */
	public int states() {
		return this.states;
	}

	/** The number of roll calls of the input (fitted or not). */
	public int rollCalls() {
		return this.rollCallSession.length;
	}

	/** The first session with a vote in the window. */
	public int firstSession() {
		return this.firstSession;
	}

	/** The last session with a vote in the window. */
	public int lastSession() {
		return this.lastSession;
	}

	/** Whether the state voted at least once in the window (else it has no position). */
	public boolean hasPosition(int state) {
		return this.stateOffset[state] >= 0;
	}

	/** The state's first session with a vote in the window. */
	public int firstSession(int state) {
		requirePosition(state);
		return this.stateFirst[state];
	}

	/** The state's last session with a vote in the window. */
	public int lastSession(int state) {
		requirePosition(state);
		return this.stateLast[state];
	}

	/**
	 * The posterior mean of the state's position in the session, or {@code NaN} when the
	 * state has no vote in the window.
	 */
	public double position(int state, int session) {
		if (!hasPosition(state)) {
			return Double.NaN;
		}
		return this.position[slot(state, session)];
	}

	/**
	 * The posterior variance of the state's position in the session (growing by
	 * {@code omega^2} per session outside the state's sessions), or {@code NaN}.
	 */
	public double variance(int state, int session) {
		if (!hasPosition(state)) {
			return Double.NaN;
		}
		int outside = Math.max(0, Math.max(this.stateFirst[state] - session, session - this.stateLast[state]));
		return this.variance[slot(state, session)] + outside * this.omega * this.omega;
	}

	/** Every state's position in the session, by state index ({@code NaN} for none). */
	public double[] positions(int session) {
		double[] result = new double[this.states];
		for (int state = 0; state < this.states; state++) {
			result[state] = position(state, session);
		}
		return result;
	}

	/** Whether the roll call was fitted (it is in the window and has votes). */
	public boolean hasItem(int rollCall) {
		return !Double.isNaN(this.beta[rollCall]);
	}

	/** The session of the roll call, as given. */
	public int session(int rollCall) {
		return this.rollCallSession[rollCall];
	}

	/** The discrimination of the roll call ({@code NaN} when not fitted). */
	public double beta(int rollCall) {
		return this.beta[rollCall];
	}

	/** The cutpoint between No and Abstain ({@code NaN} when not fitted). */
	public double cutNo(int rollCall) {
		return this.cutNo[rollCall];
	}

	/**
	 * The cutpoint between Abstain and Yes, above {@link #cutNo} ({@code NaN} when not
	 * fitted).
	 */
	public double cutYes(int rollCall) {
		return this.cutYes[rollCall];
	}

	/** The probabilities of a vote on the roll call from a known position. */
	public ChoiceProbabilities probabilities(int rollCall, double position) {
		return probabilities(rollCall, position, 0);
	}

	/**
	 * The probabilities of a vote on the roll call from an uncertain position
	 * {@code N(position, variance)}, integrated over the position.
	 */
	public ChoiceProbabilities probabilities(int rollCall, double position, double variance) {
		if (!hasItem(rollCall)) {
			throw new IllegalArgumentException("roll call " + rollCall + " was not fitted");
		}
		return ChoiceProbabilities.orderedProbit(this.beta[rollCall], this.cutNo[rollCall], this.cutYes[rollCall],
				position, variance);
	}

	/**
	 * The probabilities of the state's vote on the roll call, from its position in the
	 * roll call's session and that position's variance.
	 */
	public ChoiceProbabilities probabilitiesForState(int rollCall, int state) {
		int session = this.rollCallSession[rollCall];
		return probabilities(rollCall, position(state, session), variance(state, session));
	}

	/** The drift per session the fit used. */
	public double omega() {
		return this.omega;
	}

	/** The anchor state whose mean position is positive, or -1. */
	public int anchorState() {
		return this.anchorState;
	}

	/** The iterations of EM run. */
	public int iterations() {
		return this.iterations;
	}

	/** Whether the fit met its tolerance before the cap on iterations. */
	public boolean converged() {
		return this.converged;
	}

	/**
	 * The mean log-probability of the fitted votes at the posterior means (higher is
	 * better).
	 */
	public double meanLogLikelihood() {
		return this.meanLogLikelihood;
	}

	/** The number of votes fitted (those in the window). */
	public int votes() {
		return this.votes;
	}

	private int slot(int state, int session) {
		int clamped = Math.max(this.stateFirst[state], Math.min(this.stateLast[state], session));
		return this.stateOffset[state] + (clamped - this.stateFirst[state]);
	}

	private void requirePosition(int state) {
		if (!hasPosition(state)) {
			throw new IllegalArgumentException("state " + state + " has no vote in the window");
		}
	}

}
