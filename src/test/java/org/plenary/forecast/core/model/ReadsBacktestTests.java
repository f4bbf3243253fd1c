package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backtest with simulated reads on a small history of our own: the forecast must get
 * better as more of the members are read, and the reads must be as the simulation says.
 */
class ReadsBacktestTests {

	private static SyntheticHistory synthetic;

	private static List<ReadsBacktest.Case> cases;

	@BeforeAll
	static void backtest() {
		synthetic = new SyntheticHistory(2012, 2020, 7);
		TargetForecaster forecaster = synthetic.forecaster();
		List<AutoTargets.Chosen> chosen = AutoTargets.choose(synthetic.history, LocalDate.of(2020, 1, 1),
				LocalDate.of(2020, 12, 31));
		forecaster.prepare(chosen.stream().map(AutoTargets.Chosen::target).toList());
		cases = new ArrayList<>();
		for (AutoTargets.Chosen one : chosen) {
			TargetForecaster.Prepared prepared = forecaster.prepared(one.target());
			cases.add(new ReadsBacktest.Case(one.target(), prepared.forecast(),
					synthetic.actual(one.rollCall(), prepared.members())));
		}
	}

	/**
	 * With reads wrong a quarter as often as {@link SimulatedReads}' sources (a firm read
	 * of a Permanent Representative right 99 % of the time, a leaning one 94 %), every
	 * further share of members read lowers the log loss. At the sources' own rates it
	 * does not: see docs/benchmarks.md, "Simulated reads".
	 */
	@Test
	void theLogLossFallsAsTheShareOfStatesReadGrows() {
		assertThat(cases).hasSize(SyntheticHistory.TOPICS);
		ReadsBacktest.Result result = ReadsBacktest.run(cases, Reliability.defaults(), 20, 0.25);
		List<Double> losses = result.product().stream().map((row) -> row.scores().logLoss()).toList();
		assertThat(result.product()).extracting(ReadsBacktest.Row::share).containsExactly(0.0, 0.1, 0.2, 0.4, 0.6, 0.8);
		for (int i = 1; i < losses.size(); i++) {
			assertThat(losses.get(i))
				.as("log loss at %s against %s", result.product().get(i).share(), result.product().get(i - 1).share())
				.isLessThan(losses.get(i - 1));
		}
		// at 80 %, well below the history alone; and the Yes count is closer too
		assertThat(losses.get(5)).isLessThan(0.6 * losses.get(0));
		assertThat(result.product().get(5).scores().yesError()).isLessThan(result.product().get(0).scores().yesError());
		// share 0 is the history-only forecast: no read
		assertThat(result.product().get(0).reads()).isZero();
		assertThat(result.product().get(5).reads()).isEqualTo(cases.size() * Math.round(0.8 * SyntheticHistory.STATES));
	}

	@Test
	void theSameSeedGivesTheSameReads() {
		ReadsBacktest.Result one = ReadsBacktest.run(cases, Reliability.defaults(), 5, 1);
		ReadsBacktest.Result two = ReadsBacktest.run(cases, Reliability.defaults(), 5, 1);
		assertThat(one.product().get(3).scores().logLoss()).isEqualTo(two.product().get(3).scores().logLoss());
		assertThat(one.reliability()).isEqualTo(two.reliability());
	}

	/**
	 * Firm reads from senior sources are kept more often than leaning and junior ones.
	 */
	@Test
	void simulatedReadsAreRightAsOftenAsTheirSourceAndCategorySay() {
		SimulatedReads simulation = new SimulatedReads(3, 1);
		VoteProbabilities history = VoteProbabilities.of(0.7, 0.1, 0.15, 0.05);
		int[][] counts = new int[SimulatedReads.Source.values().length][4];
		for (int i = 0; i < 40_000; i++) {
			SimulatedReads.Simulated read = simulation.read(Vote.YES, history);
			int[] c = counts[read.source().ordinal()];
			int category = read.read().firm() ? 0 : 2;
			c[category]++;
			c[category + 1] += read.right() ? 1 : 0;
			assertThat(read.right()).isEqualTo(read.read().vote() == Vote.YES);
			assertThat(read.read().ageDays()).isBetween(0.0, 28.0);
		}
		int pr = SimulatedReads.Source.PERMANENT_REPRESENTATIVE.ordinal();
		int desk = SimulatedReads.Source.DESK_OFFICER.ordinal();
		double prFirm = counts[pr][1] / (double) counts[pr][0];
		double prLeaning = counts[pr][3] / (double) counts[pr][2];
		double deskFirm = counts[desk][1] / (double) counts[desk][0];
		assertThat(prFirm).isBetween(0.9, 0.96);
		assertThat(prLeaning).isBetween(0.65, 0.78);
		assertThat(deskFirm).isLessThan(prFirm);
		// a state that did not vote is rarely read Absent: whips do not foresee it
		int absent = 0;
		for (int i = 0; i < 4000; i++) {
			absent += (simulation.read(Vote.NON_VOTING, history).read().vote() == Vote.NON_VOTING) ? 1 : 0;
		}
		assertThat(absent / 4000.0).isBetween(0.2, 0.3);
	}

}
