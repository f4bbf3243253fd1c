package org.plenary.forecast.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * A conditional logit with one shared random shift per vote, fitted by maximum marginal
 * likelihood. For state {@code i} in vote {@code g}, class {@code k} has utility
 * {@code theta . f_ik + b_g s_k}, and {@code P(k) = exp(u_k) / sum exp(u)}; the shift
 * {@code b_g ~ Normal(0, sigma^2)} is shared by all states of the vote, and {@code s_k}
 * says how the shift moves each class (for Yes, Abstain, No: +1, 0, -1, so that a
 * positive shift moves every state towards Yes). The likelihood of a vote integrates its
 * shift out by Gauss-Hermite quadrature; {@code theta} and {@code log sigma} are found by
 * BFGS on the exact gradient, with a small ridge on {@code theta} so that features that
 * never vary (e.g. a second reference when no vote had one) stay at zero.
 */
final class MixedLogit {

	/** Quadrature nodes for the fit. */
	static final int FIT_NODES = 15;

	private static final double RIDGE = 1.0;

	private static final double MIN_LOG_SIGMA = Math.log(1e-3);

	private static final double MAX_LOG_SIGMA = Math.log(10);

	final int classes;

	final int features;

	final double[] shiftScores;

	MixedLogit(double[] shiftScores, int features) {
		this.classes = shiftScores.length;
		this.features = features;
		this.shiftScores = shiftScores.clone();
	}

	/**
	 * The states of one vote: for each state, {@code classes x features} feature values
	 * (class-major) and the observed class (or -1 when unknown, e.g. absent when only the
	 * present are modelled).
	 */
	record Group(double[] features, int[] observed) {

		int rows() {
			return this.observed.length;
		}

	}

	/** Fitted parameters. */
	record Fit(double[] theta, double sigma, double logLikelihood, int observations, int iterations) {
	}

