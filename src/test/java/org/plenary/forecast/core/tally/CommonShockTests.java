package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CommonShockTests {

	private final ExactTally tally = new ExactTally();

	@Provide
	Arbitrary<List<VoteProbabilities>> smallBodies() {
		return TestBodies.bodies(0, 6);
	}

	@Provide
	Arbitrary<List<VoteProbabilities>> anyBodies() {
		return TestBodies.bodies(0, 200);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 5, 9, 11, 15, 20, 40 })
	void theQuadratureHasTheMomentsOfTheNormal(int nodes) {
		double sigma = 0.7;
		CommonShock shock = CommonShock.of(sigma, nodes);
		double[] moments = new double[5];
		for (int i = 0; i < shock.nodes(); i++) {
			for (int power = 0; power < moments.length; power++) {
				moments[power] += shock.weight(i) * Math.pow(shock.shift(i), power);
			}
		}
		assertThat(moments[0]).isCloseTo(1, within(1e-14));
		assertThat(moments[1]).isCloseTo(0, within(1e-14));
		// K nodes integrate polynomials up to degree 2K - 1 exactly
		if (nodes >= 2) {
			assertThat(moments[2]).isCloseTo(sigma * sigma, within(1e-13));
			assertThat(moments[3]).isCloseTo(0, within(1e-13));
		}
		if (nodes >= 3) {
			assertThat(moments[4]).isCloseTo(3 * Math.pow(sigma, 4), within(1e-13));
		}
	}

	@Property(tries = 100)
	void sigmaZeroIsExactlyIndependentVoting(@ForAll("anyBodies") List<VoteProbabilities> states) {
		TallyDistribution independent = this.tally.independent(states);
		TallyDistribution shocked = this.tally.withCommonShock(states, CommonShock.of(0, 11));
		for (Vote vote : Vote.values()) {
			assertThat(shocked.distribution(vote)).containsExactly(independent.distribution(vote));
		}
		for (int y = 0; y <= states.size(); y++) {
			for (int n = 0; n <= states.size() - y; n++) {
				assertThat(shocked.probability(y, n)).isEqualTo(independent.probability(y, n));
				assertThat(shocked.probabilityWithoutPermanentNo(y, n))
					.isEqualTo(independent.probabilityWithoutPermanentNo(y, n));
			}
		}
	}

	@Property(tries = 100)
	void theShockedTallyAveragesTheEnumeratedTallyOverTheShifts(@ForAll("smallBodies") List<VoteProbabilities> states,
			@ForAll @DoubleRange(min = 0.01, max = 2) double sigma) {
		CommonShock shock = CommonShock.of(sigma, 7);
		TallyDistribution shocked = this.tally.withCommonShock(states, shock);
		int members = states.size();
		double[][] joint = new double[members + 1][members + 1];
		double[] adoption = new double[TestBodies.everyRule(members).size()];
		for (int node = 0; node < shock.nodes(); node++) {
			double shift = shock.shift(node);
			BruteForce enumerated = BruteForce
				.of(states.stream().map(state -> CommonShock.shifted(state, shift)).toList());
			for (int y = 0; y <= members; y++) {
				for (int n = 0; n <= members - y; n++) {
					joint[y][n] += shock.weight(node) * enumerated.joint[y][n];
				}
			}
			List<AdoptionRule> rules = TestBodies.everyRule(members);
			for (int r = 0; r < rules.size(); r++) {
				adoption[r] += shock.weight(node) * enumerated.adoption(rules.get(r));
			}
		}
		for (int y = 0; y <= members; y++) {
			for (int n = 0; n <= members - y; n++) {
				assertThat(shocked.probability(y, n)).isCloseTo(joint[y][n], within(1e-12));
			}
		}
		List<AdoptionRule> rules = TestBodies.everyRule(members);
		for (int r = 0; r < rules.size(); r++) {
			assertThat(shocked.adoptionProbability(rules.get(r))).isCloseTo(adoption[r], within(1e-12));
		}
		assertThat(shocked.totalProbability()).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void theShiftIsAnOrderedLogit() {
		VoteProbabilities state = VoteProbabilities.of(0.3, 0.4, 0.2, 0.1);
		double shift = 0.8;
		VoteProbabilities moved = CommonShock.shifted(state, shift);
		double present = 0.9;
		assertThat(moved.no() / present).isCloseTo(logistic(logit(0.4 / present) - shift), within(1e-15));
		assertThat((moved.no() + moved.abstain()) / present).isCloseTo(logistic(logit(0.6 / present) - shift),
				within(1e-15));
		assertThat(moved.nonVoting()).isEqualTo(0.1);
		assertThat(moved.yes()).isGreaterThan(state.yes());
		assertThat(moved.no()).isLessThan(state.no());
		// and back again
		VoteProbabilities back = CommonShock.shifted(moved, -shift);
		assertThat(back.yes()).isCloseTo(0.3, within(1e-14));
		assertThat(back.no()).isCloseTo(0.4, within(1e-14));
		assertThat(back.abstain()).isCloseTo(0.2, within(1e-14));
	}

	@Property
	void aShiftKeepsCertainVotesCertainAndImpossibleOnesImpossible(@ForAll("states") VoteProbabilities state,
			@ForAll @DoubleRange(min = -5, max = 5) double shift) {
		VoteProbabilities moved = CommonShock.shifted(state, shift);
		for (Vote vote : Vote.values()) {
			if (state.probability(vote) == 0) {
				assertThat(moved.probability(vote)).as(vote.label()).isZero();
			}
			if (state.probability(vote) == 1) {
				assertThat(moved.probability(vote)).as(vote.label()).isEqualTo(1.0);
			}
		}
		assertThat(moved.nonVoting()).isEqualTo(state.nonVoting());
		assertThat(moved.permanentMember()).isEqualTo(state.permanentMember());
		if (shift > 0) {
			assertThat(moved.yes()).isGreaterThanOrEqualTo(state.yes() - 1e-15);
			assertThat(moved.no()).isLessThanOrEqualTo(state.no() + 1e-15);
		}
	}

	@Provide
	Arbitrary<VoteProbabilities> states() {
		return TestBodies.states();
	}

	@Test
	void aCertainYesStaysCertainUnderTheShock() {
		List<VoteProbabilities> states = new ArrayList<>(Collections.nCopies(50, VoteProbabilities.certain(Vote.YES)));
		states.addAll(TestBodies.random(new Random(6), 100));
		TallyDistribution shocked = this.tally.withCommonShock(states, CommonShock.of(1.5));
		assertThat(shocked.probabilityAtLeast(Vote.YES, 50)).isCloseTo(1.0, within(1e-12));
		assertThat(shocked.distribution(Vote.YES)[49]).isZero();
	}

	@Test
	void intervalsWidenWithSigma() {
		// 193 states each leaning Yes: independent voting gives a narrow interval that
		// nobody should believe; the shared shift widens it
		List<VoteProbabilities> states = Collections.nCopies(193, VoteProbabilities.of(0.55, 0.15, 0.25, 0.05));
		int previousWidth = -1;
		double previousExpectedNo = -1;
		for (double sigma : new double[] { 0, 0.25, 0.5, 1.0 }) {
			TallyDistribution distribution = this.tally.withCommonShock(states, CommonShock.of(sigma));
			CountForecast yes = distribution.forecast(Vote.YES);
			int width = yes.high() - yes.low();
			assertThat(width).as("sigma %s", sigma).isGreaterThan(previousWidth);
			assertThat(distribution.totalProbability()).isCloseTo(1.0, within(1e-12));
			// the Non-voting count does not feel the shift
			assertThat(distribution.expected(Vote.NON_VOTING)).isCloseTo(193 * 0.05, within(1e-9));
			previousWidth = width;
			previousExpectedNo = distribution.expected(Vote.NO);
		}
		assertThat(previousExpectedNo).isPositive();
	}

	@Test
	void aSharedSwingMakesAComfortableMajorityLessCertain() {
		// 101 states at 60:40 for Yes: voting independently, the law of large numbers
		// makes adoption nearly certain; a shared swing can take them all below 50:50 at
		// once, which is why the honest figure is lower
		List<VoteProbabilities> states = Collections.nCopies(101, VoteProbabilities.of(0.6, 0.4, 0, 0));
		double independent = this.tally.independent(states).adoptionProbability(AdoptionRule.simpleMajority());
		double shocked = this.tally.withCommonShock(states, CommonShock.DEFAULT)
			.adoptionProbability(AdoptionRule.simpleMajority());
		assertThat(independent).isGreaterThan(0.97);
		assertThat(shocked).isLessThan(independent).isGreaterThan(0.5);
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommonShock.of(-0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> CommonShock.of(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> CommonShock.of(0.5, 0));
		assertThat(CommonShock.of(0, 11).nodes()).isEqualTo(1);
		assertThat(CommonShock.NONE.isNone()).isTrue();
		assertThat(CommonShock.DEFAULT.sigma()).isEqualTo(0.5);
	}

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}

	private static double logistic(double x) {
		return 1 / (1 + Math.exp(-x));
	}

}
