package org.plenary.forecast.core.model;

import java.util.List;
import java.util.Locale;

import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * How much a whip read is worth, as the log of its Bayes factor: a read pointing to a
 * vote multiplies the odds of that vote by {@code exp(lambda)}, where
 * {@code lambda = base(category) x confidence x level x 0.5^(age / half-life)}. The
 * likelihood of the read is then {@code exp(lambda)} for the vote it points to and 1 for
 * the others, and Bayes' rule combines it with the model's probabilities.
 * <p>
 * Defaults: a firm read multiplies the odds by 20 ({@value #DEFAULT_FIRM} in log), a
 * leaning read by 4 ({@value #DEFAULT_LEANING}); a read loses half its weight every
 * {@value #HALF_LIFE_DAYS} days. {@link #learn} re-estimates the two bases from past
 * campaigns whose roll calls are known: each read kept or broken, weighed against what
 * the model expected without it.
 *
 * @param firm the base of firm reads
 * @param leaning the base of leaning reads
 * @param firmReads how many firm reads {@code firm} was learned from (0: the default)
 * @param leaningReads how many leaning reads {@code leaning} was learned from
 */
public record Reliability(double firm, double leaning, int firmReads, int leaningReads) {

	public static final double DEFAULT_FIRM = 2.9957; // log 20

	public static final double DEFAULT_LEANING = 1.3863; // log 4

	public static final double HALF_LIFE_DAYS = 30;

	// how strongly learning is held to the defaults: as much as this many reads
	private static final double PRIOR_READS = 10;

	public static Reliability defaults() {
		return new Reliability(DEFAULT_FIRM, DEFAULT_LEANING, 0, 0);
	}

	/** The read's weight: the log Bayes factor of the vote it points to. */
	public double lambda(WhipRead read) {
		double base = read.firm() ? this.firm : this.leaning;
		return base * read.confidence() * read.level() * Math.pow(0.5, read.ageDays() / HALF_LIFE_DAYS);
	}

	/** The read's likelihood for each vote, in the order of {@link Vote}. */
	public double[] likelihood(WhipRead read) {
		double[] l = { 1, 1, 1, 1 };
		l[read.vote().ordinal()] = Math.exp(lambda(read));
		return l;
	}

	/**
	 * A read from a past campaign and how it ended: the model's probabilities without the
	 * read, and the vote cast.
	 */
	public record Outcome(WhipRead read, VoteProbabilities prior, Vote actual) {

		/** Whether the commitment was kept: the state voted as the read said. */
		public boolean kept() {
			return this.read.vote() == this.actual;
		}

	}

	/**
	 * Learns the firm and leaning bases from past reads by maximum likelihood, each held
	 * towards its default as if by {@value #PRIOR_READS} reads that behaved as the
	 * default says (a Normal prior on the base, sd 1/sqrt(10)).
	 */
	public static Reliability learn(List<Outcome> outcomes) {
		List<Outcome> firm = outcomes.stream().filter((o) -> o.read().firm()).toList();
		List<Outcome> leaning = outcomes.stream().filter((o) -> !o.read().firm()).toList();
		return new Reliability(fit(firm, DEFAULT_FIRM), fit(leaning, DEFAULT_LEANING), firm.size(), leaning.size());
	}

	/** Newton's method on the concave log-posterior of one base. */
	private static double fit(List<Outcome> outcomes, double prior) {
		if (outcomes.isEmpty()) {
			return prior;
		}
		double base = prior;
		for (int iteration = 0; iteration < 50; iteration++) {
			double gradient = -PRIOR_READS * (base - prior);
			double curvature = -PRIOR_READS;
			for (Outcome outcome : outcomes) {
				WhipRead read = outcome.read();
				// lambda = base x s, with s the read's scale
				double s = read.confidence() * read.level() * Math.pow(0.5, read.ageDays() / HALF_LIFE_DAYS);
				double p = Math.max(1e-9, Math.min(1 - 1e-9, outcome.prior().probability(read.vote())));
				double boosted = p * Math.exp(base * s);
				double q = boosted / (boosted + 1 - p); // P(pointed vote | read)
				gradient += s * ((outcome.kept() ? 1 : 0) - q);
				curvature -= s * s * q * (1 - q);
			}
			double step = gradient / curvature;
			base -= step;
			base = Math.max(0, Math.min(10, base));
			if (Math.abs(step) < 1e-9) {
				break;
			}
		}
		return base;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "firm x%.1f (%d reads), leaning x%.1f (%d reads)", Math.exp(this.firm),
				this.firmReads, Math.exp(this.leaning), this.leaningReads);
	}

}
