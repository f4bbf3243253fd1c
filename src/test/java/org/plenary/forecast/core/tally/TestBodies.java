package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Bodies of member states to forecast, random and from the public record. */
final class TestBodies {

	private TestBodies() {
	}

	/**
	 * One state's probabilities: each of the four often exactly zero, so that certain and
	 * impossible votes are common; sometimes a permanent member.
	 */
	static Arbitrary<VoteProbabilities> states() {
		Arbitrary<Double> weight = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
				Tuple.of(4, Arbitraries.doubles().between(0, 1)));
		return Combinators
			.combine(weight, weight, weight, weight, Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)))
			.as(TestBodies::normalised);
	}

	static Arbitrary<List<VoteProbabilities>> bodies(int minSize, int maxSize) {
		return states().list().ofMinSize(minSize).ofMaxSize(maxSize);
	}

	static List<VoteProbabilities> random(Random random, int size) {
		List<VoteProbabilities> states = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			states.add(normalised(random.nextDouble(), random.nextDouble(), random.nextDouble(),
					random.nextDouble() * 0.2, false));
		}
		return states;
	}

	static VoteProbabilities normalised(double yes, double no, double abstain, double nonVoting, boolean permanent) {
		double sum = yes + no + abstain + nonVoting;
		if (sum == 0) {
			return VoteProbabilities.certain(Vote.ABSTAIN);
		}
		return new VoteProbabilities(yes / sum, no / sum, abstain / sum, nonVoting / sum, permanent);
	}

	/**
	 * A/RES/ES-11/1 (2 March 2022), 141-5-35 with 12 not voting, as near-certain reads:
	 * each state 98 % its recorded vote, the rest spread over the other three; the
	 * non-voting states certain (as if on the Art. 19 list).
	 */
	static List<VoteProbabilities> es11Slash1() {
		List<VoteProbabilities> states = new ArrayList<>();
		states.addAll(Collections.nCopies(141, VoteProbabilities.of(0.98, 0.005, 0.01, 0.005)));
		states.addAll(Collections.nCopies(5, VoteProbabilities.of(0.005, 0.98, 0.01, 0.005)));
		states.addAll(Collections.nCopies(35, VoteProbabilities.of(0.005, 0.005, 0.98, 0.01)));
		states.addAll(Collections.nCopies(12, VoteProbabilities.certain(Vote.NON_VOTING)));
		return states;
	}

	/** Every rule, with the Council's threshold also at small sizes so that it bites. */
	static List<AdoptionRule> everyRule(int members) {
		List<AdoptionRule> rules = new ArrayList<>(List.of(AdoptionRule.simpleMajority(), AdoptionRule.twoThirds(),
				AdoptionRule.securityCouncilProcedural(), AdoptionRule.securityCouncilSubstantive()));
		for (int k = 0; k <= members + 1; k++) {
			rules.add(AdoptionRule.quota(k));
			rules.add(new AdoptionRule(AdoptionRule.Kind.SECURITY_COUNCIL_PROCEDURAL, k));
			rules.add(new AdoptionRule(AdoptionRule.Kind.SECURITY_COUNCIL_SUBSTANTIVE, k));
		}
		return rules;
	}

}
