package org.plenary.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Targeting;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * A campaign's forecast as pages and the API show it.
 *
 * @param campaignId the campaign
 * @param status whether there is a forecast yet
 * @param message what to tell a user about the status (e.g. why there is none)
 * @param summary P(adoption) and the expected counts with their 80 % intervals
 * @param yes the distribution of the Yes count (element k: P(Yes = k))
 * @param no the distribution of the No count
 * @param states each member's forecast, in the order of the board (by name)
 * @param targets where the next call is worth most, best first
 * @param model what the model was prepared from
 * @param reliability how much a read is worth
 * @param reads how many members have a read that counts as evidence
 * @param readsExpectedShift the shared shift towards Yes that the reads suggest (0: as
 * the references say)
 * @param objective what the targets are ranked toward, and why (null when not ready)
 * @param leftOut the members no call will move, left out of the targets: name to why
 * @param scenarios the shared uncertainty with the reads, for "what if" (null when not
 * ready)
 * @param order the members' ISO codes in the order of the scenarios
 */
public record CampaignForecast(long campaignId, Status status, String message, TallySummary summary, double[] yes,
		double[] no, List<StateForecast> states, List<Targeting.Target> targets, Model model, Reliability reliability,
		int reads, double readsExpectedShift, Targeting.Objective objective, Map<String, String> leftOut,
		Scenarios scenarios, List<String> order) {

	public enum Status {

		/** The numbers below are the forecast. */
		READY,
		/** The model is being prepared (a few seconds); no numbers yet. */
		PREPARING,
		/** The model could not be prepared (see the message). */
		FAILED

	}

	/**
	 * One member's forecast.
	 *
	 * @param withoutVote on the Charter Art. 19 list: certain Non-voting
	 * @param stance the whip's read (its label), if any
	 * @param idealPoint its ideal point (NaN when it has none)
	 * @param switching its history of switching, in [0, 1]
	 */
	public record StateForecast(String iso3, String name, Integer m49, VoteProbabilities probabilities,
			VoteProbabilities modelOnly, String stance, boolean withoutVote, double idealPoint, double switching) {

		/**
		 * P(Yes), P(No), P(Abstain), P(Non-voting), and P(Yes) from the history alone
		 * (NaN when there is none), in that order: for readers outside the module.
		 */
		public double[] numbers() {
			return new double[] { this.probabilities.yes(), this.probabilities.no(), this.probabilities.abstain(),
					this.probabilities.nonVoting(), this.modelOnly == null ? Double.NaN : this.modelOnly.yes() };
		}

		/** The ideal point with two decimals, or a dash when there is none. */
		public String idealPointText() {
			return Double.isNaN(this.idealPoint) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", this.idealPoint);
		}

	}

	/**
	 * What the model was prepared from.
	 *
	 * @param stale whether what it was prepared from has changed since (a new model is
	 * being prepared)
	 */
	public record Model(LocalDate asOf, String references, int trainingVotes, double sigmaShift, String weights,
			Instant preparedAt, int tookMillis, boolean stale) {
	}

	/**
	 * The headline numbers for readers outside the module (the reports): P(adoption) and
	 * each expected count, Yes and No with their 80 % intervals.
	 */
	public record Headline(double adoption, double yes, int yesLow, int yesHigh, double no, int noLow, int noHigh,
			double abstain, double nonVoting) {
	}

	/** The headline numbers; null when there is no forecast. */
	public Headline headline() {
		if (!ready()) {
			return null;
		}
		return new Headline(this.summary.adoptionProbability(), this.summary.yes().expected(), this.summary.yes().low(),
				this.summary.yes().high(), this.summary.no().expected(), this.summary.no().low(),
				this.summary.no().high(), this.summary.abstain().expected(), this.summary.nonVoting().expected());
	}

	/**
	 * A call worth making, for readers outside the module: the state, its P(Yes), what a
	 * step toward our ask would add to P(adoption), to the objective in force
	 * ({@code objectiveGain}) and to the expected Yes count; the ask in words ("from
	 * Abstain to Yes") and why it ranks there in one sentence ({@code why};
	 * {@code reason} has the figures).
	 */
	public record Call(String iso3, String name, double yes, double adoptionGain, double expectedYesGain, String reason,
			double objectiveGain, String ask, String why) {
	}

	/** The targeting list as {@link Call}s, best first, at most {@code limit}. */
	public List<Call> calls(int limit) {
		return this.targets.stream()
			.limit(limit)
			.map((t) -> new Call(iso3Of(t.state()), t.state(), t.probabilities().yes(), t.adoptionGain(),
					t.expectedYesGain(), t.reason(), t.objectiveGain(), t.ask(), t.why()))
			.toList();
	}

	/** The targets' ISO codes, best first. */
	public List<String> targetCodes() {
		return this.targets.stream().map((t) -> iso3Of(t.state())).toList();
	}

	/** A member's ISO code from the name the targets give it (the name if none). */
	public String iso3Of(String name) {
		return this.states.stream()
			.filter((s) -> s.name().equals(name))
			.map(StateForecast::iso3)
			.findFirst()
			.orElse(name);
	}

	/**
	 * Whether the targets' probability gains carry information: not once the objective is
	 * the margin (adoption and the goal settled), when they are all but zero.
	 */
	public boolean targetsGainShown() {
		return this.objective != null && this.objective.kind() != Targeting.Objective.Kind.MARGIN;
	}

	/** What the targets are ranked toward, in words (null when not ready). */
	public String objectiveWords() {
		return (this.objective == null) ? null : this.objective.words();
	}

	static CampaignForecast notReady(long campaignId, Status status, String message) {
		return new CampaignForecast(campaignId, status, message, null, new double[0], new double[0], List.of(),
				List.of(), null, null, 0, 0, null, Map.of(), null, List.of());
	}

	/**
	 * P(adoption) in words for a panel: whole percents, and "&gt; 99 %" or "&lt; 1 %"
	 * rather than a rounded 100 or 0, which a reader would take for a certainty.
	 */
	public String adoptionText() {
		return percent(this.summary.adoptionProbability());
	}

	static String percent(double p) {
		return Targeting.percent(p);
	}

	/** P(adoption), for readers outside the module; NaN when there are no numbers yet. */
	public double adoptionProbability() {
		return ready() ? this.summary.adoptionProbability() : Double.NaN;
	}

	public boolean ready() {
		return this.status == Status.READY;
	}

}
