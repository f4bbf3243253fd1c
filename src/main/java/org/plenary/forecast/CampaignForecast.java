package org.plenary.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.plenary.forecast.core.model.Reliability;
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
 */
public record CampaignForecast(long campaignId, Status status, String message, TallySummary summary, double[] yes,
		double[] no, List<StateForecast> states, List<Targeting.Target> targets, Model model, Reliability reliability,
		int reads, double readsExpectedShift) {

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

	static CampaignForecast notReady(long campaignId, Status status, String message) {
		return new CampaignForecast(campaignId, status, message, null, new double[0], new double[0], List.of(),
				List.of(), null, null, 0, 0);
	}

	/**
	 * P(adoption) in words for a panel: whole percents, and "&gt; 99 %" or "&lt; 1 %"
	 * rather than a rounded 100 or 0, which a reader would take for a certainty.
	 */
	public String adoptionText() {
		return percent(this.summary.adoptionProbability());
	}

	static String percent(double p) {
		if (p > 0.995) {
			return "> 99 %";
		}
		if (p < 0.005) {
			return "< 1 %";
		}
		return String.format(java.util.Locale.ROOT, "%.0f %%", 100 * p);
	}

	/** P(adoption), for readers outside the module; NaN when there are no numbers yet. */
	public double adoptionProbability() {
		return ready() ? this.summary.adoptionProbability() : Double.NaN;
	}

	public boolean ready() {
		return this.status == Status.READY;
	}

}
