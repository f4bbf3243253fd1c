package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.plenary.forecast.core.tally.Vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PastVotesTests {

	private static final List<String> STATES = List.of("BRA", "FRA", "IND");

	private static final Map<String, Vote> SOME_VOTES = Map.of("BRA", Vote.YES);

	@Test
	void theBuilderSortsRollCallsByDateThenIdentifier() {
		PastVotes history = PastVotes.builder(STATES)
			.add(30, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", "Aggression against Ukraine", SOME_VOTES)
			.add(12, LocalDate.of(2022, 3, 24), "A/RES/ES-11/2", "Humanitarian consequences", SOME_VOTES)
			.add(5, LocalDate.of(2022, 3, 2), "A/ES-11/L.1/Amend.1", null, SOME_VOTES)
			.add(7, LocalDate.of(2014, 3, 27), "A/RES/68/262", "Territorial integrity of Ukraine", SOME_VOTES)
			.build();

		assertThat(history.size()).isEqualTo(4);
		assertThat(List.of(history.id(0), history.id(1), history.id(2), history.id(3))).containsExactly(7L, 5L, 30L,
				12L);
		assertThat(history.date(0)).isEqualTo(LocalDate.of(2014, 3, 27));
		assertThat(history.symbol(2)).isEqualTo("A/RES/ES-11/1");
		assertThat(history.title(3)).isEqualTo("Humanitarian consequences");
		assertThat(history.indexOf(12)).isEqualTo(3);
		assertThat(history.indexOf(99)).isEqualTo(-1);
	}

	@Test
	void keepsEachStatesVoteAndNothingForAStateWithoutASeat() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", null,
					Map.of("BRA", Vote.YES, "FRA", Vote.NO, "IND", Vote.ABSTAIN))
			.add(2, LocalDate.of(2022, 4, 7), "A/RES/ES-11/3", null, Map.of("FRA", Vote.NON_VOTING))
			.vote("BRA", Vote.ABSTAIN)
			.build();

		assertThat(history.states()).containsExactlyElementsOf(STATES);
		assertThat(history.stateIndex("FRA")).isEqualTo(1);
		assertThat(history.stateIndex("XXX")).isEqualTo(-1);
		assertThat(history.vote(0, 0)).isEqualTo(Vote.YES);
		assertThat(history.vote(0, 1)).isEqualTo(Vote.NO);
		assertThat(history.vote(0, 2)).isEqualTo(Vote.ABSTAIN);
		assertThat(history.vote(1, 0)).isEqualTo(Vote.ABSTAIN);
		assertThat(history.vote(1, 1)).isEqualTo(Vote.NON_VOTING);
		assertThat(history.vote(1, 2)).isNull();
		assertThat(history.hasVotes(0)).isTrue();
	}

	@Test
	void aRollCallWhereNobodyVotedYesNoOrAbstainHasNothingToLearnFrom() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2022, 3, 2), null, null, Map.of("BRA", Vote.NON_VOTING, "FRA", Vote.NON_VOTING))
			.add(2, LocalDate.of(2022, 3, 3), null, null, Map.of())
			.add(3, LocalDate.of(2022, 3, 4), null, null, Map.of("BRA", Vote.NON_VOTING, "IND", Vote.NO))
			.build();

		assertThat(history.hasVotes(0)).isFalse();
		assertThat(history.hasVotes(1)).isFalse();
		assertThat(history.hasVotes(2)).isTrue();
	}

	@Test
	void beforeCountsTheRollCallsHeldStrictlyEarlier() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2020, 1, 10), null, null, SOME_VOTES)
			.add(2, LocalDate.of(2020, 1, 10), null, null, SOME_VOTES)
			.add(3, LocalDate.of(2020, 2, 1), null, null, SOME_VOTES)
			.add(4, LocalDate.of(2020, 3, 1), null, null, SOME_VOTES)
			.add(5, LocalDate.of(2020, 3, 1), null, null, SOME_VOTES)
			.add(6, LocalDate.of(2020, 3, 1), null, null, SOME_VOTES)
			.build();

		assertThat(history.before(LocalDate.of(2019, 12, 31))).isZero();
		assertThat(history.before(LocalDate.of(2020, 1, 10))).isZero();
		assertThat(history.before(LocalDate.of(2020, 1, 11))).isEqualTo(2);
		assertThat(history.before(LocalDate.of(2020, 2, 1))).isEqualTo(2);
		assertThat(history.before(LocalDate.of(2020, 2, 2))).isEqualTo(3);
		assertThat(history.before(LocalDate.of(2020, 3, 1))).isEqualTo(3);
		assertThat(history.before(LocalDate.of(2020, 3, 2))).isEqualTo(6);
		assertThat(PastVotes.builder(STATES).build().before(LocalDate.of(2020, 1, 1))).isZero();
	}

	@Test
	void findsTheRollCallsWithExactlyTheSymbolLatestFirst() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2019, 12, 18), "A/RES/74/7", "Cuba embargo", SOME_VOTES)
			.add(2, LocalDate.of(2019, 12, 18), "A/RES/74/7 A", "Cuba embargo, part A", SOME_VOTES)
			.add(3, LocalDate.of(2020, 1, 5), "a/res/74/7", "Cuba embargo, again", SOME_VOTES)
			.add(4, LocalDate.of(2020, 2, 5), "A/RES/74/8", "Something else", SOME_VOTES)
			.build();

		assertThat(history.find("A/RES/74/7", history.size())).containsExactly(2, 0);
		// written otherwise, the same symbol
		assertThat(history.find("  74/7 ", history.size())).containsExactly(2, 0);
		assertThat(history.find("A/RES/74/9", history.size())).isEmpty();
		assertThat(history.find(null, history.size())).isEmpty();
		assertThat(history.find("  ", history.size())).isEmpty();
	}

	@Test
	void findsTheRollCallsOfTheResolutionsPartsOnlyWhenNoneHasExactlyItsSymbol() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2021, 5, 1), "A/RES/75/290 A", null, SOME_VOTES)
			.add(2, LocalDate.of(2021, 5, 1), "A/RES/75/290 B", null, SOME_VOTES)
			.add(3, LocalDate.of(2021, 5, 2), "A/RES/75/2900", null, SOME_VOTES)
			.add(4, LocalDate.of(2021, 5, 3), "A/RES/75/29", null, SOME_VOTES)
			.add(5, LocalDate.of(2021, 6, 1), "A/RES/75/290", null, SOME_VOTES)
			.build();

		// with the whole resolution recorded, only it
		assertThat(history.find("A/RES/75/290", history.size())).containsExactly(4);
		// before it was recorded, its parts, latest first; "A/RES/75/2900" is another
		// resolution
		int cut = history.before(LocalDate.of(2021, 6, 1));
		assertThat(cut).isEqualTo(4);
		assertThat(history.find("A/RES/75/290", cut)).containsExactly(1, 0);
		// a part asked for is found exactly
		assertThat(history.find("A/RES/75/290 B", history.size())).containsExactly(1);
		assertThat(history.find("A/RES/75/29", history.size())).containsExactly(3);
	}

	@Test
	void findIgnoresTheRollCallsAtOrAfterTheCut() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2020, 12, 1), "A/RES/75/10", null, SOME_VOTES)
			.add(2, LocalDate.of(2021, 12, 1), "A/RES/75/10", null, SOME_VOTES)
			.add(3, LocalDate.of(2022, 12, 1), "A/RES/75/10", null, SOME_VOTES)
			.build();

		assertThat(history.find("A/RES/75/10", history.before(LocalDate.of(2022, 12, 1)))).containsExactly(1, 0);
		assertThat(history.find("A/RES/75/10", history.before(LocalDate.of(2021, 12, 1)))).containsExactly(0);
		assertThat(history.find("A/RES/75/10", history.before(LocalDate.of(2020, 12, 1)))).isEmpty();
		assertThat(history.find("A/RES/75/10", 0)).isEmpty();
	}

	@Test
	void writesSymbolsOneWay() {
		assertThat(PastVotes.normalSymbol("es-11/1")).isEqualTo("A/RES/ES-11/1");
		assertThat(PastVotes.normalSymbol("  a/res/74/7 ")).isEqualTo("A/RES/74/7");
		assertThat(PastVotes.normalSymbol("75/290   a")).isEqualTo("A/RES/75/290 A");
		assertThat(PastVotes.normalSymbol("A/RES/ES-11/3")).isEqualTo("A/RES/ES-11/3");
		assertThat(PastVotes.normalSymbol("a/es-11/l.5/rev.1")).isEqualTo("A/ES-11/L.5/REV.1");
		assertThat(PastVotes.normalSymbol("S/RES/2334")).isEqualTo("S/RES/2334");
		assertThat(PastVotes.normalSymbol(" \t ")).isNull();
		assertThat(PastVotes.normalSymbol(null)).isNull();
	}

	@Test
	void theHistoryKeepsSymbolsWrittenOneWay() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2022, 3, 2), " es-11/1 ", null, SOME_VOTES)
			.add(2, LocalDate.of(2022, 3, 3), null, null, SOME_VOTES)
			.build();

		assertThat(history.symbol(0)).isEqualTo("A/RES/ES-11/1");
		assertThat(history.symbol(1)).isNull();
	}

	@Test
	void writesTitlesAsTheirWordsInLowerCase() {
		assertThat(PastVotes.normalTitle("  Situation of human rights in the Autonomous Republic of Crimea, Ukraine. "))
			.isEqualTo("situation of human rights in the autonomous republic of crimea ukraine");
		assertThat(PastVotes.normalTitle("Necessity of ending the economic, commercial and financial embargo"))
			.isEqualTo(PastVotes.normalTitle("NECESSITY OF ENDING THE ECONOMIC -- COMMERCIAL AND FINANCIAL EMBARGO"));
		assertThat(PastVotes.normalTitle("Résolution 377 (V): l'union pour le maintien de la paix"))
			.isEqualTo("résolution 377 v l union pour le maintien de la paix");
		assertThat(PastVotes.normalTitle(" --- ")).isEmpty();
		assertThat(PastVotes.normalTitle(null)).isEmpty();
	}

	@Test
	void refusesAVoteOfAStateItDoesNotKnow() {
		PastVotes.Builder builder = PastVotes.builder(STATES);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.add(1, LocalDate.of(2022, 3, 2), null, null, Map.of("SUN", Vote.YES)))
			.withMessageContaining("SUN");
		builder.add(2, LocalDate.of(2022, 3, 2), null, null, SOME_VOTES);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.vote("YUG", Vote.NO))
			.withMessageContaining("YUG");
	}

	@Test
	void refusesAStateListedTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> PastVotes.builder(List.of("BRA", "FRA", "BRA")))
			.withMessageContaining("BRA");
	}

	@Test
	void refusesTheSameRollCallTwice() {
		PastVotes.Builder builder = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", null, SOME_VOTES)
			.add(1, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", null, SOME_VOTES);
		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("1");
	}

	@Test
	void refusesTheSameRollCallTwiceOnOtherDays() {
		PastVotes.Builder builder = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", null, SOME_VOTES)
			.add(2, LocalDate.of(2022, 3, 24), "A/RES/ES-11/2", null, SOME_VOTES)
			.add(1, LocalDate.of(2022, 4, 7), "A/RES/ES-11/3", null, SOME_VOTES);
		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("1");
	}

}
