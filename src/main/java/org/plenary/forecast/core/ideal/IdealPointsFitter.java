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
 * {@code cutNo = -a/s} and {@code cutYes = (1-a)/s}. Priors: {@code a_j, b_j ~ N(0, 25)},
 * {@code s_j^2} inverse-gamma with mode 1 (shape 2, scale 3, as weak as 6 votes), a
 * state's first position {@code N(0, 1)} and then a random walk {@code x_{i,t} =
 * x_{i,t-1} + N(0, omega^2)}.
 * <h2>Fit</h2> Each iteration: (1) E-step: for every vote, the mean and variance of
 * {@code z} truncated to its vote's interval (closed form, from the normal density and
 * tail ratios of {@link Normal}); (2) for each roll call, {@code (a, b)} by a
 * ridge-weighted least squares of those expectations on the states' positions (using
 * their posterior variances) and then {@code s^2} from the expected squared residuals;
 * (3) for each state, the linear-Gaussian posterior of its positions over its sessions by
 * a Kalman filter and Rauch-Tung-Striebel smoother; (4) positions rescaled to mean 0 and
 * standard deviation 1 over the (state, session) pairs with votes (the roll calls'
 * parameters rescaled to match, so the fit is unchanged) and the sign set by the anchor
 * state. The start is deterministic: the leading factor of the roll calls' centred votes
 * (No -1, Abstain 0, Yes 1) by alternating least squares. Steps (1)-(2) run per roll call
 * and (3) per state, split into a fixed set of chunks shared by the threads, so the
 * result does not depend on the number of threads.
 */
public final class IdealPointsFitter {

	static final double ITEM_PRIOR_VARIANCE = 25.0;

	static final double NOISE_PRIOR_SHAPE = 2.0;

	static final double NOISE_PRIOR_SCALE = 3.0;

	private static final int CHUNKS = 16;

	private static final byte NO = 0;

	private static final byte ABSTAIN = 1;

	private static final byte YES = 2;

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

		// votes sorted by roll call, then state
		private final int[] itemStart;

		private final int[] voteSlot;

		private final byte[] voteValue;

		private final double[] ez;

		// states' (state, session) slots
		private final int[] stateFirst;

		private final int[] stateLast;

		private final int[] stateOffset;

		private final int slots;

		private final int maxSpan;

		// votes sorted by slot: vote index and roll call
		private final int[] slotStart;

		private final int[] permVote;

		private final int[] permItem;

		// parameters
		private final double[] a;

		private final double[] b;

		private final double[] s2;

		private final double[] weight;

		private final double[] mu;

