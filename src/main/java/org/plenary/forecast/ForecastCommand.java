package org.plenary.forecast;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.PastVotes;
import org.plenary.forecast.core.model.Target;
import org.plenary.forecast.core.model.TargetForecast;
import org.plenary.forecast.core.model.TargetForecaster;
import org.plenary.forecast.core.model.TargetsFile;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;
import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary forecast --history FILE... --targets TARGETS.csv --out PREDICTIONS.csv}:
 * for each target, every member state's probabilities from the votes before the target's
 * date only, and the tally's summary on standard output.
 */
@Component
class ForecastCommand implements PlenaryCommand {

	private final ForecastHistory history;

	ForecastCommand(ForecastHistory history) {
		this.history = history;
	}

	@Override
	public String name() {
		return "forecast";
	}

	@Override
	public String usage() {
		return "forecast [--history FILE...] --targets TARGETS.csv --out PREDICTIONS.csv   "
				+ "(each member state's P(Yes, No, Abstain, Non-voting) per target, from the votes before its date)";
	}

	@Override
	public int run(List<String> args, PrintStream out) throws IOException {
		Arguments arguments = Arguments.parse(args, List.of("--targets", "--out"));
		String targetsFile = arguments.required("--targets", "Say which targets to forecast: --targets TARGETS.csv");
		String outFile = arguments.required("--out", "Say where to write the predictions: --out PREDICTIONS.csv");
		List<Target> targets = readTargets(ForecastHistory.readable(targetsFile));
		if (!this.history.importFiles(arguments.history(), "forecast", System.err)) {
			return 1;
		}
		LocalDate last = targets.stream().map(Target::date).max(Comparator.naturalOrder()).orElseThrow();
		PastVotes votes = this.history.read(last);
		TargetForecaster forecaster = this.history.forecaster(votes, ModelSettings.defaults());
		forecaster.prepare(targets).forEach(System.err::println);
		List<TargetForecast> forecasts = new ArrayList<>();
		for (Target target : targets) {
			TargetForecast forecast = forecaster.forecast(target);
			forecasts.add(forecast);
			print(forecast, votes, out);
		}
		write(Path.of(outFile), forecasts);
		out.println("Wrote " + outFile + ": " + forecasts.stream().mapToInt((f) -> f.members().size()).sum() + " rows");
		return 0;
	}

	static List<Target> readTargets(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return TargetsFile.read(reader);
		}
		catch (TargetsFile.InvalidTargets ex) {
			throw new UsageException(file + ": " + ex.getMessage());
		}
		catch (java.nio.charset.MalformedInputException ex) {
			throw new UsageException(file + " is not UTF-8 text");
		}
	}

	static void print(TargetForecast forecast, PastVotes votes, PrintStream out) {
		Target target = forecast.target();
		List<String> references = new ArrayList<>();
		for (int reference : forecast.references()) {
			references.add(votes.symbol(reference) + " of " + votes.date(reference));
		}
		out.printf(Locale.ROOT, "%s (%s, %s; references %s): %d member states%n", target.name(), target.date(),
				target.rule().describe(), references.isEmpty() ? "none found" : String.join(", ", references),
				forecast.members().size());
		out.println("  " + counts(forecast.summary()));
	}

	/** The four counts with their 80 % intervals and P(adoption), on one line. */
	static String counts(TallySummary summary) {
		StringBuilder line = new StringBuilder("expected");
		for (Vote vote : Vote.values()) {
			var count = summary.count(vote);
			line.append(String.format(Locale.ROOT, " %s %.1f [%d-%d]", vote.label(), count.expected(), count.low(),
					count.high()));
			line.append(vote == Vote.NON_VOTING ? ";" : ",");
		}
		line.append(String.format(Locale.ROOT, " P(adoption) %.3f", summary.adoptionProbability()));
		return line.toString();
	}

	private static void write(Path file, List<TargetForecast> forecasts) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("target,iso3,p_yes,p_no,p_abstain,p_nonvoting\n");
			for (TargetForecast forecast : forecasts) {
				String name = csv(forecast.target().name());
				for (int i = 0; i < forecast.members().size(); i++) {
					double[] p = roundedToOne(forecast.probabilities().get(i));
					writer.write(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f%n", name,
							forecast.members().get(i), p[0], p[1], p[2], p[3]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Yes, No, Abstain, Non-voting rounded to six decimals so that the four printed
	 * numbers sum to exactly one: the largest takes what rounding left over.
	 */
	static double[] roundedToOne(VoteProbabilities p) {
		long[] micros = new long[4];
		int largest = 0;
		long sum = 0;
		for (Vote vote : Vote.values()) {
			int v = vote.ordinal();
			micros[v] = Math.round(p.probability(vote) * 1_000_000);
			sum += micros[v];
			if (micros[v] > micros[largest]) {
				largest = v;
			}
		}
		micros[largest] += 1_000_000 - sum;
		return new double[] { micros[0] / 1e6, micros[1] / 1e6, micros[2] / 1e6, micros[3] / 1e6 };
	}

	static String csv(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
