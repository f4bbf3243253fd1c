package org.plenary.forecast.core.model;

/**
 * Points and probabilities that integrate a smooth function against a normal
 * distribution: Gauss-Hermite nodes, computed once per size.
 */
final class Quadrature {

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
		double[][] standard = org.plenary.forecast.core.tally.GaussHermite.standardNormal(n);
		double[] points = new double[n];
		for (int i = 0; i < n; i++) {
			points[i] = mean + sd * standard[0][i];
		}
		return new Quadrature(points, standard[1].clone());
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
