package org.plenary.forecast.core.model;

/**
 * Points that spread evenly over the unit square: the rank-1 lattice
 * {@code ((i + 1/2) / n, frac((i g + 1/2) / n))} with a generator {@code g} near
 * {@code n / golden ratio} (the Fibonacci lattice when n is a Fibonacci number), mapped
 * to normal variables by the normal quantile.
 */
final class Lattice {

	private static final double GOLDEN = (1 + Math.sqrt(5)) / 2;

	private Lattice() {
	}

	/** A generator coprime with n, near n / golden ratio (1 for n below 3). */
	static int generator(int n) {
		if (n < 3) {
			return 1;
		}
		int g = (int) Math.round(n / GOLDEN);
		for (int delta = 0; delta < n; delta++) {
			for (int candidate : new int[] { g + delta, g - delta }) {
				if (candidate >= 1 && candidate < n && gcd(candidate, n) == 1) {
					return candidate;
				}
			}
		}
		return 1;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	/**
	 * The standard normal quantile, by Acklam's rational approximation (relative error
	 * below 1.2e-9: far finer than where the lattice puts its points needs).
	 */
	static double normalQuantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("A probability strictly between 0 and 1, not " + p);
		}
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		double x;
		if (p < low) {
			double q = Math.sqrt(-2 * Math.log(p));
			x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		else if (p <= 1 - low) {
			double q = p - 0.5;
			double r = q * q;
			x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
					/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
		}
		else {
			double q = Math.sqrt(-2 * Math.log(1 - p));
			x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		return x;
	}

}
