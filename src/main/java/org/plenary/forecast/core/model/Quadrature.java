package org.plenary.forecast.core.model;

/**
 * Points and probabilities that integrate a smooth function against a normal
 * distribution: Gauss-Hermite nodes, computed once per size.
 */
final class Quadrature {

	private static final java.util.concurrent.ConcurrentHashMap<Integer, double[][]> STANDARD = new java.util.concurrent.ConcurrentHashMap<>();

	private final double[] points;

	private final double[] weights;

	private Quadrature(double[] points, double[] weights) {
		this.points = points;
		this.weights = weights;
	}

	/** {@code n} points for Normal(mean, sd); one point at the mean when sd is 0. */
	static Quadrature normal(int n, double mean, double sd) {
		if (sd == 0 || n == 1) {
			return new Quadrature(new double[] { mean }, new double[] { 1 });
		}
		double[][] standard = STANDARD.computeIfAbsent(n, Quadrature::standardNormal);
		double[] points = new double[n];
		for (int i = 0; i < n; i++) {
			points[i] = mean + sd * standard[0][i];
		}
		return new Quadrature(points, standard[1].clone());
	}

	/**
	 * The standard normal's nodes and probabilities: Gauss-Hermite for exp(-x^2) by
	 * Newton's method on the normalised recurrence, rescaled by sqrt(2).
	 */
	static double[][] standardNormal(int n) {
		double[] x = new double[n];
		double[] w = new double[n];
		double piToMinusQuarter = Math.pow(Math.PI, -0.25);
		double z = 0;
		for (int i = 0; i < (n + 1) / 2; i++) {
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
			x[n / 2] = 0;
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			x[i] *= Math.sqrt(2);
			total += w[i];
		}
		for (int i = 0; i < n; i++) {
			w[i] /= total;
		}
		return new double[][] { x, w };
	}

	int size() {
		return this.points.length;
	}

	double point(int i) {
		return this.points[i];
	}

	double weight(int i) {
		return this.weights[i];
	}

}
