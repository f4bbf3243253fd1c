package org.plenary.forecast.core.tally;

/**
 * One member state's forecast for one vote: the probabilities of its four possible votes,
 * and whether it is a permanent member of the Security Council (whose No is a veto on
 * substantive matters).
 * <p>
 * The four probabilities must be finite, non-negative and sum to one within
 * {@value #TOLERANCE}; they are then normalised (divided by their sum) unless they
 * already sum to one up to rounding, so that given values such as 0.4 stay as given and
 * the tally's distribution sums to one.
 */
public record VoteProbabilities(double yes, double no, double abstain, double nonVoting, boolean permanentMember) {

	/** How far from one the four probabilities may sum before we refuse them. */
	public static final double TOLERANCE = 1e-9;

	public VoteProbabilities {
		requireProbability("yes", yes);
		requireProbability("no", no);
		requireProbability("abstain", abstain);
		requireProbability("nonVoting", nonVoting);
		double sum = yes + no + abstain + nonVoting;
		if (Math.abs(sum - 1.0) > TOLERANCE) {
			throw new IllegalArgumentException("Vote probabilities must sum to 1, not " + sum);
		}
		if (Math.abs(sum - 1.0) > 1e-15) {
			yes /= sum;
			no /= sum;
			abstain /= sum;
			nonVoting /= sum;
		}
	}

	private static void requireProbability(String name, double value) {
		if (!(value >= 0.0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("Probability of " + name + " must be finite and >= 0, not " + value);
		}
	}

	/** A member state that is not a permanent member of the Security Council. */
	public static VoteProbabilities of(double yes, double no, double abstain, double nonVoting) {
		return new VoteProbabilities(yes, no, abstain, nonVoting, false);
	}

	/**
	 * A member state that will certainly vote this way. {@code certain(NON_VOTING)} is
	 * how a state on the Charter Art. 19 list (no vote while in arrears) enters the
	 * tally.
	 */
	public static VoteProbabilities certain(Vote vote) {
		return new VoteProbabilities(vote == Vote.YES ? 1 : 0, vote == Vote.NO ? 1 : 0, vote == Vote.ABSTAIN ? 1 : 0,
				vote == Vote.NON_VOTING ? 1 : 0, false);
	}

	/** The same probabilities for a permanent member of the Security Council. */
	public VoteProbabilities asPermanentMember() {
		return new VoteProbabilities(this.yes, this.no, this.abstain, this.nonVoting, true);
	}

	public double probability(Vote vote) {
		return switch (vote) {
			case YES -> this.yes;
			case NO -> this.no;
			case ABSTAIN -> this.abstain;
			case NON_VOTING -> this.nonVoting;
		};
	}

	/** Abstain or Non-voting: the outcomes that count for neither side (rule 86). */
	public double neither() {
		return this.abstain + this.nonVoting;
	}

	/** Whether this vote is certain (probability one, up to rounding). */
	public boolean isCertain(Vote vote) {
		return probability(vote) >= 1.0 - 1e-12;
	}

	/** The most likely vote (Yes before No before Abstain before Non-voting on a tie). */
	public Vote mostLikely() {
		Vote best = Vote.YES;
		for (Vote vote : Vote.values()) {
			if (probability(vote) > probability(best)) {
				best = vote;
			}
		}
		return best;
	}

}
