package org.plenary.forecast.core.ideal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalTests {

	@Test
	void distributionFunctionMatchesKnownValues() {
		assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
		assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-7));
		assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-7));
		assertThat(Normal.upperTail(5)).isCloseTo(2.866515718791939e-7, within(2.866515718791939e-7 * 1e-6));
		assertThat(Normal.upperTail(10)).isCloseTo(7.619853024160527e-24, within(7.619853024160527e-24 * 1e-6));
		assertThat(Normal.upperTail(37)).isPositive();
		assertThat(Normal.pdf(0)).isCloseTo(0.3989422804014327, within(1e-15));
	}

	@Test
	void theInterpolatedScaledComplementaryErrorFunctionMatchesItsFit() {
		for (double x = -3; x < 30; x += 0.0137) {
			double slow = (x < 0) ? 2 * Math.exp(x * x) - Normal.erfcxSlow(-x) : Normal.erfcxSlow(x);
			assertThat(Normal.erfcx(x)).as("erfcx(%s)", x).isCloseTo(slow, within(Math.abs(slow) * 1e-7));
		}
	}

	@Test
	void truncatedMomentsMatchNumericalIntegration() {
		double[][] intervals = { { 0.3, Double.POSITIVE_INFINITY }, { -2, Double.POSITIVE_INFINITY },
				{ Double.NEGATIVE_INFINITY, -1.5 }, { Double.NEGATIVE_INFINITY, 2 }, { -0.5, 0.7 }, { 1, 2.5 },
				{ -3.5, -2 }, { 4, 5 }, { 6, Double.POSITIVE_INFINITY }, { 0.001, 0.002 } };
		double[] moments = new double[3];
		for (double[] interval : intervals) {
			Normal.truncatedMoments(interval[0], interval[1], moments);
			double lower = Math.max(interval[0], -12);
			double upper = Math.min(interval[1], 18);
			int steps = 200_000;
			double h = (upper - lower) / steps;
			double mass = 0;
			double first = 0;
			double second = 0;
			for (int k = 0; k < steps; k++) {
				double x = lower + (k + 0.5) * h;
				double p = Normal.pdf(x) * h;
				mass += p;
				first += x * p;
				second += x * x * p;
			}
			double mean = first / mass;
			double variance = second / mass - mean * mean;
			assertThat(moments[0]).as("mean on %s..%s", interval[0], interval[1]).isCloseTo(mean, within(1e-5));
			assertThat(moments[1]).as("variance on %s..%s", interval[0], interval[1]).isCloseTo(variance, within(1e-5));
			assertThat(moments[2]).as("log-probability of %s..%s", interval[0], interval[1])
				.isCloseTo(Math.log(mass), within(1e-5));
		}
	}

	@Test
	void theTabulatedUpperTailMatchesTheExactOne() {
		double[] fast = new double[3];
		double[] exact = new double[3];
		for (double a = -10; a < 12; a += 0.001) {
			Normal.upperTailMoments(a, fast);
			Normal.truncatedMoments(a, Double.POSITIVE_INFINITY, exact);
			assertThat(fast[0]).as("mean at %s", a).isCloseTo(exact[0], within(1e-7 * (1 + Math.abs(a))));
			assertThat(fast[1]).as("variance at %s", a).isCloseTo(exact[1], within(1e-6));
			assertThat(fast[2]).as("log-probability at %s", a).isCloseTo(exact[2], within(1e-7 * (1 + a * a)));
		}
	}

	@Test
	void truncatedMomentsStayFiniteFarInTheTails() {
		double[] moments = new double[3];
		for (double bound : new double[] { 8, 20, 50, 1e3 }) {
			Normal.truncatedMoments(bound, Double.POSITIVE_INFINITY, moments);
			assertThat(moments[0]).isGreaterThanOrEqualTo(bound).isLessThan(bound + 1);
			assertThat(moments[1]).isBetween(0.0, 1.0);
			assertThat(moments[2]).isNegative().isFinite();
			Normal.truncatedMoments(bound, bound + 1, moments);
			assertThat(moments[0]).isBetween(bound, bound + 1);
			assertThat(moments[1]).isBetween(0.0, 1.0);
			assertThat(moments[2]).isNegative().isFinite();
			Normal.truncatedMoments(-bound - 1, -bound, moments);
			assertThat(moments[0]).isBetween(-bound - 1, -bound);
		}
	}

}
