package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.plenary.forecast.core.tally.Vote;

/**
 * How far a vote may depart from its references, read from the history before it: how
 * long ago the first reference was voted, and how much the references (and the earlier
 * votes of the first reference's title) disagree on the share of Yes. The model learns
 * the spread of a vote's shift towards Yes from votes that repeat last year's title; a
 * vote whose references are old, or whose references themselves moved (A/RES/68/262 at
 * 100 Yes, ES-11/1 at 141), is less like that, and its intervals are widened by
 * {@link #factor()}.
 *
 * @param yearsSinceReference years from the first reference to the vote
 * @param referenceSpread the largest difference between the Yes shares (of the states
 * with a seat) of the references and of up to {@value #EARLIER} earlier votes with the
 * first reference's title, 0 to 1
 */
public record Departure(double yearsSinceReference, double referenceSpread) {

	/** How many earlier votes of the first reference's title are read. */
	static final int EARLIER = 2;

	// Chosen on the backtests of 2019-2022 (docs/benchmarks.md, "Honest intervals"):
	// a reference up to this old is as the training votes are
	static final double USUAL_YEARS = 1.5;

	// widening per year beyond that
	static final double PER_YEAR = 0.25;

	// a spread of Yes shares up to this is what recurring votes show
	static final double USUAL_SPREAD = 0.05;

	// widening per unit of Yes share beyond that (a spread of 0.2 doubles the spread
	// of the shift)
	static final double PER_SPREAD = 6.5;

	// no more than this: beyond it the intervals say nothing
	static final double MAX_FACTOR = 3;

	/** No departure: a vote like the training votes. */
	public static final Departure NONE = new Departure(0, 0);

	public Departure {
		if (!(yearsSinceReference >= 0) || !(referenceSpread >= 0)) {
			throw new IllegalArgumentException("A departure is measured in non-negative years and shares");
		}
	}

	/**
	 * The departure of a vote on the date from its references (indices in the history).
	 */
	public static Departure of(PastVotes history, int[] references, LocalDate date) {
		if (references.length == 0) {
			return NONE;
		}
		int first = references[0];
		double years = Math.max(0, ChronoUnit.DAYS.between(history.date(first), date) / 365.25);
		List<Double> shares = new ArrayList<>();
		for (int reference : references) {
			shares.add(yesShare(history, reference));
		}
		String title = PastVotes.normalTitle(history.title(first));
		int found = 0;
		if (!title.isEmpty()) {
			for (int r = first - 1; r >= 0 && found < EARLIER; r--) {
				if (history.hasVotes(r) && history.date(r).isBefore(history.date(first))
						&& title.equals(PastVotes.normalTitle(history.title(r)))) {
					shares.add(yesShare(history, r));
					found++;
				}
			}
		}
		double spread = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0)
				- shares.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		return new Departure(years, spread);
	}

	/** How much wider than the learned spread the shift towards Yes is taken: 1 to 3. */
	public double factor() {
		double factor = 1 + PER_YEAR * Math.max(0, this.yearsSinceReference - USUAL_YEARS)
				+ PER_SPREAD * Math.max(0, this.referenceSpread - USUAL_SPREAD);
		return Math.min(MAX_FACTOR, factor);
	}

	/** Whether the intervals are widened at all. */
	public boolean widens() {
		return factor() > 1;
	}

	/** The share of the states with a seat that voted Yes. */
	static double yesShare(PastVotes history, int rollCall) {
		int seated = 0;
		int yes = 0;
		for (int state = 0; state < history.states().size(); state++) {
			Vote vote = history.vote(rollCall, state);
			if (vote != null) {
				seated++;
				yes += (vote == Vote.YES) ? 1 : 0;
			}
		}
		return (seated == 0) ? 0 : yes / (double) seated;
	}

}
