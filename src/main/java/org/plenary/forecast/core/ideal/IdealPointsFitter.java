package org.plenary.forecast.core.ideal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits {@link IdealPoints}: a one-dimensional ordinal item-response model with states
 * drifting from session to session, by a deterministic expectation-maximisation in the
 * style of Imai, Lo and Olmsted (2016), "Fast Estimation of Ideal Points with Massive
 * Data", with the dynamic states of Bailey, Strezhnev and Voeten (2017).
 * <h2>Model</h2> For state {@code i} in session {@code t} and roll call {@code j}, a
 * latent {@code z = a_j + b_j x_{i,t} + s_j e}, {@code e ~ N(0, 1)}; the vote is No when
 * {@code z < 0}, Abstain when {@code 0 <= z < 1}, Yes when {@code z >= 1}. This is
 * Imai-Lo-Olmsted's reparametrisation of the ordered probit with two cutpoints: dividing
 * by {@code s_j} gives the ordered probit of {@link IdealPoints} with {@code beta = b/s},
 * {@code cutNo = -a/s} and {@code cutYes = (1-a)/s}. Priors: {@code a_j, b_j ~ N(0, V)}
 * with {@code V =} {@value #ITEM_PRIOR_VARIANCE}, {@code s_j^2} inverse-gamma with mode 1
 * (shape 2, scale 3, as weak as 6 votes), a state's first position {@code N(0, 1)} and
 * then a random walk {@code x_{i,t} = x_{i,t-1} + N(0, omega^2)}.
 * <h2>Fit</h2> The posterior mode of the roll calls' parameters and the positions, with
 * the latent {@code z} as missing data (an ECM algorithm). Each EM step: (1) E-step: for
 * every vote, the mean and variance of {@code z} truncated to its vote's interval (closed
 * form, from the normal density and tail ratios of {@link Normal}); (2) for each roll
 * call, {@code (a, b)} by a ridge-weighted least squares of those expectations on the
 * states' positions and then {@code s^2} from the expected squared residuals; (3) for
 * each state, its positions over its sessions by a Kalman filter and Rauch-Tung-Striebel
 * smoother (linear-Gaussian given the expectations); (4) a parameter-expansion step that
 * moves and stretches each session's positions where the likelihood is flat (see
 * {@code gauge}). The steps are accelerated by SQUAREM (Varadhan and Roland 2008), which
 * keeps an extrapolation only when the log-posterior does not fall. The fit stops when an
 * EM step moves no position by more than the tolerance. The start is deterministic: the
 * leading factor of the roll calls' centred votes (No -1, Abstain 0, Yes 1) by
 * alternating least squares. At the end the positions' variances come from a Laplace
 * approximation (each vote's observed information through the smoother), and the
 * positions are identified: mean 0 and standard deviation 1 over the (state, session)
 * pairs with votes, the anchor state's mean positive.
 * <p>
 * Steps (1)-(2) run per roll call and (3) per state, split into a fixed set of chunks
 * shared by the threads and summed in a fixed order, so the result does not depend on the
 * number of threads.
 */
public final class IdealPointsFitter {

	/**
	 * The prior variance of {@code a} and {@code b}. It keeps roll calls that separate a
	 * few states from all others (the United States and Israel alone against the rest)
	 * from running off to infinite discrimination. On Voeten's roll calls with every 20th
	 * vote held out (drift 0.1) the held-out log loss was 0.2823 with 1, 0.2810 with 4
	 * and 0.2819 with 16, 0.2825 with 25 (Imai, Lo and Olmsted's choice, which also took
	 * a third more steps).
	 */
	static final double ITEM_PRIOR_VARIANCE = 4.0;

	static final double NOISE_PRIOR_SHAPE = 2.0;

	static final double NOISE_PRIOR_SCALE = 3.0;

	private static final int CHUNKS = 16;

	private static final byte NO = 0;

	private static final byte ABSTAIN = 1;

	private IdealPointsFitter() {
	}

	/** Fits the ideal points of the data under the options. */
	public static IdealPoints fit(RollCallData data, IdealPointsOptions options) {
		return new Engine(data, options).run();
	}

	private static final class Engine {

		private final IdealPointsOptions options;

		private final int states;

		private final int items;

		private final int[] rollCallSession;

		private final int minSession;

		private final int maxSession;

		// the votes of the window sorted by roll call, then state
		private final int[] itemStart;

		private final int[] voteSlot;

		private final byte[] voteValue;

		private final int maxItemVotes;

		// each state's (state, session) slots, from its first to its last session
		private final int[] stateFirst;

		private final int[] stateLast;

		private final int[] stateOffset;

		private final int slots;

		private final int maxSpan;

		private final int[] slotVotes;

		private final int[] slotSession;

		// parameters
		private final double[] a;

		private final double[] b;

		private final double[] s2;

		private final double[] mu;

		private final double[] var;

		// each chunk's sums per slot for the states' step, and its share of the objective
		private final double[][] chunkPrecision;

		private final double[][] chunkInformation;

		private final double[] chunkObjective = new double[CHUNKS];

		private final int[] itemChunks;

		private final int[] stateChunks;

		Engine(RollCallData data, IdealPointsOptions options) {
			this.options = options;
			this.states = data.states();
			List<RollCall> rollCalls = data.rollCalls();
			this.items = rollCalls.size();
			this.rollCallSession = new int[this.items];
			boolean[] inWindow = new boolean[this.items];
			for (int j = 0; j < this.items; j++) {
				int session = rollCalls.get(j).session();
				this.rollCallSession[j] = session;
				inWindow[j] = session >= options.fromSession() && session <= options.toSession();
			}
			// the votes of the window, by state then (stably) by roll call
			List<CastVote> all = data.votes();
			int[] countByState = new int[this.states + 1];
			int[] countByItem = new int[this.items + 1];
			int n = 0;
			for (CastVote vote : all) {
				if (inWindow[vote.rollCall()]) {
					countByState[vote.state() + 1]++;
					countByItem[vote.rollCall() + 1]++;
					n++;
				}
			}
			for (int i = 0; i < this.states; i++) {
				countByState[i + 1] += countByState[i];
			}
			int[] byStateItem = new int[n];
			int[] byStateState = new int[n];
			byte[] byStateValue = new byte[n];
			int[] next = Arrays.copyOf(countByState, this.states);
			for (CastVote vote : all) {
				if (inWindow[vote.rollCall()]) {
					int k = next[vote.state()]++;
					byStateItem[k] = vote.rollCall();
					byStateState[k] = vote.state();
					byStateValue[k] = (byte) vote.choice().ordinal();
				}
			}
			int most = 0;
			for (int j = 0; j < this.items; j++) {
				most = Math.max(most, countByItem[j + 1]);
				countByItem[j + 1] += countByItem[j];
			}
			this.maxItemVotes = most;
			this.itemStart = countByItem;
			int[] voteState = new int[n];
			int[] voteItem = new int[n];
			this.voteValue = new byte[n];
			next = Arrays.copyOf(countByItem, this.items);
			for (int k = 0; k < n; k++) {
				int position = next[byStateItem[k]]++;
				voteState[position] = byStateState[k];
				voteItem[position] = byStateItem[k];
				this.voteValue[position] = byStateValue[k];
			}
			for (int k = 1; k < n; k++) {
				if (voteItem[k] == voteItem[k - 1] && voteState[k] == voteState[k - 1]) {
					throw new IllegalArgumentException(
							"state " + voteState[k] + " votes more than once on roll call " + voteItem[k]);
				}
			}
			// sessions and the states' slots
			int min = Integer.MAX_VALUE;
			int max = Integer.MIN_VALUE;
			for (int j = 0; j < this.items; j++) {
				if (this.itemStart[j + 1] > this.itemStart[j]) {
					min = Math.min(min, this.rollCallSession[j]);
					max = Math.max(max, this.rollCallSession[j]);
				}
			}
			this.minSession = min;
			this.maxSession = max;
			this.stateFirst = new int[this.states];
			this.stateLast = new int[this.states];
			Arrays.fill(this.stateFirst, Integer.MAX_VALUE);
			Arrays.fill(this.stateLast, Integer.MIN_VALUE);
			for (int k = 0; k < n; k++) {
				int session = this.rollCallSession[voteItem[k]];
				int state = voteState[k];
				this.stateFirst[state] = Math.min(this.stateFirst[state], session);
				this.stateLast[state] = Math.max(this.stateLast[state], session);
			}
			this.stateOffset = new int[this.states];
			int count = 0;
			int span = 0;
			for (int i = 0; i < this.states; i++) {
				if (this.stateFirst[i] == Integer.MAX_VALUE) {
					this.stateOffset[i] = -1;
				}
				else {
					this.stateOffset[i] = count;
					int length = this.stateLast[i] - this.stateFirst[i] + 1;
					count += length;
					span = Math.max(span, length);
				}
			}
			this.slots = count;
			this.maxSpan = span;
			this.slotSession = new int[this.slots];
			for (int i = 0; i < this.states; i++) {
				if (this.stateOffset[i] >= 0) {
					for (int t = 0; t <= this.stateLast[i] - this.stateFirst[i]; t++) {
						this.slotSession[this.stateOffset[i] + t] = this.stateFirst[i] + t - this.minSession;
					}
				}
			}
			this.voteSlot = new int[n];
			this.slotVotes = new int[this.slots];
			for (int k = 0; k < n; k++) {
				int state = voteState[k];
				int slot = this.stateOffset[state] + this.rollCallSession[voteItem[k]] - this.stateFirst[state];
				this.voteSlot[k] = slot;
				this.slotVotes[slot]++;
			}
			this.a = new double[this.items];
			this.b = new double[this.items];
			this.s2 = new double[this.items];
			this.mu = new double[this.slots];
			this.var = new double[this.slots];
			this.chunkPrecision = new double[CHUNKS][this.slots];
			this.chunkInformation = new double[CHUNKS][this.slots];
			this.itemChunks = chunks(this.itemStart, this.items);
			int[] stateWork = new int[this.states + 1];
			for (int i = 0; i < this.states; i++) {
				int work = 0;
				if (this.stateOffset[i] >= 0) {
					work = this.stateLast[i] - this.stateFirst[i] + 1;
				}
				stateWork[i + 1] = stateWork[i] + work;
			}
			this.stateChunks = chunks(stateWork, this.states);
		}

		/**
		 * Chunk boundaries over {@code 0..count} with about equal shares of the
		 * cumulative weights.
		 */
		private static int[] chunks(int[] cumulative, int count) {
			int[] bounds = new int[CHUNKS + 1];
			long total = cumulative[count];
			int at = 0;
			for (int c = 1; c < CHUNKS; c++) {
				long target = total * c / CHUNKS;
				while (at < count && cumulative[at] < target) {
					at++;
				}
				bounds[c] = at;
			}
			bounds[CHUNKS] = count;
			return bounds;
		}

		IdealPoints run() {
			if (this.slots == 0) {
				return result(0, true, this.options.omega());
			}
			start();
			ExecutorService pool = (this.options.threads() > 1) ? Executors.newFixedThreadPool(this.options.threads(),
					Thread.ofPlatform().daemon().name("ideal-points-", 0).factory()) : null;
			try {
				return iterate(pool);
			}
			finally {
				if (pool != null) {
					pool.shutdownNow();
				}
			}
		}

		/**
		 * EM steps accelerated by SQUAREM: two EM steps, an extrapolation along them, and
		 * an EM step from there, kept only if the log-posterior at the extrapolated point
		 * did not fall below the start's (else the second EM step is kept). Stops when an
		 * EM step moves no position by more than the tolerance.
		 */
		private IdealPoints iterate(ExecutorService pool) {
			int max = this.options.maxIterations();
			double tolerance = this.options.tolerance();
			double stepMax = 1;
			int steps = 0;
			double[] theta0 = snapshot();
			while (steps < max) {
				double objective0 = step(pool);
				steps++;
				if (change(theta0) < tolerance) {
					return finish(pool, steps, true);
				}
				if (steps >= max) {
					break;
				}
				double[] theta1 = snapshot();
				step(pool);
				steps++;
				if (change(theta1) < tolerance) {
					return finish(pool, steps, true);
				}
				if (steps >= max) {
					break;
				}
				double[] theta2 = snapshot();
				double alpha = Math.max(-stepMax, Math.min(-1, steplength(theta0, theta1, theta2)));
				extrapolate(theta0, theta1, theta2, alpha);
				double objective = step(pool);
				steps++;
				if (objective >= objective0 - 1 && Double.isFinite(objective)) {
					if (alpha == -stepMax) {
						stepMax *= 4;
					}
					theta0 = snapshot();
				}
				else {
					restore(theta2);
					theta0 = theta2;
					stepMax = Math.max(1, stepMax / 4);
				}
			}
			return finish(pool, steps, false);
		}

		/** One EM step from the current parameters; returns their log-posterior. */
		private double step(ExecutorService pool) {
			double objective = positionPrior();
			inChunks(pool, this.itemChunks, this::updateItems);
			inChunks(pool, this.stateChunks, this::updateStates);
			gauge();
			for (double part : this.chunkObjective) {
				objective += part;
			}
			return objective;
		}

		/**
		 * The log-density of the positions under their prior (first N(0, 1), then the
		 * drift).
		 */
		private double positionPrior() {
			double omega2 = this.options.omega() * this.options.omega();
			double sum = 0;
			for (int i = 0; i < this.states; i++) {
				int offset = this.stateOffset[i];
				if (offset < 0) {
					continue;
				}
				int length = this.stateLast[i] - this.stateFirst[i] + 1;
				sum -= 0.5 * this.mu[offset] * this.mu[offset];
				if (omega2 > 0) {
					for (int t = 1; t < length; t++) {
						double move = this.mu[offset + t] - this.mu[offset + t - 1];
						sum -= 0.5 * move * move / omega2;
					}
				}
			}
			return sum;
		}

		/** The parameters: positions, then a, b and log s^2 of every roll call. */
		private double[] snapshot() {
			double[] theta = new double[this.slots + 3 * this.items];
			System.arraycopy(this.mu, 0, theta, 0, this.slots);
			System.arraycopy(this.a, 0, theta, this.slots, this.items);
			System.arraycopy(this.b, 0, theta, this.slots + this.items, this.items);
			for (int j = 0; j < this.items; j++) {
				theta[this.slots + 2 * this.items + j] = Math.log(this.s2[j]);
			}
			return theta;
		}

		private void restore(double[] theta) {
			System.arraycopy(theta, 0, this.mu, 0, this.slots);
			System.arraycopy(theta, this.slots, this.a, 0, this.items);
			System.arraycopy(theta, this.slots + this.items, this.b, 0, this.items);
			for (int j = 0; j < this.items; j++) {
				this.s2[j] = Math.exp(theta[this.slots + 2 * this.items + j]);
			}
		}

		/**
		 * The largest move of a position from the parameters given to the current ones.
		 */
		private double change(double[] theta) {
			double change = 0;
			for (int s = 0; s < this.slots; s++) {
				change = Math.max(change, Math.abs(this.mu[s] - theta[s]));
			}
			return change;
		}

		private static double steplength(double[] theta0, double[] theta1, double[] theta2) {
			double rr = 0;
			double vv = 0;
			for (int k = 0; k < theta0.length; k++) {
				double r = theta1[k] - theta0[k];
				double v = theta2[k] - 2 * theta1[k] + theta0[k];
				rr += r * r;
				vv += v * v;
			}
			return (vv > 0) ? -Math.sqrt(rr / vv) : -1;
		}

		private void extrapolate(double[] theta0, double[] theta1, double[] theta2, double alpha) {
			double[] theta = new double[theta0.length];
			for (int k = 0; k < theta.length; k++) {
				double r = theta1[k] - theta0[k];
				double v = theta2[k] - 2 * theta1[k] + theta0[k];
				theta[k] = theta0[k] - 2 * alpha * r + alpha * alpha * v;
			}
			restore(theta);
		}

		private interface RangeTask {

			void run(int chunk, int from, int to);

		}

		private static void inChunks(ExecutorService pool, int[] bounds, RangeTask task) {
			if (pool == null) {
				for (int c = 0; c < CHUNKS; c++) {
					task.run(c, bounds[c], bounds[c + 1]);
				}
				return;
			}
			List<Callable<Void>> calls = new ArrayList<>(CHUNKS);
			for (int c = 0; c < CHUNKS; c++) {
				int chunk = c;
				int from = bounds[c];
				int to = bounds[c + 1];
				calls.add(() -> {
					task.run(chunk, from, to);
					return null;
				});
			}
			try {
				for (Future<Void> future : pool.invokeAll(calls)) {
					future.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while fitting ideal points", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

		/**
		 * The deterministic start: the leading factor of the centred votes by alternating
		 * least squares, one position per state; then each roll call's parameters from
		 * pseudo-latent values (-0.5, 0.5, 1.5 for No, Abstain, Yes).
		 */
		private void start() {
			double[] centre = new double[this.items];
			for (int j = 0; j < this.items; j++) {
				int from = this.itemStart[j];
				int to = this.itemStart[j + 1];
				double sum = 0;
				for (int k = from; k < to; k++) {
					sum += this.voteValue[k] - 1;
				}
				centre[j] = (to > from) ? sum / (to - from) : 0;
			}
			double[] x = new double[this.states];
			double[] count = new double[this.states];
			int[] slotState = new int[this.slots];
			for (int i = 0; i < this.states; i++) {
				if (this.stateOffset[i] >= 0) {
					int length = this.stateLast[i] - this.stateFirst[i] + 1;
					Arrays.fill(slotState, this.stateOffset[i], this.stateOffset[i] + length, i);
				}
			}
			// first guess: how much the state votes above the roll calls' means
			for (int j = 0; j < this.items; j++) {
				for (int k = this.itemStart[j]; k < this.itemStart[j + 1]; k++) {
					int state = slotState[this.voteSlot[k]];
					x[state] += this.voteValue[k] - 1 - centre[j];
					count[state]++;
				}
			}
			for (int i = 0; i < this.states; i++) {
				if (count[i] > 0) {
					x[i] /= count[i];
				}
			}
			standardise(x, count);
			double[] u = new double[this.items];
			double[] sum = new double[this.states];
			for (int round = 0; round < 100; round++) {
				for (int j = 0; j < this.items; j++) {
					int from = this.itemStart[j];
					int to = this.itemStart[j + 1];
					double dot = 0;
					for (int k = from; k < to; k++) {
						dot += (this.voteValue[k] - 1 - centre[j]) * x[slotState[this.voteSlot[k]]];
					}
					u[j] = (to > from) ? dot / (to - from) : 0;
				}
				Arrays.fill(sum, 0);
				for (int j = 0; j < this.items; j++) {
					for (int k = this.itemStart[j]; k < this.itemStart[j + 1]; k++) {
						sum[slotState[this.voteSlot[k]]] += (this.voteValue[k] - 1 - centre[j]) * u[j];
					}
				}
				double change = 0;
				for (int i = 0; i < this.states; i++) {
					if (count[i] > 0) {
						sum[i] /= count[i];
					}
				}
				standardise(sum, count);
				for (int i = 0; i < this.states; i++) {
					change = Math.max(change, Math.abs(sum[i] - x[i]));
					x[i] = sum[i];
				}
				if (change < 1e-6) {
					break;
				}
			}
			for (int i = 0; i < this.states; i++) {
				if (this.stateOffset[i] >= 0) {
					int length = this.stateLast[i] - this.stateFirst[i] + 1;
					Arrays.fill(this.mu, this.stateOffset[i], this.stateOffset[i] + length, x[i]);
				}
			}
			for (int j = 0; j < this.items; j++) {
				double ridge = 1.0 / ITEM_PRIOR_VARIANCE;
				double sn = 0;
				double sm = 0;
				double smm = 0;
				double sz = 0;
				double szm = 0;
				for (int k = this.itemStart[j]; k < this.itemStart[j + 1]; k++) {
					double m = this.mu[this.voteSlot[k]];
					double z = this.voteValue[k] - 0.5;
					sn++;
					sm += m;
					smm += m * m;
					sz += z;
					szm += z * m;
				}
				double det = (sn + ridge) * (smm + ridge) - sm * sm;
				this.a[j] = (sz * (smm + ridge) - sm * szm) / det;
				this.b[j] = ((sn + ridge) * szm - sm * sz) / det;
				this.s2[j] = 1.0;
			}
		}

		private static void standardise(double[] x, double[] count) {
			double n = 0;
			double sum = 0;
			for (int i = 0; i < x.length; i++) {
				if (count[i] > 0) {
					n++;
					sum += x[i];
				}
			}
			double mean = sum / n;
			double squares = 0;
			for (int i = 0; i < x.length; i++) {
				if (count[i] > 0) {
					squares += (x[i] - mean) * (x[i] - mean);
				}
			}
			double sd = Math.sqrt(squares / n);
			for (int i = 0; i < x.length; i++) {
				x[i] = (count[i] > 0 && sd > 0) ? (x[i] - mean) / sd : 0;
			}
		}

		/**
		 * E-step and M-step of the roll calls {@code from..to-1}. Their votes' shares of
		 * the states' step go to the chunk's sums per slot (with the new parameters); the
		 * log-likelihood of the votes and the log-prior of the parameters before the step
		 * go to the chunk's share of the objective.
		 */
		private void updateItems(int chunk, int from, int to) {
			double[] moments = new double[3];
			double[] latent = new double[this.maxItemVotes];
			double[] precision = this.chunkPrecision[chunk];
			double[] information = this.chunkInformation[chunk];
			Arrays.fill(precision, 0);
			Arrays.fill(information, 0);
			double ridgeFactor = 1.0 / ITEM_PRIOR_VARIANCE;
			double objective = 0;
			for (int j = from; j < to; j++) {
				int start = this.itemStart[j];
				int end = this.itemStart[j + 1];
				if (start == end) {
					continue;
				}
				double aj = this.a[j];
				double bj = this.b[j];
				double s2j = this.s2[j];
				double sj = Math.sqrt(s2j);
				double inverse = 1.0 / sj;
				double sm = 0;
				double smm = 0;
				double sz = 0;
				double szm = 0;
				double szz = 0;
				double logLikelihood = 0;
				for (int k = start; k < end; k++) {
					double m = this.mu[this.voteSlot[k]];
					double mean = aj + bj * m;
					double low = -mean * inverse;
					double z;
					switch (this.voteValue[k]) {
						case NO -> {
							Normal.upperTailMoments(-low, moments);
							z = mean - sj * moments[0];
						}
						case ABSTAIN -> {
							Normal.truncatedMoments(low, low + inverse, moments);
							z = mean + sj * moments[0];
						}
						default -> {
							Normal.upperTailMoments(low + inverse, moments);
							z = mean + sj * moments[0];
						}
					}
					latent[k - start] = z;
					logLikelihood += moments[2];
					sm += m;
					smm += m * m;
					sz += z;
					szm += z * m;
					szz += s2j * moments[1] + z * z;
				}
				objective += logLikelihood - 0.5 * ridgeFactor * (aj * aj + bj * bj)
						- (NOISE_PRIOR_SHAPE + 1) * Math.log(s2j) - NOISE_PRIOR_SCALE / s2j;
				// (a, b) by ridge regression given s^2, then s^2 given (a, b)
				double sn = end - start;
				double ridge = s2j * ridgeFactor;
				double det = (sn + ridge) * (smm + ridge) - sm * sm;
				double an = (sz * (smm + ridge) - sm * szm) / det;
				double bn = ((sn + ridge) * szm - sm * sz) / det;
				double residual = szz - 2 * an * sz - 2 * bn * szm + an * an * sn + 2 * an * bn * sm + bn * bn * smm;
				double s2n = (Math.max(residual, 0) + 2 * NOISE_PRIOR_SCALE) / (sn + 2 * NOISE_PRIOR_SHAPE + 2);
				this.a[j] = an;
				this.b[j] = bn;
				this.s2[j] = s2n;
				double w = bn / s2n;
				double p = bn * w;
				for (int k = start; k < end; k++) {
					int slot = this.voteSlot[k];
					precision[slot] += p;
					information[slot] += w * (latent[k - start] - an);
				}
			}
			this.chunkObjective[chunk] = objective;
		}

		/**
		 * Kalman filter and smoother of the states {@code from..to-1}, from the chunks'
		 * sums.
		 */
		private void updateStates(int chunk, int from, int to) {
			double omega2 = this.options.omega() * this.options.omega();
			double[] meanF = new double[this.maxSpan];
			double[] varF = new double[this.maxSpan];
			for (int i = from; i < to; i++) {
				int offset = this.stateOffset[i];
				if (offset < 0) {
					continue;
				}
				int length = this.stateLast[i] - this.stateFirst[i] + 1;
				double predictedMean = 0;
				double predictedVar = 1;
				for (int t = 0; t < length; t++) {
					int slot = offset + t;
					double precision = 0;
					double information = 0;
					for (int c = 0; c < CHUNKS; c++) {
						precision += this.chunkPrecision[c][slot];
						information += this.chunkInformation[c][slot];
					}
					double v = 1.0 / (1.0 / predictedVar + precision);
					double m = v * (predictedMean / predictedVar + information);
					meanF[t] = m;
					varF[t] = v;
					predictedMean = m;
					predictedVar = v + omega2;
				}
				this.mu[offset + length - 1] = meanF[length - 1];
				this.var[offset + length - 1] = varF[length - 1];
				for (int t = length - 2; t >= 0; t--) {
					double predicted = varF[t] + omega2;
					double gain = varF[t] / predicted;
					this.mu[offset + t] = meanF[t] + gain * (this.mu[offset + t + 1] - meanF[t]);
					this.var[offset + t] = varF[t] + gain * gain * (this.var[offset + t + 1] - predicted);
				}
			}
		}

		/**
		 * The parameter-expansion step (Liu, Rubin and Wu 1998): the likelihood does not
		 * change when the positions of a session are moved and stretched,
		 * {@code x -> c x + d}, and its roll calls' parameters follow; only the priors
		 * do. This step finds the {@code (c, d)} of every session that maximise the
		 * priors (Newton's method on a block-tridiagonal system) and applies them, so
		 * that EM need not crawl along these flat directions. Without drift there is one
		 * {@code (c, d)} for all sessions.
		 */
		private void gauge() {
			boolean drift = this.options.omega() > 0;
			int groups = drift ? this.maxSession - this.minSession + 1 : 1;
			double inverseOmega2 = drift ? 1.0 / (this.options.omega() * this.options.omega()) : 0;
			double inverseV = 1.0 / ITEM_PRIOR_VARIANCE;
			// statistics: first positions, transitions (t-1 -> t), roll calls
			double[] firstN = new double[groups];
			double[] firstX = new double[groups];
			double[] firstXX = new double[groups];
			double[] n = new double[groups];
			double[] sx = new double[groups];
			double[] sy = new double[groups];
			double[] sxx = new double[groups];
			double[] syy = new double[groups];
			double[] sxy = new double[groups];
			double[] itemA = new double[groups];
			double[] itemB = new double[groups];
			double[] itemC = new double[groups];
			for (int i = 0; i < this.states; i++) {
				int offset = this.stateOffset[i];
				if (offset < 0) {
					continue;
				}
				int length = this.stateLast[i] - this.stateFirst[i] + 1;
				int g0 = drift ? this.slotSession[offset] : 0;
				double x0 = this.mu[offset];
				firstN[g0]++;
				firstX[g0] += x0;
				firstXX[g0] += x0 * x0;
				if (drift) {
					for (int t = 1; t < length; t++) {
						int g = this.slotSession[offset + t];
						double x = this.mu[offset + t];
						double y = this.mu[offset + t - 1];
						n[g]++;
						sx[g] += x;
						sy[g] += y;
						sxx[g] += x * x;
						syy[g] += y * y;
						sxy[g] += x * y;
					}
				}
			}
			for (int j = 0; j < this.items; j++) {
				if (this.itemStart[j + 1] > this.itemStart[j]) {
					int g = drift ? this.rollCallSession[j] - this.minSession : 0;
					itemA[g] += this.a[j] * this.a[j];
					itemB[g] += this.b[j] * this.b[j];
					itemC[g] += this.a[j] * this.b[j];
				}
			}
			double[] c = new double[groups];
			double[] d = new double[groups];
			Arrays.fill(c, 1.0);
			double[] gradient = new double[2 * groups];
			// the block-tridiagonal negative Hessian: diagonal blocks and the blocks
			// below them
			double[][] diagonal = new double[groups][4];
			double[][] below = new double[groups][4];
			double[] step = new double[2 * groups];
			double current = gaugeObjective(c, d, groups, firstN, firstX, firstXX, n, sx, sy, sxx, syy, sxy, itemA,
					itemB, itemC, inverseOmega2, inverseV);
			for (int newton = 0; newton < 50; newton++) {
				Arrays.fill(gradient, 0);
				for (int g = 0; g < groups; g++) {
					Arrays.fill(diagonal[g], 0);
					Arrays.fill(below[g], 0);
				}
				for (int g = 0; g < groups; g++) {
					double cg = c[g];
					double dg = d[g];
					// first positions: -(1/2) sum (c x + d)^2
					gradient[2 * g] -= cg * firstXX[g] + dg * firstX[g];
					gradient[2 * g + 1] -= cg * firstX[g] + dg * firstN[g];
					diagonal[g][0] += firstXX[g];
					diagonal[g][1] += firstX[g];
					diagonal[g][2] += firstX[g];
					diagonal[g][3] += firstN[g];
					// roll calls: -(1/2V) [A - 2 C d/c + B (d^2 + 1)/c^2]
					double bg = itemB[g];
					double cc = itemC[g];
					if (bg > 0) {
						double c2 = cg * cg;
						double c3 = c2 * cg;
						double c4 = c3 * cg;
						gradient[2 * g] -= 0.5 * inverseV * (2 * cc * dg / c2 - 2 * bg * (dg * dg + 1) / c3);
						gradient[2 * g + 1] -= 0.5 * inverseV * (-2 * cc / cg + 2 * bg * dg / c2);
						diagonal[g][0] += 0.5 * inverseV * (-4 * cc * dg / c3 + 6 * bg * (dg * dg + 1) / c4);
						double cross = 0.5 * inverseV * (2 * cc / c2 - 4 * bg * dg / c3);
						diagonal[g][1] += cross;
						diagonal[g][2] += cross;
						diagonal[g][3] += 0.5 * inverseV * 2 * bg / c2;
					}
					// transitions g-1 -> g: -(1/2 omega^2) sum (c_g x + d_g - c_h y -
					// d_h)^2
					if (g > 0 && n[g] > 0) {
						int h = g - 1;
						double w = inverseOmega2;
						double r0 = c[g] * sxx[g] + d[g] * sx[g] - c[h] * sxy[g] - d[h] * sx[g];
						double r1 = c[g] * sx[g] + d[g] * n[g] - c[h] * sy[g] - d[h] * n[g];
						double r2 = -c[g] * sxy[g] - d[g] * sy[g] + c[h] * syy[g] + d[h] * sy[g];
						double r3 = -c[g] * sx[g] - d[g] * n[g] + c[h] * sy[g] + d[h] * n[g];
						gradient[2 * g] -= w * r0;
						gradient[2 * g + 1] -= w * r1;
						gradient[2 * h] -= w * r2;
						gradient[2 * h + 1] -= w * r3;
						diagonal[g][0] += w * sxx[g];
						diagonal[g][1] += w * sx[g];
						diagonal[g][2] += w * sx[g];
						diagonal[g][3] += w * n[g];
						diagonal[h][0] += w * syy[g];
						diagonal[h][1] += w * sy[g];
						diagonal[h][2] += w * sy[g];
						diagonal[h][3] += w * n[g];
						// block (row g, column h)
						below[g][0] -= w * sxy[g];
						below[g][1] -= w * sx[g];
						below[g][2] -= w * sy[g];
						below[g][3] -= w * n[g];
					}
				}
				for (int g = 0; g < groups; g++) {
					// a session without positions or roll calls keeps c = 1, d = 0
					if (diagonal[g][0] <= 0 || diagonal[g][3] <= 0) {
						diagonal[g][0] += 1;
						diagonal[g][3] += 1;
					}
				}
				if (!solveBlockTridiagonal(diagonal, below, gradient, step, groups)) {
					break;
				}
				double size = 0;
				for (double value : step) {
					size = Math.max(size, Math.abs(value));
				}
				double factor = 1;
				boolean improved = false;
				for (int halving = 0; halving < 30; halving++) {
					double[] trialC = new double[groups];
					double[] trialD = new double[groups];
					boolean positive = true;
					for (int g = 0; g < groups; g++) {
						trialC[g] = c[g] + factor * step[2 * g];
						trialD[g] = d[g] + factor * step[2 * g + 1];
						positive &= trialC[g] > 0;
					}
					if (positive) {
						double trial = gaugeObjective(trialC, trialD, groups, firstN, firstX, firstXX, n, sx, sy, sxx,
								syy, sxy, itemA, itemB, itemC, inverseOmega2, inverseV);
						if (trial >= current) {
							current = trial;
							System.arraycopy(trialC, 0, c, 0, groups);
							System.arraycopy(trialD, 0, d, 0, groups);
							improved = true;
							break;
						}
					}
					factor /= 2;
				}
				if (!improved || size * factor < 1e-12) {
					break;
				}
			}
			for (int s = 0; s < this.slots; s++) {
				int g = drift ? this.slotSession[s] : 0;
				this.mu[s] = c[g] * this.mu[s] + d[g];
			}
			for (int j = 0; j < this.items; j++) {
				int g = drift ? this.rollCallSession[j] - this.minSession : 0;
				if (g >= 0 && g < groups) {
					this.a[j] -= this.b[j] * d[g] / c[g];
					this.b[j] /= c[g];
				}
			}
		}

		private static double gaugeObjective(double[] c, double[] d, int groups, double[] firstN, double[] firstX,
				double[] firstXX, double[] n, double[] sx, double[] sy, double[] sxx, double[] syy, double[] sxy,
				double[] itemA, double[] itemB, double[] itemC, double inverseOmega2, double inverseV) {
			double value = 0;
			for (int g = 0; g < groups; g++) {
				value -= 0.5 * (c[g] * c[g] * firstXX[g] + 2 * c[g] * d[g] * firstX[g] + d[g] * d[g] * firstN[g]);
				value -= 0.5 * inverseV
						* (itemA[g] - 2 * itemC[g] * d[g] / c[g] + itemB[g] * (d[g] * d[g] + 1) / (c[g] * c[g]));
				if (g > 0 && n[g] > 0) {
					int h = g - 1;
					// sum over states of (c_g x + d_g - c_h y - d_h)^2
					double sum = c[g] * c[g] * sxx[g] + d[g] * d[g] * n[g] + c[h] * c[h] * syy[g] + d[h] * d[h] * n[g]
							+ 2 * c[g] * d[g] * sx[g] - 2 * c[g] * c[h] * sxy[g] - 2 * c[g] * d[h] * sx[g]
							- 2 * d[g] * c[h] * sy[g] - 2 * d[g] * d[h] * n[g] + 2 * c[h] * d[h] * sy[g];
					value -= 0.5 * inverseOmega2 * sum;
				}
			}
			return value;
		}

		/**
		 * Solves {@code M x = r} for a symmetric block-tridiagonal {@code M} of 2x2
		 * blocks ({@code diagonal[g]}, and {@code below[g]} the block at row g, column
		 * g-1), by block Gaussian elimination. Returns false when a pivot block is
		 * singular.
		 */
		private static boolean solveBlockTridiagonal(double[][] diagonal, double[][] below, double[] r, double[] x,
				int groups) {
			double[][] pivot = new double[groups][4];
			double[] y = new double[2 * groups];
			double[][] upperTimesInverse = new double[groups][4];
			for (int g = 0; g < groups; g++) {
				double[] m = diagonal[g].clone();
				double r0 = r[2 * g];
				double r1 = r[2 * g + 1];
				if (g > 0) {
					// m -= L_g * inv(P_{g-1}) * L_g^T ; r -= L_g * inv(P_{g-1}) y_{g-1}
					double[] l = below[g];
					double[] p = pivot[g - 1];
					double det = p[0] * p[3] - p[1] * p[2];
					double i0 = p[3] / det;
					double i1 = -p[1] / det;
					double i2 = -p[2] / det;
					double i3 = p[0] / det;
					// k = L * inv(P)
					double k0 = l[0] * i0 + l[1] * i2;
					double k1 = l[0] * i1 + l[1] * i3;
					double k2 = l[2] * i0 + l[3] * i2;
					double k3 = l[2] * i1 + l[3] * i3;
					upperTimesInverse[g][0] = k0;
					upperTimesInverse[g][1] = k1;
					upperTimesInverse[g][2] = k2;
					upperTimesInverse[g][3] = k3;
					// L^T: (l0 l2; l1 l3)
					m[0] -= k0 * l[0] + k1 * l[1];
					m[1] -= k0 * l[2] + k1 * l[3];
					m[2] -= k2 * l[0] + k3 * l[1];
					m[3] -= k2 * l[2] + k3 * l[3];
					r0 -= k0 * y[2 * g - 2] + k1 * y[2 * g - 1];
					r1 -= k2 * y[2 * g - 2] + k3 * y[2 * g - 1];
				}
				double det = m[0] * m[3] - m[1] * m[2];
				if (!(det > 0) || !(m[0] > 0)) {
					return false;
				}
				pivot[g] = m;
				y[2 * g] = r0;
				y[2 * g + 1] = r1;
			}
			for (int g = groups - 1; g >= 0; g--) {
				double r0 = y[2 * g];
				double r1 = y[2 * g + 1];
				if (g < groups - 1) {
					// subtract L_{g+1}^T x_{g+1}
					double[] l = below[g + 1];
					double x0 = x[2 * g + 2];
					double x1 = x[2 * g + 3];
					r0 -= l[0] * x0 + l[2] * x1;
					r1 -= l[1] * x0 + l[3] * x1;
				}
				double[] p = pivot[g];
				double det = p[0] * p[3] - p[1] * p[2];
				x[2 * g] = (p[3] * r0 - p[1] * r1) / det;
				x[2 * g + 1] = (-p[2] * r0 + p[0] * r1) / det;
			}
			return true;
		}

		/**
		 * The end of the fit: the positions' posterior variances by a Laplace
		 * approximation (each vote's observed information about the position,
		 * {@code beta^2} times one minus the variance of its truncated latent, through
		 * the smoother), then the identification.
		 */
		private IdealPoints finish(ExecutorService pool, int steps, boolean converged) {
			inChunks(pool, this.itemChunks, this::information);
			inChunks(pool, this.stateChunks, this::laplaceVariances);
			double scale = identify();
			return result(steps, converged, this.options.omega() / scale);
		}

		/**
		 * Each vote's information about its state's position, summed per slot in the
		 * chunk.
		 */
		private void information(int chunk, int from, int to) {
			double[] moments = new double[3];
			double[] precision = this.chunkPrecision[chunk];
			Arrays.fill(precision, 0);
			for (int j = from; j < to; j++) {
				double sj = Math.sqrt(this.s2[j]);
				double inverse = 1.0 / sj;
				double complete = this.b[j] * this.b[j] / this.s2[j];
				for (int k = this.itemStart[j]; k < this.itemStart[j + 1]; k++) {
					double mean = this.a[j] + this.b[j] * this.mu[this.voteSlot[k]];
					double low = -mean * inverse;
					switch (this.voteValue[k]) {
						case NO -> Normal.upperTailMoments(-low, moments);
						case ABSTAIN -> Normal.truncatedMoments(low, low + inverse, moments);
						default -> Normal.upperTailMoments(low + inverse, moments);
					}
					precision[this.voteSlot[k]] += complete * (1.0 - moments[1]);
				}
			}
		}

		/**
		 * The smoother's variances of the states {@code from..to-1} from the votes'
		 * information.
		 */
		private void laplaceVariances(int chunk, int from, int to) {
			double omega2 = this.options.omega() * this.options.omega();
			double[] varF = new double[this.maxSpan];
			for (int i = from; i < to; i++) {
				int offset = this.stateOffset[i];
				if (offset < 0) {
					continue;
				}
				int length = this.stateLast[i] - this.stateFirst[i] + 1;
				double predicted = 1;
				for (int t = 0; t < length; t++) {
					double precision = 0;
					for (int c = 0; c < CHUNKS; c++) {
						precision += this.chunkPrecision[c][offset + t];
					}
					varF[t] = 1.0 / (1.0 / predicted + precision);
					predicted = varF[t] + omega2;
				}
				this.var[offset + length - 1] = varF[length - 1];
				for (int t = length - 2; t >= 0; t--) {
					double next = varF[t] + omega2;
					double gain = varF[t] / next;
					this.var[offset + t] = varF[t] + gain * gain * (this.var[offset + t + 1] - next);
				}
			}
		}

		/**
		 * Mean 0 and standard deviation 1 over the slots with votes, the anchor's mean
		 * positive; the roll calls' parameters follow, so the fit is unchanged. Returns
		 * the standard deviation the positions had.
		 */
		private double identify() {
			double n = 0;
			double sum = 0;
			for (int s = 0; s < this.slots; s++) {
				if (this.slotVotes[s] > 0) {
					n++;
					sum += this.mu[s];
				}
			}
			double mean = sum / n;
			double squares = 0;
			for (int s = 0; s < this.slots; s++) {
				if (this.slotVotes[s] > 0) {
					squares += (this.mu[s] - mean) * (this.mu[s] - mean);
				}
			}
			double sd = Math.sqrt(squares / n);
			if (!(sd > 0)) {
				sd = 1;
			}
			double sign = 1;
			int anchor = this.options.anchorState();
			if (anchor >= 0 && anchor < this.states && this.stateOffset[anchor] >= 0) {
				double anchorSum = 0;
				int from = this.stateOffset[anchor];
				int to = from + this.stateLast[anchor] - this.stateFirst[anchor] + 1;
				for (int s = from; s < to; s++) {
					if (this.slotVotes[s] > 0) {
						anchorSum += this.mu[s] - mean;
					}
				}
				if (anchorSum < 0) {
					sign = -1;
				}
			}
			double scale = sign / sd;
			for (int s = 0; s < this.slots; s++) {
				this.mu[s] = (this.mu[s] - mean) * scale;
				this.var[s] /= sd * sd;
			}
			for (int j = 0; j < this.items; j++) {
				// a + b x_old = a + b (mean + x_new / scale)
				this.a[j] += this.b[j] * mean;
				this.b[j] /= scale;
			}
			return sd;
		}

		private IdealPoints result(int iterations, boolean converged, double omega) {
			double[] beta = new double[this.items];
			double[] cutNo = new double[this.items];
			double[] cutYes = new double[this.items];
			double logLikelihood = 0;
			for (int j = 0; j < this.items; j++) {
				int start = this.itemStart[j];
				int end = this.itemStart[j + 1];
				if (start == end) {
					beta[j] = Double.NaN;
					cutNo[j] = Double.NaN;
					cutYes[j] = Double.NaN;
					continue;
				}
				double s = Math.sqrt(this.s2[j]);
				beta[j] = this.b[j] / s;
				cutNo[j] = -this.a[j] / s;
				cutYes[j] = (1.0 - this.a[j]) / s;
				for (int k = start; k < end; k++) {
					double x = this.mu[this.voteSlot[k]];
					double low = cutNo[j] - beta[j] * x;
					double high = cutYes[j] - beta[j] * x;
					double p = switch (this.voteValue[k]) {
						case NO -> Normal.cdf(low);
						case ABSTAIN -> (low >= 0) ? Normal.upperTail(low) - Normal.upperTail(high)
								: Normal.cdf(high) - Normal.cdf(low);
						default -> Normal.upperTail(high);
					};
					logLikelihood += Math.log(Math.max(p, Double.MIN_NORMAL));
				}
			}
			int n = this.voteValue.length;
			int[] first = new int[this.states];
			int[] last = new int[this.states];
			for (int i = 0; i < this.states; i++) {
				first[i] = (this.stateOffset[i] >= 0) ? this.stateFirst[i] : 0;
				last[i] = (this.stateOffset[i] >= 0) ? this.stateLast[i] : -1;
			}
			return new IdealPoints(this.states, (this.slots > 0) ? this.minSession : 0,
					(this.slots > 0) ? this.maxSession : -1, first, last, this.stateOffset.clone(), this.mu.clone(),
					this.var.clone(), this.rollCallSession.clone(), beta, cutNo, cutYes, omega,
					this.options.anchorState(), iterations, converged, (n > 0) ? logLikelihood / n : 0, n);
		}

	}

}
