package org.plenary.forecast.core.tally;

/**
 * Gauss-Hermite quadrature: nodes and weights that integrate a smooth function against a
 * normal distribution exactly up to degree 2n - 1.
 */
public final class GaussHermite {

	private static final java.util.concurrent.ConcurrentHashMap<Integer, double[][]> STANDARD = new java.util.concurrent.ConcurrentHashMap<>();

	private GaussHermite() {
	}

	/**
	 * The nodes and probabilities of {@code n} points for the standard normal: element 0
	 * holds the nodes, element 1 their probabilities (summing to one). Computed once per
	 * size; do not change the arrays.
	 */
	public static double[][] standardNormal(int n) {
		return STANDARD.computeIfAbsent(n, (size) -> {
			double[] x = new double[size];
			double[] w = new double[size];
			gaussHermite(x, w);
			double total = 0;
			for (int i = 0; i < size; i++) {
				// physicists' nodes integrate against exp(-x^2): sqrt(2) x is standard
				// normal
				x[i] *= Math.sqrt(2);
				total += w[i];
			}
			for (int i = 0; i < size; i++) {
				w[i] /= total;
			}
			return new double[][] { x, w };
		});
	}

	/**
	 * Gauss-Hermite nodes and weights for the weight function exp(-x^2), by Newton's
	 * method on the normalised Hermite recurrence (Numerical Recipes, gauher).
	 */
	private static void gaussHermite(double[] x, double[] w) {
		int n = x.length;
		double piToMinusQuarter = Math.pow(Math.PI, -0.25);
		int half = (n + 1) / 2;
		double z = 0;
		for (int i = 0; i < half; i++) {
			if (i == 0) {
				z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
			}
			else if (i == 1) {
				z -= 1.14 * Math.pow(n, 0.426) / z;
			}
			else if (i == 2) {
				z = 1.86 * z - 0.86 * x[0];
			}
			else if (i == 3) {
				z = 1.91 * z - 0.91 * x[1];
			}
			else {
				z = 2.0 * z - x[i - 2];
			}
			double derivative = 0;
			for (int iteration = 0; iteration < 100; iteration++) {
				double p1 = piToMinusQuarter;
				double p2 = 0;
				for (int j = 1; j <= n; j++) {
					double p3 = p2;
					p2 = p1;
					p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
				}
				derivative = Math.sqrt(2.0 * n) * p2;
				double previous = z;
				z = previous - p1 / derivative;
				if (Math.abs(z - previous) <= 1e-14) {
					break;
				}
			}
			x[i] = z;
			x[n - 1 - i] = -z;
			w[i] = 2.0 / (derivative * derivative);
			w[n - 1 - i] = w[i];
		}
		if (n % 2 == 1) {
			x[n / 2] = 0; // by symmetry; the middle node is the unshifted tally
		}
	}

}
