package org.plenary.forecast.core.model;

/**
 * How the vote model is prepared for a date.
 *
 * @param windowYears the ideal points are fitted on the roll calls of this many years
 * before the date (and back to the oldest reference)
 * @param trainingYears the model learns from the votes of this many years before the date
 * that repeat an earlier vote's title (the earlier one as their reference)
 * @param maxTrainingVotes at most this many of them, the latest
 * @param scenarios how many pairs of the two shared shifts the tally is averaged over
 * (points of a lattice; 55 on the command line, fewer on a live board)
 * @param threads threads for the ideal-point fit
 */
public record ModelSettings(int windowYears, int trainingYears, int maxTrainingVotes, int scenarios, int threads) {

	public ModelSettings {
		if (windowYears < 1 || trainingYears < 1 || maxTrainingVotes < 1 || scenarios < 1 || threads < 1) {
			throw new IllegalArgumentException("Model settings must all be positive");
		}
	}

	/**
	 * Ideal points over 10 years, learning from 3 years (at most 400 votes), 55
	 * scenarios.
	 */
	public static ModelSettings defaults() {
		return new ModelSettings(10, 3, 400, 55, Math.min(2, Runtime.getRuntime().availableProcessors()));
	}

	public ModelSettings withScenarios(int scenarios) {
		return new ModelSettings(this.windowYears, this.trainingYears, this.maxTrainingVotes, scenarios, this.threads);
	}

	public ModelSettings withWindowYears(int windowYears) {
		return new ModelSettings(windowYears, this.trainingYears, this.maxTrainingVotes, this.scenarios, this.threads);
	}

	public ModelSettings withTrainingYears(int trainingYears) {
		return new ModelSettings(this.windowYears, trainingYears, this.maxTrainingVotes, this.scenarios, this.threads);
	}

}
