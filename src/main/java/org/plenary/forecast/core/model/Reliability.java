package org.plenary.forecast.core.model;

import java.util.List;
import java.util.Locale;

import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * How much a whip read is worth: the chance that it is right. A read from a source we
 * trust says how the state will vote whatever its history says; else the history stands.
 * So with {@code trust = 1 - exp(-lambda)} and
 * {@code lambda = base(category) x confidence x level x 0.5^(age / half-life)}, the vote
 * given the read is {@code trust} on the vote it points to plus {@code (1 - trust)} times
 * the model's probabilities without it. A firm Abstain from a Deputy Permanent
 * Representative on a state whose history says Yes at 95 % thus leaves it most likely to
 * abstain (93 % trust: 0.93 + 0.07 x 0.04 against 0.07 x 0.95), where a fixed Bayes
 * factor (the odds times 20) left it at 66 % Yes: a confident history outweighed any
 * read, which no whip would accept.
 * <p>
 * Defaults: a firm read is right 95 % of the time ({@value #DEFAULT_FIRM} =
 * {@code -log 0.05}), a leaning read 60 % ({@value #DEFAULT_LEANING} = {@code -log 0.4});
 * a read loses half its weight every {@value #HALF_LIFE_DAYS} days. {@link #learn}
 * re-estimates the two bases from past campaigns whose roll calls are known: each read
 * kept or broken, weighed against what the model expected without it.
 *
 * @param firm the base of firm reads
 * @param leaning the base of leaning reads
 * @param firmReads how many firm reads {@code firm} was learned from (0: the default)
 * @param leaningReads how many leaning reads {@code leaning} was learned from
 */
public record Reliability(double firm, double leaning, int firmReads, int leaningReads) {

	public static final double DEFAULT_FIRM = 2.9957; // -log 0.05

	public static final double DEFAULT_LEANING = 0.9163; // -log 0.4

	public static final double HALF_LIFE_DAYS = 30;

	// how strongly learning is held to the defaults: as much as this many reads
	private static final double PRIOR_READS = 10;

	// a model's probability below this is taken as this: a read may still be right
	private static final double FLOOR = 1e-6;

	public static Reliability defaults() {
		return new Reliability(DEFAULT_FIRM, DEFAULT_LEANING, 0, 0);
	}

	/** The read's weight. */
	public double lambda(WhipRead read) {
		double base = read.firm() ? this.firm : this.leaning;
		return base * read.confidence() * read.level() * Math.pow(0.5, read.ageDays() / HALF_LIFE_DAYS);
	}

	/** The chance that the read is right: the state votes as it says. */
	public double trust(WhipRead read) {
		return 1 - Math.exp(-lambda(read));
	}

	/**
	 * The read's likelihood for each vote, in the order of {@link Vote}, against the
	 * model's probabilities without it: Bayes' rule with it gives the mixture above. The
	 * vote it points to gets {@code 1 + trust / ((1 - trust) p)}, the others 1.
	 */
	public double[] likelihood(WhipRead read, VoteProbabilities prior) {
		double[] l = { 1, 1, 1, 1 };
		double trust = Math.min(trust(read), 1 - 1e-12);
		double p = Math.max(FLOOR, prior.probability(read.vote()));
		l[read.vote().ordinal()] = 1 + trust / ((1 - trust) * p);
		return l;
	}

	/** The state's probabilities given the read: the mixture itself. */
	public VoteProbabilities given(WhipRead read, VoteProbabilities prior) {
		double trust = trust(read);
		double[] p = new double[4];
		for (Vote vote : Vote.values()) {
			p[vote.ordinal()] = (1 - trust) * prior.probability(vote) + ((vote == read.vote()) ? trust : 0);
		}
		return VoteProbabilities.of(p[0], p[1], p[2], p[3]);
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

	/**
	 * Newton's method on the concave log-posterior of one base: a kept read has
	 * probability {@code 1 - u}, a broken one {@code u}, with
	 * {@code u = exp(-base s) (1 - p)}, s the read's scale and p what the model gave the
	 * vote it points to.
	 */
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
				double s = read.confidence() * read.level() * Math.pow(0.5, read.ageDays() / HALF_LIFE_DAYS);
				double p = Math.max(FLOOR, Math.min(1 - 1e-9, outcome.prior().probability(read.vote())));
				if (outcome.kept()) {
					double u = Math.exp(-base * s) * (1 - p);
					gradient += s * u / (1 - u);
					curvature -= s * s * u / ((1 - u) * (1 - u));
				}
				else {
					gradient -= s;
				}
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
		return String.format(Locale.ROOT,
				"a firm read is right %.0f %% of the time (%d reads), a leaning read %.0f %%"
						+ " (%d reads), fresh and from a Permanent Representative",
				100 * (1 - Math.exp(-this.firm)), this.firmReads, 100 * (1 - Math.exp(-this.leaning)),
				this.leaningReads);
	}

}
