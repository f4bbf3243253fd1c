package org.plenary.forecast.core.model;

import java.util.Random;

import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * Reads such as whips report them, made from the votes actually cast, for backtests
 * (issue 20): each read has a source level, a category (firm or leaning), the whip's
 * confidence and an age drawn as a campaign's board shows them, and it is right (points
 * to the vote cast) with a probability that depends on them; otherwise it points to a
 * plausible wrong vote: one the history made likely, as a whip who assumes the state
 * votes as usual would read. The randomness is seeded: the same seed gives the same
 * reads.
 * <p>
 * How often a read is right is the simulation's assumption, not Plenary's model of it
 * ({@link Reliability}); the backtest measures how well the model's trust fits it.
 */
public final class SimulatedReads {

	/**
	 * A source level as the board records it: its weight on the read (as the campaign's
	 * forecast gives it), how often it is drawn, how often its firm reads are firm, and
	 * how often its fresh firm and leaning reads are right.
	 */
	public enum Source {

		HEAD_OF_STATE_OR_MINISTER(1.2, 0.10, 0.7, 0.97, 0.80),

		PERMANENT_REPRESENTATIVE(1.0, 0.35, 0.6, 0.95, 0.75),

		DEPUTY_PERMANENT_REPRESENTATIVE(0.9, 0.20, 0.45, 0.92, 0.72),

		DESK_OFFICER(0.75, 0.30, 0.35, 0.88, 0.68),

		LEGISLATOR(0.6, 0.05, 0.3, 0.80, 0.60);

		final double weight;

		final double share;

		final double firmShare;

		final double firmRight;

		final double leaningRight;

		Source(double weight, double share, double firmShare, double firmRight, double leaningRight) {
			this.weight = weight;
			this.share = share;
			this.firmShare = firmShare;
			this.firmRight = firmRight;
			this.leaningRight = leaningRight;
		}

		/** How often a fresh read of this category, at medium confidence, is right. */
		public double right(boolean firm) {
			return firm ? this.firmRight : this.leaningRight;
		}

	}

	/** A simulated read, where it came from, and whether it is right. */
	public record Simulated(WhipRead read, Source source, boolean right) {
	}

	// a read loses this much of its chance to be right per day of age (a state moves)
	static final double PER_DAY = 0.002;

	// the whip's confidence: low, medium, high; drawn 25, 50, 25 %
	static final double[] CONFIDENCE = { 0.6, 1, 1.25 };

	static final double[] CONFIDENCE_RIGHT = { -0.05, 0, 0.02 };

	// a whip rarely foresees that a delegation will be out of the room
	static final double ABSENCE_FORESEEN = 0.25;

	private final Random random;

	private final double errors;

	/**
	 * @param errors how often reads are wrong, as a multiple of the rates above (1: as
	 * the sources above; 0.5: half as often)
	 */
	public SimulatedReads(long seed, double errors) {
		if (!(errors >= 0)) {
			throw new IllegalArgumentException("A multiple of the error rates is not negative");
		}
		this.random = new Random(seed);
		this.errors = errors;
	}

	/** A random order of the members: the first share of it is read. */
	public int[] order(int members) {
		int[] order = new int[members];
		for (int i = 0; i < members; i++) {
			order[i] = i;
		}
		for (int i = members - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	/**
	 * A read of a state that cast {@code actual}, whose history-only forecast was
	 * {@code history}.
	 */
	public Simulated read(Vote actual, VoteProbabilities history) {
		Source source = source();
		int confidence = confidence();
		// ages as a board shows them: most reads a few days old, some up to four weeks
		double age = Math.min(28, -7 * Math.log(1 - this.random.nextDouble()));
		boolean firm = this.random.nextDouble() < source.firmShare;
		Vote pointed;
		boolean right;
		if (actual == Vote.NON_VOTING) {
			right = this.random.nextDouble() < 1 - this.errors * (1 - ABSENCE_FORESEEN);
			pointed = right ? Vote.NON_VOTING : mostLikelyPresent(history);
		}
		else {
			double chance = 1 - this.errors * (1 - (source.right(firm) + CONFIDENCE_RIGHT[confidence] - PER_DAY * age));
			right = this.random.nextDouble() < chance;
			pointed = right ? actual : wrong(actual, history);
		}
		// Absent is a firm read: there is no leaning Absent
		boolean readFirm = firm || pointed == Vote.NON_VOTING;
		return new Simulated(new WhipRead(pointed, readFirm, CONFIDENCE[confidence], source.weight, age), source,
				right);
	}

	private Source source() {
		double draw = this.random.nextDouble();
		for (Source source : Source.values()) {
			draw -= source.share;
			if (draw < 0) {
				return source;
			}
		}
		return Source.DESK_OFFICER;
	}

	private int confidence() {
		double draw = this.random.nextDouble();
		return (draw < 0.25) ? 0 : (draw < 0.75) ? 1 : 2;
	}

	/**
	 * A wrong vote among Yes, No and Abstain, drawn as the history makes them likely;
	 * when the history gives them nothing, the neighbour on the scale Yes, Abstain, No.
	 */
	private Vote wrong(Vote actual, VoteProbabilities history) {
		Vote[] present = { Vote.YES, Vote.ABSTAIN, Vote.NO };
		double total = 0;
		for (Vote vote : present) {
			total += (vote == actual) ? 0 : history.probability(vote);
		}
		if (total < 1e-6) {
			return (actual == Vote.ABSTAIN) ? Vote.YES : Vote.ABSTAIN;
		}
		double draw = this.random.nextDouble() * total;
		for (Vote vote : present) {
			if (vote == actual) {
				continue;
			}
			draw -= history.probability(vote);
			if (draw < 0) {
				return vote;
			}
		}
		return (actual == Vote.NO) ? Vote.ABSTAIN : Vote.NO;
	}

	private static Vote mostLikelyPresent(VoteProbabilities history) {
		Vote best = Vote.YES;
		for (Vote vote : new Vote[] { Vote.ABSTAIN, Vote.NO }) {
			if (history.probability(vote) > history.probability(best)) {
				best = vote;
			}
		}
		return best;
	}

}
