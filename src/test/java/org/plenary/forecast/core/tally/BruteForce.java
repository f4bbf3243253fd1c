package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The tally by enumerating every combination of votes (4^n of them, fewer when some votes
 * are impossible): slow, obviously right, and the reference the dynamic programme is
 * checked against.
 */
final class BruteForce {

	final int members;

	/** joint[y][n] = P(y Yes and n No). */
	final double[][] joint;

	/** The same, for outcomes where no permanent member votes No. */
	final double[][] withoutPermanentNo;

	final double[] abstain;

	final double[] nonVoting;

	private final List<Outcome> outcomes = new ArrayList<>();

	private record Outcome(int yes, int no, boolean permanentNo, double probability) {
	}

	private BruteForce(int members) {
		this.members = members;
		this.joint = new double[members + 1][members + 1];
		this.withoutPermanentNo = new double[members + 1][members + 1];
		this.abstain = new double[members + 1];
		this.nonVoting = new double[members + 1];
	}

	static BruteForce of(List<VoteProbabilities> states) {
		BruteForce result = new BruteForce(states.size());
		result.enumerate(states, 0, 1.0, 0, 0, 0, 0, false);
		return result;
	}

	private void enumerate(List<VoteProbabilities> states, int i, double probability, int yes, int no, int abstain,
			int nonVoting, boolean permanentNo) {
		if (probability == 0) {
			return;
		}
		if (i == states.size()) {
			this.joint[yes][no] += probability;
			if (!permanentNo) {
				this.withoutPermanentNo[yes][no] += probability;
			}
			this.abstain[abstain] += probability;
			this.nonVoting[nonVoting] += probability;
			this.outcomes.add(new Outcome(yes, no, permanentNo, probability));
			return;
		}
		VoteProbabilities state = states.get(i);
		enumerate(states, i + 1, probability * state.yes(), yes + 1, no, abstain, nonVoting, permanentNo);
		enumerate(states, i + 1, probability * state.no(), yes, no + 1, abstain, nonVoting,
				permanentNo || state.permanentMember());
		enumerate(states, i + 1, probability * state.abstain(), yes, no, abstain + 1, nonVoting, permanentNo);
		enumerate(states, i + 1, probability * state.nonVoting(), yes, no, abstain, nonVoting + 1, permanentNo);
	}

	double adoption(AdoptionRule rule) {
		// each whole outcome judged by the rule itself, veto included
		double sum = 0;
		for (Outcome outcome : this.outcomes) {
			if (rule.adopted(outcome.yes(), outcome.no(), outcome.permanentNo())) {
				sum += outcome.probability();
			}
		}
		return sum;
	}

	double[] marginal(Vote vote) {
		double[] result = new double[this.members + 1];
		switch (vote) {
			case YES, NO -> {
				for (int y = 0; y <= this.members; y++) {
					for (int n = 0; n <= this.members; n++) {
						result[vote == Vote.YES ? y : n] += this.joint[y][n];
					}
				}
			}
			case ABSTAIN -> System.arraycopy(this.abstain, 0, result, 0, result.length);
			case NON_VOTING -> System.arraycopy(this.nonVoting, 0, result, 0, result.length);
		}
		return result;
	}

	/** The smallest k with P(count <= k) >= q. */
	int percentile(Vote vote, double q) {
		double[] marginal = marginal(vote);
		double cumulative = 0;
		for (int k = 0; k < this.members; k++) {
			cumulative += marginal[k];
			if (cumulative >= q - 1e-12) {
				return k;
			}
		}
		return this.members;
	}

}
