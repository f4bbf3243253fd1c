package org.plenary.forecast.core.ideal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/**
 * Speed of the fit on all of Voeten's roll calls (1946-2019, 870,109 votes) and a sanity
 * look at the positions. Not a test of the build (its name does not end in Tests): run it
 * by hand:
 * {@code ./mvnw -o -q test -Dtest=IdealPointsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read
 * {@code target/surefire-reports/org.plenary.forecast.core.ideal.IdealPointsBenchmark-output.txt}.
 * Skipped when {@code ../shared/data} is absent.
 */
class IdealPointsBenchmark {

	static final Path DATA = Path.of("..", "shared", "data", "unvotes");

	static final String[] SANITY = { "US", "IL", "GB", "FR", "RU", "CN", "IN", "BR", "CU", "IR" };

	@BeforeAll
	static void needsTheSharedData() {
		Assumptions.assumeTrue(Files.isDirectory(DATA), "../shared/data is absent: the benchmark is skipped");
	}

	@Test
	void fitsVoetensRollCalls() throws IOException {
		long readStart = System.nanoTime();
		Voeten voeten = Voeten.read();
		long readTime = System.nanoTime() - readStart;
		System.out.printf("read %,d roll calls, %,d states, %,d votes in %.2f s%n", voeten.data.rollCalls().size(),
				voeten.data.states(), voeten.data.votes().size(), readTime / 1e9);
		int usa = voeten.stateByCode.get("US");
		IdealPointsOptions options = IdealPointsOptions.defaults().withAnchorState(usa);
		for (String run : new String[] { "first fit (cold JVM)", "second fit (warm)" }) {
			long start = System.nanoTime();
			IdealPoints fitted = IdealPointsFitter.fit(voeten.data, options);
			long time = System.nanoTime() - start;
			System.out.printf(
					"%s: %.2f s, %d EM steps, converged %s, omega %.2f (%.3f in the fitted units), %d threads, mean log-likelihood %.4f%n",
					run, time / 1e9, fitted.iterations(), fitted.converged(), options.omega(), fitted.omega(),
					options.threads(), fitted.meanLogLikelihood());
			if (run.startsWith("second")) {
				System.out.println("positions in session 74 (2019-20), with posterior sd:");
				for (String code : SANITY) {
					int state = voeten.stateByCode.get(code);
					System.out.printf("  %s %-28s %+.3f  (sd %.3f)%n", code, voeten.names.get(state),
							fitted.position(state, 74), Math.sqrt(fitted.variance(state, 74)));
				}
				for (int session : new int[] { 10, 30, 50 }) {
					System.out.printf("session %d:", session);
					for (String code : SANITY) {
						System.out.printf(" %s %+.2f", code, fitted.position(voeten.stateByCode.get(code), session));
					}
					System.out.println();
				}
			}
		}
	}

	/**
	 * The drift per session, chosen by held-out prediction: every 20th vote left out, the
	 * rest fitted, the left-out votes scored by their mean log-probability.
	 */
	@Test
	void comparesDrifts() throws IOException {
		Voeten voeten = Voeten.read();
		List<CastVote> training = new ArrayList<>();
		List<CastVote> heldOut = new ArrayList<>();
		List<CastVote> votes = voeten.data.votes();
		for (int k = 0; k < votes.size(); k++) {
			(k % 20 == 7 ? heldOut : training).add(votes.get(k));
		}
		RollCallData data = new RollCallData(voeten.data.states(), voeten.data.rollCalls(), training);
		int usa = voeten.stateByCode.get("US");
		for (double omega : new double[] { 0, 0.05, 0.1, 0.2, 0.3 }) {
			long start = System.nanoTime();
			IdealPoints fitted = IdealPointsFitter.fit(data,
					IdealPointsOptions.defaults().withOmega(omega).withAnchorState(usa));
			long time = System.nanoTime() - start;
			double logLoss = 0;
			int hits = 0;
			for (CastVote vote : heldOut) {
				ChoiceProbabilities p = fitted.probabilitiesForState(vote.rollCall(), vote.state());
				logLoss -= Math.log(Math.max(p.of(vote.choice()), 1e-300));
				hits += (p.mostLikely() == vote.choice()) ? 1 : 0;
			}
			System.out.printf(
					"omega %.2f (%.3f in the fitted units): held-out log loss %.4f, accuracy %.4f (%d iterations, converged %s, %.2f s)%n",
					omega, fitted.omega(), logLoss / heldOut.size(), (double) hits / heldOut.size(),
					fitted.iterations(), fitted.converged(), time / 1e9);
		}
	}

	/** Voeten's roll calls as model input, states by the {@code country} name. */
	static final class Voeten {

		RollCallData data;

		final Map<String, Integer> stateByCode = new HashMap<>();

		final List<String> names = new ArrayList<>();

		static Voeten read() throws IOException {
			Voeten voeten = new Voeten();
			Map<String, Integer> rollCallByRcid = new HashMap<>();
			List<RollCall> rollCalls = new ArrayList<>();
			try (BufferedReader reader = xz(DATA.resolve("un_roll_calls.csv.xz"))) {
				reader.readLine();
				String line;
				while ((line = reader.readLine()) != null) {
					String[] cells = line.split(",", 5);
					rollCallByRcid.put(cells[0], rollCalls.size());
					rollCalls.add(new RollCall(Long.parseLong(cells[0]), LocalDate.parse(unquote(cells[3])),
							Integer.parseInt(cells[1])));
				}
			}
			Map<String, Integer> stateByName = new LinkedHashMap<>();
			List<CastVote> votes = new ArrayList<>(900_000);
			try (BufferedReader reader = xz(DATA.resolve("un_votes.csv.xz"))) {
				reader.readLine();
				String line;
				while ((line = reader.readLine()) != null) {
					String[] cells = line.split(",", 4);
					String name = unquote(cells[1]);
					Integer state = stateByName.get(name);
					if (state == null) {
						state = stateByName.size();
						stateByName.put(name, state);
						voeten.names.add(name);
						voeten.stateByCode.putIfAbsent(unquote(cells[2]), state);
					}
					VoteChoice choice = switch (unquote(cells[3])) {
						case "yes" -> VoteChoice.YES;
						case "no" -> VoteChoice.NO;
						case "abstain" -> VoteChoice.ABSTAIN;
						default -> throw new IllegalStateException("unknown vote: " + line);
					};
					votes.add(new CastVote(rollCallByRcid.get(cells[0]), state, choice));
				}
			}
			voeten.data = new RollCallData(stateByName.size(), rollCalls, votes);
			return voeten;
		}

		private static String unquote(String cell) {
			return (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\""))
					? cell.substring(1, cell.length() - 1) : cell;
		}

		private static BufferedReader xz(Path path) throws IOException {
			return new BufferedReader(
					new InputStreamReader(new XZInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8),
					1 << 16);
		}

	}

}
