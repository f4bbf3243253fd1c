package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * A backtest with simulated reads (issue 20): for each past vote, a growing share of its
 * members gets a read made from the vote it cast ({@link SimulatedReads}), and the
 * forecast with those reads is scored against the votes cast, beside the history-only
 * forecast (share 0). The shares are nested: the states read at 20 % are among those read
 * at 40 %. It runs twice: with the trust the product uses, and with the trust learned
 * ({@link Reliability#learn}) from the simulated reads themselves, which says whether the
 * product's defaults fit reads such as these.
 */
public final class ReadsBacktest {

	/** The shares of members with a read. */
	public static final double[] SHARES = { 0, 0.1, 0.2, 0.4, 0.6, 0.8 };

	/** A past vote: its forecast before any read, its rule's summary, the votes cast. */
	public record Case(Target target, VoteForecast forecast, List<Vote> actual) {
	}

	/** The scores at one share of members read. */
	public record Row(double share, Scores scores, double unreadLogLoss, int reads) {
	}

	/**
	 * How often simulated reads of a source and category were kept (the state voted as
	 * read), and how often the model expected them to be, with the product's trust and
	 * with the learned one ({@code trust + (1 - trust) p}, p the history's probability).
	 */
	public record Calibration(SimulatedReads.Source source, boolean firm, int reads, double kept, double expected,
			double expectedLearned) {
	}

	/**
	 * @param product the rows with the product's trust
	 * @param learned the rows with the trust learned from the simulated reads
	 * @param reliability that learned trust
	 */
	public record Result(List<Row> product, List<Row> learned, Reliability reliability, List<Calibration> calibration) {
	}

	private record Read(int state, SimulatedReads.Simulated simulated) {
	}

	private ReadsBacktest() {
	}

	/**
	 * Runs the backtest.
	 * @param trust the product's trust in reads (e.g. {@link Reliability#defaults()})
	 * @param seed the seed of the simulated reads (each case draws its own from it)
	 * @param errors how often reads are wrong, as a multiple of {@link SimulatedReads}'
	 * rates
	 */
	public static Result run(List<Case> cases, Reliability trust, long seed, double errors) {
		List<List<VoteProbabilities>> priors = new ArrayList<>();
		List<List<Read>> reads = new ArrayList<>();
		List<Reliability.Outcome> outcomes = new ArrayList<>();
		for (int c = 0; c < cases.size(); c++) {
			Case one = cases.get(c);
			List<VoteProbabilities> prior = one.forecast().marginals();
			SimulatedReads simulation = new SimulatedReads(seed * 1_000_003L + c, errors);
			List<Read> list = new ArrayList<>();
			for (int state : simulation.order(prior.size())) {
				Vote actual = one.actual().get(state);
				list.add(new Read(state, simulation.read(actual, prior.get(state))));
			}
			int readable = (int) Math.round(SHARES[SHARES.length - 1] * list.size());
			for (Read read : list.subList(0, readable)) {
				outcomes.add(new Reliability.Outcome(read.simulated().read(), prior.get(read.state()),
						one.actual().get(read.state())));
			}
			priors.add(prior);
			reads.add(list);
		}
		Reliability learned = Reliability.learn(outcomes);
		List<Row> product = rows(cases, priors, reads, trust);
		List<Row> learnedRows = rows(cases, priors, reads, learned);
		return new Result(product, learnedRows, learned, calibration(reads, priors, trust, learned));
	}

	private static List<Row> rows(List<Case> cases, List<List<VoteProbabilities>> priors, List<List<Read>> reads,
			Reliability trust) {
		ExactTally tally = new ExactTally();
		List<Row> rows = new ArrayList<>();
		for (double share : SHARES) {
			Scores scores = new Scores();
			double unreadLoss = 0;
			int unread = 0;
			int count = 0;
			for (int c = 0; c < cases.size(); c++) {
				Case one = cases.get(c);
				List<VoteProbabilities> prior = priors.get(c);
				int k = (int) Math.round(share * prior.size());
				double[][] likelihood = new double[prior.size()][];
				for (Read read : reads.get(c).subList(0, k)) {
					likelihood[read.state()] = trust.likelihood(read.simulated().read(), prior.get(read.state()));
				}
				var scenarios = one.forecast().given(likelihood);
				List<VoteProbabilities> marginals = scenarios.marginals();
				TallySummary summary = tally.mixture(scenarios).summary(one.target().rule());
				scores.add(marginals, one.actual(), summary);
				for (int i = 0; i < marginals.size(); i++) {
					if (likelihood[i] == null) {
						unreadLoss -= Math.log(Math.max(1e-15, marginals.get(i).probability(one.actual().get(i))));
						unread++;
					}
				}
				count += k;
			}
			rows.add(new Row(share, scores, (unread == 0) ? Double.NaN : unreadLoss / unread, count));
		}
		return rows;
	}

	private static List<Calibration> calibration(List<List<Read>> reads, List<List<VoteProbabilities>> priors,
			Reliability trust, Reliability learned) {
		Map<SimulatedReads.Source, double[][]> sums = new EnumMap<>(SimulatedReads.Source.class);
		for (int c = 0; c < reads.size(); c++) {
			List<Read> list = reads.get(c);
			int readable = (int) Math.round(SHARES[SHARES.length - 1] * list.size());
			for (Read read : list.subList(0, readable)) {
				SimulatedReads.Simulated s = read.simulated();
				double[] sum = sums.computeIfAbsent(s.source(), (x) -> new double[2][4])[s.read().firm() ? 1 : 0];
				sum[0]++;
				sum[1] += s.right() ? 1 : 0;
				double p = priors.get(c).get(read.state()).probability(s.read().vote());
				sum[2] += trust.trust(s.read()) + (1 - trust.trust(s.read())) * p;
				sum[3] += learned.trust(s.read()) + (1 - learned.trust(s.read())) * p;
			}
		}
		List<Calibration> result = new ArrayList<>();
		sums.forEach((source, byCategory) -> {
			for (int firm = 1; firm >= 0; firm--) {
				double[] sum = byCategory[firm];
				if (sum[0] > 0) {
					result.add(new Calibration(source, firm == 1, (int) sum[0], sum[1] / sum[0], sum[2] / sum[0],
							sum[3] / sum[0]));
				}
			}
		});
		return result;
	}

}
