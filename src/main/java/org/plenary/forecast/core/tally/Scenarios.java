package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared uncertainty of a forecast as a finite mixture: in scenario {@code s}, which
 * has probability {@code weight(s)}, the states vote independently with the probabilities
 * {@code states(s)}. What moves between scenarios is what moves many states at once (the
 * mood of the vote, a day when many delegations are out of the room), so the tally
 * averaged over the scenarios has honest widths, and each state's forecast is its
 * probabilities averaged over the scenarios ({@link #marginals()}).
 * <p>
 * {@link CommonShock} makes scenarios from given probabilities by shifting their
 * log-odds; a model that knows how the shared shift enters each state's vote gives its
 * own (the forecast module's vote model does).
 */
public final class Scenarios {

	private final double[] weights;

	private final List<List<VoteProbabilities>> states;

	private final int members;

	/**
	 * @param weights the scenarios' probabilities, non-negative, summing to one (they are
	 * normalised)
	 * @param states for each scenario, every state's probabilities, in the same order
	 */
	public Scenarios(double[] weights, List<List<VoteProbabilities>> states) {
		if (weights.length == 0 || weights.length != states.size()) {
			throw new IllegalArgumentException("One weight per scenario, at least one: " + weights.length + " weights, "
					+ states.size() + " scenarios");
		}
		double total = 0;
		for (double weight : weights) {
			if (!(weight >= 0) || Double.isInfinite(weight)) {
				throw new IllegalArgumentException("A scenario's weight is finite and >= 0, not " + weight);
			}
			total += weight;
		}
		if (!(total > 0)) {
			throw new IllegalArgumentException("The scenarios' weights sum to zero");
		}
		this.members = states.get(0).size();
		this.weights = new double[weights.length];
		this.states = new ArrayList<>(states.size());
		for (int s = 0; s < weights.length; s++) {
			if (states.get(s).size() != this.members) {
				throw new IllegalArgumentException(
						"Scenario " + s + " has " + states.get(s).size() + " states, not " + this.members);
			}
			for (int i = 0; i < this.members; i++) {
				if (states.get(s).get(i).permanentMember() != states.get(0).get(i).permanentMember()) {
					throw new IllegalArgumentException(
							"State " + i + " is a permanent member in one scenario and not in another");
				}
			}
			this.weights[s] = weights[s] / total;
			this.states.add(List.copyOf(states.get(s)));
		}
	}

	/** One scenario: the states vote independently with these probabilities. */
	public static Scenarios independent(List<VoteProbabilities> states) {
		return new Scenarios(new double[] { 1 }, List.of(states));
	}

	/** The scenarios of a common shift of the log-odds of the given probabilities. */
	public static Scenarios of(List<VoteProbabilities> states, CommonShock shock) {
		double[] weights = new double[shock.nodes()];
		List<List<VoteProbabilities>> shifted = new ArrayList<>();
		for (int node = 0; node < shock.nodes(); node++) {
			weights[node] = shock.weight(node);
			double shift = shock.shift(node);
			shifted.add(states.stream().map((p) -> CommonShock.shifted(p, shift)).toList());
		}
		return new Scenarios(weights, shifted);
	}

	/**
	 * At most {@code max} of the scenarios, every k-th one with its weight, for work that
	 * only needs averages over them (the targeting list's gains are smooth in the
	 * shifts); all of them when they are few enough.
	 */
	public Scenarios thinned(int max) {
		if (max < 1) {
			throw new IllegalArgumentException("At least one scenario, not " + max);
		}
		if (size() <= max) {
			return this;
		}
		int stride = (size() + max - 1) / max;
		List<Double> weights = new ArrayList<>();
		List<List<VoteProbabilities>> kept = new ArrayList<>();
		for (int s = 0; s < size(); s += stride) {
			weights.add(this.weights[s]);
			kept.add(this.states.get(s));
		}
		double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
		return (java.util.Arrays.stream(w).sum() > 0) ? new Scenarios(w, kept) : this;
	}

	/**
	 * The same scenarios with some states' votes fixed (a "what if": the state votes so
	 * in every scenario), the others as they were: an intervention, which moves no other
	 * state.
	 * @param fixed the vote of each fixed state, by its index
	 */
	public Scenarios with(java.util.Map<Integer, Vote> fixed) {
		List<List<VoteProbabilities>> changed = new ArrayList<>(this.states.size());
		for (List<VoteProbabilities> scenario : this.states) {
			List<VoteProbabilities> copy = new ArrayList<>(scenario);
			fixed.forEach((i, vote) -> {
				VoteProbabilities certain = VoteProbabilities.certain(vote);
				copy.set(i, scenario.get(i).permanentMember() ? certain.asPermanentMember() : certain);
			});
			changed.add(copy);
		}
		return new Scenarios(this.weights.clone(), changed);
	}

	/** How many scenarios. */
	public int size() {
		return this.weights.length;
	}

	/** How many states vote in each scenario. */
	public int members() {
		return this.members;
	}

	/** The probability of scenario {@code s}. */
	public double weight(int s) {
		return this.weights[s];
	}

	/** The states' probabilities in scenario {@code s}. */
	public List<VoteProbabilities> states(int s) {
		return this.states.get(s);
	}

	/** Each state's probabilities averaged over the scenarios. */
	public List<VoteProbabilities> marginals() {
		List<VoteProbabilities> result = new ArrayList<>(this.members);
		for (int i = 0; i < this.members; i++) {
			double yes = 0;
			double no = 0;
			double abstain = 0;
			double nonVoting = 0;
			for (int s = 0; s < this.weights.length; s++) {
				VoteProbabilities p = this.states.get(s).get(i);
				yes += this.weights[s] * p.yes();
				no += this.weights[s] * p.no();
				abstain += this.weights[s] * p.abstain();
				nonVoting += this.weights[s] * p.nonVoting();
			}
			double total = yes + no + abstain + nonVoting;
			result.add(new VoteProbabilities(yes / total, no / total, abstain / total, nonVoting / total,
					this.states.get(0).get(i).permanentMember()));
		}
		return result;
	}

}
