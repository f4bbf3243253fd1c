package org.plenary.forecast.core.tally;

import java.util.Arrays;
import java.util.List;

/**
 * Computes the exact distribution of a vote's tally from the states' vote probabilities,
 * by dynamic programming over the states (no sampling): after adding k states, cell (y,
 * n) holds the probability that y of them vote Yes and n vote No. Adding a state costs
 * one pass over the cells with y + n <= k, so n states cost about n^3 / 6 cell updates
 * (1.2 million for the 193 members of the General Assembly).
 * <p>
 * For the Security Council veto a second layer keeps the same distribution restricted to
 * outcomes where no permanent member votes No. Permanent members are added last, so the
 * second layer is only carried through their few steps.
 * <p>
 * Holds reusable work buffers: not thread-safe; use one per thread (creating one per call
 * is also fine, the buffers are small next to the work).
 */
public final class ExactTally {

	private final ProbabilityTable table = new ProbabilityTable();

	private double[] joint = new double[0];

	private double[] withoutPermanentNo = new double[0];

	private double[] abstain = new double[0];

	private double[] nonVoting = new double[0];

	/** The tally when the states vote independently of each other. */
	public TallyDistribution independent(List<VoteProbabilities> states) {
		this.table.load(states);
		int members = this.table.size;
		boolean permanent = compute(this.table);
		int cells = (members + 1) * (members + 1);
		return new TallyDistribution(members, Arrays.copyOf(this.joint, cells),
				permanent ? Arrays.copyOf(this.withoutPermanentNo, cells) : null,
				Arrays.copyOf(this.abstain, members + 1), Arrays.copyOf(this.nonVoting, members + 1));
	}

	/**
	 * The tally when a shared shift moves all states together (see {@link CommonShock}):
	 * the exact tally at each quadrature node, averaged with the quadrature weights. With
	 * sigma = 0 this is exactly {@link #independent(List)}.
	 */
	public TallyDistribution withCommonShock(List<VoteProbabilities> states, CommonShock shock) {
		if (shock.isNone()) {
			return independent(states);
		}
		return mixture(Scenarios.of(states, shock));
	}

	/**
	 * The tally over a mixture of scenarios: the exact tally of each, averaged with the
	 * scenarios' weights. With one scenario this is {@link #independent(List)}.
	 */
	public TallyDistribution mixture(Scenarios scenarios) {
		int members = scenarios.members();
		int cells = (members + 1) * (members + 1);
		boolean permanent = scenarios.states(0).stream().anyMatch(VoteProbabilities::permanentMember);
		double[] mixedJoint = new double[cells];
		double[] mixedWithoutPermanentNo = permanent ? new double[cells] : null;
		double[] mixedAbstain = new double[members + 1];
		double[] mixedNonVoting = new double[members + 1];
		for (int s = 0; s < scenarios.size(); s++) {
			this.table.load(scenarios.states(s));
			compute(this.table);
			double weight = scenarios.weight(s);
			addScaled(mixedJoint, this.joint, weight, cells);
			if (permanent) {
				addScaled(mixedWithoutPermanentNo, this.withoutPermanentNo, weight, cells);
			}
			addScaled(mixedAbstain, this.abstain, weight, members + 1);
			addScaled(mixedNonVoting, this.nonVoting, weight, members + 1);
		}
		return new TallyDistribution(members, mixedJoint, mixedWithoutPermanentNo, mixedAbstain, mixedNonVoting);
	}

	private static void addScaled(double[] target, double[] source, double weight, int length) {
		for (int i = 0; i < length; i++) {
			target[i] += weight * source[i];
		}
	}

	/**
	 * Fills the buffers with the tally of the table's states.
	 * @return whether any permanent member is among them (the second layer is filled)
	 */
	private boolean compute(ProbabilityTable states) {
		int members = states.size;
		int stride = members + 1;
		int cells = stride * stride;
		if (this.joint.length < cells) {
			this.joint = new double[cells];
			this.withoutPermanentNo = new double[cells];
			this.abstain = new double[stride];
			this.nonVoting = new double[stride];
		}
		Arrays.fill(this.joint, 0, cells, 0);
		this.joint[0] = 1;
		int support = 0; // every state so far, except the certain abstainers and
							// non-voters
		for (int i = 0; i < members; i++) {
			if (!states.permanent[i]) {
				support = addState(this.joint, stride, support, states.yes[i], states.no[i], states.neither(i));
			}
		}
		boolean permanent = states.anyPermanent();
		if (permanent) {
			System.arraycopy(this.joint, 0, this.withoutPermanentNo, 0, cells);
			for (int i = 0; i < members; i++) {
				if (states.permanent[i]) {
					int before = support;
					support = addState(this.joint, stride, before, states.yes[i], states.no[i], states.neither(i));
					// Charter Art. 27(3): outcomes where it votes No are vetoed, so they
					// leave this layer
					addState(this.withoutPermanentNo, stride, before, states.yes[i], 0, states.neither(i));
				}
			}
		}
		countOne(this.abstain, states.abstain, members);
		countOne(this.nonVoting, states.nonVoting, members);
		return permanent;
	}

	/**
	 * Adds one state to a distribution over (Yes, No) held with the given stride, in
	 * place: from the far corner down, so that each cell still reads the values before
	 * this state. Cells outside y + n <= support are zero and not visited.
	 * @return the support after adding the state
	 */
	static int addState(double[] cells, int stride, int support, double yes, double no, double neither) {
		if (neither == 1.0) {
			return support; // certain Abstain or Non-voting: the counts do not move
		}
		int m = support + 1;
		for (int y = m; y >= 1; y--) {
			int row = y * stride;
			int below = row - stride;
			for (int n = m - y; n >= 1; n--) {
				cells[row + n] = cells[row + n] * neither + cells[below + n] * yes + cells[row + n - 1] * no;
			}
			cells[row] = cells[row] * neither + cells[below] * yes;
		}
		for (int n = m; n >= 1; n--) {
			cells[n] = cells[n] * neither + cells[n - 1] * no;
		}
		cells[0] *= neither;
		return m;
	}

	/**
	 * The distribution of how many states take one outcome, given each one's probability
	 * of it (a Poisson binomial), into {@code counts[0..members]}.
	 */
	static void countOne(double[] counts, double[] probability, int members) {
		Arrays.fill(counts, 0, members + 1, 0);
		counts[0] = 1;
		int support = 0;
		for (int i = 0; i < members; i++) {
			double p = probability[i];
			if (p == 0) {
				continue;
			}
			double q = 1 - p;
			support++;
			for (int k = support; k >= 1; k--) {
				counts[k] = counts[k] * q + counts[k - 1] * p;
			}
			counts[0] *= q;
		}
	}

}
