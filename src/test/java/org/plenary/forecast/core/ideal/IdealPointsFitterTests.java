package org.plenary.forecast.core.ideal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class IdealPointsFitterTests {

	@Test
	void recoversDriftingPositionsFromSimulatedRollCalls() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(1, 150, 600, 10, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
				IdealPointsOptions.defaults().withOmega(0.2).withAnchorState(simulated.rightmostState()));
		System.out
			.println("dynamic: " + fitted.iterations() + " iterations, correlation " + simulated.correlation(fitted));
		assertThat(fitted.converged()).isTrue();
		assertThat(simulated.correlation(fitted)).isGreaterThan(0.95);
	}

	@Test
	void recoversWithTheDefaultDrift() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(2, 150, 600, 10, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
				IdealPointsOptions.defaults().withAnchorState(simulated.rightmostState()));
		assertThat(simulated.correlation(fitted)).isGreaterThan(0.95);
	}

	@Test
	void recoversStaticPositionsWithNoDrift() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(3, 150, 600, 10, 0.0, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
				IdealPointsOptions.defaults().withOmega(0).withAnchorState(simulated.rightmostState()));
		System.out
			.println("static: " + fitted.iterations() + " iterations, correlation " + simulated.correlation(fitted));
		assertThat(fitted.converged()).isTrue();
		assertThat(simulated.correlation(fitted)).isGreaterThan(0.95);
		// one position per state: the same in every session
		for (int i = 0; i < simulated.states; i++) {
			int first = fitted.firstSession(i);
			for (int session = first; session <= fitted.lastSession(i); session++) {
				assertThat(fitted.position(i, session)).isCloseTo(fitted.position(i, first), within(1e-9));
			}
		}
	}

	@Test
	void recoversTheRollCallsDiscriminations() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(4, 150, 600, 10, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
				IdealPointsOptions.defaults().withOmega(0.2).withAnchorState(simulated.rightmostState()));
		List<double[]> pairs = new ArrayList<>();
		for (int j = 0; j < simulated.beta.length; j++) {
			pairs.add(new double[] { simulated.beta[j], fitted.beta(j) });
		}
		assertThat(SimulatedRollCalls.correlation(pairs)).isGreaterThan(0.9);
	}

	@Test
	void probabilitiesOfTheThreeChoicesSumToOne() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(5, 80, 200, 4, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(), IdealPointsOptions.defaults());
		for (int j = 0; j < fitted.rollCalls(); j++) {
			assertThat(fitted.cutYes(j)).isGreaterThan(fitted.cutNo(j));
			for (double x = -4; x <= 4; x += 0.25) {
				for (double variance : new double[] { 0, 0.1, 1 }) {
					ChoiceProbabilities p = fitted.probabilities(j, x, variance);
					assertThat(p.yes()).isBetween(0.0, 1.0);
					assertThat(p.abstain()).isBetween(0.0, 1.0);
					assertThat(p.no()).isBetween(0.0, 1.0);
					assertThat(p.yes() + p.abstain() + p.no()).isCloseTo(1.0, within(1e-9));
				}
			}
		}
	}

	@Test
	void predictsHeldOutVotesBetterThanChanceAndThanTheRollCallsShares() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(6, 150, 600, 10, 0.2, 0.1);
		List<CastVote> training = new ArrayList<>();
		List<CastVote> heldOut = new ArrayList<>();
		for (int k = 0; k < simulated.votes.size(); k++) {
			(k % 10 == 3 ? heldOut : training).add(simulated.votes.get(k));
		}
		IdealPoints fitted = IdealPointsFitter.fit(new RollCallData(simulated.states, simulated.rollCalls, training),
				IdealPointsOptions.defaults());
		// the baseline knows each roll call's shares of Yes, Abstain and No in training
		double[][] shares = new double[simulated.rollCalls.size()][3];
		for (CastVote vote : training) {
			shares[vote.rollCall()][vote.choice().ordinal()]++;
		}
		double logLoss = 0;
		double baselineLoss = 0;
		int hits = 0;
		for (CastVote vote : heldOut) {
			ChoiceProbabilities p = fitted.probabilitiesForState(vote.rollCall(), vote.state());
			logLoss -= Math.log(p.of(vote.choice()));
			double[] s = shares[vote.rollCall()];
			baselineLoss -= Math.log((s[vote.choice().ordinal()] + 0.5) / (s[0] + s[1] + s[2] + 1.5));
			if (p.mostLikely() == vote.choice()) {
				hits++;
			}
		}
		logLoss /= heldOut.size();
		baselineLoss /= heldOut.size();
		double accuracy = (double) hits / heldOut.size();
		System.out.println("held out: log loss " + logLoss + " (roll call shares " + baselineLoss + ", chance "
				+ Math.log(3) + "), accuracy " + accuracy);
		assertThat(logLoss).isLessThan(Math.log(3)).isLessThan(baselineLoss);
		assertThat(accuracy).isGreaterThan(0.6);
	}

	@Test
	void positionsHaveMeanZeroAndStandardDeviationOneAndTheAnchorIsPositive() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(7, 100, 300, 6, 0.2, 0.1);
		for (int anchor : new int[] { simulated.leftmostState(), simulated.rightmostState() }) {
			IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
					IdealPointsOptions.defaults().withAnchorState(anchor));
			List<Double> positions = new ArrayList<>();
			double anchorSum = 0;
			for (int i = 0; i < simulated.states; i++) {
				for (int session = fitted.firstSession(i); session <= fitted.lastSession(i); session++) {
					positions.add(fitted.position(i, session));
					if (i == anchor) {
						anchorSum += fitted.position(i, session);
					}
				}
			}
			double mean = positions.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
			double variance = positions.stream().mapToDouble((x) -> (x - mean) * (x - mean)).average().orElseThrow();
			assertThat(mean).isCloseTo(0, within(1e-9));
			assertThat(Math.sqrt(variance)).isCloseTo(1, within(1e-9));
			assertThat(anchorSum).isPositive();
			assertThat(fitted.anchorState()).isEqualTo(anchor);
		}
	}

	@Test
	void theSameInputGivesTheSameOutputWhateverTheThreads() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(8, 120, 400, 8, 0.2, 0.1);
		IdealPoints once = IdealPointsFitter.fit(simulated.data(), IdealPointsOptions.defaults().withThreads(2));
		IdealPoints again = IdealPointsFitter.fit(simulated.data(), IdealPointsOptions.defaults().withThreads(2));
		IdealPoints alone = IdealPointsFitter.fit(simulated.data(), IdealPointsOptions.defaults().withThreads(1));
		for (IdealPoints other : List.of(again, alone)) {
			assertThat(other.iterations()).isEqualTo(once.iterations());
			for (int i = 0; i < simulated.states; i++) {
				for (int t = 0; t < simulated.sessions; t++) {
					int session = simulated.session(t);
					assertThat(other.position(i, session)).isEqualTo(once.position(i, session));
					assertThat(other.variance(i, session)).isEqualTo(once.variance(i, session));
				}
			}
			for (int j = 0; j < once.rollCalls(); j++) {
				assertThat(other.beta(j)).isEqualTo(once.beta(j));
				assertThat(other.cutNo(j)).isEqualTo(once.cutNo(j));
				assertThat(other.cutYes(j)).isEqualTo(once.cutYes(j));
			}
		}
	}

	@Test
	void fitsOnlyTheWindowOfSessions() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(9, 100, 400, 8, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(),
				IdealPointsOptions.defaults().withSessions(simulated.session(2), simulated.session(5)));
		assertThat(fitted.firstSession()).isEqualTo(simulated.session(2));
		assertThat(fitted.lastSession()).isEqualTo(simulated.session(5));
		for (int j = 0; j < fitted.rollCalls(); j++) {
			int session = simulated.rollCalls.get(j).session();
			assertThat(fitted.hasItem(j)).isEqualTo(session >= simulated.session(2) && session <= simulated.session(5));
		}
		long inWindow = simulated.votes.stream().filter((vote) -> fitted.hasItem(vote.rollCall())).count();
		assertThat(fitted.votes()).isEqualTo(inWindow);
	}

	@Test
	void outsideItsSessionsAStateKeepsItsNearestPositionWithGrowingVariance() {
		SimulatedRollCalls simulated = new SimulatedRollCalls(10, 100, 300, 6, 0.2, 0.1);
		IdealPoints fitted = IdealPointsFitter.fit(simulated.data(), IdealPointsOptions.defaults());
		int last = fitted.lastSession(0);
		assertThat(fitted.position(0, last + 3)).isEqualTo(fitted.position(0, last));
		assertThat(fitted.variance(0, last + 3))
			.isCloseTo(fitted.variance(0, last) + 3 * fitted.omega() * fitted.omega(), within(1e-12));
	}

	@Test
	void aStateWithoutVotesHasNoPosition() {
		List<RollCall> rollCalls = List.of(new RollCall(1, LocalDate.of(2020, 1, 1), 75),
				new RollCall(2, LocalDate.of(2020, 1, 2), 75));
		List<CastVote> votes = List.of(new CastVote(0, 0, VoteChoice.YES), new CastVote(0, 1, VoteChoice.NO),
				new CastVote(1, 0, VoteChoice.YES), new CastVote(1, 1, VoteChoice.ABSTAIN));
		IdealPoints fitted = IdealPointsFitter.fit(new RollCallData(3, rollCalls, votes),
				IdealPointsOptions.defaults().withAnchorState(0));
		assertThat(fitted.hasPosition(2)).isFalse();
		assertThat(fitted.position(2, 75)).isNaN();
		assertThat(fitted.position(0, 75)).isPositive();
		assertThat(fitted.position(1, 75)).isNegative();
	}

	@Test
	void rejectsTwoVotesOfOneStateOnOneRollCall() {
		List<RollCall> rollCalls = List.of(new RollCall(1, LocalDate.of(2020, 1, 1), 75));
		List<CastVote> votes = List.of(new CastVote(0, 0, VoteChoice.YES), new CastVote(0, 0, VoteChoice.NO));
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> IdealPointsFitter.fit(new RollCallData(1, rollCalls, votes), IdealPointsOptions.defaults()))
			.withMessageContaining("more than once");
	}

	@Test
	void rejectsVotesOfUnknownStatesOrRollCalls() {
		List<RollCall> rollCalls = List.of(new RollCall(1, LocalDate.of(2020, 1, 1), 75));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RollCallData(1, rollCalls, List.of(new CastVote(0, 1, VoteChoice.YES))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RollCallData(1, rollCalls, List.of(new CastVote(1, 0, VoteChoice.YES))));
	}

}
