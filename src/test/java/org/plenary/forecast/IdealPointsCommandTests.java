package org.plenary.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.system.PlenaryCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./plenary ideal-points --history FILE --from --to --out}: two invented blocs
 * that vote against each other come out on opposite sides, the anchor (the United States)
 * on the positive one, one row per state and session.
 */
@SpringBootTest
class IdealPointsCommandTests {

	private static final List<String> BLOC_A = List.of("USA", "GBR", "FRA", "DEU", "JPN", "CAN", "AUS", "NZL", "NOR",
			"DNK", "NLD", "BEL");

	private static final List<String> BLOC_B = List.of("CUB", "IRN", "SYR", "PRK", "VEN", "NIC", "BLR", "ERI", "LAO",
			"MMR", "ZWE", "BOL");

	@Autowired
	List<PlenaryCommand> commands;

	@Test
	void twoBlocsComeOutOnOppositeSides(@TempDir Path folder) throws Exception {
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("resolution,date,iso3,vote\n");
		for (int i = 0; i < 40; i++) {
			String date = (i < 20) ? "2041-10-" + (10 + i % 18) : "2042-10-" + (10 + i % 18);
			String symbol = "A/RES/" + ((i < 20) ? 96 : 97) + "/" + (9000 + i);
			for (String iso3 : BLOC_A) {
				csv.append(symbol)
					.append(',')
					.append(date)
					.append(',')
					.append(iso3)
					.append(',')
					.append(vote(random, i % 2 == 0))
					.append('\n');
			}
			for (String iso3 : BLOC_B) {
				csv.append(symbol)
					.append(',')
					.append(date)
					.append(',')
					.append(iso3)
					.append(',')
					.append(vote(random, i % 2 != 0))
					.append('\n');
			}
		}
		Path history = Files.writeString(folder.resolve("blocs.csv"), csv);
		Path out = folder.resolve("ideal-points.csv");
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = command().run(List.of("--history", history.toString(), "--from", "2041-01-01", "--to",
				"2042-12-31", "--out", out.toString()), new PrintStream(printed));
		assertThat(status).isZero();
		assertThat(printed.toString()).contains("40 roll calls, 24 states");
		List<String> lines = Files.readAllLines(out);
		assertThat(lines.get(0)).isEqualTo("iso3,session,ideal_point,sd");
		Map<String, List<Double>> positions = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			assertThat(cells[1]).isIn("96", "97");
			positions.computeIfAbsent(cells[0], (k) -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
		}
		assertThat(positions).hasSize(24);
		assertThat(positions.values()).allSatisfy((p) -> assertThat(p).hasSize(2));
		for (String iso3 : BLOC_A) {
			assertThat(positions.get(iso3)).as(iso3).allSatisfy((p) -> assertThat(p).isPositive());
		}
		for (String iso3 : BLOC_B) {
			assertThat(positions.get(iso3)).as(iso3).allSatisfy((p) -> assertThat(p).isNegative());
		}
	}

	@Test
	void badArgumentsSayWhatIsWrong() {
		assertThatThrownBy(() -> command().run(List.of("--from", "2041-01-01"), System.out))
			.isInstanceOf(PlenaryCommand.UsageException.class)
			.hasMessageContaining("--out");
		assertThatThrownBy(() -> command().run(List.of("--from", "last year", "--out", "x.csv"), System.out))
			.hasMessageContaining("--from takes a date");
		assertThatThrownBy(() -> command().run(List.of("--history", "/no/such/file.csv", "--out", "x.csv"), System.out))
			.hasMessageContaining("No readable file /no/such/file.csv");
	}

	/** Mostly the bloc's line, sometimes an abstention or a defection. */
	private static String vote(Random random, boolean yes) {
		double draw = random.nextDouble();
		if (draw < 0.08) {
			return "A";
		}
		if (draw < 0.12) {
			return yes ? "N" : "Y";
		}
		return yes ? "Y" : "N";
	}

	private PlenaryCommand command() {
		return this.commands.stream().filter((c) -> c.name().equals("ideal-points")).findFirst().orElseThrow();
	}

}
