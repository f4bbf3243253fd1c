package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.plenary.forecast.core.tally.Targeting.Candidate;
import org.plenary.forecast.core.tally.Targeting.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ScenariosTests {

	private final ExactTally tally = new ExactTally();

	@Test
	void theMixtureOfOneScenarioIsTheIndependentTally() {
		Random random = new Random(1);
		for (int trial = 0; trial < 20; trial++) {
			List<VoteProbabilities> states = body(random, 1 + random.nextInt(12));
			TallyDistribution independent = new ExactTally().independent(states);

			TallyDistribution mixture = this.tally.mixture(Scenarios.independent(states));

			assertSameTally(mixture, independent, 0);
		}
	}

	@Test
	void theMixtureOfTwoScenariosIsTheWeightedAverageOfTheirTallies() {
		Random random = new Random(2);
		for (int trial = 0; trial < 20; trial++) {
			int members = 1 + random.nextInt(8);
			List<VoteProbabilities> first = body(random, members);
			List<VoteProbabilities> second = alike(random, first);
			// weights 1 and 3 are 1/4 and 3/4 once normalised
			Scenarios scenarios = new Scenarios(new double[] { 1, 3 }, List.of(first, second));
			TallyDistribution a = new ExactTally().independent(first);
			TallyDistribution b = new ExactTally().independent(second);
			BruteForce bruteA = BruteForce.of(first);
			BruteForce bruteB = BruteForce.of(second);

			TallyDistribution mixture = this.tally.mixture(scenarios);

			assertThat(scenarios.weight(0)).isEqualTo(0.25);
			assertThat(scenarios.weight(1)).isEqualTo(0.75);
			for (int y = 0; y <= members; y++) {
				for (int n = 0; n <= members - y; n++) {
					assertThat(mixture.probability(y, n))
						.isCloseTo(0.25 * a.probability(y, n) + 0.75 * b.probability(y, n), within(1e-15))
						.isCloseTo(0.25 * bruteA.joint[y][n] + 0.75 * bruteB.joint[y][n], within(1e-12));
					assertThat(mixture.probabilityWithoutPermanentNo(y, n)).isCloseTo(
							0.25 * bruteA.withoutPermanentNo[y][n] + 0.75 * bruteB.withoutPermanentNo[y][n],
							within(1e-12));
				}
			}
			for (Vote vote : Vote.values()) {
				double[] mixed = mixture.distribution(vote);
				double[] ofA = a.distribution(vote);
				double[] ofB = b.distribution(vote);
				for (int k = 0; k <= members; k++) {
					assertThat(mixed[k]).as("%s = %d", vote, k).isCloseTo(0.25 * ofA[k] + 0.75 * ofB[k], within(1e-15));
				}
				assertThat(mixture.expected(vote)).isCloseTo(0.25 * a.expected(vote) + 0.75 * b.expected(vote),
						within(1e-12));
			}
			for (AdoptionRule rule : TestBodies.everyRule(members)) {
				assertThat(mixture.adoptionProbability(rule)).as("%s", rule)
					.isCloseTo(0.25 * bruteA.adoption(rule) + 0.75 * bruteB.adoption(rule), within(1e-12));
			}
			assertThat(mixture.totalProbability()).isCloseTo(1, within(1e-12));
		}
	}

	@Test
	void aMixtureIsNotTheTallyOfItsAverageStates() {
		// two scenarios where everyone votes Yes, or everyone No: never a close vote
		List<VoteProbabilities> yes = List.of(VoteProbabilities.of(0.9, 0.1, 0, 0),
				VoteProbabilities.of(0.9, 0.1, 0, 0), VoteProbabilities.of(0.9, 0.1, 0, 0));
		List<VoteProbabilities> no = List.of(VoteProbabilities.of(0.1, 0.9, 0, 0), VoteProbabilities.of(0.1, 0.9, 0, 0),
				VoteProbabilities.of(0.1, 0.9, 0, 0));
		Scenarios scenarios = new Scenarios(new double[] { 0.5, 0.5 }, List.of(yes, no));

		TallyDistribution mixture = this.tally.mixture(scenarios);
		TallyDistribution averaged = this.tally.independent(scenarios.marginals());

		assertThat(mixture.probability(3, 0)).isCloseTo(0.5 * 0.729 + 0.5 * 0.001, within(1e-15));
		assertThat(averaged.probability(3, 0)).isCloseTo(0.125, within(1e-15));
	}

	@Test
	void theScenariosOfACommonShockGiveItsTally() {
		Random random = new Random(3);
		for (CommonShock shock : List.of(CommonShock.NONE, CommonShock.of(0.7, 5), CommonShock.DEFAULT)) {
			for (int trial = 0; trial < 10; trial++) {
				List<VoteProbabilities> states = body(random, 1 + random.nextInt(12));
				Scenarios scenarios = Scenarios.of(states, shock);

				assertThat(scenarios.size()).isEqualTo(shock.nodes());
				assertSameTally(this.tally.mixture(scenarios), new ExactTally().withCommonShock(states, shock), 1e-13);
			}
		}
	}

	@Test
	void theMarginalsAreTheStatesProbabilitiesAveragedOverTheScenarios() {
		Random random = new Random(4);
		List<VoteProbabilities> first = body(random, 6);
		List<List<VoteProbabilities>> states = List.of(first, alike(random, first), alike(random, first));
		double[] weights = { 2, 0, 6 };
		Scenarios scenarios = new Scenarios(weights, states);

		List<VoteProbabilities> marginals = scenarios.marginals();

		assertThat(marginals).hasSize(6);
		for (int i = 0; i < 6; i++) {
			for (Vote vote : Vote.values()) {
				double expected = 0.25 * states.get(0).get(i).probability(vote)
						+ 0.75 * states.get(2).get(i).probability(vote);
				assertThat(marginals.get(i).probability(vote)).isCloseTo(expected, within(1e-15));
			}
			assertThat(marginals.get(i).permanentMember()).isEqualTo(states.get(0).get(i).permanentMember());
		}
		assertThat(scenarios.members()).isEqualTo(6);
		assertThat(scenarios.states(1)).isEqualTo(states.get(1));
	}

	@Test
	void refusesBadWeights() {
		List<VoteProbabilities> states = List.of(VoteProbabilities.of(0.5, 0.5, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scenarios(new double[0], List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scenarios(new double[] { 1, 1 }, List.of(states)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 1 }, List.of(states, states)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 2, -1 }, List.of(states, states)))
			.withMessageContaining("-1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 1, Double.NaN }, List.of(states, states)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 1, Double.POSITIVE_INFINITY }, List.of(states, states)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 0, 0 }, List.of(states, states)))
			.withMessageContaining("zero");
		List<VoteProbabilities> two = List.of(VoteProbabilities.of(1, 0, 0, 0), VoteProbabilities.of(0, 1, 0, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenarios(new double[] { 1, 1 }, List.of(states, two)))
			.withMessageContaining("Scenario 1");
	}

	@ParameterizedTest
	@ValueSource(longs = { 5, 6, 7, 8, 9 })
	void eachStatesGainIsWhatRecomputingTheWholeMixtureGives(long seed) {
		Random random = new Random(seed);
		int members = 8;
		int size = 1 + random.nextInt(4);
		List<List<VoteProbabilities>> states = new ArrayList<>();
		double[] weights = new double[size];
		List<VoteProbabilities> first = body(random, members);
		for (int s = 0; s < size; s++) {
			states.add((s == 0) ? first : alike(random, first));
			weights[s] = 0.1 + random.nextDouble();
		}
		Scenarios scenarios = new Scenarios(weights, states);
		List<Candidate> candidates = new ArrayList<>();
		List<VoteProbabilities> marginals = scenarios.marginals();
		for (int i = 0; i < members; i++) {
			candidates.add(Candidate.of("S" + i, marginals.get(i)));
		}
		TallyDistribution before = this.tally.mixture(scenarios);
		Targeting targeting = new Targeting();
		for (AdoptionRule rule : List.of(AdoptionRule.simpleMajority(), AdoptionRule.twoThirds())) {
			for (Vote ask : List.of(Vote.YES, Vote.NO, Vote.ABSTAIN)) {
				List<Target> targets = targeting.rank(candidates, scenarios, rule, ask);

				assertThat(targets).extracting(Target::state)
					.containsExactlyInAnyOrderElementsOf(movable(candidates, ask));
				for (Target target : targets) {
					int i = Integer.parseInt(target.state().substring(1));
					List<List<VoteProbabilities>> moved = new ArrayList<>();
					for (int s = 0; s < size; s++) {
						List<VoteProbabilities> scenario = new ArrayList<>(states.get(s));
						scenario.set(i, Targeting.stepTowards(scenario.get(i), ask));
						moved.add(scenario);
					}
					TallyDistribution after = this.tally.mixture(new Scenarios(weights, moved));
					double gain = after.adoptionProbability(rule) - before.adoptionProbability(rule);
					assertThat(target.adoptionGain()).as("%s, ask %s, %s", rule.kind(), ask, target.state())
						.isCloseTo(gain, within(1e-12));
					assertThat(target.expectedYesGain()).isCloseTo(after.expected(Vote.YES) - before.expected(Vote.YES),
							within(1e-12));
					assertThat(target.expectedNoGain()).isCloseTo(after.expected(Vote.NO) - before.expected(Vote.NO),
							within(1e-12));
					assertThat(target.probabilities()).isEqualTo(marginals.get(i));
				}
			}
		}
	}

	@Test
	void theStepMovesEachScenariosOwnProbabilities() {
		// a state undecided on average, but certain in each scenario: moving the
		// marginal would be wrong, the step moves each scenario's vote
		List<VoteProbabilities> yesWorld = new ArrayList<>();
		List<VoteProbabilities> noWorld = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			yesWorld.add(VoteProbabilities.certain(Vote.YES));
			noWorld.add(VoteProbabilities.certain(Vote.NO));
		}
		yesWorld.add(VoteProbabilities.certain(Vote.NO));
		noWorld.add(VoteProbabilities.certain(Vote.YES));
		Scenarios scenarios = new Scenarios(new double[] { 1, 1 }, List.of(yesWorld, noWorld));
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			candidates.add(Candidate.of("S" + i, scenarios.marginals().get(i)));
		}

		List<Target> targets = new Targeting().rank(candidates, scenarios, AdoptionRule.simpleMajority(), Vote.YES);

		// in the Yes world, 4-1 stays adopted whatever S4 does; in the No world, 1-4
		// stays
		// rejected: no state's step changes the outcome, though each moves half a vote
		assertThat(targets).hasSize(5);
		for (Target target : targets) {
			assertThat(target.adoptionGain()).isCloseTo(0, within(1e-15));
			assertThat(target.expectedNoGain()).isCloseTo(-0.25, within(1e-15));
		}
	}

	@Test
	void refusesScenariosOfAnotherSize() {
		Scenarios scenarios = Scenarios.independent(List.of(VoteProbabilities.of(0.5, 0.5, 0, 0)));
		List<Candidate> two = List.of(Candidate.of("A", VoteProbabilities.of(0.5, 0.5, 0, 0)),
				Candidate.of("B", VoteProbabilities.of(0.5, 0.5, 0, 0)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Targeting().rank(two, scenarios, AdoptionRule.simpleMajority(), Vote.YES));
		assertThatIllegalArgumentException().isThrownBy(() -> new Targeting().rank(two.subList(0, 1), scenarios,
				AdoptionRule.simpleMajority(), Vote.NON_VOTING));
	}

	private static List<String> movable(List<Candidate> candidates, Vote ask) {
		List<String> result = new ArrayList<>();
		for (Candidate candidate : candidates) {
			VoteProbabilities p = candidate.probabilities();
			double other = switch (ask) {
				case YES -> p.no() + p.abstain();
				case NO -> p.yes() + p.abstain();
				default -> p.yes() + p.no();
			};
			if (other > 0) {
				result.add(candidate.state());
			}
		}
		return result;
	}

	/** Random states, some votes impossible or certain, a few permanent members. */
	private static List<VoteProbabilities> body(Random random, int size) {
		List<VoteProbabilities> states = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			double[] p = new double[4];
			for (int v = 0; v < 4; v++) {
				p[v] = (random.nextInt(5) == 0) ? 0 : random.nextDouble();
			}
			states.add(TestBodies.normalised(p[0], p[1], p[2], p[3], random.nextInt(4) == 0));
		}
		return states;
	}

	/** Other random states, the permanent members the same. */
	private static List<VoteProbabilities> alike(Random random, List<VoteProbabilities> states) {
		List<VoteProbabilities> other = body(random, states.size());
		List<VoteProbabilities> result = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			VoteProbabilities p = other.get(i);
			result.add(new VoteProbabilities(p.yes(), p.no(), p.abstain(), p.nonVoting(),
					states.get(i).permanentMember()));
		}
		return result;
	}

	private static void assertSameTally(TallyDistribution actual, TallyDistribution expected, double tolerance) {
		int members = expected.members();
		assertThat(actual.members()).isEqualTo(members);
		for (int y = 0; y <= members; y++) {
			for (int n = 0; n <= members - y; n++) {
				assertThat(actual.probability(y, n)).as("P(%d, %d)", y, n)
					.isCloseTo(expected.probability(y, n), within(tolerance));
				assertThat(actual.probabilityWithoutPermanentNo(y, n))
					.isCloseTo(expected.probabilityWithoutPermanentNo(y, n), within(tolerance));
			}
		}
		for (Vote vote : Vote.values()) {
			double[] a = actual.distribution(vote);
			double[] e = expected.distribution(vote);
			for (int k = 0; k <= members; k++) {
				assertThat(a[k]).as("%s = %d", vote, k).isCloseTo(e[k], within(tolerance));
			}
		}
	}

	@org.junit.jupiter.api.Test
	void thinningKeepsEveryKthScenarioWithItsWeight() {
		java.util.List<java.util.List<VoteProbabilities>> states = new java.util.ArrayList<>();
		double[] weights = new double[10];
		for (int s = 0; s < 10; s++) {
			double yes = 0.05 + 0.09 * s;
			states.add(java.util.List.of(VoteProbabilities.of(yes, 1 - yes, 0, 0)));
			weights[s] = s + 1;
		}
		Scenarios all = new Scenarios(weights, states);
		org.assertj.core.api.Assertions.assertThat(all.thinned(10)).isSameAs(all);
		Scenarios thinned = all.thinned(4);
		// stride 3: scenarios 0, 3, 6 and 9, weights 1, 4, 7 and 10 out of 22
		org.assertj.core.api.Assertions.assertThat(thinned.size()).isEqualTo(4);
		org.assertj.core.api.Assertions.assertThat(thinned.weight(1))
			.isCloseTo(4.0 / 22, org.assertj.core.api.Assertions.within(1e-12));
		org.assertj.core.api.Assertions.assertThat(thinned.states(3).get(0).yes())
			.isCloseTo(0.86, org.assertj.core.api.Assertions.within(1e-12));
	}

}
