package org.plenary.forecast.core.ideal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Roll calls drawn from the model itself, with known truth: states' positions start from
 * N(0, 1) and drift by N(0, drift^2) per session, a tenth of the states join late, roll
 * calls have random discriminations of either sign and random ordered cutpoints, and a
 * share of the votes is missing at random.
 */
final class SimulatedRollCalls {

	final int states;

	final int sessions;

	final int firstSession;

	final int[] joins;

	/** True positions by state and session index (NaN before the state joins). */
	final double[][] truth;

	final double[] beta;

	final double[] cutNo;

	final double[] cutYes;

	final List<RollCall> rollCalls = new ArrayList<>();

	final List<CastVote> votes = new ArrayList<>();

	SimulatedRollCalls(long seed, int states, int rollCalls, int sessions, double drift, double absence) {
		Random random = new Random(seed);
		this.states = states;
		this.sessions = sessions;
		this.firstSession = 60;
		this.joins = new int[states];
		this.truth = new double[states][sessions];
		for (int i = 0; i < states; i++) {
			this.joins[i] = (i % 10 == 9) ? 1 + random.nextInt(Math.max(1, sessions / 2)) : 0;
			double x = random.nextGaussian();
			for (int t = 0; t < sessions; t++) {
				if (t < this.joins[i]) {
					this.truth[i][t] = Double.NaN;
					continue;
				}
				if (t > this.joins[i]) {
					x += drift * random.nextGaussian();
				}
				this.truth[i][t] = x;
			}
		}
		this.beta = new double[rollCalls];
		this.cutNo = new double[rollCalls];
		this.cutYes = new double[rollCalls];
		for (int j = 0; j < rollCalls; j++) {
			int t = j * sessions / rollCalls;
			this.rollCalls
				.add(new RollCall(1000 + j, LocalDate.of(2000 + t, 10, 1).plusDays(j % 60), this.firstSession + t));
			this.beta[j] = (random.nextBoolean() ? 1 : -1) * (0.5 + 2.0 * random.nextDouble());
			double centre = 0.8 * random.nextGaussian();
			double width = 0.3 + 1.2 * random.nextDouble();
			this.cutNo[j] = centre - width / 2;
			this.cutYes[j] = centre + width / 2;
			for (int i = 0; i < states; i++) {
				double x = this.truth[i][t];
				if (Double.isNaN(x) || random.nextDouble() < absence) {
					continue;
				}
				double latent = this.beta[j] * x + random.nextGaussian();
				VoteChoice choice = (latent < this.cutNo[j]) ? VoteChoice.NO
						: (latent < this.cutYes[j]) ? VoteChoice.ABSTAIN : VoteChoice.YES;
				this.votes.add(new CastVote(j, i, choice));
			}
		}
	}

	RollCallData data() {
		return new RollCallData(this.states, this.rollCalls, this.votes);
	}

	int session(int t) {
		return this.firstSession + t;
	}

	/** The founding state with the highest true position in the first session. */
	int rightmostState() {
		int best = -1;
		for (int i = 0; i < this.states; i++) {
			if (this.joins[i] == 0 && (best < 0 || this.truth[i][0] > this.truth[best][0])) {
				best = i;
			}
		}
		return best;
	}

	/** The founding state with the lowest true position in the first session. */
	int leftmostState() {
		int best = -1;
		for (int i = 0; i < this.states; i++) {
			if (this.joins[i] == 0 && (best < 0 || this.truth[i][0] < this.truth[best][0])) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * The correlation of fitted and true positions over every (state, session) of
	 * membership.
	 */
	double correlation(IdealPoints fitted) {
		List<double[]> pairs = new ArrayList<>();
		for (int i = 0; i < this.states; i++) {
			for (int t = 0; t < this.sessions; t++) {
				if (!Double.isNaN(this.truth[i][t])) {
					pairs.add(new double[] { this.truth[i][t], fitted.position(i, session(t)) });
				}
			}
		}
		return correlation(pairs);
	}

	static double correlation(List<double[]> pairs) {
		double n = pairs.size();
		double mx = 0;
		double my = 0;
		for (double[] p : pairs) {
			mx += p[0] / n;
			my += p[1] / n;
		}
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (double[] p : pairs) {
			sxy += (p[0] - mx) * (p[1] - my);
			sxx += (p[0] - mx) * (p[0] - mx);
			syy += (p[1] - my) * (p[1] - my);
		}
		return sxy / Math.sqrt(sxx * syy);
	}

}
