package org.plenary.forecast;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.plenary.forecast.core.model.AutoTargets;
import org.plenary.forecast.core.model.Baseline;
import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.PastVotes;
import org.plenary.forecast.core.model.ReadsBacktest;
import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.model.Scores;
import org.plenary.forecast.core.model.Target;
import org.plenary.forecast.core.model.TargetForecast;
import org.plenary.forecast.core.model.TargetForecaster;
import org.plenary.forecast.core.model.TrackRecord;
import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;
import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary backtest --history FILE... (--targets TARGETS.csv | --auto [--from]
 * [--to])}: forecasts each target as {@code ./plenary forecast} does (from the votes
 * before its date only) and scores it against the votes actually cast, side by side with
 * the baseline "each state votes as it did on the first reference" ({@link Baseline}).
 */
@Component
class BacktestCommand implements PlenaryCommand {

	private final ForecastHistory history;

	BacktestCommand(ForecastHistory history) {
		this.history = history;
	}

	@Override
	public String name() {
		return "backtest";
	}

	@Override
	public String usage() {
		return "backtest [--history FILE...] (--targets TARGETS.csv | --auto [--from YYYY-MM-DD] [--to YYYY-MM-DD]) "
				+ "[--out SCORES.csv] [--plain-intervals] [--reads [--seed N] [--read-errors X]]   (forecasts past votes from earlier ones "
				+ "and scores them against the actual votes; --reads adds simulated whip reads to a growing share of "
				+ "the members)";
	}

	private record Scored(Target target, int rollCall) {
	}

	@Override
	public int run(List<String> args, PrintStream out) throws IOException {
		Arguments arguments = Arguments.parse(args,
				List.of("--targets", "--from", "--to", "--out", "--seed", "--read-errors"),
				List.of("--auto", "--reads", "--plain-intervals"));
		boolean auto = arguments.has("--auto");
		String targetsFile = arguments.options().get("--targets");
		if (auto == (targetsFile != null)) {
			throw new UsageException("Give either --targets TARGETS.csv or --auto");
		}
		if (!auto && (arguments.options().containsKey("--from") || arguments.options().containsKey("--to"))) {
			throw new UsageException("--from and --to choose the targets of --auto");
		}
		List<Target> fileTargets = auto ? List.of()
				: ForecastCommand.readTargets(ForecastHistory.readable(targetsFile));
		if (!this.history.importFiles(arguments.history(), "backtest", System.err)) {
			return 1;
		}
		PastVotes votes = this.history.read(LocalDate.of(9999, 12, 31));
		List<Scored> targets = new ArrayList<>();
		if (auto) {
			LocalDate from = date(arguments.options().getOrDefault("--from", "1946-01-01"), "--from");
			LocalDate to = date(arguments.options().getOrDefault("--to", "9999-12-31"), "--to");
			for (AutoTargets.Chosen chosen : AutoTargets.choose(votes, from, to)) {
				targets.add(new Scored(chosen.target(), chosen.rollCall()));
			}
			if (targets.isEmpty()) {
				System.err.println("No vote between " + from + " and " + to + " repeats an earlier vote's title");
				return 1;
			}
		}
		else {
			for (Target target : fileTargets) {
				int rollCall = actual(votes, target);
				if (rollCall < 0) {
					System.err.println("Target " + target.name() + ": the history has no recorded vote on "
							+ target.name() + " on or after " + target.date() + " to score it against");
					return 1;
				}
				targets.add(new Scored(target, rollCall));
			}
		}
		TargetForecaster forecaster = this.history.forecaster(votes, ModelSettings.defaults())
			.widening(!arguments.has("--plain-intervals"));
		if (arguments.has("--reads")) {
			return withReads(votes, forecaster, targets, seed(arguments), readErrors(arguments), out);
		}
		forecaster.prepare(targets.stream().map(Scored::target).toList()).forEach(System.err::println);
		Scores model = new Scores();
		Scores baseline = new Scores();
		Scores novelModel = new Scores();
		Scores novelBaseline = new Scores();
		ExactTally tally = new ExactTally();
		List<String> rows = new ArrayList<>();
		out.println(targets.size() + " targets; forecast from the votes before each target's date only");
		for (Scored scored : targets) {
			TargetForecast forecast = forecaster.forecast(scored.target());
			List<Vote> actual = new ArrayList<>();
			int[] counts = new int[4];
			for (String iso3 : forecast.members()) {
				int state = votes.stateIndex(iso3);
				Vote vote = (state < 0) ? null : votes.vote(scored.rollCall(), state);
				vote = (vote == null) ? Vote.NON_VOTING : vote;
				actual.add(vote);
				counts[vote.ordinal()]++;
			}
			List<VoteProbabilities> base = Baseline.probabilities(votes,
					(forecast.references().length == 0) ? -1 : forecast.references()[0], forecast.members());
			Scores one = new Scores();
			one.add(forecast.probabilities(), actual, forecast.summary());
			Scores oneBase = new Scores();
			oneBase.add(base, actual, tally.independent(base).summary(scored.target().rule()));
			model.add(forecast.probabilities(), actual, forecast.summary());
			baseline.add(base, actual, tally.independent(base).summary(scored.target().rule()));
			int referenceYes = TrackRecord.referenceYes(votes, forecast.references(), forecast.members());
			if (novel(referenceYes, counts[0])) {
				novelModel.add(forecast.probabilities(), actual, forecast.summary());
				novelBaseline.add(base, actual, tally.independent(base).summary(scored.target().rule()));
			}
			out.printf(Locale.ROOT, "%s (%s): actual %d-%d-%d, %d non-voting; log loss %.3f (baseline %.3f)%n",
					scored.target().name(), scored.target().date(), counts[0], counts[1], counts[2], counts[3],
					one.logLoss(), oneBase.logLoss());
			out.println("  " + ForecastCommand.counts(forecast.summary()));
			rows.add(String.format(Locale.ROOT,
					"%s,%s,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.4f,%.4f,%.4f,%d,%d,%d,%.2f,%.3f,%.2f",
					ForecastCommand.csv(scored.target().name()), scored.target().date(), counts[0], counts[1],
					counts[2], counts[3], forecast.summary().yes().expected(), forecast.summary().no().expected(),
					forecast.summary().abstain().expected(), forecast.summary().nonVoting().expected(),
					forecast.summary().adoptionProbability(), one.logLoss(), oneBase.logLoss(), referenceYes,
					forecast.summary().yes().low(), forecast.summary().yes().high(),
					forecast.departure().yearsSinceReference(), forecast.departure().referenceSpread(),
					forecast.departure().factor()));
		}
		out.println();
		report(model, baseline, out);
		out.println();
		out.printf(Locale.ROOT, "Votes whose Yes count moved by more than %d from the first reference's: ", NOVEL);
		if (novelModel.targets() == 0) {
			out.println("none");
		}
		else {
			out.println();
			report(novelModel, novelBaseline, out);
		}
		String outFile = arguments.options().get("--out");
		if (outFile != null) {
			write(Path.of(outFile), rows);
			out.println("Wrote " + outFile);
		}
		return 0;
	}

