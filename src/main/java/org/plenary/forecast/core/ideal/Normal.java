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

	// The moments of the upper tail (a, +infinity) tabulated for -8 <= a <= 8 with
	// Hermite
	// cubic interpolation (error about 1e-9): the inverse Mills ratio and the log of the
	// tail probability, with their derivatives.
	private static final double TABLE_LOW = -8.0;

	private static final double TABLE_HIGH = 8.0;

	private static final int TABLE_STEPS_PER_UNIT = 32;

	private static final double TABLE_STEP = 1.0 / TABLE_STEPS_PER_UNIT;

	private static final double ERFCX_HIGH = 4.0;

	private static final int ERFCX_STEPS_PER_UNIT = 64;

	private static final double[] ERFCX_TABLE = tabulateErfcx();

	private static final double[] TABLE = tabulate();

	private Normal() {
	}

	private static double[] tabulate() {
		int points = (int) Math.round((TABLE_HIGH - TABLE_LOW) * TABLE_STEPS_PER_UNIT) + 1;
		double[] table = new double[4 * (points + 1)];
		double[] out = new double[3];
		for (int k = 0; k <= points; k++) {
			double a = TABLE_LOW + k * TABLE_STEP;
			exactUpperTailMoments(a, out);
			double lambda = out[0];
			table[4 * k] = lambda;
			table[4 * k + 1] = lambda * (lambda - a) * TABLE_STEP;
			table[4 * k + 2] = out[2];
			table[4 * k + 3] = -lambda * TABLE_STEP;
		}
		return table;
	}

	/**
	 * Mean, variance and log-probability of a standard normal truncated to
	 * {@code (a, +infinity)}, as {@link #truncatedMoments} but faster (interpolated from
	 * a table where that is accurate).
	 * @param a the lower bound
	 * @param out receives the mean, the variance and the log of the tail probability
	 */
	public static void upperTailMoments(double a, double[] out) {
		if (a < TABLE_LOW) {
			// the tail holds all but less than 1e-15 of the mass
			out[0] = 0;
			out[1] = 1;
			out[2] = 0;
			return;
		}
		if (!(a < TABLE_HIGH)) {
			exactUpperTailMoments(a, out);
			return;
		}
		double position = (a - TABLE_LOW) * TABLE_STEPS_PER_UNIT;
		int k = (int) position;
		double t = position - k;
		double t2 = t * t;
		double t3 = t2 * t;
		double h00 = 2 * t3 - 3 * t2 + 1;
		double h10 = t3 - 2 * t2 + t;
		double h01 = 3 * t2 - 2 * t3;
		double h11 = t3 - t2;
		int i = 4 * k;
		double[] table = TABLE;
		double lambda = h00 * table[i] + h10 * table[i + 1] + h01 * table[i + 4] + h11 * table[i + 5];
		out[0] = lambda;
		out[1] = clampVariance(1.0 + a * lambda - lambda * lambda);
		out[2] = h00 * table[i + 2] + h10 * table[i + 3] + h01 * table[i + 6] + h11 * table[i + 7];
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
	 * {@code exp(x^2) erfc(x)}, relative error below about 1.2e-7: interpolated from a
	 * table of {@link #erfcxSlow} for {@code 0 <= x < 4}, a continued fraction beyond.
	 */
	static double erfcx(double x) {
		if (x < 0) {
			return 2.0 * Math.exp(x * x) - erfcx(-x);
		}
		if (x < ERFCX_HIGH) {
			double position = x * ERFCX_STEPS_PER_UNIT;
			int k = (int) position;
			double t = position - k;
			double t2 = t * t;
			double t3 = t2 * t;
			int i = 2 * k;
			double[] table = ERFCX_TABLE;
			return (2 * t3 - 3 * t2 + 1) * table[i] + (t3 - 2 * t2 + t) * table[i + 1]
					+ (3 * t2 - 2 * t3) * table[i + 2] + (t3 - t2) * table[i + 3];
		}
		return erfcxContinuedFraction(x);
	}

	/**
	 * {@code erfcx} from Numerical Recipes' Chebyshev fit (fractional error below
	 * 1.2e-7).
	 */
	static double erfcxSlow(double x) {
		if (x >= ERFCX_HIGH) {
			return erfcxContinuedFraction(x);
		}
		double t = 1.0 / (1.0 + 0.5 * x);
		return t * Math.exp(-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
				+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
	}

	private static double erfcxContinuedFraction(double x) {
		// erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
		double f = x;
		for (int k = 12; k >= 1; k--) {
			f = x + 0.5 * k / f;
		}
		return INV_SQRT_PI / f;
	}

	private static double[] tabulateErfcx() {
		int points = (int) Math.round(ERFCX_HIGH * ERFCX_STEPS_PER_UNIT) + 1;
		double[] table = new double[2 * (points + 1)];
		for (int k = 0; k <= points; k++) {
			double x = (double) k / ERFCX_STEPS_PER_UNIT;
			double value = erfcxSlow(x);
			table[2 * k] = value;
			// d/dx erfcx(x) = 2 x erfcx(x) - 2/sqrt(pi)
			table[2 * k + 1] = (2 * x * value - 2 * INV_SQRT_PI) / ERFCX_STEPS_PER_UNIT;
		}
		return table;
	}

	/**
	 * Mean, variance and log-probability of a standard normal truncated to an interval,
	 * written into {@code out[0]}, {@code out[1]} and {@code out[2]}. Either bound may be
	 * infinite. Stable when the interval lies far in a tail.
	 * @param lower the lower bound (may be {@code Double.NEGATIVE_INFINITY})
	 * @param upper the upper bound (may be {@code Double.POSITIVE_INFINITY}), above
	 * {@code lower}
	 * @param out receives the mean, the variance and the log of the probability of the
	 * interval (at least 3 long)
	 */
	public static void truncatedMoments(double lower, double upper, double[] out) {
		if (upper == Double.POSITIVE_INFINITY) {
			if (lower == Double.NEGATIVE_INFINITY) {
				out[0] = 0;
				out[1] = 1;
				out[2] = 0;
				return;
			}
			exactUpperTailMoments(lower, out);
			return;
		}
		if (lower == Double.NEGATIVE_INFINITY) {
			exactUpperTailMoments(-upper, out);
			out[0] = -out[0];
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

	/** The moments of a standard normal truncated to {@code (a, +infinity)}. */
	private static void exactUpperTailMoments(double a, double[] out) {
		double lambda;
		if (a >= 0) {
			double scaled = erfcx(a / SQRT2);
			lambda = SQRT_2_OVER_PI / scaled;
			out[2] = Math.log(0.5 * scaled) - 0.5 * a * a;
		}
		else {
			double g = Math.exp(-0.5 * a * a);
			double below = 0.5 * g * erfcx(-a / SQRT2);
			lambda = INV_SQRT_2PI * g / (1.0 - below);
			out[2] = Math.log1p(-below);
		}
		out[0] = lambda;
		out[1] = clampVariance(1.0 + a * lambda - lambda * lambda);
	}

	private static void interval(double a, double b, double[] out) {
		double first;
		double second;
		if (a >= 0) {
			// both bounds in the upper tail: factor exp(-a^2/2) out of everything
			double gap = (b - a) * (b + a) * 0.5;
			double d = Math.exp(-gap);
			// 1 - d without cancellation when the gap is small (Math.expm1 is slow)
			double oneMinusD = (gap > 1e-3) ? 1.0 - d : gap * (1.0 - gap * (0.5 - gap / 6.0));
			double denominator = erfcx(a / SQRT2) - d * erfcx(b / SQRT2);
			first = SQRT_2_OVER_PI * oneMinusD / denominator;
			second = SQRT_2_OVER_PI * (a - b * d) / denominator;
			out[2] = Math.log(0.5 * denominator) - 0.5 * a * a;
		}
		else {
			double ea = Math.exp(-0.5 * a * a);
			double eb = Math.exp(-0.5 * b * b);
			double pa = INV_SQRT_2PI * ea;
			double pb = INV_SQRT_2PI * eb;
			double z = 1.0 - 0.5 * eb * erfcx(b / SQRT2) - 0.5 * ea * erfcx(-a / SQRT2);
			first = (pa - pb) / z;
			second = (a * pa - b * pb) / z;
			out[2] = Math.log(z);
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
