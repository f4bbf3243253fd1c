package org.plenary.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.accounts.TestAccounts;
import org.plenary.states.StateNameMappings;
import org.plenary.system.Acting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 21: a file that names states in ways the register does not know is refused, not
 * lost. Its report says where each unknown name occurs and which states it likely stands
 * for; the user maps each (on the import page, over the API, or with {@code --map} on the
 * command line), the file is imported again without an upload, and the next file that
 * uses the same spellings needs no mapping. Fixtures are dated 2036 (session 92).
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnknownNamesTests {

	private static final List<String> NAMES = List.of("TURKIYYE", "Neverland Rep.", "Frannce", "Total");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	StateNameMappings mappings;

	@Autowired
	ImportVotesCommand command;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	private String operator;

	private String token;

	@BeforeEach
	@AfterEach
	void forgetTheMappings() {
		for (String name : NAMES) {
			if (this.mappings.find(name).isPresent()) {
				this.mappings.undo(name);
			}
		}
	}

	@BeforeEach
	void signIn() {
		this.operator = this.accounts.operator("Test Mission");
		this.token = this.accounts.token(this.operator);
	}

	@Test
	void aMisspeltFileIsKeptMappedOnThePageAndImportedAgainWithoutAnUpload() throws Exception {
		String refused = this.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("files", "misspelt-names.jsonl",
					"application/json", fixtureBytes("misspelt-names.jsonl")))
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long first = importId(refused);
		ImportReport report = this.importer.findImport(first).orElseThrow().report();
		assertThat(report.unknownNames()).extracting(ImportReport.UnknownName::name)
			.containsExactly("TURKIYYE", "Neverland Rep.");
		ImportReport.UnknownName turkiyye = report.unknownNames().get(0);
		assertThat(turkiyye.lines()).containsExactly(1L, 2L);
		assertThat(turkiyye.rollCalls()).containsExactly("A/RES/92/1 (2036-03-02)", "A/RES/92/2 (2036-03-03)");
		// the likeliest state: a name one letter away, seated and listed nowhere else
		assertThat(turkiyye.suggestions().get(0).iso3()).isEqualTo("TUR");
		assertThat(turkiyye.suggestions().get(0).why()).contains("1 letter(s) apart")
			.contains("not otherwise listed in all 2");
		// nothing near, and too many members missing to point at one: no guess
		assertThat(report.unknownNames().get(1).suggestions()).isEmpty();
		assertThat(this.rollCalls.bySymbol("A/RES/92/1")).isEmpty();

		String page = page("/history/imports/" + first);
		assertThat(page).contains("TURKIYYE")
			.contains("Neverland Rep.")
			.contains("value=\"TUR\"")
			.contains("Map every name first");
		this.mvc
			.perform(post("/history/imports/" + first + "/names").param("name", "TURKIYYE")
				.param("iso3", "TUR")
				.with(operator())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		// one name is still unknown: imported again, the file is still refused, and kept
		String again = this.mvc
			.perform(post("/api/v1/imports/" + first + "/again").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long second = importId(again);
		assertThat(this.importer.findImport(second).orElseThrow().report().unknownNames())
			.extracting(ImportReport.UnknownName::name)
			.containsExactly("Neverland Rep.");
		assertThat(this.rollCalls.bySymbol("A/RES/92/1")).isEmpty();
		// the first import's files moved on with the second: they are not imported twice
		this.mvc.perform(post("/api/v1/imports/" + first + "/again").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest());

		// the picker's other list wins over the radio button left on a suggestion
		this.mvc
			.perform(post("/history/imports/" + second + "/names").param("name", "Neverland Rep.")
				.param("iso3", "FRA")
				.param("other", "NOT_A_STATE")
				.with(operator())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page("/history/imports/" + second)).contains("Mapped as not a state")
			.contains("Every name is mapped");
		this.mvc.perform(post("/api/v1/imports/" + second + "/again").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk());

		RollCall one = this.rollCalls.bySymbol("A/RES/92/1").get(0);
		assertThat(this.rollCalls.votes(one.id()).get(Vote.YES)).extracting(StateVote::iso3)
			.containsExactlyInAnyOrder("FRA", "DEU", "TUR");
		ImportReport imported = latestReport();
		assertThat(imported.problems()).extracting(ImportReport.Problem::kind)
			.contains("LISTED_TWICE", "TOTALS_MISMATCH", "NOT_A_STATE");
		ImportReport.Problem twice = imported.problems()
			.stream()
			.filter((p) -> p.kind().equals("LISTED_TWICE"))
			.findFirst()
			.orElseThrow();
		assertThat(twice.rollCall()).isEqualTo("A/RES/92/1 (2036-03-02)");
		assertThat(twice.lines()).containsExactly(1L, 1L);
		assertThat(imported.problems()).filteredOn((p) -> p.kind().equals("TOTALS_MISMATCH")).hasSize(2);

		// the mapping is a name of the state now, written to the audit trail by its user
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where table_name = 'states_state_name' and row_key like '%TURKIYYE%'
				  and actor = ? and action = 'INSERT'
				""").param(this.operator).query(Integer.class).single()).isEqualTo(1);
		StateNameMappings.Mapping mapping = this.mappings.find("TURKIYYE").orElseThrow();
		assertThat(mapping.mappedBy()).isEqualTo(this.operator);
		assertThat(mapping.source()).isEqualTo("import " + first + " (misspelt-names.jsonl)");

		// a later file with the same spellings needs no mapping
		ImportReport later = importOne(fixture("misspelt-names-later.jsonl"));
		assertThat(later.succeeded()).as(later.summary().toString()).isTrue();
		RollCall three = this.rollCalls.bySymbol("A/RES/92/3").get(0);
		assertThat(this.rollCalls.votes(three.id()).get(Vote.YES)).extracting(StateVote::iso3)
			.containsExactlyInAnyOrder("FRA", "TUR");

		// undone, the name is unknown again
		this.mvc
			.perform(delete("/api/v1/name-mappings").param("name", "TURKIYYE")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk());
		ImportReport undone = importOne(fixture("misspelt-names-later.jsonl"));
		assertThat(undone.succeeded()).isFalse();
		assertThat(undone.unknownNames()).extracting(ImportReport.UnknownName::name).containsExactly("TURKIYYE");
	}

	@Test
	void onlyANameTheImportReportedCanBeMappedFromIt() throws Exception {
		long id = importOne(fixture("misspelt-names.jsonl")).importId();
		this.mvc
			.perform(post("/api/v1/imports/" + id + "/names").contentType("application/json")
				.content("{\"name\": \"Francia\", \"iso3\": \"FRA\"}")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/imports/" + id + "/names").contentType("application/json")
				.content("{\"name\": \"TURKIYYE\", \"iso3\": \"ZZZ\"}")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest());
		assertThat(this.mappings.find("TURKIYYE")).isEmpty();
		// a viewer maps nothing
		this.mvc
			.perform(post("/history/imports/" + id + "/names").param("name", "TURKIYYE")
				.param("iso3", "TUR")
				.with(user(this.accounts.user(org.plenary.accounts.Role.COORDINATOR)).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.mappings.find("TURKIYYE")).isEmpty();
	}

	@Test
	void theCommandLineMapsNamesAndPrintsEveryProblemGroupedAndCounted() throws IOException {
		Path file = fixture("misspelt-names.jsonl");
		Path report = this.folder.resolve("report.json");
		Run refused = run("--report", report.toString(), file.toString());
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.out()).contains("NOT imported")
			.contains("errors: unknown state names (2):")
			.contains("'TURKIYYE': 2 row(s), line(s) 1-2; in 2 roll call(s)")
			.contains("likeliest: TUR (name near")
			.contains("'Neverland Rep.': 2 row(s), line(s) 1-2")
			.contains("no likely state: map it by hand")
			.doesNotContain("more");
		String json = Files.readString(report);
		assertThat(json).contains("\"kind\" : \"UNKNOWN_NAME\"").contains("\"lines\" : [ 1, 2 ]");

		Path maps = Files.writeString(this.folder.resolve("names.txt"), "# names of session 92\nNeverland Rep.=-\n");
		Run mapped = run("--map", "TURKIYYE=TUR", "--map-file", maps.toString(), file.toString());
		assertThat(mapped.exit()).as(mapped.out()).isZero();
		assertThat(mapped.out()).contains("Mapped 'TURKIYYE' to TUR")
			.contains("Mapped 'Neverland Rep.' to not a state")
			.contains("warnings: names mapped as not a state (their rows skipped) (1):")
			.contains("defects: stated totals that disagree with the votes (2):");
		assertThat(this.mappings.find("TURKIYYE").orElseThrow().mappedBy()).startsWith("./plenary import-votes");

		// the next import resolves the names with no mapping; a mapping given again is
		// left alone
		Run later = run("--map", "TURKIYYE=TUR", fixture("misspelt-names-later.jsonl").toString());
		assertThat(later.exit()).as(later.out()).isZero();
		assertThat(later.out()).contains("'TURKIYYE' is already a name of TUR");
		assertThat(run("--map", "nothing to map", file.toString()).exit()).isNotZero();
	}

	@Test
	void readsOneColumnPerState() throws IOException {
		ImportReport report = importOne(fixture("one-column-per-state.csv"));
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		assertThat(report.format()).isEqualTo(VoteFormat.WIDE.label());
		RollCall ten = this.rollCalls.bySymbol("A/RES/92/10").get(0);
		assertThat(ten.title()).isEqualTo("Fixture: one column per state");
		Map<Vote, List<StateVote>> votes = this.rollCalls.votes(ten.id());
		assertThat(votes.get(Vote.YES)).extracting(StateVote::iso3).containsExactlyInAnyOrder("FRA", "DEU");
		assertThat(votes.get(Vote.NO)).extracting(StateVote::iso3).containsExactly("BLR");
		assertThat(votes.get(Vote.ABSTAIN)).extracting(StateVote::iso3).containsExactly("CHN");
		assertThat(votes.get(Vote.NON_VOTING)).extracting(StateVote::iso3).contains("CIV");
		RollCall eleven = this.rollCalls.bySymbol("A/RES/92/11").get(0);
		assertThat(List.of(eleven.yes(), eleven.no(), eleven.abstain())).containsExactly(1, 2, 1);
		assertThat(this.rollCalls.votes(eleven.id()).get(Vote.YES)).extracting(StateVote::iso3).containsExactly("CIV");
		assertThat(report.problems()).extracting(ImportReport.Problem::kind).containsExactly("REPEATED_ROLL_CALL");
		assertThat(report.problems().get(0).lines()).containsExactly(4L);
	}

	@Test
	void aColumnNoStateAnswersToIsAnUnknownNameToMap() throws IOException {
		Path file = fixture("one-column-per-state-unknown.csv");
		ImportReport refused = importOne(file);
		assertThat(refused.format()).isEqualTo(VoteFormat.WIDE.label());
		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.unknownNames()).extracting(ImportReport.UnknownName::name)
			.containsExactly("Frannce", "Total");
		assertThat(refused.unknownNames().get(0).suggestions().get(0).iso3()).isEqualTo("FRA");
		Acting.as("test", () -> {
			this.mappings.map("Frannce", "FRA", "test");
			return this.mappings.notAState("Total", "test");
		});
		ImportReport imported = importOne(file);
		assertThat(imported.succeeded()).as(imported.summary().toString()).isTrue();
		RollCall twenty = this.rollCalls.bySymbol("A/RES/92/20").get(0);
		assertThat(this.rollCalls.votes(twenty.id()).get(Vote.YES)).extracting(StateVote::iso3)
			.containsExactlyInAnyOrder("FRA", "DEU");
	}

	private record Run(int exit, String out) {
	}

	private Run run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int exit;
		try {
			exit = Acting.as("./plenary import-votes (test)", () -> this.command.run(List.of(args), out));
		}
		catch (RuntimeException ex) {
			out.println(ex.getMessage());
			exit = 2;
		}
		return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
		return user(this.operator).authorities(new SimpleGrantedAuthority("ROLE_ADMINISTRATOR"),
				new SimpleGrantedAuthority("OPERATOR"));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ImportReport latestReport() {
		return this.importer.recentImports(1).get(0).report();
	}

	private static long importId(String json) {
		Matcher id = Pattern.compile("\"importId\":(\\d+)").matcher(json);
		assertThat(id.find()).as(json).isTrue();
		return Long.parseLong(id.group(1));
	}

	private ImportReport importOne(Path file) {
		return this.importer
			.importFiles(List.of(file), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE)
			.get(0);
	}

	private static byte[] fixtureBytes(String name) throws IOException {
		try (InputStream in = UnknownNamesTests.class.getResourceAsStream("/history/" + name)) {
			return in.readAllBytes();
		}
	}

	private Path fixture(String name) throws IOException {
		return Files.write(this.folder.resolve(name), fixtureBytes(name));
	}

}