	/**
	 * A vote is novel when its Yes count moved by more than this from its reference's.
	 */
	static final int NOVEL = 20;

	static boolean novel(int referenceYes, int yes) {
		return referenceYes >= 0 && Math.abs(yes - referenceYes) > NOVEL;
	}

	/**
	 * The backtest with simulated reads: each target at every share of members read, with
	 * the product's trust and with the trust learned from the simulated reads.
	 */
	private int withReads(PastVotes votes, TargetForecaster forecaster, List<Scored> targets, long seed, double errors,
			PrintStream out) {
		forecaster.prepare(targets.stream().map(Scored::target).toList()).forEach(System.err::println);
		List<ReadsBacktest.Case> cases = new ArrayList<>();
		for (Scored scored : targets) {
			TargetForecaster.Prepared prepared = forecaster.prepared(scored.target());
			List<Vote> actual = new ArrayList<>();
			for (String iso3 : prepared.members()) {
				int state = votes.stateIndex(iso3);
				Vote vote = (state < 0) ? null : votes.vote(scored.rollCall(), state);
				actual.add((vote == null) ? Vote.NON_VOTING : vote);
			}
			cases.add(new ReadsBacktest.Case(scored.target(), prepared.forecast(), actual));
		}
		ReadsBacktest.Result result = ReadsBacktest.run(cases, Reliability.defaults(), seed, errors);
		out.printf(Locale.ROOT, "%d targets, simulated reads (seed %d, errors x %.2f)%n", cases.size(), seed, errors);
		out.printf(Locale.ROOT, "%-8s %8s | %-36s | %-36s%n", "", "", "trust as the product has it",
				"trust learned from these reads");
		out.printf(Locale.ROOT, "%-8s %8s | %10s %12s %12s | %10s %12s %12s%n", "read", "reads", "log loss",
				"unread l.l.", "Yes MAE", "log loss", "unread l.l.", "Yes MAE");
		for (int i = 0; i < result.product().size(); i++) {
			ReadsBacktest.Row p = result.product().get(i);
			ReadsBacktest.Row l = result.learned().get(i);
			out.printf(Locale.ROOT, "%7.0f%% %8d | %10.4f %12.4f %12.2f | %10.4f %12.4f %12.2f%n", 100 * p.share(),
					p.reads(), p.scores().logLoss(), p.unreadLogLoss(), p.scores().yesError(), l.scores().logLoss(),
					l.unreadLogLoss(), l.scores().yesError());
		}
		out.println();
		out.println("Learned from the simulated reads: " + result.reliability());
		out.println("Product's trust: " + Reliability.defaults());
		out.printf(Locale.ROOT, "%-34s %8s %8s %10s %10s%n", "reads kept, by source and category", "reads", "kept",
				"expected", "learned");
		for (ReadsBacktest.Calibration c : result.calibration()) {
			out.printf(Locale.ROOT, "%-34s %8d %8.3f %10.3f %10.3f%n",
					c.source().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (c.firm() ? ", firm" : ", leaning"),
					c.reads(), c.kept(), c.expected(), c.expectedLearned());
		}
		return 0;
	}

