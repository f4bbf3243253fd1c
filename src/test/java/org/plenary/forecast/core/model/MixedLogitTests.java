package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MixedLogitTests {

	/** Yes, Abstain, No: a positive shift moves every row towards Yes. */
	private static final double[] SHIFT_SCORES = { 1, 0, -1 };

	/** Intercepts of Abstain and No, then two features that vary by row and class. */
	private static final double[] THETA = { -0.7, 0.4, 1.5, -1.0 };

	private final MixedLogit model = new MixedLogit(SHIFT_SCORES, THETA.length);

	@Test
	void recoversTheWeightsAndTheSpreadOfTheSharedShift() {
		List<MixedLogit.Group> groups = simulate(new Random(20220302L), 200, 150, 0.8, 0.05);

		MixedLogit.Fit fit = this.model.fit(groups, new double[THETA.length], 0.3);

		// the intercepts share the error of the mean of 200 shifts (sd 0.8 / sqrt(200))
		assertThat(fit.theta()[0]).isCloseTo(THETA[0], within(0.15));
		assertThat(fit.theta()[1]).isCloseTo(THETA[1], within(0.2));
		assertThat(fit.theta()[2]).isCloseTo(THETA[2], within(0.06));
		assertThat(fit.theta()[3]).isCloseTo(THETA[3], within(0.06));
		assertThat(fit.sigma()).isCloseTo(0.8, within(0.16));
		assertThat(fit.observations()).isBetween(27_500, 29_000); // 5 % unknown
		assertThat(fit.logLikelihood()).isNegative();
	}

	@Test
	void findsASmallSpreadWhenTheRowsOfAGroupAreIndependent() {
		List<MixedLogit.Group> groups = simulate(new Random(20220324L), 200, 150, 0, 0);

		MixedLogit.Fit fit = this.model.fit(groups, new double[THETA.length], 0.5);

		assertThat(fit.sigma()).isLessThan(0.1);
		assertThat(fit.theta()[0]).isCloseTo(THETA[0], within(0.06));
		assertThat(fit.theta()[1]).isCloseTo(THETA[1], within(0.06));
		assertThat(fit.theta()[2]).isCloseTo(THETA[2], within(0.06));
		assertThat(fit.theta()[3]).isCloseTo(THETA[3], within(0.06));
	}

	@Test
	void aLargerSpreadFitsBetterWhenTheGroupsHaveOne() {
		List<MixedLogit.Group> groups = simulate(new Random(7), 100, 100, 1.2, 0);
		double[] gradient = new double[THETA.length + 1];
		double[] x = new double[THETA.length + 1];
		System.arraycopy(THETA, 0, x, 0, THETA.length);
		x[THETA.length] = Math.log(1.2);
		double atTheTruth = this.model.objective(groups, x, gradient);
		x[THETA.length] = Math.log(0.01);
		double withoutShift = this.model.objective(groups, x, gradient);

		assertThat(atTheTruth).isLessThan(withoutShift - 100);
	}

	@Test
	void theGradientIsTheObjectivesSlope() {
		Random random = new Random(20220407L);
		List<MixedLogit.Group> groups = simulate(random, 20, 30, 0.7, 0.1);
		int n = THETA.length + 1;
		double[] x = new double[n];
		for (int j = 0; j < THETA.length; j++) {
			x[j] = random.nextGaussian();
		}
		x[THETA.length] = Math.log(0.4 + random.nextDouble());
		double[] gradient = new double[n];
		this.model.objective(groups, x, gradient);

		double[] ignored = new double[n];
		for (int j = 0; j < n; j++) {
			double h = 1e-5;
			double[] up = x.clone();
			double[] down = x.clone();
			up[j] += h;
			down[j] -= h;
			double slope = (this.model.objective(groups, up, ignored) - this.model.objective(groups, down, ignored))
					/ (2 * h);
			assertThat(gradient[j]).as("d/dx%d", j).isCloseTo(slope, within(1e-5 * Math.max(1, Math.abs(slope))));
		}
	}

	@Test
	void theObjectiveIsMinusTheLogMarginalLikelihoodPlusTheRidge() {
		// groups of few rows (a smooth integrand, which 15 nodes integrate well), each
		// integrated over the shift by a fine Simpson rule
		Random random = new Random(11);
		List<MixedLogit.Group> groups = simulate(random, 6, 3, 0.5, 0.2);
		double sigma = 0.5;
		double[] theta = { 0.3, -0.2, 0.8, -0.5 };
		double[] x = { theta[0], theta[1], theta[2], theta[3], Math.log(sigma) };

		double objective = this.model.objective(groups, x, new double[x.length]);

		double expected = 0;
		for (MixedLogit.Group group : groups) {
			expected -= Math.log(marginalLikelihood(group, theta, sigma));
		}
		for (double t : theta) {
			expected += 0.5 * t * t;
		}
		assertThat(objective).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
	}

	@Test
	void theProbabilitiesOfARowAreASoftmaxOfItsUtilities() {
		double[] features = { 0, 0, 1, 0.5, /* Abstain */ 1, 0, -1, 0, /* No */ 0, 1, 0.2, 2 };
		double[] p = new double[3];
		this.model.probabilities(features, 0, THETA, 0.6, p);
		double[] u = new double[3];
		this.model.utilities(features, 0, THETA, u);

		assertThat(u[0]).isCloseTo(1.5 * 1 - 1.0 * 0.5, within(1e-15));
		assertThat(u[1]).isCloseTo(-0.7 + 1.5 * -1, within(1e-15));
		assertThat(u[2]).isCloseTo(0.4 + 1.5 * 0.2 - 1.0 * 2, within(1e-15));
		double yes = Math.exp(u[0] + 0.6);
		double abstain = Math.exp(u[1]);
		double no = Math.exp(u[2] - 0.6);
		double total = yes + abstain + no;
		assertThat(p[0]).isCloseTo(yes / total, within(1e-15));
		assertThat(p[1]).isCloseTo(abstain / total, within(1e-15));
		assertThat(p[2]).isCloseTo(no / total, within(1e-15));
	}

	/**
	 * Groups from the conditional logit with a shared shift ~ Normal(0, sigma) per group;
	 * a share of rows is left unknown (-1).
	 */
	private List<MixedLogit.Group> simulate(Random random, int groups, int rows, double sigma, double unknown) {
		int classes = SHIFT_SCORES.length;
		int features = THETA.length;
		List<MixedLogit.Group> result = new ArrayList<>();
		double[] p = new double[classes];
		for (int g = 0; g < groups; g++) {
			double b = sigma * random.nextGaussian();
			double[] f = new double[rows * classes * features];
			int[] observed = new int[rows];
			for (int row = 0; row < rows; row++) {
				for (int k = 0; k < classes; k++) {
					int offset = (row * classes + k) * features;
					f[offset] = (k == 1) ? 1 : 0;
					f[offset + 1] = (k == 2) ? 1 : 0;
					f[offset + 2] = random.nextGaussian();
					f[offset + 3] = random.nextBoolean() ? 1 : 0;
				}
				this.model.probabilities(f, row, THETA, b, p);
				double draw = random.nextDouble();
				int y = 0;
				while (y < classes - 1 && draw >= p[y]) {
					draw -= p[y];
					y++;
				}
				observed[row] = (random.nextDouble() < unknown) ? -1 : y;
			}
			result.add(new MixedLogit.Group(f, observed));
		}
		return result;
	}

	/** The integral over b of Normal(b; 0, sigma) x the product of the rows' P(y | b). */
	private double marginalLikelihood(MixedLogit.Group group, double[] theta, double sigma) {
		int steps = 4000;
		double low = -10 * sigma;
		double step = 20 * sigma / steps;
		double sum = 0;
		double[] p = new double[SHIFT_SCORES.length];
		for (int i = 0; i <= steps; i++) {
			double b = low + i * step;
			double value = Math.exp(-0.5 * (b / sigma) * (b / sigma)) / (sigma * Math.sqrt(2 * Math.PI));
			for (int row = 0; row < group.rows(); row++) {
				// rows are scored by hand: softmax of theta . f + b s
				int y = group.observed()[row];
				if (y < 0) {
					continue;
				}
				softmax(group.features(), row, theta, b, p);
				value *= p[y];
			}
			double simpson = (i == 0 || i == steps) ? 1 : (i % 2 == 1) ? 4 : 2;
			sum += simpson * value;
		}
		return sum * step / 3;
	}

	private static void softmax(double[] f, int row, double[] theta, double b, double[] out) {
		int classes = SHIFT_SCORES.length;
		double total = 0;
		for (int k = 0; k < classes; k++) {
			double u = b * SHIFT_SCORES[k];
			for (int j = 0; j < theta.length; j++) {
				u += theta[j] * f[(row * classes + k) * theta.length + j];
			}
			out[k] = Math.exp(u);
			total += out[k];
		}
		for (int k = 0; k < classes; k++) {
			out[k] /= total;
		}
	}

}
