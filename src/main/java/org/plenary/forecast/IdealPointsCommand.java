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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plenary.forecast.core.ideal.IdealPoints;
import org.plenary.forecast.core.ideal.IdealPointsFitter;
import org.plenary.forecast.core.ideal.IdealPointsOptions;
import org.plenary.forecast.core.ideal.RollCall;
import org.plenary.forecast.core.ideal.RollCallData;
import org.plenary.forecast.core.ideal.CastVote;
import org.plenary.forecast.core.ideal.VoteChoice;
import org.plenary.history.ImportReport;
import org.plenary.history.VoteImporter;
import org.plenary.system.PlenaryCommand;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./plenary ideal-points [--history FILE...] [--from DATE] [--to DATE] --out FILE.csv}:
 * each state's ideal point per session, fitted on the General Assembly's plenary roll
 * calls in the window. {@code --history} imports the files first through the history
 * module (any layout it reads; a file already imported changes nothing), so the fit
 * always reads the one voting history Plenary keeps.
 */
@Component
class IdealPointsCommand implements PlenaryCommand {

	private final VoteImporter importer;

	private final JdbcClient jdbc;

	IdealPointsCommand(VoteImporter importer, JdbcClient jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "ideal-points";
	}

	@Override
	public String usage() {
		return "ideal-points [--history FILE...] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.csv   "
				+ "(each state's ideal point per session, from the imported roll calls)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		List<Path> history = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--history")) {
				while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
					history.add(readable(args.get(++i)));
				}
			}
			else if (List.of("--from", "--to", "--out").contains(arg) && i + 1 < args.size()) {
				options.put(arg, args.get(++i));
			}
			else {
				throw new UsageException("Unknown argument " + arg);
			}
		}
		if (options.get("--out") == null) {
			throw new UsageException("Say where to write the estimates: --out FILE.csv");
		}
		LocalDate from = date(options.getOrDefault("--from", "1946-01-01"), "--from");
		LocalDate to = date(options.getOrDefault("--to", "9999-12-31"), "--to");
		if (!history.isEmpty()) {
			List<ImportReport> reports = this.importer.importFiles(history,
					new VoteImporter.Options(false, "ideal-points"), VoteImporter.Progress.NONE);
			reports.stream().filter((r) -> !r.succeeded()).forEach((r) -> r.summary().forEach(System.err::println));
			if (!reports.stream().allMatch(ImportReport::succeeded)) {
				return 1;
			}
		}
		Window window = read(from, to);
		if (window.data().rollCalls().isEmpty()) {
			System.err.println("No roll call between " + from + " and " + to + ": import the history first");
			return 1;
		}
		IdealPointsOptions fitOptions = IdealPointsOptions.defaults();
		int usa = window.states().indexOf("USA");
		if (usa >= 0) {
			fitOptions = fitOptions.withAnchorState(usa);
		}
		long start = System.nanoTime();
		IdealPoints points = IdealPointsFitter.fit(window.data(), fitOptions);
		long millis = (System.nanoTime() - start) / 1_000_000;
		write(Path.of(options.get("--out")), window, points);
		out.printf(Locale.ROOT, "%,d roll calls, %,d states, %,d votes from %s to %s; fitted in %,d ms (%d steps%s)%n",
				window.data().rollCalls().size(), window.states().size(), window.data().votes().size(), from, to,
				millis, points.iterations(), points.converged() ? "" : ", not converged");
		out.println("Wrote " + options.get("--out"));
		return 0;
	}

	private record Window(RollCallData data, List<String> states) {
	}

	/**
	 * The plenary's Yes, No and Abstain votes in the window; non-voting is not a vote. A
	 * session is numbered as the UN numbers it (the 74th from September 2019).
	 */
	private Window read(LocalDate from, LocalDate to) {
		Map<Long, Integer> rollCallIndex = new HashMap<>();
		Map<String, Integer> stateIndex = new HashMap<>();
		List<String> states = new ArrayList<>();
		List<RollCall> rollCalls = new ArrayList<>();
		List<CastVote> votes = new ArrayList<>();
		this.jdbc.sql("""
				select r.id, r.vote_date, v.iso3, v.vote from history_roll_call r
				join history_vote v on v.roll_call_id = r.id
				where r.body <> 'COMMITTEE' and r.vote_date between ? and ? and v.vote in ('Y', 'N', 'A')
				order by r.vote_date, r.id
				""").params(from, to).query((rs) -> {
			long id = rs.getLong(1);
			Integer rollCall = rollCallIndex.get(id);
			if (rollCall == null) {
				LocalDate date = rs.getDate(2).toLocalDate();
				rollCall = rollCalls.size();
				rollCallIndex.put(id, rollCall);
				rollCalls.add(new RollCall(id, date, session(date)));
			}
			String iso3 = rs.getString(3);
			Integer state = stateIndex.get(iso3);
			if (state == null) {
				state = states.size();
				stateIndex.put(iso3, state);
				states.add(iso3);
			}
			VoteChoice choice = switch (rs.getString(4)) {
				case "Y" -> VoteChoice.YES;
				case "N" -> VoteChoice.NO;
				default -> VoteChoice.ABSTAIN;
			};
			votes.add(new CastVote(rollCall, state, choice));
		});
		return new Window(new RollCallData(states.size(), rollCalls, votes), states);
	}

	static int session(LocalDate date) {
		return org.plenary.forecast.core.model.Sessions.of(date);
	}

	private static void write(Path file, Window window, IdealPoints points) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("iso3,session,ideal_point,sd\n");
			for (int state = 0; state < window.states().size(); state++) {
				if (!points.hasPosition(state)) {
					continue;
				}
				for (int session = points.firstSession(state); session <= points.lastSession(state); session++) {
					writer.write(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f%n", window.states().get(state), session,
							points.position(state, session), Math.sqrt(points.variance(state, session))));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	private static Path readable(String name) {
		Path file = Path.of(name);
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new UsageException("No readable file " + name);
		}
		return file;
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
