package org.plenary.forecast.core.tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class VoteProbabilitiesTests {

	@ParameterizedTest(name = "{0}, {1}, {2}, {3}")
	@CsvSource(textBlock = """
			-0.1, 0.6, 0.3, 0.2
			0.5, 0.5, 0.1, 0
			0.2, 0.2, 0.2, 0.2
			NaN, 0.5, 0.5, 0
			Infinity, 0, 0, 0
			""")
	void refusesWhatIsNotAProbabilityDistribution(double yes, double no, double abstain, double nonVoting) {
		assertThatIllegalArgumentException().isThrownBy(() -> VoteProbabilities.of(yes, no, abstain, nonVoting));
	}

	@Test
	void normalisesWhatSumsToOneUpToRounding() {
		VoteProbabilities p = VoteProbabilities.of(0.1, 0.2, 0.3, 0.4 + 5e-10);
		assertThat(p.yes() + p.no() + p.abstain() + p.nonVoting()).isCloseTo(1.0, within(1e-15));
		assertThat(p.nonVoting()).isGreaterThan(0.4);
	}

	@Test
	void aCertainVoteIsCertainAndTheOthersImpossible() {
		for (Vote vote : Vote.values()) {
			VoteProbabilities p = VoteProbabilities.certain(vote);
			assertThat(p.isCertain(vote)).isTrue();
			assertThat(p.mostLikely()).isEqualTo(vote);
			for (Vote other : Vote.values()) {
				assertThat(p.probability(other)).isEqualTo(other == vote ? 1.0 : 0.0);
			}
		}
	}

	@Test
	void abstainAndNonVotingCountForNeitherSide() {
		VoteProbabilities p = VoteProbabilities.of(0.4, 0.3, 0.2, 0.1);
		assertThat(p.neither()).isEqualTo(0.2 + 0.1);
		assertThat(p.permanentMember()).isFalse();
		assertThat(p.asPermanentMember().permanentMember()).isTrue();
		assertThat(p.asPermanentMember().yes()).isEqualTo(0.4);
	}

}
