package org.plenary.forecast.core.model;

import java.util.Arrays;

/**
 * The vote model's learned parameters: the weights of the presence and absence features
 * (see {@link StateFacts}) and the spread of the two shared shifts.
 *
 * @param presence weights of the presence features
 * @param sigmaShift the standard deviation of a vote's shared shift towards Yes (how far
 * a vote's level may differ from its references')
 * @param absence weights of the absence features
 * @param sigmaAbsence the standard deviation of a vote's shared shift of absence (days
 * when many delegations are out of the room)
 * @param trainingVotes how many past votes they were learned from (0: the defaults)
 */
public record ModelWeights(double[] presence, double sigmaShift, double[] absence, double sigmaAbsence,
		int trainingVotes) {

	public ModelWeights {
		presence = presence.clone();
		absence = absence.clone();
	}

	/**
	 * What the model uses when the history before a date has too few repeated votes to
	 * learn from: the weights it learned, rounded, from the General Assembly's votes of
	 * the three years before 2019-12-12 (125 votes that repeated an earlier title).
	 */
	public static ModelWeights defaults() {
		return new ModelWeights(new double[] { 1.4, 1.2, 2.8, 0.85, 0.5, 0.5, 0.2, 0.0 }, 0.7,
				new double[] { -1.2, 0.7, 0.0, 0.15, 1.3, 0.95, 0.0 }, 0.75, 0);
	}

	@Override
	public double[] presence() {
		return this.presence.clone();
	}

	@Override
	public double[] absence() {
		return this.absence.clone();
	}

	double presence(int feature) {
		return this.presence[feature];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ModelWeights that && Arrays.equals(this.presence, that.presence)
				&& Arrays.equals(this.absence, that.absence) && this.sigmaShift == that.sigmaShift
				&& this.sigmaAbsence == that.sigmaAbsence && this.trainingVotes == that.trainingVotes;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.presence) * 31 + Arrays.hashCode(this.absence);
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "presence %s sigma %.3f; absence %s sigma %.3f; from %d votes",
				Arrays.toString(round(this.presence)), this.sigmaShift, Arrays.toString(round(this.absence)),
				this.sigmaAbsence, this.trainingVotes);
	}

	private static double[] round(double[] values) {
		return Arrays.stream(values).map((v) -> Math.round(v * 1000) / 1000.0).toArray();
	}

}
