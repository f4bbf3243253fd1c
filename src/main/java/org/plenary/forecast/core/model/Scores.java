package org.plenary.forecast.core.model;

import java.util.List;

import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * How good forecasts were against the votes cast, summed over targets: multi-class log
 * loss, accuracy and Brier score per state; the log loss on contested votes (where at
 * least 20 % of the votes cast were not Yes); the error of the expected Yes and No
 * counts; and how often the 80 % intervals of the four counts held the actual count.
 */
public final class Scores {

	/** A vote is contested when at least this share of the votes cast was not Yes. */
	public static final double CONTESTED = 0.2;

	private double logLoss;

	private double brier;

	private int correct;

	private int states;

	private double contestedLogLoss;

	private int contestedStates;

	private int targets;

	private int contestedTargets;

	private double yesError;

	private double noError;

	private final int[] covered = new int[4];

	/**
	 * Adds one target.
	 * @param probabilities each member's forecast
	 * @param actual each member's actual vote (Non-voting when it did not vote)
	 * @param summary the tally forecast
	 */
	public void add(List<VoteProbabilities> probabilities, List<Vote> actual, TallySummary summary) {
		int[] counts = new int[4];
		for (Vote vote : actual) {
			counts[vote.ordinal()]++;
		}
		int cast = counts[0] + counts[1] + counts[2];
		boolean contested = cast > 0 && (counts[1] + counts[2]) >= CONTESTED * cast;
		for (int i = 0; i < actual.size(); i++) {
			VoteProbabilities p = probabilities.get(i);
			Vote vote = actual.get(i);
			double loss = -Math.log(Math.max(p.probability(vote), 1e-15));
			this.logLoss += loss;
			if (contested) {
				this.contestedLogLoss += loss;
				this.contestedStates++;
			}
			this.correct += (p.mostLikely() == vote) ? 1 : 0;
			for (Vote v : Vote.values()) {
				double error = p.probability(v) - ((v == vote) ? 1 : 0);
				this.brier += error * error;
			}
			this.states++;
		}
		this.targets++;
		this.contestedTargets += contested ? 1 : 0;
		this.yesError += Math.abs(summary.yes().expected() - counts[0]);
		this.noError += Math.abs(summary.no().expected() - counts[1]);
		for (Vote v : Vote.values()) {
			int count = counts[v.ordinal()];
			if (summary.count(v).low() <= count && count <= summary.count(v).high()) {
				this.covered[v.ordinal()]++;
			}
		}
	}

	/** Whether a target's actual votes make it contested. */
	public static boolean contested(List<Vote> actual) {
		int[] counts = new int[4];
		for (Vote vote : actual) {
			counts[vote.ordinal()]++;
		}
		int cast = counts[0] + counts[1] + counts[2];
		return cast > 0 && (counts[1] + counts[2]) >= CONTESTED * cast;
	}

	public int targets() {
		return this.targets;
	}

	public int contestedTargets() {
		return this.contestedTargets;
	}

	public int states() {
		return this.states;
	}

	public double logLoss() {
		return this.logLoss / this.states;
	}

	public double contestedLogLoss() {
		return (this.contestedStates == 0) ? Double.NaN : this.contestedLogLoss / this.contestedStates;
	}

	public double accuracy() {
		return this.correct / (double) this.states;
	}

	/** The multi-class Brier score: the squared error summed over the four votes. */
	public double brier() {
		return this.brier / this.states;
	}

	/** The mean absolute error of the expected Yes count. */
	public double yesError() {
		return this.yesError / this.targets;
	}

	public double noError() {
		return this.noError / this.targets;
	}

	/** The share of targets whose 80 % interval of the count held the actual count. */
	public double coverage(Vote vote) {
		return this.covered[vote.ordinal()] / (double) this.targets;
	}

}
