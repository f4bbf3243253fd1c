package org.plenary.forecast.core.tally;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The states' probabilities as parallel primitive arrays, so that the dynamic programmes
 * and the common shock read them without boxing or allocation. Reused between calls.
 */
final class ProbabilityTable {

	int size;

	double[] yes = new double[0];

	double[] no = new double[0];

	double[] abstain = new double[0];

	double[] nonVoting = new double[0];

	boolean[] permanent = new boolean[0];

	void load(List<VoteProbabilities> states) {
		load(states.size(), states::get);
	}

	void load(int size, IntFunction<VoteProbabilities> state) {
		resize(size);
		for (int i = 0; i < size; i++) {
			VoteProbabilities p = state.apply(i);
			if (p == null) {
				throw new IllegalArgumentException("No vote probabilities for state " + i);
			}
			this.yes[i] = p.yes();
			this.no[i] = p.no();
			this.abstain[i] = p.abstain();
			this.nonVoting[i] = p.nonVoting();
			this.permanent[i] = p.permanentMember();
		}
	}

	void resize(int size) {
		if (this.yes.length < size) {
			this.yes = new double[size];
			this.no = new double[size];
			this.abstain = new double[size];
			this.nonVoting = new double[size];
			this.permanent = new boolean[size];
		}
		this.size = size;
	}

	/** Abstain or Non-voting: neither side (rule 86). */
	double neither(int i) {
		return this.abstain[i] + this.nonVoting[i];
	}

	boolean anyPermanent() {
		for (int i = 0; i < this.size; i++) {
			if (this.permanent[i]) {
				return true;
			}
		}
		return false;
	}

}
