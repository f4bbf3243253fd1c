package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.plenary.forecast.core.tally.AdoptionRule;
import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.Targeting;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * How long a campaign's forecast takes to refresh after a read, for the General
 * Assembly's 193 members with 60 of them read: the reads as evidence (the shared shift's
 * posterior on its grid, then the scenarios), the exact tally over the scenarios, and the
 * targeting list; with 13 and 21 scenarios (a live board's) and the command line's 55.
 * Not a test (the build runs no timing); run it by hand:
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * $JDK21/bin/java -cp target/classes:target/test-classes org.plenary.forecast.core.model.RefreshBenchmark
 * </pre>
 */
public final class RefreshBenchmark {

	private static final int WARM_UP = 100;

	private static final int RUNS = 300;

	private static double sink;

	private RefreshBenchmark() {
	}

	public static void main(String[] args) {
		Random random = new Random(2022);
		int n = 193;
		List<String> members = new ArrayList<>();
		double[][] utilities = new double[n][];
		double[] absence = new double[n];
		boolean[] art19 = new boolean[n];
		boolean[] permanent = new boolean[n];
		double[][] likelihood = new double[n][];
		Reliability reliability = Reliability.defaults();
		for (int i = 0; i < n; i++) {
			members.add(String.format(Locale.ROOT, "S%03d", i));
			utilities[i] = new double[] { 3 * random.nextGaussian(), random.nextGaussian(), 3 * random.nextGaussian() };
			absence[i] = -2.5 + random.nextGaussian();
			art19[i] = i < 2;
			if (i >= 10 && i < 70) {
				Vote vote = Vote.values()[random.nextInt(3)];
				// against an even model: the benchmark times the refresh, not the read
				likelihood[i] = reliability.likelihood(
						new WhipRead(vote, random.nextBoolean(), 1, 1, random.nextInt(20)),
						VoteProbabilities.of(0.25, 0.25, 0.25, 0.25));
			}
		}
		List<Candidate> names = new ArrayList<>();
		for (String member : members) {
			names.add(new Candidate(member));
		}
		for (ModelSettings settings : List.of(ModelSettings.defaults().withScenarios(13),
				ModelSettings.defaults().withScenarios(21), ModelSettings.defaults())) {
			VoteForecast forecast = VoteForecast.of(members, utilities, absence, art19, permanent, 0.7, 0.8, settings);
			ExactTally tally = new ExactTally();
			Targeting targeting = new Targeting();
			AdoptionRule rule = AdoptionRule.twoThirds();
			double[] evidence = time(() -> forecast.given(likelihood).size());
			double[] withTally = time(() -> {
				Scenarios scenarios = forecast.given(likelihood);
				return tally.mixture(scenarios).adoptionProbability(rule);
			});
			double[] everything = time(() -> {
				Scenarios scenarios = forecast.given(likelihood);
				List<VoteProbabilities> marginals = scenarios.marginals();
				List<Targeting.Candidate> candidates = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					candidates.add(new Targeting.Candidate(names.get(i).name(), marginals.get(i), 0.1));
				}
				double p = tally.mixture(scenarios).adoptionProbability(rule);
				return p + targeting.rank(candidates, scenarios.thinned(7), rule, Vote.YES).size();
			});
			System.out.printf(Locale.ROOT, "%d scenarios, 193 states, 60 reads:%n", settings.scenarios());
			print("  the reads as evidence (scenarios)", evidence);
			print("  + the exact tally over them", withTally);
			print("  + the targeting list on 7 of them (the refresh)", everything);
		}
		System.out.println("(sink " + sink + ", set " + Set.of().size() + ")");
	}

	private record Candidate(String name) {
	}

	private static double[] time(java.util.function.DoubleSupplier work) {
		for (int i = 0; i < WARM_UP; i++) {
			sink += work.getAsDouble();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			sink += work.getAsDouble();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void print(String label, double[] millis) {
		System.out.printf(Locale.ROOT, "%-45s median %6.2f ms, p95 %6.2f ms%n", label, millis[millis.length / 2],
				millis[(int) (millis.length * 0.95)]);
	}

}
