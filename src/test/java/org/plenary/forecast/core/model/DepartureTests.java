package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plenary.forecast.core.tally.Vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The widening rule: a vote like last year's keeps the learned spread; old references,
 * and references that disagree among themselves, widen it.
 */
class DepartureTests {

	private static final List<String> STATES = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "III",
			"JJJ");

	/** A roll call where the first {@code yes} states vote Yes and the rest No. */
	private static Map<String, Vote> votes(int yes) {
		Map<String, Vote> votes = new HashMap<>();
		for (int i = 0; i < STATES.size(); i++) {
			votes.put(STATES.get(i), (i < yes) ? Vote.YES : Vote.NO);
		}
		return votes;
	}

	@Test
	void aVoteLikeLastYearsKeepsTheLearnedSpread() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2019, 12, 1), "A/RES/74/1", "Oceans", votes(7))
			.add(2, LocalDate.of(2020, 12, 1), "A/RES/75/1", "Oceans", votes(7))
			.add(3, LocalDate.of(2021, 12, 1), "A/RES/76/1", "Oceans", votes(7))
			.build();
		Departure departure = Departure.of(history, new int[] { 2 }, LocalDate.of(2022, 12, 1));
		assertThat(departure.yearsSinceReference()).isCloseTo(1, within(0.01));
		assertThat(departure.referenceSpread()).isZero();
		assertThat(departure.factor()).isEqualTo(1);
		assertThat(departure.widens()).isFalse();
		assertThat(Departure.of(history, new int[0], LocalDate.of(2022, 12, 1))).isEqualTo(Departure.NONE);
	}

	/**
	 * The emergency special session's case: the references disagree (100 and 141 Yes of
	 * 193 for A/RES/68/262 and ES-11/1; here 5 and 8 of 10), and the title's earlier
	 * votes moved too.
	 */
	@Test
	void referencesThatDisagreeWidenTheSpread() {
		PastVotes history = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2014, 3, 27), "A/RES/68/262", "Territorial integrity", votes(5))
			.add(2, LocalDate.of(2022, 3, 2), "A/RES/ES-11/1", "Aggression", votes(8))
			.build();
		Departure departure = Departure.of(history, new int[] { 1, 0 }, LocalDate.of(2022, 4, 7));
		assertThat(departure.referenceSpread()).isCloseTo(0.3, within(1e-9));
		// 1 + 6.5 x (0.3 - 0.05) = 2.625
		assertThat(departure.factor()).isCloseTo(2.625, within(1e-9));
		// the earlier votes of the first reference's title count as references too
		PastVotes moving = PastVotes.builder(STATES)
			.add(1, LocalDate.of(2019, 12, 1), "A/RES/74/1", "Oceans", votes(9))
			.add(2, LocalDate.of(2020, 12, 1), "A/RES/75/1", "Oceans", votes(7))
			.add(3, LocalDate.of(2021, 12, 1), "A/RES/76/1", "Oceans", votes(7))
			.build();
		assertThat(Departure.of(moving, new int[] { 2 }, LocalDate.of(2022, 12, 1)).referenceSpread()).isCloseTo(0.2,
				within(1e-9));
	}

	@Test
	void anOldReferenceWidensTheSpreadUpToThreeTimes() {
		assertThat(new Departure(1.5, 0).factor()).isEqualTo(1);
		assertThat(new Departure(3.5, 0).factor()).isCloseTo(1.5, within(1e-9));
		assertThat(new Departure(30, 0.5).factor()).isEqualTo(3);
	}

	@Test
	void aWidenedForecastKeepsItsMeanAndSpreadsItsCount() {
		SyntheticHistory synthetic = new SyntheticHistory(2015, 2020, 3);
		TargetForecaster forecaster = synthetic.forecaster();
		Target target = new Target("A/RES/76/1", LocalDate.of(2021, 10, 1), List.of(SyntheticHistory.symbol(2020, 0)),
				org.plenary.forecast.core.tally.AdoptionRule.simpleMajority());
		TargetForecast plain = forecaster.widening(false).forecast(target);
		VoteForecast model = forecaster.prepared(target).forecast();
		var widened = new org.plenary.forecast.core.tally.ExactTally().mixture(model.widened(2).scenarios())
			.summary(target.rule());
		assertThat(widened.yes().high() - widened.yes().low())
			.isGreaterThan(plain.summary().yes().high() - plain.summary().yes().low());
		assertThat(widened.yes().expected()).isCloseTo(plain.summary().yes().expected(), within(2.0));
	}

}
