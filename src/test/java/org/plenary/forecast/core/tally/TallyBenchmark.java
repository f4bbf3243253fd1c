package org.plenary.forecast.core.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.plenary.forecast.core.tally.Targeting.Candidate;

/**
 * How long the tally takes for the General Assembly (193 states), printed as median and
 * 95th percentile after warm-up. Not a test (the build runs no timing); run it by hand:
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * $JDK21/bin/java -cp target/classes:target/test-classes org.plenary.forecast.core.tally.TallyBenchmark
 * </pre>
 */
public final class TallyBenchmark {

	private static final int WARM_UP = 200;

	private static final int RUNS = 500;

	private static double sink;

	private TallyBenchmark() {
	}

	public static void main(String[] args) {
		Random random = new Random(2022);
		List<VoteProbabilities> states = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < 193; i++) {
			VoteProbabilities p = (i < 12) ? VoteProbabilities.certain(Vote.NON_VOTING)
					: normalised(random.nextDouble(), random.nextDouble() * 0.5, random.nextDouble() * 0.5,
							random.nextDouble() * 0.05);
			if (i >= 188) {
				p = p.asPermanentMember();
			}
			states.add(p);
			candidates.add(new Candidate("S" + i, p, random.nextDouble() * 0.3));
		}
		ExactTally tally = new ExactTally();
		Targeting targeting = new Targeting();
		CommonShock shock = CommonShock.DEFAULT;
		AdoptionRule rule = AdoptionRule.twoThirds();

		System.out.printf(Locale.ROOT, "193 states, Java %s, %d processors%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		measure("exact tally, independent", () -> tally.independent(states).adoptionProbability(rule));
		measure("exact tally, common shock (" + shock.nodes() + " nodes)",
				() -> tally.withCommonShock(states, shock).adoptionProbability(rule));
		measure("forecast refresh (shock tally + summary)",
				() -> tally.withCommonShock(states, shock).summary(rule).adoptionProbability());
		measure("targeting, independent",
				() -> (double) targeting.rank(candidates, rule, Vote.YES, CommonShock.NONE).size());
		measure("targeting, common shock (" + shock.nodes() + " nodes)",
				() -> (double) targeting.rank(candidates, rule, Vote.YES, shock).size());
		CommonShock sevenNodes = CommonShock.of(CommonShock.DEFAULT_SIGMA, 7);
		measure("targeting, common shock (7 nodes)",
				() -> (double) targeting.rank(candidates, rule, Vote.YES, sevenNodes).size());
		measure("targeting, SC-style veto rule, common shock",
				() -> (double) targeting.rank(candidates, AdoptionRule.securityCouncilSubstantive(), Vote.YES, shock)
					.size());

		// what the shock does to the interval (the widths the lead may quote)
		for (double sigma : new double[] { 0, 0.25, 0.5, 1.0 }) {
			TallySummary summary = tally.withCommonShock(states, CommonShock.of(sigma)).summary(rule);
			System.out.printf(Locale.ROOT, "sigma %.2f: P(adoption) %.4f, Yes %.1f [%d, %d], No %.1f [%d, %d]%n", sigma,
					summary.adoptionProbability(), summary.yes().expected(), summary.yes().low(), summary.yes().high(),
					summary.no().expected(), summary.no().low(), summary.no().high());
		}
		System.out.println(sink > 0 ? "" : " ");
	}

	private static VoteProbabilities normalised(double yes, double no, double abstain, double nonVoting) {
		double sum = yes + no + abstain + nonVoting;
		return VoteProbabilities.of(yes / sum, no / sum, abstain / sum, nonVoting / sum);
	}

	private static void measure(String name, Supplier<Double> work) {
		for (int i = 0; i < WARM_UP; i++) {
			sink += work.get();
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			sink += work.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-50s median %7.2f ms   p95 %7.2f ms%n", name, nanos[RUNS / 2] / 1e6,
				nanos[(int) (RUNS * 0.95)] / 1e6);
	}

}
