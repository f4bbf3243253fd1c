package org.plenary.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.system.PlenaryCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./plenary forecast} and {@code ./plenary backtest} on a history of our own (two
 * blocs voting on the same topics every year, 2061-2064, dated so that no other test's
 * history falls after them).
 */
@SpringBootTest
class ForecastCommandTests {

	@Autowired
	List<PlenaryCommand> commands;

	@TempDir
	Path folder;

	@Test
	void forecastsEveryMemberFromTheVotesBeforeTheTargetsDateOnly() throws Exception {
		Path history = ForecastFixtures.write(this.folder, "history.csv", "Forecast fixture", 2061, 2063, 11);
		Path targets = Files.writeString(this.folder.resolve("targets.csv"), """
				target,date,references,rule
				Topic one,2064-10-11,%s;%s,simple
				"Topic two, again",2064-10-12,%s,two-thirds
				""".formatted(ForecastFixtures.symbol(2063, 1), ForecastFixtures.symbol(2062, 1),
				ForecastFixtures.symbol(2063, 2)));
		Path out = this.folder.resolve("predictions.csv");
		String printed = run("forecast", 0, "--history", history.toString(), "--targets", targets.toString(), "--out",
				out.toString());
		assertThat(printed).contains("Topic one (2064-10-11, simple majority")
			.contains("references " + ForecastFixtures.symbol(2063, 1) + " of 2063-10-11, "
					+ ForecastFixtures.symbol(2062, 1) + " of 2062-10-11")
			.contains("P(adoption)")
			.contains("Wrote " + out);
		List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("target,iso3,p_yes,p_no,p_abstain,p_nonvoting");
		Map<String, Map<String, double[]>> rows = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.startsWith("\"") ? line.substring(line.lastIndexOf('"') + 2).split(",")
					: line.substring(line.indexOf(',') + 1).split(",");
			String target = line.startsWith("\"") ? line.substring(1, line.lastIndexOf('"')) : line.split(",")[0];
			double[] p = { Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
					Double.parseDouble(cells[4]) };
			// each row sums to exactly one at the six decimals written
			long micros = 0;
			for (double v : p) {
				assertThat(v).isBetween(0.0, 1.0);
				micros += Math.round(v * 1_000_000);
			}
			assertThat(micros).as(line).isEqualTo(1_000_000);
			rows.computeIfAbsent(target, (t) -> new HashMap<>()).put(cells[0], p);
		}
		// one row per member seated on the day: the 193 members of today
		assertThat(rows.get("Topic one")).hasSize(193);
		assertThat(rows.get("Topic two, again")).hasSize(193);
		// bloc A votes Yes on odd topics, bloc B on even ones (a few defect now and then)
		assertThat(mean(rows.get("Topic one"), ForecastFixtures.BLOC_A, 0)).isGreaterThan(0.7);
		assertThat(mean(rows.get("Topic one"), ForecastFixtures.BLOC_B, 1)).isGreaterThan(0.6);
		assertThat(mean(rows.get("Topic two, again"), ForecastFixtures.BLOC_A, 1)).isGreaterThan(0.6);
		assertThat(mean(rows.get("Topic two, again"), ForecastFixtures.BLOC_B, 0)).isGreaterThan(0.7);
		for (String iso3 : ForecastFixtures.BLOC_A) {
			for (String other : ForecastFixtures.BLOC_B) {
				// a bloc A member is likelier to vote Yes on topic one than a bloc B one
				assertThat(rows.get("Topic one").get(iso3)[0]).as(iso3 + " vs " + other)
					.isGreaterThan(rows.get("Topic one").get(other)[0]);
			}
		}
	}

	private static double mean(Map<String, double[]> rows, List<String> states, int vote) {
		return states.stream().mapToDouble((iso3) -> rows.get(iso3)[vote]).average().orElseThrow();
	}

	@Test
	void votesOnAndAfterTheTargetsDateChangeNothing() throws Exception {
		Path history = ForecastFixtures.write(this.folder, "history.csv", "Look-ahead fixture", 2066, 2068, 12);
		Path targets = Files.writeString(this.folder.resolve("targets.csv"),
				"target,date,references,rule\nT,2069-10-11," + ForecastFixtures.symbol(2068, 1) + ",simple\n");
		Path first = this.folder.resolve("first.csv");
		String before = run("forecast", 0, "--history", history.toString(), "--targets", targets.toString(), "--out",
				first.toString());
		// the target itself and a later year, voted the other way round
		Path later = ForecastFixtures.write(this.folder, "later.csv", "Look-ahead fixture", 2069, 2070, 99);
		Path second = this.folder.resolve("second.csv");
		String after = run("forecast", 0, "--history", later.toString(), "--targets", targets.toString(), "--out",
				second.toString());
		assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
		assertThat(after.replace(second.toString(), "")).isEqualTo(before.replace(first.toString(), ""));
	}

	@Test
	void backtestScoresAgainstTheVotesCastBesideTheBaseline() throws Exception {
		Path history = ForecastFixtures.write(this.folder, "history.csv", "Backtest fixture", 2071, 2074, 13);
		Path targets = Files.writeString(this.folder.resolve("targets.csv"), "target,date,references,rule\n"
				+ ForecastFixtures.symbol(2074, 3) + ",2074-10-13," + ForecastFixtures.symbol(2073, 3) + ",simple\n");
		Path scores = this.folder.resolve("scores.csv");
		String printed = run("backtest", 0, "--history", history.toString(), "--targets", targets.toString(), "--out",
				scores.toString());
		assertThat(printed).contains("1 targets").contains("log loss").contains("baseline").contains("80% interval");
		assertThat(Files.readAllLines(scores)).hasSize(2).first().asString().startsWith("target,date,yes,no");
		String auto = run("backtest", 0, "--auto", "--from", "2073-01-01", "--to", "2074-12-31");
		// six topics a year, each repeating last year's title
		assertThat(auto).startsWith("12 targets");
	}

	@Test
	void badInputSaysWhatAndWhere() throws Exception {
		Path targets = Files.writeString(this.folder.resolve("targets.csv"),
				"target,date,references,rule\nT,2030-13-01,A/RES/1/1,simple\n");
		assertThatThrownBy(() -> command("forecast").run(
				List.of("--targets", targets.toString(), "--out", this.folder.resolve("o.csv").toString()), System.out))
			.isInstanceOf(PlenaryCommand.UsageException.class)
			.hasMessageContaining("Line 2")
			.hasMessageContaining("2030-13-01");
		assertThatThrownBy(() -> command("forecast").run(List.of("--targets", targets.toString()), System.out))
			.hasMessageContaining("--out");
		assertThatThrownBy(
				() -> command("backtest").run(List.of("--auto", "--targets", targets.toString()), System.out))
			.hasMessageContaining("either --targets");
		// a reference the history lacks is named, and the target forecast without it
		Path unknown = Files.writeString(this.folder.resolve("unknown.csv"),
				"target,date,references,rule\nT,2080-01-01 00:00:00,A/RES/999/1,simple majority\n");
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		PrintStream stderr = System.err;
		System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
		try {
			assertThat(command("forecast").run(
					List.of("--targets", unknown.toString(), "--out", this.folder.resolve("o.csv").toString()),
					new PrintStream(new ByteArrayOutputStream())))
				.isEqualTo(0);
		}
		finally {
			System.setErr(stderr);
		}
		assertThat(errors.toString(StandardCharsets.UTF_8))
			.contains("Target T: no recorded vote on reference A/RES/999/1 before 2080-01-01 in the history");
		assertThat(Files.readAllLines(this.folder.resolve("o.csv"))).hasSize(194);
	}

	private String run(String name, int expected, String... args) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = command(name).run(List.of(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
		String text = printed.toString(StandardCharsets.UTF_8);
		assertThat(status).as(text).isEqualTo(expected);
		return text;
	}

	private PlenaryCommand command(String name) {
		return this.commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
