package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.plenary.forecast.core.tally.Targeting.Candidate;
import org.plenary.forecast.core.tally.Targeting.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TargetingTests {

	private final Targeting targeting = new Targeting();

	private final ExactTally tally = new ExactTally();

	@Provide
	Arbitrary<List<VoteProbabilities>> bodies() {
		return TestBodies.bodies(1, 12);
	}

	@Provide
	Arbitrary<Vote> asks() {
		return Arbitraries.of(Vote.YES, Vote.NO, Vote.ABSTAIN);
	}

	@Provide
	Arbitrary<CommonShock> shocks() {
		return Arbitraries.of(CommonShock.NONE, CommonShock.of(0.7, 5), CommonShock.DEFAULT);
	}

	@Property(tries = 150)
	void gainsAreWhatRecomputingTheWholeTallyGives(@ForAll("bodies") List<VoteProbabilities> states,
			@ForAll("asks") Vote ask, @ForAll("shocks") CommonShock shock) {
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			candidates.add(Candidate.of("S" + i, states.get(i)));
		}
		TallyDistribution before = this.tally.withCommonShock(states, shock);
		for (AdoptionRule rule : TestBodies.everyRule(states.size())) {
			List<Target> targets = this.targeting.rank(candidates, rule, ask, shock);
			for (Target target : targets) {
				int i = Integer.parseInt(target.state().substring(1));
				List<VoteProbabilities> moved = new ArrayList<>(states);
				moved.set(i, Targeting.stepTowards(states.get(i), ask));
				TallyDistribution after = this.tally.withCommonShock(moved, shock);
				assertThat(target.adoptionGain()).as("%s, %s", rule, target)
					.isCloseTo(after.adoptionProbability(rule) - before.adoptionProbability(rule), within(1e-12));
				assertThat(target.expectedYesGain()).isCloseTo(after.expected(Vote.YES) - before.expected(Vote.YES),
						within(1e-12));
				assertThat(target.expectedNoGain()).isCloseTo(after.expected(Vote.NO) - before.expected(Vote.NO),
						within(1e-12));
			}
		}
	}

	@Test
	void aStepMovesHalfOfEachOutcomeOnePlaceTowardsTheAsk() {
		VoteProbabilities state = VoteProbabilities.of(0.2, 0.3, 0.4, 0.1);
		VoteProbabilities towardsYes = Targeting.stepTowards(state, Vote.YES);
		assertThat(towardsYes.yes()).isCloseTo(0.2 + 0.2, within(1e-15));
		assertThat(towardsYes.abstain()).isCloseTo(0.2 + 0.15, within(1e-15));
		assertThat(towardsYes.no()).isCloseTo(0.15, within(1e-15));
		assertThat(towardsYes.nonVoting()).isEqualTo(0.1);
		VoteProbabilities towardsNo = Targeting.stepTowards(state, Vote.NO);
		assertThat(towardsNo.no()).isCloseTo(0.3 + 0.2, within(1e-15));
		assertThat(towardsNo.abstain()).isCloseTo(0.2 + 0.1, within(1e-15));
		assertThat(towardsNo.yes()).isCloseTo(0.1, within(1e-15));
		VoteProbabilities towardsAbstain = Targeting.stepTowards(state, Vote.ABSTAIN);
		assertThat(towardsAbstain.abstain()).isCloseTo(0.4 + 0.25, within(1e-15));
		assertThat(towardsAbstain.yes()).isCloseTo(0.1, within(1e-15));
		assertThat(towardsAbstain.no()).isCloseTo(0.15, within(1e-15));
	}

	@Test
	void ranksAPivotalUndecidedStateAboveACertainOne() {
		// 10 certain Yes, 10 certain No, and Brazil undecided between Yes and No: Brazil
		// decides a simple majority
		List<Candidate> body = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			body.add(Candidate.of("Yes" + i, VoteProbabilities.certain(Vote.YES)));
			body.add(Candidate.of("No" + i, VoteProbabilities.certain(Vote.NO)));
		}
		body.add(Candidate.of("Brazil", VoteProbabilities.of(0.4, 0.4, 0.2, 0)));
		List<Target> targets = this.targeting.rank(body, AdoptionRule.simpleMajority(), Vote.YES, CommonShock.NONE);
		assertThat(targets).hasSize(11); // the certain Yes are already ours
		Target brazil = targets.get(0);
		assertThat(brazil.state()).isEqualTo("Brazil");
		assertThat(brazil.score()).isPositive();
		// only Brazil's Yes adopts (11-10; 10-10 is a tie); the step takes half of its
		// Abstain to Yes and half of its No to Abstain
		assertThat(brazil.adoptionGain()).isCloseTo(0.1, within(1e-12));
		assertThat(brazil.reason()).isEqualTo("Brazil: +10.0 points of P(adoption), +0.1 expected Yes,"
				+ " -0.2 expected No; undecided between Yes and No; movability 0.60");
		// a certain No could move the vote (one fewer No), but nothing says it will
		Target certainNo = targets.get(1);
		assertThat(certainNo.adoptionGain()).isPositive();
		assertThat(certainNo.movability()).isZero();
		assertThat(certainNo.score()).isZero();
		assertThat(certainNo.reason()).endsWith("certain No; movability 0.00");
	}

	@Test
	void aPivotalStateRanksAboveAnEquallyUndecidedOneWhereTheOutcomeIsSettled() {
		// under the veto, the undecided permanent member decides; an undecided elected
		// member barely matters once 11 Yes are certain
		List<Candidate> council = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			council.add(Candidate.of("Elected" + i, VoteProbabilities.certain(Vote.YES)));
		}
		council.add(Candidate.of("Permanent", VoteProbabilities.of(0.3, 0.4, 0.3, 0).asPermanentMember()));
		council.add(Candidate.of("Undecided", VoteProbabilities.of(0.3, 0.4, 0.3, 0)));
		for (int i = 0; i < 2; i++) {
			council.add(Candidate.of("Friend" + i, VoteProbabilities.certain(Vote.YES).asPermanentMember()));
		}
		List<Target> targets = this.targeting.rank(council, AdoptionRule.securityCouncilSubstantive(), Vote.YES,
				CommonShock.NONE);
		assertThat(targets).extracting(Target::state).containsExactly("Permanent", "Undecided");
		assertThat(targets.get(0).adoptionGain()).isCloseTo(0.2, within(1e-12));
		assertThat(targets.get(1).adoptionGain()).isCloseTo(0, within(1e-12));
		assertThat(targets.get(1).reason()).startsWith("Undecided: +0.0 points of P(adoption)");
	}

	@Test
	void leavesOutStatesTheStepCannotMove() {
		List<Candidate> body = List.of(Candidate.of("Ours", VoteProbabilities.certain(Vote.YES)),
				Candidate.of("InArrears", VoteProbabilities.certain(Vote.NON_VOTING)),
				Candidate.of("YesOrAbsent", VoteProbabilities.of(0.7, 0, 0, 0.3)),
				Candidate.of("Open", VoteProbabilities.of(0.3, 0.3, 0.3, 0.1)));
		assertThat(this.targeting.rank(body, AdoptionRule.simpleMajority(), Vote.YES, CommonShock.DEFAULT))
			.extracting(Target::state)
			.containsExactly("Open");
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.targeting.rank(body, AdoptionRule.simpleMajority(), Vote.NON_VOTING, CommonShock.NONE));
	}

	@Test
	void aHistoryOfSwitchingMakesAFirmStateWorthACall() {
		List<Candidate> body = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			body.add(Candidate.of("Yes" + i, VoteProbabilities.certain(Vote.YES)));
		}
		for (int i = 0; i < 5; i++) {
			body.add(Candidate.of("No" + i, VoteProbabilities.certain(Vote.NO)));
		}
		body.add(new Candidate("Switcher", VoteProbabilities.certain(Vote.NO), 0.6));
		List<Target> targets = this.targeting.rank(body, AdoptionRule.simpleMajority(), Vote.YES, CommonShock.NONE);
		assertThat(targets.get(0).state()).isEqualTo("Switcher");
		assertThat(targets.get(0).movability()).isCloseTo(0.6, within(1e-15));
		assertThat(targets.get(0).reason()).endsWith("certain No, switching history 0.60; movability 0.60");
		assertThat(Targeting.movability(new Candidate("Both", VoteProbabilities.of(0.6, 0.4, 0, 0), 0.5)))
			.isCloseTo(1 - 0.6 * 0.5, within(1e-15));
	}

	@Test
	void askingForNoWantsTheProposalToFail() {
		List<Candidate> body = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			body.add(Candidate.of("Yes" + i, VoteProbabilities.certain(Vote.YES)));
			body.add(Candidate.of("No" + i, VoteProbabilities.certain(Vote.NO)));
		}
		body.add(Candidate.of("Swing", VoteProbabilities.of(0.6, 0.2, 0.2, 0)));
		List<Target> targets = this.targeting.rank(body, AdoptionRule.simpleMajority(), Vote.NO, CommonShock.NONE);
		Target swing = targets.get(0);
		assertThat(swing.state()).isEqualTo("Swing");
		assertThat(swing.adoptionGain()).isNegative();
		assertThat(swing.score()).isPositive();
		assertThat(swing.reason()).isEqualTo("Swing: -30.0 points of P(adoption), -0.3 expected Yes,"
				+ " +0.1 expected No; leaning Yes (60 %); movability 0.40");
	}

	@Test
	void askingAnOpponentToAbstainLowersTheTwoThirdsBar() {
		// 19 Yes and 9 No certain: a 10th No sinks the draft (19 < 20), its abstention
		// saves it (19 >= 18)
		List<Candidate> body = new ArrayList<>(
				Collections.nCopies(19, Candidate.of("Friend", VoteProbabilities.certain(Vote.YES))));
		body.addAll(Collections.nCopies(9, Candidate.of("Opponent", VoteProbabilities.certain(Vote.NO))));
		body.add(Candidate.of("Leaning no", VoteProbabilities.of(0, 0.9, 0.1, 0)));
		List<Target> targets = this.targeting.rank(body, AdoptionRule.twoThirds(), Vote.ABSTAIN, CommonShock.NONE);
		Target leaning = targets.get(0);
		assertThat(leaning.state()).isEqualTo("Leaning no");
		assertThat(leaning.adoptionGain()).isCloseTo(0.45, within(1e-12));
		assertThat(leaning.expectedNoGain()).isCloseTo(-0.45, within(1e-12));
		assertThat(leaning.score()).isPositive();
		assertThat(leaning.reason())
			.isEqualTo("Leaning no: +45.0 points of P(adoption), -0.5 expected No; likely No (90 %); movability 0.10");
	}

	@Test
	void aWholeGeneralAssemblyIsRankedWithEveryGainConsistent() {
		Random random = new Random(8);
		List<VoteProbabilities> states = TestBodies.random(random, 193);
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			candidates.add(new Candidate("S" + i, states.get(i), random.nextDouble()));
		}
		List<Target> targets = this.targeting.rank(candidates, AdoptionRule.twoThirds(), Vote.YES, CommonShock.DEFAULT);
		assertThat(targets).hasSize(193);
		for (int k = 1; k < targets.size(); k++) {
			assertThat(targets.get(k).score()).isLessThanOrEqualTo(targets.get(k - 1).score());
		}
		// spot-check three against recomputing the whole tally
		TallyDistribution before = this.tally.withCommonShock(states, CommonShock.DEFAULT);
		for (Target target : List.of(targets.get(0), targets.get(96), targets.get(192))) {
			int i = Integer.parseInt(target.state().substring(1));
			List<VoteProbabilities> moved = new ArrayList<>(states);
			moved.set(i, Targeting.stepTowards(states.get(i), Vote.YES));
			double after = this.tally.withCommonShock(moved, CommonShock.DEFAULT)
				.adoptionProbability(AdoptionRule.twoThirds());
			assertThat(target.adoptionGain()).isCloseTo(after - before.adoptionProbability(AdoptionRule.twoThirds()),
					within(1e-12));
		}
	}

	@Test
	void theObjectiveIsWhatIsStillInDoubt() {
		Targeting.Objective close = Targeting.Objective.of(0.64, Vote.YES, 142, 0.2);
		assertThat(close.kind()).isEqualTo(Targeting.Objective.Kind.ADOPTION);
		assertThat(close.words())
			.isEqualTo("The adoption is in doubt (64 %): ranked by what a call adds to its chance.");
		Targeting.Objective goal = Targeting.Objective.of(0.999, Vote.YES, 142, 0.4);
		assertThat(goal.kind()).isEqualTo(Targeting.Objective.Kind.GOAL);
		assertThat(goal.goalYes()).isEqualTo(142);
		assertThat(goal.words()).isEqualTo("The adoption is all but certain (> 99 %): ranked by what a call adds to"
				+ " the chance of 142 Yes, the campaign's goal (now 40 %).");
		Targeting.Objective margin = Targeting.Objective.of(0.999, Vote.YES, 142, 0.995);
		assertThat(margin.kind()).isEqualTo(Targeting.Objective.Kind.MARGIN);
		assertThat(margin.words()).contains("and so is the goal of 142 Yes").endsWith("Yes gained and No kept low.");
		assertThat(Targeting.Objective.of(0.999, Vote.YES, null, 0).kind()).isEqualTo(Targeting.Objective.Kind.MARGIN);
		// asking No, the campaign wants rejection: adoption at 1 % is a rejection all but
		// certain
		Targeting.Objective no = Targeting.Objective.of(0.01, Vote.NO, null, 0);
		assertThat(no.kind()).isEqualTo(Targeting.Objective.Kind.MARGIN);
		assertThat(no.words()).startsWith("The rejection is all but certain (99 %)")
			.endsWith("No gained and Yes kept low.");
		assertThat(Targeting.Objective.of(0.01, Vote.YES, 142, 0).words()).startsWith("The adoption is out of reach");
	}

	@Test
	void theAskIsSaidInWordsFromTheStatesMostLikelyVote() {
		assertThat(Targeting.askInWords(VoteProbabilities.of(0.2, 0.1, 0.7, 0), Vote.YES))
			.isEqualTo("from Abstain to Yes");
		assertThat(Targeting.askInWords(VoteProbabilities.of(0.1, 0.6, 0.3, 0), Vote.YES))
			.isEqualTo("from No to Abstain");
		assertThat(Targeting.askInWords(VoteProbabilities.of(0.6, 0.1, 0.3, 0), Vote.YES)).isEqualTo("firm up its Yes");
		assertThat(Targeting.askInWords(VoteProbabilities.of(0.6, 0.1, 0.3, 0), Vote.NO))
			.isEqualTo("from Yes to Abstain");
		assertThat(Targeting.askInWords(VoteProbabilities.of(0.1, 0.6, 0.3, 0), Vote.ABSTAIN))
			.isEqualTo("from No to Abstain");
	}

	@Test
	void aStateOutOfReachIsNeverRankedWhateverItWouldGain() {
		// the pivotal state of a close vote, but the subject of the text
		List<Candidate> body = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			body.add(Candidate.of("Yes" + i, VoteProbabilities.certain(Vote.YES)));
			body.add(Candidate.of("No" + i, VoteProbabilities.certain(Vote.NO)));
		}
		body.add(new Candidate("Subject", VoteProbabilities.of(0.4, 0.4, 0.2, 0), 0.5, "the subject of the text"));
		body.add(Candidate.of("Brazil", VoteProbabilities.of(0.3, 0.3, 0.4, 0)));
		List<Target> targets = this.targeting.rank(body,
				Scenarios.independent(body.stream().map(Candidate::probabilities).toList()),
				AdoptionRule.simpleMajority(), Vote.YES, Targeting.Objective.adoption());
		assertThat(targets).extracting(Target::state).doesNotContain("Subject").startsWith("Brazil");
		assertThat(targets.get(0).ask()).isEqualTo("from Abstain to Yes");
		assertThat(targets.get(0).why()).startsWith("Undecided between Abstain and Yes; a step toward Yes adds ")
			.contains(" points to the chance of adoption");
	}

	@Test
	void onceAdoptionIsSafeTheGoalThenTheMarginRanks() {
		// 30 certain Yes against 5 certain No: adopted whatever the rest do; the goal is
		// 32
		// Yes, which only the undecided states can give
		List<Candidate> body = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			body.add(Candidate.of("Yes" + i, VoteProbabilities.certain(Vote.YES)));
		}
		for (int i = 0; i < 5; i++) {
			body.add(Candidate.of("No" + i, VoteProbabilities.certain(Vote.NO)));
		}
		body.add(Candidate.of("Chile", VoteProbabilities.of(0.5, 0, 0.5, 0)));
		body.add(Candidate.of("Peru", VoteProbabilities.of(0.5, 0, 0.5, 0)));
		body.add(Candidate.of("Nepal", VoteProbabilities.of(0, 0.5, 0.5, 0)));
		Scenarios scenarios = Scenarios.independent(body.stream().map(Candidate::probabilities).toList());
		List<Target> byAdoption = this.targeting.rank(body, scenarios, AdoptionRule.simpleMajority(), Vote.YES,
				Targeting.Objective.adoption());
		assertThat(byAdoption).allSatisfy((t) -> assertThat(t.adoptionGain()).isCloseTo(0, within(1e-12)));

		Targeting.Objective goal = Targeting.Objective.of(1, Vote.YES, 32, 0.25);
		List<Target> byGoal = this.targeting.rank(body, scenarios, AdoptionRule.simpleMajority(), Vote.YES, goal);
		Target chile = byGoal.stream().filter((t) -> t.state().equals("Chile")).findFirst().orElseThrow();
		// 32 Yes needs both Chile and Peru: a step takes Chile's Yes from 0.5 to 0.75, so
		// P(both) from 0.25 to 0.375
		assertThat(chile.objectiveGain()).isCloseTo(0.125, within(1e-9));
		assertThat(chile.why()).endsWith("adds 12.5 points to the chance of 32 Yes.");
		// Nepal's step gives it a Yes of 0.25, worth as much toward 32 Yes, and the
		// margin
		// gains more there (half its No goes too)
		assertThat(byGoal).extracting(Target::state).startsWith("Nepal", "Chile", "Peru");
		assertThat(byGoal.get(0).objectiveGain()).isCloseTo(0.125, within(1e-9));

		Targeting.Objective margin = Targeting.Objective.of(1, Vote.YES, null, 0);
		List<Target> byMargin = this.targeting.rank(body, scenarios, AdoptionRule.simpleMajority(), Vote.YES, margin);
		assertThat(byMargin).allSatisfy((t) -> assertThat(t.objectiveGain()).isZero());
		// Nepal's step takes half its No to Abstain: the margin gains most there
		assertThat(byMargin.get(0).state()).isEqualTo("Nepal");
		assertThat(byMargin.get(0).why())
			.isEqualTo("Undecided between No and Abstain; a step toward Yes gains 0.3 expected Yes and -0.3 No.");
	}

}
