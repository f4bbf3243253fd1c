/**
 * The forecast (issue #6, in progress): what will happen, as probabilities. Its core,
 * {@code org.plenary.forecast.core}, is plain Java with no Spring (an ArchUnit rule in
 * {@code ModularityTests} keeps it so): {@code core.tally} computes the exact
 * distribution of the Yes and No counts by dynamic programming over the states, with a
 * common shock, the probability of adoption under a body's rule, expected counts with 80%
 * intervals and the targeting list; {@code core.ideal} fits ideal points with a dynamic
 * ordinal item-response model by expectation-maximisation. The adapter that feeds them
 * from the history and the whip board, the pages and the commands are still to come.
 * <p>
 * Depends on {@code history} (its roll calls, for {@code ./plenary ideal-points}) and
 * {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast")
package org.plenary.forecast;
