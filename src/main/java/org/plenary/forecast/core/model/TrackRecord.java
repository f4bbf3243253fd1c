package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How the forecast scored in backtests against copying the reference, in words a
 * minister's office reads: on how many past votes like this one its count of Yes votes
 * was within {@value #WITHIN} of the result, against the count of the reference's vote.
 * Built from the backtest of the recurring votes of the history ({@link AutoTargets}).
 */
public final class TrackRecord {

	/** A count this close to the result is right for a whip's purposes. */
	public static final int WITHIN = 5;

	/** With fewer comparable votes than this, the record says it cannot say. */
	public static final int ENOUGH = 20;

	/**
	 * One backtested vote.
	 *
	 * @param contested at least a fifth of the votes cast on its reference were not Yes
	 * @param yes the Yes votes cast
	 * @param expectedYes the forecast's expected Yes count
	 * @param referenceYes the Yes count of its reference among the same members
	 */
	public record Scored(LocalDate date, boolean contested, int yes, double expectedYes, int referenceYes) {

		/** Whether copying the reference is possible: the vote had one. */
		boolean referenced() {
			return this.referenceYes >= 0;
		}

		boolean modelWithin() {
			return Math.abs(this.expectedYes - this.yes) <= WITHIN;
		}

		boolean baselineWithin() {
			return Math.abs(this.referenceYes - this.yes) <= WITHIN;
		}

	}

	/**
	 * The record on one kind of vote.
	 *
	 * @param kind the votes in words ("recurring General Assembly votes")
	 * @param votes how many
	 * @param modelWithin how many the forecast's count was within {@value #WITHIN} of
	 * @param baselineWithin how many copying the reference was within {@value #WITHIN} of
	 */
	public record Summary(String kind, int votes, LocalDate from, LocalDate to, int modelWithin, int baselineWithin) {

		/** Whether there are enough votes to say anything. */
		public boolean enough() {
			return this.votes >= ENOUGH;
		}

		/** Out of ten, rounded. */
		public long modelInTen() {
			return Math.round(10.0 * this.modelWithin / this.votes);
		}

		public long baselineInTen() {
			return Math.round(10.0 * this.baselineWithin / this.votes);
		}

		/** The record in one sentence. */
		public String words() {
			if (!enough()) {
				return "Too few " + this.kind + " in the voting history (" + this.votes + ", at least " + ENOUGH
						+ " needed) to say how well the forecast does on votes like this one.";
			}
			return String.format(Locale.ROOT,
					"On %d %s of %s, Plenary's count of Yes votes was within %d of the result %d times in 10;"
							+ " copying the reference's vote was, %d times in 10.",
					this.votes, this.kind, years(this.from, this.to), WITHIN, modelInTen(), baselineInTen());
		}

		private static String years(LocalDate from, LocalDate to) {
			return (from.getYear() == to.getYear()) ? String.valueOf(from.getYear())
					: from.getYear() + "-" + to.getYear();
		}

	}

	private final List<Scored> scored;

	/**
	 * A backtested vote from its forecast and the roll call it became.
	 */
	public static Scored score(PastVotes history, TargetForecast forecast, int rollCall) {
		int yes = 0;
		for (String iso3 : forecast.members()) {
			int state = history.stateIndex(iso3);
			yes += (state >= 0 && history.vote(rollCall, state) == org.plenary.forecast.core.tally.Vote.YES) ? 1 : 0;
		}
		int[] references = forecast.references();
		boolean contested = references.length > 0 && contested(history, references[0]);
		return new Scored(forecast.target().date(), contested, yes, forecast.summary().yes().expected(),
				referenceYes(history, references, forecast.members()));
	}

	/**
	 * The Yes count of the first reference among the members (what copying the reference
	 * gives), or -1 without a reference.
	 */
	public static int referenceYes(PastVotes history, int[] references, List<String> members) {
		if (references.length == 0) {
			return -1;
		}
		int yes = 0;
		for (String iso3 : members) {
			int state = history.stateIndex(iso3);
			yes += (state >= 0 && history.vote(references[0], state) == org.plenary.forecast.core.tally.Vote.YES) ? 1
					: 0;
		}
		return yes;
	}

	/** Whether at least a fifth of the votes cast on a roll call were not Yes. */
	public static boolean contested(int yes, int no, int abstain) {
		int cast = yes + no + abstain;
		return cast > 0 && (no + abstain) >= Scores.CONTESTED * cast;
	}

	private static boolean contested(PastVotes history, int rollCall) {
		int[] counts = new int[4];
		for (int state = 0; state < history.states().size(); state++) {
			var vote = history.vote(rollCall, state);
			if (vote != null) {
				counts[vote.ordinal()]++;
			}
		}
		return contested(counts[0], counts[1], counts[2]);
	}

	public TrackRecord(List<Scored> scored) {
		this.scored = List.copyOf(scored);
	}

	public List<Scored> scored() {
		return this.scored;
	}

	/**
	 * The record on votes like one whose reference is contested or not: the contested
	 * ones, or all of them.
	 */
	public Summary like(boolean contested) {
		return contested ? summary("contested recurring General Assembly votes", (s) -> s.referenced() && s.contested())
				: summary("recurring General Assembly votes", Scored::referenced);
	}

	private Summary summary(String kind, Predicate<Scored> filter) {
		List<Scored> chosen = new ArrayList<>(this.scored.stream().filter(filter).toList());
		LocalDate from = chosen.stream().map(Scored::date).min(LocalDate::compareTo).orElse(null);
		LocalDate to = chosen.stream().map(Scored::date).max(LocalDate::compareTo).orElse(null);
		int model = (int) chosen.stream().filter(Scored::modelWithin).count();
		int baseline = (int) chosen.stream().filter(Scored::baselineWithin).count();
		return new Summary(kind, chosen.size(), from, to, model, baseline);
	}

}
