package org.plenary.forecast.core.ideal;

/**
 * The model's probabilities of a state's Yes, Abstain and No on a roll call, given that
 * it votes (they sum to 1; the chance of non-voting is not part of this model).
 *
 * @param yes P(Yes)
 * @param abstain P(Abstain)
 * @param no P(No)
 */
public record ChoiceProbabilities(double yes, double abstain, double no) {

	/**
	 * The ordered probit of {@link IdealPoints}: a latent {@code beta x + e},
	 * {@code e ~ N(0, 1)}, is No below {@code cutNo}, Yes from {@code cutYes}, Abstain
	 * between; with the position uncertain, {@code x ~ N(position, variance)}, integrated
	 * over it.
	 * @param beta the roll call's discrimination
	 * @param cutNo the cutpoint between No and Abstain
	 * @param cutYes the cutpoint between Abstain and Yes, not below {@code cutNo}
	 * @param position the (mean) position
	 * @param variance the variance of the position (0 for a known position)
	 * @return the probabilities of Yes, Abstain and No
	 */
	public static ChoiceProbabilities orderedProbit(double beta, double cutNo, double cutYes, double position,
			double variance) {
		double scale = Math.sqrt(1.0 + beta * beta * variance);
		double low = (cutNo - beta * position) / scale;
		double high = (cutYes - beta * position) / scale;
		double no = Normal.cdf(low);
		double yes = Normal.upperTail(high);
		double abstain = (low >= 0) ? Normal.upperTail(low) - yes : Normal.cdf(high) - no;
		return new ChoiceProbabilities(yes, Math.max(0, abstain), no);
	}

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
