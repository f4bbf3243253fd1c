package org.plenary.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports all of the real UN data in {@code ../shared/data} (Voeten 1946-2019, the UN
 * Digital Library layout 2019-2022, the GA resolutions of sessions 74-76 and ES-11) and
 * checks what the public record says. Skipped when the folder is absent.
 */
@SpringBootTest
class SharedDatasetImportTests {

	static final Path DATA = Path.of("..", "shared", "data");

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void needsTheSharedData() {
		Assumptions.assumeTrue(Files.isDirectory(DATA),
				"../shared/data is absent: the import of the real UN datasets is not tested");
	}

	@Test
	void importsEverythingOnceAndAgainWithoutChange() throws IOException {
		List<ImportReport> first = importAll();
		assertThat(first).hasSize(6).allSatisfy((r) -> assertThat(r.succeeded()).as(r.summary().toString()).isTrue());

		// 6,203 Voeten roll calls; the UN datasets add the 2019-2022 votes Voeten lacks
		// and the
		// resolutions adopted without a vote; the 90 votes of session 74 found in both
		// are one
		assertThat(count("select count(*) from history_roll_call where vote_date < '2023-01-01'")).isEqualTo(7029);
		assertThat(
				count("select count(*) from history_roll_call where vote_date < '2023-01-01' and adopted_without_vote"))
			.isEqualTo(643);
		assertThat(count("""
				select count(*) from history_vote v join history_roll_call r on r.id = v.roll_call_id
				where r.vote_date < '2023-01-01'
				""")).isEqualTo(994_686);
		// Voeten's 870,109 votes are all there, as cast (not counting non-voting)
		assertThat(count("""
				select count(*) from history_vote v join history_roll_call_source s on s.roll_call_id = v.roll_call_id
				where s.source = 'VOETEN' and v.vote <> 'X'
				""")).isEqualTo(870_109);

		assertTally("A/RES/ES-11/1", 141, 5, 35, 12);
		assertTally("A/RES/ES-11/2", 140, 5, 38, 10);
		assertTally("A/RES/ES-11/3", 93, 24, 58, 18);
		assertTally("A/RES/68/262", 100, 11, 58, 24);

		// a coordinator picking references finds them by symbol, however written
		for (String typed : List.of("ES-11/1", "A/RES/ES-11/1", "a/res/es-11/1", "es 11/1", "ES-11 / 1")) {
			assertThat(this.rollCalls.find(typed, 30)).as(typed)
				.extracting(RollCall::symbol)
				.containsExactly("A/RES/ES-11/1");
		}
		for (String typed : List.of("68/262", "A/RES/68/262", "a/res/68/262 ", "R/68/262")) {
			assertThat(this.rollCalls.find(typed, 30)).as(typed)
				.isNotEmpty()
				.extracting(RollCall::symbol)
				.containsOnly("A/RES/68/262");
		}

		// the known upstream defects are reported, not crashed on
		List<ImportReport.Defect> defects = first.stream().flatMap((r) -> r.defects().stream()).toList();
		assertThat(defects).anySatisfy((d) -> {
			assertThat(d.rollCall()).startsWith("A/RES/75/290 A");
			assertThat(d.kind()).isEqualTo("LISTED_TWICE");
		});
		assertThat(defects).anySatisfy((d) -> {
			assertThat(d.rollCall()).startsWith("A/RES/75/254 A-C");
			assertThat(d.kind()).isEqualTo("NO_VOTES_LISTED");
		});
		assertTally("A/RES/75/290 A", 90, 0, 47, 56);
		// the datasets agree with each other wherever they overlap
		assertThat(first.stream().mapToInt(ImportReport::disagreeing).sum()).isZero();

		String before = snapshot();
		List<ImportReport> second = importAll();
		assertThat(second).allSatisfy((r) -> {
			assertThat(r.succeeded()).isTrue();
			assertThat(r.added() + r.updated() + r.disagreeing()).isZero();
			assertThat(r.votesWritten()).isZero();
		});
		assertThat(snapshot()).isEqualTo(before);
	}

	private List<ImportReport> importAll() throws IOException {
		List<Path> files = new ArrayList<>(
				List.of(DATA.resolve("unvotes/un_votes.csv.xz"), DATA.resolve("unvotes/un_roll_calls.csv.xz"),
						DATA.resolve("undl/ga_voting_2019-2022_undl-layout.csv.xz")));
		try (Stream<Path> json = Files.list(DATA.resolve("un-ga-resolutions"))) {
			files.addAll(json.filter((f) -> f.toString().endsWith(".json")).sorted().toList());
		}
		return this.importer.importFiles(files, new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
	}

	private void assertTally(String symbol, int yes, int no, int abstain, int nonVoting) {
		List<RollCall> found = this.rollCalls.bySymbol(symbol);
		assertThat(found).as(symbol).hasSize(1);
		RollCall rollCall = found.get(0);
		assertThat(List.of(rollCall.yes(), rollCall.no(), rollCall.abstain(), rollCall.nonVoting())).as(symbol)
			.containsExactly(yes, no, abstain, nonVoting);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String snapshot() {
		return this.jdbc
			.sql("""
					select (select count(*) from history_roll_call) || '/' || (select count(*) from history_vote) || '/'
					  || (select count(*) from history_defect) || '/' || (select count(*) from history_roll_call_source) || '/'
					  || (select max(updated_at) from history_roll_call)
					""")
			.query(String.class)
			.single();
	}

}
