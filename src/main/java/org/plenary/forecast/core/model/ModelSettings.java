package org.plenary.forecast.core.model;

/**
 * How the vote model is prepared for a date.
 *
 * @param windowYears the ideal points are fitted on the roll calls of this many years
 * before the date (and back to the oldest reference)
 * @param trainingYears the model learns from the votes of this many years before the date
 * that repeat an earlier vote's title (the earlier one as their reference)
 * @param maxTrainingVotes at most this many of them, the latest
 * @param shiftNodes quadrature nodes for the shared shift towards Yes in the tally
 * @param absenceNodes quadrature nodes for the shared shift of absence in the tally
 * @param threads threads for the ideal-point fit
 */
public record ModelSettings(int windowYears, int trainingYears, int maxTrainingVotes, int shiftNodes, int absenceNodes,
		int threads) {

	public ModelSettings {
		if (windowYears < 1 || trainingYears < 1 || maxTrainingVotes < 1 || shiftNodes < 1 || absenceNodes < 1
				|| threads < 1) {
			throw new IllegalArgumentException("Model settings must all be positive");
		}
	}

	/**
	 * Ideal points over 10 years, learning from 3 years (at most 400 votes), 9 x 5
	 * scenarios.
	 */
	public static ModelSettings defaults() {
		return new ModelSettings(10, 3, 400, 9, 5, Math.min(2, Runtime.getRuntime().availableProcessors()));
	}

	public ModelSettings withNodes(int shiftNodes, int absenceNodes) {
		return new ModelSettings(this.windowYears, this.trainingYears, this.maxTrainingVotes, shiftNodes, absenceNodes,
				this.threads);
	}

	public ModelSettings withWindowYears(int windowYears) {
		return new ModelSettings(windowYears, this.trainingYears, this.maxTrainingVotes, this.shiftNodes,
				this.absenceNodes, this.threads);
	}

	public ModelSettings withTrainingYears(int trainingYears) {
		return new ModelSettings(this.windowYears, trainingYears, this.maxTrainingVotes, this.shiftNodes,
				this.absenceNodes, this.threads);
	}

}
