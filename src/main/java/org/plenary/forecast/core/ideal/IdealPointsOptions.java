package org.plenary.forecast.core.ideal;

/**
 * How to fit the ideal points.
 *
 * @param omega the standard deviation of a state's drift from one session to the next, in
 * the units of the prior of a state's first position (N(0, 1)); 0 fits one fixed position
 * per state (the static model). The fitted positions are rescaled at the end to standard
 * deviation 1, and {@link IdealPoints#omega()} gives the drift in those units.
 * @param fromSession the first session of the window (roll calls of earlier sessions are
 * ignored)
 * @param toSession the last session of the window (roll calls of later sessions are
 * ignored)
 * @param anchorState the index of a state whose mean position is made positive (e.g. the
 * United States), or -1 to leave the sign as the start gives it
 * @param tolerance the fit stops when an EM step moves no position by more than this
 * @param maxIterations the cap on EM steps
 * @param threads how many threads share the work (the result does not depend on it)
 */
public record IdealPointsOptions(double omega, int fromSession, int toSession, int anchorState, double tolerance,
		int maxIterations, int threads) {

	/**
	 * The default drift per session. On Voeten's roll calls 1946-2019, with every 20th
	 * vote held out, the held-out log loss per vote was 0.3419 for the static model
	 * (omega 0), 0.2826 for 0.05, 0.2810 for 0.1, 0.2808 for 0.2 and 0.2811 for 0.3:
	 * drift matters a lot, its size little; 0.1 converges in about half the steps of 0.2
	 * and keeps positions steadier from session to session (see
	 * {@code IdealPointsBenchmark}).
	 */
	public static final double DEFAULT_OMEGA = 0.1;

	public IdealPointsOptions {
		if (!(omega >= 0) || Double.isInfinite(omega)) {
			throw new IllegalArgumentException("omega must be finite and not negative: " + omega);
		}
		if (fromSession > toSession) {
			throw new IllegalArgumentException("empty window: sessions " + fromSession + " to " + toSession);
		}
		if (anchorState < -1) {
			throw new IllegalArgumentException("anchorState must be a state index or -1: " + anchorState);
		}
		if (!(tolerance > 0)) {
			throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
		}
		if (maxIterations < 1) {
			throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1: " + threads);
		}
	}

	/**
	 * Drift {@value #DEFAULT_OMEGA} per session, every session, no anchor, tolerance
	 * 1e-4, at most 1000 EM steps, two threads (or one on a single core).
	 */
	public static IdealPointsOptions defaults() {
		return new IdealPointsOptions(DEFAULT_OMEGA, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 1e-4, 1000,
				Math.min(2, Runtime.getRuntime().availableProcessors()));
	}

	public IdealPointsOptions withOmega(double omega) {
		return new IdealPointsOptions(omega, this.fromSession, this.toSession, this.anchorState, this.tolerance,
				this.maxIterations, this.threads);
	}

	public IdealPointsOptions withSessions(int fromSession, int toSession) {
		return new IdealPointsOptions(this.omega, fromSession, toSession, this.anchorState, this.tolerance,
				this.maxIterations, this.threads);
	}

	public IdealPointsOptions withAnchorState(int anchorState) {
		return new IdealPointsOptions(this.omega, this.fromSession, this.toSession, anchorState, this.tolerance,
				this.maxIterations, this.threads);
	}

	public IdealPointsOptions withTolerance(double tolerance) {
		return new IdealPointsOptions(this.omega, this.fromSession, this.toSession, this.anchorState, tolerance,
				this.maxIterations, this.threads);
	}

	public IdealPointsOptions withMaxIterations(int maxIterations) {
		return new IdealPointsOptions(this.omega, this.fromSession, this.toSession, this.anchorState, this.tolerance,
				maxIterations, this.threads);
	}

	public IdealPointsOptions withThreads(int threads) {
		return new IdealPointsOptions(this.omega, this.fromSession, this.toSession, this.anchorState, this.tolerance,
				this.maxIterations, threads);
	}

}
