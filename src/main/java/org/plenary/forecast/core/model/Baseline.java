package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.List;

import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * The forecast to beat: each state votes as it did on the first reference. Smoothed so
 * that its log loss is finite: the reference's vote gets 1 - 3 x {@value #EPSILON}, each
 * other vote {@value #EPSILON}; a state without a seat at the reference gets a quarter
 * each. 0.05 is close to the best constant for this baseline on the General Assembly's
 * votes of 2019-2022 (0.02 and 0.1 both do worse), so the comparison is with a baseline
 * at its best.
 */
public final class Baseline {

	public static final double EPSILON = 0.05;

	private Baseline() {
	}

	/** The baseline's probabilities for the members, from the first reference (or -1). */
	public static List<VoteProbabilities> probabilities(PastVotes history, int reference, List<String> members) {
		List<VoteProbabilities> result = new ArrayList<>(members.size());
		for (String iso3 : members) {
			int state = history.stateIndex(iso3);
			Vote vote = (state < 0 || reference < 0) ? null : history.vote(reference, state);
			if (vote == null) {
				result.add(VoteProbabilities.of(0.25, 0.25, 0.25, 0.25));
				continue;
			}
			double[] p = new double[4];
			java.util.Arrays.fill(p, EPSILON);
			p[vote.ordinal()] = 1 - 3 * EPSILON;
			result.add(VoteProbabilities.of(p[0], p[1], p[2], p[3]));
		}
		return result;
	}

}
