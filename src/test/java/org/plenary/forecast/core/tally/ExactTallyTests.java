package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExactTallyTests {

	private static final double EXACT = 1e-12;

	private final ExactTally tally = new ExactTally();

	@Provide
	Arbitrary<List<VoteProbabilities>> smallBodies() {
		return TestBodies.bodies(0, 7);
	}

	@Provide
	Arbitrary<List<VoteProbabilities>> anyBodies() {
		return TestBodies.bodies(0, 200);
	}

	@Property(tries = 300)
	void agreesWithEnumeratingEveryOutcome(@ForAll("smallBodies") List<VoteProbabilities> states) {
		TallyDistribution distribution = this.tally.independent(states);
		BruteForce expected = BruteForce.of(states);
		int members = states.size();
		for (int y = 0; y <= members; y++) {
			for (int n = 0; n <= members - y; n++) {
				assertThat(distribution.probability(y, n)).isCloseTo(expected.joint[y][n], within(EXACT));
				assertThat(distribution.probabilityWithoutPermanentNo(y, n))
					.isCloseTo(expected.withoutPermanentNo[y][n], within(EXACT));
			}
		}
		for (Vote vote : Vote.values()) {
			double[] marginal = distribution.distribution(vote);
			double[] reference = expected.marginal(vote);
			for (int k = 0; k <= members; k++) {
				assertThat(marginal[k]).as("%s = %d", vote, k).isCloseTo(reference[k], within(EXACT));
			}
			assertThat(distribution.percentile(vote, 0.1)).isEqualTo(expected.percentile(vote, 0.1));
			assertThat(distribution.percentile(vote, 0.9)).isEqualTo(expected.percentile(vote, 0.9));
		}
		for (AdoptionRule rule : TestBodies.everyRule(members)) {
			assertThat(distribution.adoptionProbability(rule)).as(rule.toString())
				.isCloseTo(expected.adoption(rule), within(EXACT));
		}
	}

	@Test
	void agreesWithEnumerationForTheSecurityCouncilWithItsRealThreshold() {
		// 15 members, 5 permanent; 7 uncertain (4^7 outcomes), the other 8 certain
		Random random = new Random(27);
		for (int trial = 0; trial < 50; trial++) {
			List<VoteProbabilities> council = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				VoteProbabilities p = TestBodies.random(random, 1).get(0);
				council.add(i < 5 ? p.asPermanentMember() : p);
			}
			for (int i = 0; i < 8; i++) {
				council.add(VoteProbabilities.certain(i < 6 ? Vote.YES : (i == 6 ? Vote.NO : Vote.ABSTAIN)));
			}
			TallyDistribution distribution = this.tally.independent(council);
			BruteForce expected = BruteForce.of(council);
			for (AdoptionRule rule : List.of(AdoptionRule.securityCouncilProcedural(),
					AdoptionRule.securityCouncilSubstantive())) {
				assertThat(distribution.adoptionProbability(rule)).isCloseTo(expected.adoption(rule), within(EXACT));
			}
			assertThat(distribution.adoptionProbability(AdoptionRule.securityCouncilSubstantive()))
				.isLessThanOrEqualTo(distribution.adoptionProbability(AdoptionRule.securityCouncilProcedural()));
		}
	}

	@Test
	void certainVotesGiveCertainVerdictsUnderEveryRule() {
		// 9 Yes (one permanent), 2 No (one permanent), 4 Abstain (one permanent)
		List<VoteProbabilities> council = new ArrayList<>();
		council.addAll(Collections.nCopies(8, VoteProbabilities.certain(Vote.YES)));
		council.add(VoteProbabilities.certain(Vote.YES).asPermanentMember());
		council.add(VoteProbabilities.certain(Vote.NO));
		council.add(VoteProbabilities.certain(Vote.NO).asPermanentMember());
		council.addAll(Collections.nCopies(3, VoteProbabilities.certain(Vote.ABSTAIN)));
		council.add(VoteProbabilities.certain(Vote.ABSTAIN).asPermanentMember());
		TallyDistribution distribution = this.tally.independent(council);
		assertThat(distribution.probability(9, 2)).isEqualTo(1.0);
		assertThat(distribution.adoptionProbability(AdoptionRule.simpleMajority())).isEqualTo(1.0);
		assertThat(distribution.adoptionProbability(AdoptionRule.twoThirds())).isEqualTo(1.0);
		assertThat(distribution.adoptionProbability(AdoptionRule.securityCouncilProcedural())).isEqualTo(1.0);
		assertThat(distribution.adoptionProbability(AdoptionRule.quota(10))).isZero();
		// the permanent member's No is a veto; its abstention would not be
		assertThat(distribution.adoptionProbability(AdoptionRule.securityCouncilSubstantive())).isZero();
		council.set(10, VoteProbabilities.certain(Vote.ABSTAIN).asPermanentMember());
		assertThat(this.tally.independent(council).adoptionProbability(AdoptionRule.securityCouncilSubstantive()))
			.isEqualTo(1.0);
	}

	@Property(tries = 100)
	void probabilitiesSumToOne(@ForAll("anyBodies") List<VoteProbabilities> states) {
		TallyDistribution distribution = this.tally.independent(states);
		assertThat(distribution.totalProbability()).isCloseTo(1.0, within(1e-12));
		for (Vote vote : Vote.values()) {
			double sum = 0;
			for (double p : distribution.distribution(vote)) {
				assertThat(p).isBetween(0.0, 1.0 + 1e-12);
				sum += p;
			}
			assertThat(sum).as(vote.label()).isCloseTo(1.0, within(1e-12));
		}
	}

	@Property(tries = 100)
	void expectedCountsAreTheSumsOfEachStatesProbability(@ForAll("anyBodies") List<VoteProbabilities> states) {
		TallyDistribution distribution = this.tally.independent(states);
		for (Vote vote : Vote.values()) {
			double sum = states.stream().mapToDouble(state -> state.probability(vote)).sum();
			assertThat(distribution.expected(vote)).as(vote.label()).isCloseTo(sum, within(1e-9));
		}
	}

	@Test
	void identicalStatesFollowTheMultinomial() {
		int members = 30;
		VoteProbabilities state = VoteProbabilities.of(0.45, 0.25, 0.2, 0.1);
		TallyDistribution distribution = this.tally.independent(Collections.nCopies(members, state));
		double neither = state.neither();
		for (int y = 0; y <= members; y++) {
			for (int n = 0; n <= members - y; n++) {
				int rest = members - y - n;
				double expected = Math
					.exp(logFactorial(members) - logFactorial(y) - logFactorial(n) - logFactorial(rest)
							+ y * Math.log(state.yes()) + n * Math.log(state.no()) + rest * Math.log(neither));
				assertThat(distribution.probability(y, n)).isCloseTo(expected, within(1e-13));
			}
		}
		// and each count on its own is binomial
		for (Vote vote : Vote.values()) {
			double p = state.probability(vote);
			double[] marginal = distribution.distribution(vote);
			for (int k = 0; k <= members; k++) {
				double binomial = Math.exp(logFactorial(members) - logFactorial(k) - logFactorial(members - k)
						+ k * Math.log(p) + (members - k) * Math.log(1 - p));
				assertThat(marginal[k]).isCloseTo(binomial, within(1e-13));
			}
		}
	}

	@Test
	void aTieUnderSimpleMajorityRejectsSoTwoCoinTossesAdoptWithProbabilityOneQuarter() {
		// two states each Yes or No with probability 1/2: only Yes-Yes adopts; 1-1 is a
		// tie
		VoteProbabilities coin = VoteProbabilities.of(0.5, 0.5, 0, 0);
		TallyDistribution distribution = this.tally.independent(List.of(coin, coin));
		assertThat(distribution.adoptionProbability(AdoptionRule.simpleMajority())).isEqualTo(0.25);
		// two-thirds: 2-0 adopts, 1-1 fails (1 < 2)
		assertThat(distribution.adoptionProbability(AdoptionRule.twoThirds())).isEqualTo(0.25);
	}

	@Test
	void aCertainYesStaysCertain() {
		int certain = 60;
		List<VoteProbabilities> states = new ArrayList<>(
				Collections.nCopies(certain, VoteProbabilities.certain(Vote.YES)));
		states.addAll(TestBodies.random(new Random(1), 133));
		Collections.shuffle(states, new Random(2));
		TallyDistribution distribution = this.tally.independent(states);
		assertThat(distribution.probabilityAtLeast(Vote.YES, certain)).isCloseTo(1.0, within(1e-12));
		double[] yes = distribution.distribution(Vote.YES);
		for (int k = 0; k < certain; k++) {
			assertThat(yes[k]).isZero();
		}
		assertThat(distribution.forecast(Vote.YES).low()).isGreaterThanOrEqualTo(certain);
		// 60 certain Yes pass a quota of 60 for sure
		assertThat(distribution.adoptionProbability(AdoptionRule.quota(certain))).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void theArticle19ListForcesNonVoting() {
		List<VoteProbabilities> others = TestBodies.random(new Random(3), 40);
		List<VoteProbabilities> states = new ArrayList<>(others);
		int inArrears = 7;
		for (int i = 0; i < inArrears; i++) {
			states.add(5 * i, VoteProbabilities.certain(Vote.NON_VOTING));
		}
		TallyDistribution withList = this.tally.independent(states);
		TallyDistribution without = this.tally.independent(others);
		// the states in arrears never count for Yes, No or Abstain
		for (int y = 0; y <= others.size(); y++) {
			for (int n = 0; n <= others.size() - y; n++) {
				assertThat(withList.probability(y, n)).isEqualTo(without.probability(y, n));
			}
		}
		assertThat(withList.probabilityAtLeast(Vote.NON_VOTING, inArrears)).isCloseTo(1.0, within(1e-12));
		assertThat(withList.probabilityAtLeast(Vote.YES, others.size() + 1)).isZero();
		assertThat(withList.expected(Vote.ABSTAIN)).isCloseTo(without.expected(Vote.ABSTAIN), within(1e-12));
		assertThat(withList.expected(Vote.NON_VOTING)).isCloseTo(without.expected(Vote.NON_VOTING) + inArrears,
				within(1e-12));
		for (AdoptionRule rule : TestBodies.everyRule(others.size())) {
			assertThat(withList.adoptionProbability(rule)).isEqualTo(without.adoptionProbability(rule));
		}
	}

	@Test
	void es11Slash1AsNearCertainReadsPassesTwoThirds() {
		TallyDistribution distribution = this.tally.independent(TestBodies.es11Slash1());
		assertThat(distribution.members()).isEqualTo(193);
		assertThat(distribution.adoptionProbability(AdoptionRule.twoThirds())).isGreaterThan(0.999999);
		assertThat(distribution.adoptionProbability(AdoptionRule.simpleMajority())).isGreaterThan(0.999999);
		TallySummary summary = distribution.summary(AdoptionRule.twoThirds());
		assertThat(summary.yes().expected()).isCloseTo(141 * 0.98 + 40 * 0.005, within(1e-9));
		assertThat(summary.yes().low()).isBetween(135, 141);
		assertThat(summary.yes().high()).isBetween(138, 143);
		assertThat(summary.nonVoting().low()).isGreaterThanOrEqualTo(12);
		// the record itself, 141-5-35, is well inside what the forecast allows
		assertThat(distribution.probabilityAtLeast(Vote.YES, 141)).isGreaterThan(0.01);
		// two-thirds of the whole membership (129 of 193) would be a harder rule: 141 Yes
		// at 98 % each still clear it, but no longer beyond any doubt
		assertThat(distribution.adoptionProbability(AdoptionRule.quota(129))).isBetween(0.9999, 0.999999);
		// a shared swing away from the draft does not change the verdict, only the count
		TallyDistribution shocked = this.tally.withCommonShock(TestBodies.es11Slash1(), CommonShock.DEFAULT);
		assertThat(shocked.adoptionProbability(AdoptionRule.twoThirds())).isGreaterThan(0.999999);
		assertThat(shocked.forecast(Vote.YES).low()).isLessThan(summary.yes().low());
	}

	@Test
	void anEmptyBodyAdoptsOnlyAQuotaOfZero() {
		TallyDistribution distribution = this.tally.independent(List.of());
		assertThat(distribution.totalProbability()).isEqualTo(1.0);
		assertThat(distribution.adoptionProbability(AdoptionRule.simpleMajority())).isZero();
		assertThat(distribution.adoptionProbability(AdoptionRule.twoThirds())).isZero();
		assertThat(distribution.adoptionProbability(AdoptionRule.quota(0))).isEqualTo(1.0);
		assertThat(distribution.forecast(Vote.YES)).isEqualTo(new CountForecast(0, 0, 0));
	}

	@Test
	void reusingOneTallyForBodiesOfDifferentSizesGivesTheSameAnswers() {
		List<VoteProbabilities> large = TestBodies.random(new Random(4), 120);
		List<VoteProbabilities> small = TestBodies.random(new Random(5), 6);
		TallyDistribution fresh = new ExactTally().independent(small);
		this.tally.independent(large);
		TallyDistribution reused = this.tally.independent(small);
		for (int y = 0; y <= 6; y++) {
			for (int n = 0; n <= 6 - y; n++) {
				assertThat(reused.probability(y, n)).isEqualTo(fresh.probability(y, n));
			}
		}
	}

	private static double logFactorial(int n) {
		double sum = 0;
		for (int i = 2; i <= n; i++) {
			sum += Math.log(i);
		}
		return sum;
	}

}
