package org.plenary.forecast.core.model;

import java.util.List;

import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * The forecast of one target: each member state's probabilities (in the order of
 * {@code members}), the tally's summary under the target's rule, and the roll calls used
 * as references (indices in the history), and how far the target departs from them (its
 * intervals widened as {@link Departure} says).
 */
public record TargetForecast(Target target, List<String> members, List<VoteProbabilities> probabilities,
		Scenarios scenarios, TallySummary summary, int[] references, ModelWeights weights, Departure departure) {

	public TargetForecast {
		members = List.copyOf(members);
		probabilities = List.copyOf(probabilities);
	}

}
