package org.plenary.states;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state name and code in the real UN datasets of {@code ../shared/data} resolves to
 * exactly one state on the date of the vote. Skipped when the folder is absent (a user's
 * fresh clone).
 */
@SpringBootTest
class SharedDatasetNamesTests {

	static final Path DATA = Path.of("..", "shared", "data");

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Autowired
	StateNameResolver resolver;

	@BeforeAll
	static void needsTheSharedData() {
		Assumptions.assumeTrue(Files.isDirectory(DATA),
				"../shared/data is absent: the checks against the real UN datasets are skipped");
	}

	@Test
	void resolvesEveryCountryOfVoetensRollCalls() throws IOException {
		Map<String, LocalDate> dates = new HashMap<>();
		try (BufferedReader calls = xz(DATA.resolve("unvotes/un_roll_calls.csv.xz"))) {
			calls.readLine();
			calls.lines().forEach((line) -> {
				String[] cells = line.split(",", 5);
				dates.put(cells[0], LocalDate.parse(cells[3].replace("\"", "")));
			});
		}
		// one check per (name, year): the data has 870,109 rows but few distinct pairs
		Set<String> checked = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		try (BufferedReader votes = xz(DATA.resolve("unvotes/un_votes.csv.xz"))) {
			votes.readLine();
			votes.lines().forEach((line) -> {
				List<String> cells = quoted(line, line.substring(0, line.indexOf(',')));
				LocalDate date = dates.get(cells.get(0));
				String name = cells.get(1);
				if (checked.add(name + "|" + date)) {
					StateNameResolver.Resolution resolution = this.resolver.resolve(name, date);
					if (!resolution.resolved()) {
						problems.add(date + " " + resolution.problem());
					}
				}
			});
		}
		assertThat(checked).hasSizeGreaterThan(200);
		assertThat(problems).isEmpty();
	}

	@Test
	void resolvesEveryMemberStateNameOfTheGaResolutions() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.list(DATA.resolve("un-ga-resolutions"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					JsonNode resolution = json.readTree(line);
					for (String key : List.of("MS_in_favour", "MS_against", "MS_abstaining")) {
						resolution.path(key).forEach((name) -> names.add(name.asString()));
					}
				}
			}
		}
		assertThat(names).hasSizeGreaterThan(190);
		assertThat(names)
			.allSatisfy((name) -> assertThat(this.resolver.resolve(name, LocalDate.of(2021, 1, 1)).iso3()).as(name)
				.isNotNull());
	}

	@Test
	void theUnDigitalLibraryCodesAgreeWithTheNames() throws IOException {
		Map<String, String> codeByName = new HashMap<>();
		try (BufferedReader rows = xz(DATA.resolve("undl/ga_voting_2019-2022_undl-layout.csv.xz"))) {
			rows.readLine();
			rows.lines().forEach((line) -> {
				String[] cells = line.split(",", 4);
				codeByName.put(cells[2], cells[1]);
			});
		}
		assertThat(codeByName).hasSize(193);
		codeByName
			.forEach((name, code) -> assertThat(this.resolver.resolve(name, LocalDate.of(2021, 1, 1)).iso3()).as(name)
				.isEqualTo(code));
	}

	private static BufferedReader xz(Path file) throws IOException {
		return new BufferedReader(
				new InputStreamReader(new XZInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
	}

	/** rcid, then the quoted cells of a Voeten votes row. */
	private static List<String> quoted(String line, String first) {
		List<String> cells = new ArrayList<>();
		cells.add(first);
		Matcher matcher = QUOTED.matcher(line);
		while (matcher.find()) {
			cells.add(matcher.group(1));
		}
		return cells;
	}

}
