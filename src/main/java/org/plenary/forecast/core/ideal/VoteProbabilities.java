package org.plenary.forecast.core.ideal;

/**
 * The model's probabilities of a state's Yes, Abstain and No on a roll call, given that
 * it votes (they sum to 1; the chance of non-voting is not part of this model).
 *
 * @param yes P(Yes)
 * @param abstain P(Abstain)
 * @param no P(No)
 */
public record VoteProbabilities(double yes, double abstain, double no) {

	/** The probability of one choice. */
	public double of(VoteChoice choice) {
		return switch (choice) {
			case YES -> this.yes;
			case ABSTAIN -> this.abstain;
			case NO -> this.no;
		};
	}

	/** The most probable choice (Yes before Abstain before No on a tie). */
	public VoteChoice mostLikely() {
		if (this.yes >= this.abstain && this.yes >= this.no) {
			return VoteChoice.YES;
		}
		return (this.abstain >= this.no) ? VoteChoice.ABSTAIN : VoteChoice.NO;
	}

}