	private static double readErrors(Arguments arguments) {
		String text = arguments.options().getOrDefault("--read-errors", "1");
		try {
			double errors = Double.parseDouble(text);
			if (errors >= 0 && errors <= 1 / 0.45) {
				return errors;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new UsageException(
				"--read-errors takes a multiple of the simulated error rates, e.g. 0.5, not '" + text + "'");
	}

	private static long seed(Arguments arguments) {
		String text = arguments.options().getOrDefault("--seed", "20");
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--seed takes a whole number, not '" + text + "'");
		}
	}

	/** The roll call on the target's symbol on its date, or the first one after it. */
	static int actual(PastVotes votes, Target target) {
		List<Integer> found = votes.find(target.name(), votes.size());
		int best = -1;
		for (int r : found) {
			if (!votes.date(r).isBefore(target.date()) && votes.hasVotes(r)
					&& (best < 0 || votes.date(r).isBefore(votes.date(best)))) {
				best = r;
			}
		}
		return best;
	}

	static void report(Scores model, Scores baseline, PrintStream out) {
		out.printf(Locale.ROOT, "%d targets (%d contested: at least 20%% of the votes cast not Yes), %d state votes%n",
				model.targets(), model.contestedTargets(), model.states());
		out.printf(Locale.ROOT, "%-32s %10s %10s %8s%n", "", "model", "baseline", "ratio");
		line(out, "log loss", model.logLoss(), baseline.logLoss(), true);
		line(out, "log loss, contested votes", model.contestedLogLoss(), baseline.contestedLogLoss(), true);
		line(out, "accuracy", model.accuracy(), baseline.accuracy(), false);
		line(out, "Brier score", model.brier(), baseline.brier(), true);
		line(out, "Yes count, mean abs. error", model.yesError(), baseline.yesError(), true);
		line(out, "No count, mean abs. error", model.noError(), baseline.noError(), true);
		for (Vote vote : Vote.values()) {
			line(out, "80% interval coverage, " + vote.label(), model.coverage(vote), baseline.coverage(vote), false);
		}
	}

	private static void line(PrintStream out, String label, double model, double baseline, boolean ratio) {
		out.printf(Locale.ROOT, "%-32s %10.4f %10.4f %8s%n", label, model, baseline,
				ratio ? String.format(Locale.ROOT, "%.3f", model / baseline) : "");
	}

	private static void write(Path file, List<String> rows) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("target,date,yes,no,abstain,non_voting,expected_yes,expected_no,expected_abstain,"
					+ "expected_non_voting,p_adoption,log_loss,baseline_log_loss,reference_yes,yes_low,yes_high,"
					+ "years_since_reference,reference_spread,widening\n");
			for (String row : rows) {
				writer.write(row);
				writer.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	private static LocalDate date(String text, String option) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException(option + " takes a date, YYYY-MM-DD, not '" + text + "'");
		}
	}

}
