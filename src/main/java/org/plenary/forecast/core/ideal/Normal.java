package org.plenary.forecast.core.ideal;

/**
 * The standard normal distribution: density, distribution function and the moments of a
 * truncated normal, fast and accurate to about 1e-7 relative everywhere, tails included.
 * <p>
 * Built on the scaled complementary error function {@code erfcx(x) = exp(x^2) erfc(x)}: a
 * Chebyshev fit (Numerical Recipes' {@code erfcc}, fractional error below 1.2e-7) for
 * {@code 0 <= x < 4} and a continued fraction beyond, so that tail probabilities and the
 * ratios of density to tail probability never underflow or cancel.
 */
public final class Normal {

	private static final double SQRT2 = Math.sqrt(2.0);

	private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

	private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

	private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

	private Normal() {
	}

	/** The standard normal density. */
	public static double pdf(double x) {
		return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
	}

	/** The standard normal distribution function, P(Z <= x). */
	public static double cdf(double x) {
		if (x < 0) {
			return upperTail(-x);
		}
		return 1.0 - upperTail(x);
	}

	/** P(Z > x), accurate in relative terms far into the upper tail. */
	public static double upperTail(double x) {
		if (x < 0) {
			return 1.0 - upperTail(-x);
		}
		return 0.5 * Math.exp(-0.5 * x * x) * erfcx(x / SQRT2);
	}

	/**
	 * The inverse Mills ratio {@code pdf(a) / P(Z > a)}: the mean of a standard normal
	 * truncated to {@code (a, +infinity)}.
	 */
	public static double millsRatio(double a) {
		if (a >= 0) {
			return SQRT_2_OVER_PI / erfcx(a / SQRT2);
		}
		double g = Math.exp(-0.5 * a * a);
		return INV_SQRT_2PI * g / (1.0 - 0.5 * g * erfcx(-a / SQRT2));
	}

	/**
	 * {@code exp(x^2) erfc(x)}, relative error below about 1.2e-7.
	 */
	static double erfcx(double x) {
		if (x < 0) {
			return 2.0 * Math.exp(x * x) - erfcx(-x);
		}
		if (x < 4.0) {
			double t = 1.0 / (1.0 + 0.5 * x);
			return t * Math.exp(-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
					+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
		}
		// continued fraction erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x +
		// (3/2)/(x + ...))))
		double f = x;
		for (int k = 12; k >= 1; k--) {
			f = x + 0.5 * k / f;
		}
		return INV_SQRT_PI / f;
	}

	/**
	 * Mean and variance of a standard normal truncated to an interval, written into
	 * {@code out[0]} and {@code out[1]}. Either bound may be infinite. Stable when the
	 * interval lies far in a tail.
	 * @param lower the lower bound (may be {@code Double.NEGATIVE_INFINITY})
	 * @param upper the upper bound (may be {@code Double.POSITIVE_INFINITY}), above
	 * {@code lower}
	 * @param out receives the mean and the variance
	 */
	public static void truncatedMoments(double lower, double upper, double[] out) {
		if (upper == Double.POSITIVE_INFINITY) {
			if (lower == Double.NEGATIVE_INFINITY) {
				out[0] = 0;
				out[1] = 1;
				return;
			}
			double lambda = millsRatio(lower);
			out[0] = lambda;
			out[1] = clampVariance(1.0 + lower * lambda - lambda * lambda);
			return;
		}
		if (lower == Double.NEGATIVE_INFINITY) {
			double lambda = millsRatio(-upper);
			out[0] = -lambda;
			out[1] = clampVariance(1.0 - upper * lambda - lambda * lambda);
			return;
		}
		if (upper <= 0) {
			// mirror into the upper half
			interval(-upper, -lower, out);
			out[0] = -out[0];
			return;
		}
		interval(lower, upper, out);
	}

	private static void interval(double a, double b, double[] out) {
		double first;
		double second;
		if (a >= 0) {
			// both bounds in the upper tail: factor exp(-a^2/2) out of everything
			double gap = (b - a) * (b + a) * 0.5;
			double d = Math.exp(-gap);
			double oneMinusD = -Math.expm1(-gap);
			double denominator = erfcx(a / SQRT2) - d * erfcx(b / SQRT2);
			first = SQRT_2_OVER_PI * oneMinusD / denominator;
			second = SQRT_2_OVER_PI * (a - b * d) / denominator;
		}
		else {
			double pa = pdf(a);
			double pb = pdf(b);
			double z = 1.0 - upperTail(b) - upperTail(-a);
			first = (pa - pb) / z;
			second = (a * pa - b * pb) / z;
		}
		out[0] = first;
		double variance = 1.0 + second - first * first;
		double width = b - a;
		out[1] = Math.min(clampVariance(variance), width * width);
	}

	private static double clampVariance(double variance) {
		if (!(variance > 0)) {
			return 0;
		}
		return Math.min(variance, 1.0);
	}

}