	/** The class probabilities of one row at shift {@code b}, into {@code out}. */
	void probabilities(double[] features, int row, double[] theta, double b, double[] out) {
		int base = row * this.classes * this.features;
		double max = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < this.classes; k++) {
			double u = b * this.shiftScores[k];
			int offset = base + k * this.features;
			for (int p = 0; p < this.features; p++) {
				u += theta[p] * features[offset + p];
			}
			out[k] = u;
			max = Math.max(max, u);
		}
		double total = 0;
		for (int k = 0; k < this.classes; k++) {
			out[k] = Math.exp(out[k] - max);
			total += out[k];
		}
		for (int k = 0; k < this.classes; k++) {
			out[k] /= total;
		}
	}

	/** The utilities of one row without the shift, into {@code out}. */
	void utilities(double[] features, int row, double[] theta, double[] out) {
		int base = row * this.classes * this.features;
		for (int k = 0; k < this.classes; k++) {
			double u = 0;
			int offset = base + k * this.features;
			for (int p = 0; p < this.features; p++) {
				u += theta[p] * features[offset + p];
			}
			out[k] = u;
		}
	}

	/** Fits theta and sigma to the groups, starting from the given values. */
	Fit fit(List<Group> groups, double[] startTheta, double startSigma) {
		int n = this.features + 1;
		double[] x = Arrays.copyOf(startTheta, n);
		x[this.features] = clampLogSigma(Math.log(Math.max(startSigma, 1e-3)));
		double[] gradient = new double[n];
		double value = objective(groups, x, gradient);
		double[][] inverse = identity(n);
		int iteration = 0;
		for (; iteration < 300; iteration++) {
			double[] direction = new double[n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					direction[i] -= inverse[i][j] * gradient[j];
				}
			}
			double slope = dot(direction, gradient);
			if (slope >= 0) { // not a descent direction: restart from the gradient
				inverse = identity(n);
				for (int i = 0; i < n; i++) {
					direction[i] = -gradient[i];
				}
				slope = dot(direction, gradient);
			}
			double step = 1;
			double[] next = new double[n];
			double[] nextGradient = new double[n];
			double nextValue = Double.NaN;
			boolean accepted = false;
			for (int halving = 0; halving < 40; halving++) {
				for (int i = 0; i < n; i++) {
					next[i] = x[i] + step * direction[i];
				}
				next[this.features] = clampLogSigma(next[this.features]);
				nextValue = objective(groups, next, nextGradient);
				if (nextValue <= value + 1e-4 * step * slope) {
					accepted = true;
					break;
				}
				step /= 2;
			}
			if (!accepted) {
				break;
			}
			double[] s = new double[n];
			double[] y = new double[n];
			for (int i = 0; i < n; i++) {
				s[i] = next[i] - x[i];
				y[i] = nextGradient[i] - gradient[i];
			}
			double improvement = value - nextValue;
			x = next;
			gradient = nextGradient;
			value = nextValue;
			double sy = dot(s, y);
			if (sy > 1e-12) {
				updateInverse(inverse, s, y, sy);
			}
			if (maxAbs(gradient) < 1e-3 || improvement < 1e-9 * Math.max(1, Math.abs(value))) {
				iteration++;
				break;
			}
		}
		int observations = 0;
		for (Group group : groups) {
			for (int y : group.observed()) {
				observations += (y >= 0) ? 1 : 0;
			}
		}
		return new Fit(Arrays.copyOf(x, this.features), Math.exp(x[this.features]), -value, observations, iteration);
	}

	/**
	 * Minus the log marginal likelihood plus the ridge, and its gradient with respect to
	 * theta and log sigma.
	 */
	double objective(List<Group> groups, double[] x, double[] gradient) {
		int p = this.features;
		double sigma = Math.exp(x[p]);
		Quadrature nodes = Quadrature.normal(FIT_NODES, 0, sigma);
		Arrays.fill(gradient, 0);
		double total = 0;
		double[] probabilities = new double[this.classes];
		double[] nodeLog = new double[nodes.size()];
		double[][] nodeGradient = new double[nodes.size()][p + 1];
		for (Group group : groups) {
			double[] f = group.features();
			int[] observed = group.observed();
			for (int node = 0; node < nodes.size(); node++) {
				double b = nodes.point(node);
				double log = 0;
				double[] g = nodeGradient[node];
				Arrays.fill(g, 0);
				for (int row = 0; row < observed.length; row++) {
					int y = observed[row];
					if (y < 0) {
						continue;
					}
					probabilities(f, row, x, b, probabilities);
					log += Math.log(Math.max(probabilities[y], 1e-300));
					int base = row * this.classes * p;
					double expectedShift = 0;
					for (int k = 0; k < this.classes; k++) {
						double weight = ((k == y) ? 1 : 0) - probabilities[k];
						if (weight == 0) {
							continue;
						}
						int offset = base + k * p;
						for (int j = 0; j < p; j++) {
							g[j] += weight * f[offset + j];
						}
						expectedShift += weight * this.shiftScores[k];
					}
					g[p] += expectedShift * b; // d b / d log sigma = b
				}
				nodeLog[node] = Math.log(nodes.weight(node)) + log;
			}
			double max = Double.NEGATIVE_INFINITY;
			for (double value : nodeLog) {
				max = Math.max(max, value);
			}
			double sum = 0;
			for (double value : nodeLog) {
				sum += Math.exp(value - max);
			}
			double logLikelihood = max + Math.log(sum);
			total += logLikelihood;
			for (int node = 0; node < nodes.size(); node++) {
				double posterior = Math.exp(nodeLog[node] - logLikelihood);
				for (int j = 0; j <= p; j++) {
					gradient[j] += posterior * nodeGradient[node][j];
				}
			}
		}
		double penalty = 0;
		for (int j = 0; j < p; j++) {
			penalty += 0.5 * RIDGE * x[j] * x[j];
			gradient[j] = -gradient[j] + RIDGE * x[j];
		}
		gradient[p] = -gradient[p];
		return -total + penalty;
	}

	private static double clampLogSigma(double logSigma) {
		return Math.max(MIN_LOG_SIGMA, Math.min(MAX_LOG_SIGMA, logSigma));
	}

	private static void updateInverse(double[][] h, double[] s, double[] y, double sy) {
		int n = s.length;
		double[] hy = new double[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				hy[i] += h[i][j] * y[j];
			}
		}
		double yhy = dot(y, hy);
		double factor = (sy + yhy) / (sy * sy);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				h[i][j] += factor * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
			}
		}
	}

	private static double[][] identity(int n) {
		double[][] h = new double[n][n];
		for (int i = 0; i < n; i++) {
			h[i][i] = 1e-3; // small first steps: gradients sum over thousands of states
		}
		return h;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static double maxAbs(double[] a) {
		double max = 0;
		for (double v : a) {
			max = Math.max(max, Math.abs(v));
		}
		return max;
	}

}
