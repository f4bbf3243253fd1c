package org.plenary.forecast.core.tally;

/**
 * The tally forecast in the few numbers a campaign board shows: the probability of
 * adoption under the body's rule, and for each count its expected value and 80 %
 * interval.
 */
public record TallySummary(double adoptionProbability, CountForecast yes, CountForecast no, CountForecast abstain,
		CountForecast nonVoting) {

	public CountForecast count(Vote vote) {
		return switch (vote) {
			case YES -> this.yes;
			case NO -> this.no;
			case ABSTAIN -> this.abstain;
			case NON_VOTING -> this.nonVoting;
		};
	}

}
