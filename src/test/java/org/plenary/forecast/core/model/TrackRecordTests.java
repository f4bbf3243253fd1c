package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The track record in words, from backtested votes. */
class TrackRecordTests {

	private static TrackRecord.Scored vote(int year, boolean contested, int yes, double expected, int reference) {
		return new TrackRecord.Scored(LocalDate.of(year, 12, 1), contested, yes, expected, reference);
	}

	@Test
	void saysHowOftenTheCountWasWithinFiveAgainstCopyingTheReference() {
		List<TrackRecord.Scored> scored = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			// the model within 5 on 24 of 30, the reference on 9 of 30
			double expected = (i < 24) ? 120 + 4.9 : 120 + 8;
			int reference = (i < 9) ? 125 : 140;
			scored.add(vote(2019 + i % 3, i % 2 == 0, 120, expected, reference));
		}
		TrackRecord record = new TrackRecord(scored);
		TrackRecord.Summary all = record.like(false);
		assertThat(all.votes()).isEqualTo(30);
		assertThat(all.modelWithin()).isEqualTo(24);
		assertThat(all.baselineWithin()).isEqualTo(9);
		assertThat(all.words()).isEqualTo("On 30 recurring General Assembly votes of 2019-2021, Plenary's count of Yes"
				+ " votes was within 5 of the result 8 times in 10; copying the reference's vote was, 3 times in 10.");
		// the contested ones are half of them: too few to say
		TrackRecord.Summary contested = record.like(true);
		assertThat(contested.votes()).isEqualTo(15);
		assertThat(contested.enough()).isFalse();
		assertThat(contested.words()).isEqualTo("Too few contested recurring General Assembly votes in the voting"
				+ " history (15, at least 20 needed) to say how well the forecast does on votes like this one.");
	}

	@Test
	void aVoteWithoutAReferenceIsNotCountedAndAnEmptyHistorySaysTooFew() {
		TrackRecord record = new TrackRecord(List.of(vote(2020, false, 100, 100, -1)));
		assertThat(record.like(false).votes()).isZero();
		assertThat(record.like(false).words()).startsWith("Too few recurring General Assembly votes");
		assertThat(TrackRecord.contested(80, 10, 10)).isTrue();
		assertThat(TrackRecord.contested(90, 5, 4)).isFalse();
	}

	/** The record of a real backtest on our own history: every target of 2020 scored. */
	@Test
	void scoresABacktestOfTheHistory() {
		SyntheticHistory synthetic = new SyntheticHistory(2014, 2020, 11);
		TargetForecaster forecaster = synthetic.forecaster();
		List<AutoTargets.Chosen> chosen = AutoTargets.choose(synthetic.history, LocalDate.of(2019, 1, 1),
				LocalDate.of(2020, 12, 31));
		forecaster.prepare(chosen.stream().map(AutoTargets.Chosen::target).toList());
		List<TrackRecord.Scored> scored = new ArrayList<>();
		for (AutoTargets.Chosen one : chosen) {
			TargetForecast forecast = forecaster.forecast(one.target());
			TrackRecord.Scored s = TrackRecord.score(synthetic.history, forecast, one.rollCall());
			int yes = (int) synthetic.actual(one.rollCall(), forecast.members())
				.stream()
				.filter((v) -> v == org.plenary.forecast.core.tally.Vote.YES)
				.count();
			assertThat(s.yes()).isEqualTo(yes);
			assertThat(s.referenceYes()).isBetween(0, SyntheticHistory.STATES);
			scored.add(s);
		}
		TrackRecord.Summary summary = new TrackRecord(scored).like(false);
		assertThat(summary.votes()).isEqualTo(2 * SyntheticHistory.TOPICS);
		assertThat(summary.enough()).isFalse();
		assertThat(summary.from()).isEqualTo(LocalDate.of(2019, 10, 1));
	}

}
