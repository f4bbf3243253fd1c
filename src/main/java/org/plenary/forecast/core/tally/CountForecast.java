package org.plenary.forecast.core.tally;

/**
 * What the forecast says about one count (Yes, No, Abstain or Non-voting): its expected
 * value and a central interval.
 *
 * @param expected the mean count
 * @param low the lower percentile (the 10th for the 80 % interval)
 * @param high the upper percentile (the 90th for the 80 % interval)
 */
public record CountForecast(double expected, int low, int high) {

	public CountForecast {
		if (low > high) {
			throw new IllegalArgumentException("Interval " + low + "-" + high + " is upside down");
		}
	}

}