		private final double[] var;

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
			List<Vote> all = data.votes();
			int[] countByState = new int[this.states + 1];
			int[] countByItem = new int[this.items + 1];
			int n = 0;
			for (Vote vote : all) {
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
			for (Vote vote : all) {
				if (inWindow[vote.rollCall()]) {
					int k = next[vote.state()]++;
					byStateItem[k] = vote.rollCall();
					byStateState[k] = vote.state();
					byStateValue[k] = (byte) vote.choice().ordinal();
				}
			}
			for (int j = 0; j < this.items; j++) {
				countByItem[j + 1] += countByItem[j];
			}
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
			this.voteSlot = new int[n];
			int[] countBySlot = new int[this.slots + 1];
			for (int k = 0; k < n; k++) {
				int state = voteState[k];
				int slot = this.stateOffset[state] + this.rollCallSession[voteItem[k]] - this.stateFirst[state];
				this.voteSlot[k] = slot;
				countBySlot[slot + 1]++;
			}
			for (int s = 0; s < this.slots; s++) {
				countBySlot[s + 1] += countBySlot[s];
			}
			this.slotStart = countBySlot;
			this.permVote = new int[n];
			this.permItem = new int[n];
			next = Arrays.copyOf(countBySlot, this.slots);
			for (int k = 0; k < n; k++) {
				int position = next[this.voteSlot[k]]++;
				this.permVote[position] = k;
				this.permItem[position] = voteItem[k];
			}
			this.ez = new double[n];
			this.a = new double[this.items];
			this.b = new double[this.items];
			this.s2 = new double[this.items];
			this.weight = new double[this.items];
			this.mu = new double[this.slots];
			this.var = new double[this.slots];
			this.itemChunks = chunks(this.itemStart, this.items);
			int[] stateVotes = new int[this.states + 1];
			for (int i = 0; i < this.states; i++) {
				int votes = 0;
				if (this.stateOffset[i] >= 0) {
					int from = this.stateOffset[i];
					int to = from + this.stateLast[i] - this.stateFirst[i] + 1;
					votes = this.slotStart[to] - this.slotStart[from] + 1;
				}
				stateVotes[i + 1] = stateVotes[i] + votes;
			}
			this.stateChunks = chunks(stateVotes, this.states);
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
				return result(0, true);
			}
			start();
			double[] previous = this.mu.clone();
			ExecutorService pool = (this.options.threads() > 1) ? Executors.newFixedThreadPool(this.options.threads(),
					Thread.ofPlatform().daemon().name("ideal-points-", 0).factory()) : null;
			try {
				int iteration = 0;
				boolean converged = false;
				while (iteration < this.options.maxIterations() && !converged) {
					iteration++;
					inChunks(pool, this.itemChunks, this::updateItems);
					inChunks(pool, this.stateChunks, this::updateStates);
					identify();
					double change = 0;
					for (int s = 0; s < this.slots; s++) {
						if (this.slotStart[s + 1] > this.slotStart[s]) {
							change = Math.max(change, Math.abs(this.mu[s] - previous[s]));
						}
					}
					System.arraycopy(this.mu, 0, previous, 0, this.slots);
					converged = change < this.options.tolerance();
				}
				return result(iteration, converged);
			}
			finally {
				if (pool != null) {
					pool.shutdownNow();
				}
			}
		}

		private interface RangeTask {

			void run(int from, int to);

		}

		private static void inChunks(ExecutorService pool, int[] bounds, RangeTask task) {
			if (pool == null) {
				for (int c = 0; c < CHUNKS; c++) {
					task.run(bounds[c], bounds[c + 1]);
				}
				return;
			}
			List<Callable<Void>> calls = new ArrayList<>(CHUNKS);
			for (int c = 0; c < CHUNKS; c++) {
				int from = bounds[c];
				int to = bounds[c + 1];
				calls.add(() -> {
					task.run(from, to);
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
			identify();
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

		/** E-step and M-step of the roll calls {@code from..to-1}. */
		private void updateItems(int from, int to) {
			double[] moments = new double[2];
			double ridgeFactor = 1.0 / ITEM_PRIOR_VARIANCE;
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
				for (int k = start; k < end; k++) {
					int slot = this.voteSlot[k];
					double m = this.mu[slot];
					double mean = aj + bj * m;
					double low = -mean * inverse;
					double high = low + inverse;
					switch (this.voteValue[k]) {
						case NO -> Normal.truncatedMoments(Double.NEGATIVE_INFINITY, low, moments);
						case ABSTAIN -> Normal.truncatedMoments(low, high, moments);
						default -> Normal.truncatedMoments(high, Double.POSITIVE_INFINITY, moments);
					}
					double z = mean + sj * moments[0];
					this.ez[k] = z;
					sm += m;
					smm += m * m + this.var[slot];
					sz += z;
					szm += z * m;
					szz += s2j * moments[1] + z * z;
				}
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
				this.weight[j] = bn / s2n;
			}
		}

		/** Kalman filter and smoother of the states {@code from..to-1}. */
		private void updateStates(int from, int to) {
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
					for (int k = this.slotStart[slot]; k < this.slotStart[slot + 1]; k++) {
						int j = this.permItem[k];
						double w = this.weight[j];
						precision += w * this.b[j];
						information += w * (this.ez[this.permVote[k]] - this.a[j]);
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
		 * Mean 0 and standard deviation 1 over the slots with votes, the anchor's mean
		 * positive; the roll calls' parameters follow, so the fit is unchanged.
		 */
		private void identify() {
			double n = 0;
			double sum = 0;
			for (int s = 0; s < this.slots; s++) {
				if (this.slotStart[s + 1] > this.slotStart[s]) {
					n++;
					sum += this.mu[s];
				}
			}
			double mean = sum / n;
			double squares = 0;
			for (int s = 0; s < this.slots; s++) {
				if (this.slotStart[s + 1] > this.slotStart[s]) {
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
					if (this.slotStart[s + 1] > this.slotStart[s]) {
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
				this.weight[j] = this.b[j] / this.s2[j];
			}
		}

		private IdealPoints result(int iterations, boolean converged) {
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
					this.var.clone(), this.rollCallSession.clone(), beta, cutNo, cutYes, this.options.omega(),
					this.options.anchorState(), iterations, converged, (n > 0) ? logLikelihood / n : 0, n);
		}

	}

}
