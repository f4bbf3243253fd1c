package org.plenary.whip;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenary.campaigns.Campaign.Ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.plenary.whip.Stance.ABSENT;
import static org.plenary.whip.Stance.ABSTAIN;
import static org.plenary.whip.Stance.LEANING_ABSTAIN;
import static org.plenary.whip.Stance.LEANING_NO;
import static org.plenary.whip.Stance.LEANING_YES;
import static org.plenary.whip.Stance.NO;
import static org.plenary.whip.Stance.UNDECIDED;
import static org.plenary.whip.Stance.UNKNOWN;
import static org.plenary.whip.Stance.YES;

class AskDistanceTests {

	/** ask, from, to, slipped away from the ask? */
	static Stream<Arguments> moves() {
		return Stream.of(
				// ask Yes: away is toward No
				arguments(Ask.YES, YES, LEANING_YES, true), arguments(Ask.YES, LEANING_YES, UNDECIDED, true),
				arguments(Ask.YES, UNDECIDED, NO, true), arguments(Ask.YES, LEANING_ABSTAIN, ABSTAIN, true),
				arguments(Ask.YES, UNDECIDED, LEANING_YES, false), arguments(Ask.YES, NO, LEANING_NO, false),
				arguments(Ask.YES, YES, YES, false),
				// Absent counts as an abstention: a Yes staying away is lost, a No
				// staying
				// away helps
				arguments(Ask.YES, YES, ABSENT, true), arguments(Ask.YES, UNDECIDED, ABSENT, true),
				arguments(Ask.YES, NO, ABSENT, false), arguments(Ask.YES, ABSTAIN, ABSENT, false),
				arguments(Ask.YES, ABSENT, NO, true), arguments(Ask.YES, ABSENT, LEANING_YES, false),
				// first reads and withdrawn reads never slip
				arguments(Ask.YES, UNKNOWN, NO, false), arguments(Ask.YES, YES, UNKNOWN, false),
				arguments(Ask.YES, UNKNOWN, ABSENT, false),
				// ask No: the scale the other way round
				arguments(Ask.NO, NO, LEANING_NO, true), arguments(Ask.NO, LEANING_NO, YES, true),
				arguments(Ask.NO, NO, ABSENT, true), arguments(Ask.NO, YES, ABSENT, false),
				arguments(Ask.NO, YES, LEANING_YES, false), arguments(Ask.NO, UNKNOWN, YES, false),
				// ask Abstain: both Yes and No are away, Absent is as good as Abstain
				arguments(Ask.ABSTAIN, ABSTAIN, LEANING_ABSTAIN, true),
				arguments(Ask.ABSTAIN, ABSTAIN, LEANING_NO, true), arguments(Ask.ABSTAIN, UNDECIDED, YES, true),
				arguments(Ask.ABSTAIN, LEANING_NO, NO, true), arguments(Ask.ABSTAIN, ABSTAIN, ABSENT, false),
				arguments(Ask.ABSTAIN, ABSENT, NO, true), arguments(Ask.ABSTAIN, YES, UNDECIDED, false),
				arguments(Ask.ABSTAIN, UNKNOWN, NO, false));
	}

	@ParameterizedTest(name = "ask {0}: {1} -> {2} slipped: {3}")
	@MethodSource("moves")
	void slippedAwayFromTheAsk(Ask ask, Stance from, Stance to, boolean slipped) {
		assertThat(AskDistance.slipped(ask, from, to)).isEqualTo(slipped);
		if (slipped) {
			assertThat(AskDistance.toward(ask, from, to)).isFalse();
		}
	}

	@Test
	void movingTowardTheAskIsTheOppositeOfSlipping() {
		assertThat(AskDistance.toward(Ask.YES, UNDECIDED, LEANING_YES)).isTrue();
		assertThat(AskDistance.toward(Ask.YES, NO, ABSENT)).isTrue();
		assertThat(AskDistance.toward(Ask.YES, UNKNOWN, YES)).as("a first read is not a movement").isFalse();
		assertThat(AskDistance.toward(Ask.NO, UNDECIDED, LEANING_NO)).isTrue();
	}

	@Test
	void firmAtTheAsk() {
		assertThat(AskDistance.firmAtAsk(Ask.YES, YES)).isTrue();
		assertThat(AskDistance.firmAtAsk(Ask.YES, LEANING_YES)).isFalse();
		assertThat(AskDistance.firmAtAsk(Ask.ABSTAIN, ABSENT)).isTrue();
		assertThat(AskDistance.firmAtAsk(Ask.ABSTAIN, ABSTAIN)).isTrue();
		assertThat(AskDistance.firmAtAsk(Ask.NO, NO)).isTrue();
		assertThat(AskDistance.firmAtAsk(Ask.NO, UNKNOWN)).isFalse();
	}

	@Test
	void aCommitmentIsAFirmReadInTheDirectionOfOurAskNeverTheOtherSidesFirmNo() {
		assertThat(AskDistance.commitment(Ask.YES, UNKNOWN, YES)).isTrue();
		assertThat(AskDistance.commitment(Ask.YES, UNKNOWN, NO)).as("firm against").isFalse();
		assertThat(AskDistance.firmAgainst(Ask.YES, UNKNOWN, NO)).isTrue();
		assertThat(AskDistance.commitment(Ask.YES, UNKNOWN, ABSTAIN))
			.as("India's firm Abstain, when we ask Yes, with nothing before")
			.isFalse();
		assertThat(AskDistance.firmAgainst(Ask.YES, UNKNOWN, ABSTAIN)).isTrue();
		assertThat(AskDistance.commitment(Ask.YES, NO, ABSTAIN)).as("to abstain rather than vote No").isTrue();
		assertThat(AskDistance.commitment(Ask.YES, LEANING_NO, ABSENT)).isTrue();
		assertThat(AskDistance.commitment(Ask.YES, UNKNOWN, LEANING_YES)).as("leaning is not firm").isFalse();
		assertThat(AskDistance.firmAgainst(Ask.YES, UNKNOWN, LEANING_NO)).isFalse();
		assertThat(AskDistance.commitment(Ask.NO, UNKNOWN, NO)).isTrue();
		assertThat(AskDistance.firmAgainst(Ask.NO, UNKNOWN, YES)).isTrue();
	}

	@Test
	void aCommitmentIsLostWhenAFirmReadAtTheAskIsNoLongerOne() {
		assertThat(AskDistance.commitmentLost(Ask.YES, YES, LEANING_YES)).isTrue();
		assertThat(AskDistance.commitmentLost(Ask.YES, YES, ABSTAIN)).isTrue();
		assertThat(AskDistance.commitmentLost(Ask.YES, NO, ABSTAIN)).as("the other side's No was never ours").isFalse();
		assertThat(AskDistance.commitmentLost(Ask.YES, NO, UNKNOWN)).isFalse();
		assertThat(AskDistance.commitmentLost(Ask.YES, UNKNOWN, YES)).isFalse();
	}

}
