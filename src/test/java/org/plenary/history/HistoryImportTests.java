package org.plenary.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each format on small fixtures of our own (src/test/resources/history, dated in 2031 so
 * they never meet the real datasets), and each kind of bad input: a clear message that
 * says where, and a database left exactly as it was.
 */
@SpringBootTest
class HistoryImportTests {

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void importsTheUnDigitalLibraryLayout() throws IOException {
		ImportReport report = importOne(fixture("undl-v3.csv"));
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		assertThat(report.format()).isEqualTo(VoteFormat.UNDL.label());
		RollCall first = single("A/RES/ES-19/1");
		assertThat(first.body()).isEqualTo("EMERGENCY_SPECIAL_SESSION");
		assertThat(first.title()).isEqualTo("Fixture: test of the \"UNDL\" layout, with a comma");
		assertThat(first.draftSymbol()).isEqualTo("A/ES-19/L.1");
		assertThat(List.of(first.yes(), first.no(), first.abstain())).containsExactly(3, 1, 1);
		// members in no list did not vote: all the others seated in 2031 count as
		// non-voting
		assertThat(first.nonVoting()).isEqualTo(193 - 5);
		Map<Vote, List<StateVote>> votes = this.rollCalls.votes(first.id());
		assertThat(votes.get(Vote.YES)).extracting(StateVote::iso3).containsExactlyInAnyOrder("FRA", "DEU", "CIV");
		assertThat(votes.get(Vote.ABSTAIN)).extracting(StateVote::iso3).containsExactly("CHN");
		assertThat(first.sources()).containsExactly("UNDL");
	}

	@Test
	void importsTheVersionOneLayoutWithNvForNonVoting() throws IOException {
		ImportReport report = importOne(fixture("undl-v1.csv"));
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		RollCall rollCall = single("A/RES/86/10");
		assertThat(List.of(rollCall.yes(), rollCall.no(), rollCall.abstain())).containsExactly(1, 1, 0);
		assertThat(this.rollCalls.votes(rollCall.id()).get(Vote.NON_VOTING)).extracting(StateVote::iso3)
			.contains("GBR");
	}

	@Test
	void importsGaResolutionsAsJsonLinesWithTheirDefects() throws IOException {
		ImportReport report = importOne(fixture("resolutions.jsonl"));
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		RollCall recorded = single("A/RES/86/20");
		assertThat(recorded.date()).hasToString("2031-05-12");
		assertThat(List.of(recorded.yes(), recorded.no(), recorded.abstain())).containsExactly(3, 0, 1);
		assertThat(recorded.sponsors()).isEqualTo("Norway; Kenya; Chile");
		assertThat(recorded.agendaItem()).isEqualTo("Agenda item 7: Fixtures");
		// TÜRKİYE and TURKEY are one state: listed twice, counted once, reported
		assertThat(report.defects()).singleElement().satisfies((defect) -> {
			assertThat(defect.kind()).isEqualTo("LISTED_TWICE");
			assertThat(defect.detail()).contains("TUR (line 1)");
		});
		assertThat(this.rollCalls.defects(recorded.id())).singleElement().asString().contains("TUR");
		RollCall withoutVote = single("A/RES/86/21");
		assertThat(withoutVote.adoptedWithoutVote()).isTrue();
		assertThat(withoutVote.outcome()).isEqualTo(RollCall.Outcome.ADOPTED_WITHOUT_VOTE);
		assertThat(withoutVote.nonVoting()).isZero();
	}

	@Test
	void importsVoetensPairAndResolvesNamibiaByName() throws IOException {
		ImportReport report = this.importer
			.importFiles(List.of(fixture("voeten-votes.csv"), fixture("voeten-roll-calls.csv")), options(false),
					VoteImporter.Progress.NONE)
			.get(0);
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		assertThat(report.rollCallsRead()).isEqualTo(2);
		List<RollCall> onSymbol = this.rollCalls.bySymbol("A/RES/86/30");
		assertThat(onSymbol).extracting(RollCall::kind).containsExactlyInAnyOrder("RESOLUTION", "AMENDMENT");
		RollCall amendment = onSymbol.stream().filter((r) -> r.kind().equals("AMENDMENT")).findFirst().orElseThrow();
		assertThat(amendment.important()).isTrue();
		assertThat(amendment.outcome()).isEqualTo(RollCall.Outcome.REJECTED);
		assertThat(this.rollCalls.votes(amendment.id()).get(Vote.ABSTAIN)).extracting(StateVote::iso3)
			.containsExactly("NAM");
	}

	@Test
	void voetenVotesAloneAreRefused() throws IOException {
		assertRefused(List.of(fixture("voeten-votes.csv")), "together with un_roll_calls.csv");
	}

	@Test
	void importsThePlainLayoutByNameOrCode() throws IOException {
		ImportReport report = importOne(fixture("plain.csv"));
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		RollCall rollCall = single("A/RES/86/40");
		assertThat(this.rollCalls.votes(rollCall.id()).get(Vote.ABSTAIN)).extracting(StateVote::iso3)
			.containsExactly("CIV");
	}

	@Test
	void readsCompressedFilesByTheirContent() throws IOException {
		byte[] plain = ("resolution,date,iso3,vote\nA/RES/86/41,2031-07-02,FRA,Y\n").getBytes(StandardCharsets.UTF_8);
		Path gz = this.folder.resolve("votes.csv.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
			out.write(plain);
		}
		Path xz = this.folder.resolve("no-extension");
		try (OutputStream out = new XZOutputStream(Files.newOutputStream(xz), new LZMA2Options())) {
			out.write(plain.clone());
		}
		Path zip = this.folder.resolve("votes.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("votes.csv"));
			out.write(("resolution,date,iso3,vote\nA/RES/86/42,2031-07-03,FRA,N\n").getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		assertThat(importOne(gz).succeeded()).isTrue();
		assertThat(importOne(xz).unchanged()).isEqualTo(1); // the same roll call as the
															// .gz
		assertThat(importOne(zip).added()).isEqualTo(1);
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws IOException {
		Path file = write("again.csv",
				"resolution,date,iso3,vote\nA/RES/86/50,2031-08-01,FRA,Y\nA/RES/86/50,2031-08-01,BRA,N\n");
		assertThat(importOne(file).added()).isEqualTo(1);
		String before = snapshot();
		ImportReport again = importOne(file);
		assertThat(List.of(again.added(), again.updated(), again.unchanged(), (int) again.votesWritten()))
			.containsExactly(0, 0, 1, 0);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aCorrectedFileFromTheSameDatasetUpdatesTheVotes() throws IOException {
		importOne(write("first.csv", "resolution,date,iso3,vote\nA/RES/86/51,2031-08-02,FRA,Y\n"));
		ImportReport corrected = importOne(
				write("second.csv", "resolution,date,iso3,vote\nA/RES/86/51,2031-08-02,FRA,N\n"));
		assertThat(corrected.updated()).isEqualTo(1);
		assertThat(single("A/RES/86/51").no()).isEqualTo(1);
	}

	@Test
	void anotherDatasetThatDisagreesIsReportedAndTheStoredVotesStay() throws IOException {
		importOne(write("plain-first.csv", "resolution,date,iso3,vote\nA/RES/86/52,2031-08-03,FRA,Y\n"));
		Path undl = write("undl-disagrees.csv", """
				undl_id,ms_code,ms_name,ms_vote,date,session,resolution
				9201,FRA,FRANCE,N,2031-08-03,86,A/RES/86/52
				""");
		ImportReport report = importOne(undl);
		assertThat(report.succeeded()).isTrue();
		assertThat(report.disagreeing()).isEqualTo(1);
		assertThat(report.defects()).singleElement()
			.satisfies((d) -> assertThat(d.detail()).contains("UNDL differs").contains("FRA N (stored Y)"));
		assertThat(single("A/RES/86/52").yes()).isEqualTo(1);
	}

	@Test
	void aStrictImportRefusesADatasetThatDisagrees() throws IOException {
		importOne(write("plain-strict-first.csv", "resolution,date,iso3,vote\nA/RES/86/53,2031-08-04,FRA,Y\n"));
		assertRefused(write("undl-strict.csv", """
				undl_id,ms_code,ms_name,ms_vote,date,session,resolution
				9202,FRA,FRANCE,N,2031-08-04,86,A/RES/86/53
				"""), true, "differ from those another dataset stored");
	}

	@Test
	void voetensNaMeansMissing() throws IOException {
		Path calls = write("calls-na.csv", """
				"rcid","session","importantvote","date","unres","amend","para","short","descr"
				990101,86,NA,"2031-06-02",NA,NA,NA,NA,NA
				""");
		Path votes = write("votes-na.csv",
				"\"rcid\",\"country\",\"country_code\",\"vote\"\n990101,\"Namibia\",\"NA\",\"yes\"\n");
		ImportReport report = this.importer
			.importFiles(List.of(calls, votes), options(false), VoteImporter.Progress.NONE)
			.get(0);
		assertThat(report.succeeded()).as(report.summary().toString()).isTrue();
		RollCall rollCall = this.rollCalls
			.search(new RollCalls.Query(null, null, java.time.LocalDate.of(2031, 6, 2),
					java.time.LocalDate.of(2031, 6, 2), null, null, 0))
			.rollCalls()
			.get(0);
		assertThat(rollCall.title()).isNull();
		assertThat(rollCall.symbol()).isNull();
		assertThat(rollCall.important()).isNull();
		assertThat(rollCall.kind()).isEqualTo("OTHER");
	}

	@Test
	void aTruncatedFileIsRefused() throws IOException {
		assertRefused(
				write("truncated.csv",
						"resolution,date,iso3,vote,title\nA/RES/86/60,2031-09-01,FRA,Y,\"A title that never clo"),
				"line 2: a quoted field is never closed");
		assertRefused(write("short-row.csv", "resolution,date,iso3,vote\nA/RES/86/60,2031-09-01,FRA,Y\nA/RES/86/60,20"),
				"line 3: expected 4 columns, found 2");
		byte[] xz = compressXz("resolution,date,iso3,vote\n" + "A/RES/86/60,2031-09-01,FRA,Y\n".repeat(2000));
		Path cut = this.folder.resolve("cut.csv.xz");
		Files.write(cut, Arrays.copyOf(xz, xz.length / 2));
		assertRefused(cut, "truncated");
	}

	@Test
	void aWrongHeaderIsRefused() throws IOException {
		assertRefused(write("wrong.csv", "country,ballot\nFrance,Y\n"), "unrecognised header 'country,ballot'");
		assertRefused(write("missing.csv", "undl_id,ms_code,ms_name,ms_vote,resolution\n1,FRA,FRANCE,Y,A/RES/1/1\n"),
				"the header has no column 'date'");
	}

	@Test
	void unknownCountriesAreListedWithTheirLines() throws IOException {
		assertRefused(write("unknown.csv", """
				resolution,date,iso3,vote
				A/RES/86/61,2031-09-02,FRA,Y
				A/RES/86/61,2031-09-02,Atlantis,Y
				A/RES/86/61,2031-09-02,XYZ,N
				A/RES/86/62,2031-09-02,Atlantis,N
				"""), "unknown state name or code 'Atlantis' on lines 3, 5",
				"unknown state name or code 'XYZ' on lines 4");
	}

	@Test
	void anInvalidVoteCodeIsRefused() throws IOException {
		assertRefused(write("vote.csv", "resolution,date,iso3,vote\nA/RES/86/63,2031-09-03,FRA,Maybe\n"),
				"line 2: invalid vote 'Maybe' (expected Y, N, A, NV or X)");
	}

	@Test
	void twoDifferentVotesOfOneStateAreRefused() throws IOException {
		assertRefused(write("duplicate.csv", """
				resolution,date,iso3,vote
				A/RES/86/64,2031-09-04,FRA,Y
				A/RES/86/64,2031-09-04,BRA,Y
				A/RES/86/64,2031-09-04,FRA,N
				"""), "lines 2 and 4: FRA has two different votes (N and Y) on A/RES/86/64 of 2031-09-04");
	}

	@Test
	void theSameRowTwiceIsCountedOnceAndReportedOrRefusedWhenStrict() throws IOException {
		String rows = "resolution,date,iso3,vote\nA/RES/86/65,2031-09-05,FRA,Y\nA/RES/86/65,2031-09-05,FRA,Y\n";
		assertRefused(write("twice-strict.csv", rows), true, "defect(s)");
		ImportReport report = importOne(write("twice.csv", rows));
		assertThat(report.succeeded()).isTrue();
		assertThat(report.defects()).singleElement()
			.satisfies((d) -> assertThat(d.detail()).contains("FRA (lines 2, 3)"));
		assertThat(single("A/RES/86/65").yes()).isEqualTo(1);
	}

	@Test
	void totalsThatDisagreeWithTheVotesAreReportedOrRefusedWhenStrict() throws IOException {
		String rows = """
				undl_id,ms_code,ms_name,ms_vote,date,session,resolution,total_yes,total_no,total_abstentions
				9301,FRA,FRANCE,Y,2031-09-06,86,A/RES/86/66,2,0,0
				""";
		assertRefused(write("totals-strict.csv", rows), true, "defect(s)");
		ImportReport report = importOne(write("totals.csv", rows));
		assertThat(report.succeeded()).isTrue();
		assertThat(report.defects()).singleElement().satisfies((d) -> {
			assertThat(d.kind()).isEqualTo("TOTALS_MISMATCH");
			assertThat(d.detail()).isEqualTo("stated 2-0-0 (yes-no-abstain), the per-state votes give 1-0-0");
		});
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		assertRefused(write("empty.csv", ""), "the file is empty");
		assertRefused(write("blank.csv", "\n\n"), "the file is empty");
	}

	@Test
	void aFileThatIsNotUtf8IsRefused() throws IOException {
		Path latin1 = this.folder.resolve("latin1.csv");
		Files.write(latin1,
				"resolution,date,iso3,vote\nA/RES/86/67,2031-09-07,FRA,Y\nA/RES/86/67,2031-09-07,CÔTE D'IVOIRE,Y\n"
					.getBytes(StandardCharsets.ISO_8859_1));
		assertRefused(latin1, "not UTF-8");
		Path utf16 = this.folder.resolve("utf16.csv");
		Files.write(utf16, "\uFEFFresolution,date,iso3,vote\n".getBytes(StandardCharsets.UTF_16BE));
		assertRefused(utf16, "the file is UTF-16; save it as UTF-8");
	}

	@Test
	void aBadDateIsRefusedWithItsLine() throws IOException {
		assertRefused(write("date.csv", "resolution,date,iso3,vote\nA/RES/86/68,31/09/2031,FRA,Y\n"),
				"line 2: '31/09/2031' is not a date (expected YYYY-MM-DD)");
	}

	@Test
	void votesNeverPointToAMissingRollCallOrState() throws IOException {
		importOne(fixture("plain.csv"));
		assertThat(this.jdbc.sql("""
				select count(*) from history_vote v
				where not exists (select 1 from history_roll_call r where r.id = v.roll_call_id)
				   or not exists (select 1 from states_state s where s.iso3 = v.iso3)
				""").query(Long.class).single()).isZero();
	}

	@Test
	void anImportWhoseProcessDiedIsShownAsInterrupted() throws InterruptedException {
		long id = this.jdbc.sql("""
				insert into history_import (file_name, status, started_at) values ('crashed.csv', 'RUNNING',
				  now() - interval '2 minutes') returning id
				""").query(Long.class).single();
		// an import still running in the background elsewhere keeps every row open: wait
		// for it
		for (int i = 0; i < 300
				&& this.jdbc.sql("select count(*) from pg_stat_activity where application_name = " + "'plenary import'")
					.query(Long.class)
					.single() > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(this.importer.findImport(id)).get()
			.extracting(VoteImporter.ImportRecord::status)
			.isEqualTo("FAILED");
	}

	@Test
	void hostileTextIsStoredAsText() throws IOException {
		Path file = write("hostile.csv", "resolution,date,iso3,vote,title\n"
				+ "A/RES/86/69,2031-09-08,FRA,Y,\"<script>alert('x')</script>'); drop table history_vote; --\"\n");
		assertThat(importOne(file).succeeded()).isTrue();
		assertThat(single("A/RES/86/69").title())
			.isEqualTo("<script>alert('x')</script>'); drop table history_vote; --");
	}

	private void assertRefused(Path file, String... messages) {
		assertRefused(List.of(file), false, messages);
	}

	private void assertRefused(Path file, boolean strict, String... messages) {
		assertRefused(List.of(file), strict, messages);
	}

	private void assertRefused(List<Path> files, String... messages) {
		assertRefused(files, false, messages);
	}

	private void assertRefused(List<Path> files, boolean strict, String... messages) {
		String before = snapshot();
		ImportReport report = this.importer.importFiles(files, options(strict), VoteImporter.Progress.NONE).get(0);
		assertThat(report.succeeded()).isFalse();
		assertThat(report.status()).isEqualTo("FAILED");
		String errors = String.join("\n", report.errors());
		for (String message : messages) {
			assertThat(errors).contains(message);
		}
		assertThat(snapshot()).as("the database is as it was").isEqualTo(before);
	}

	private ImportReport importOne(Path file) {
		return this.importer.importFiles(List.of(file), options(false), VoteImporter.Progress.NONE).get(0);
	}

	private RollCall single(String symbol) {
		List<RollCall> found = this.rollCalls.bySymbol(symbol);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	/** Everything an import could change, summed up. */
	private String snapshot() {
		return this.jdbc
			.sql("""
					select (select count(*) from history_roll_call) || '/' || (select count(*) from history_vote) || '/'
					  || (select count(*) from history_defect) || '/' || (select count(*) from history_roll_call_source) || '/'
					  || coalesce((select md5(string_agg(roll_call_id || iso3 || vote, ',' order by roll_call_id, iso3))
					               from history_vote), '')
					""")
			.query(String.class)
			.single();
	}

	private static VoteImporter.Options options(boolean strict) {
		return new VoteImporter.Options(strict, "test");
	}

	private Path fixture(String name) throws IOException {
		Path target = this.folder.resolve(name);
		try (InputStream in = HistoryImportTests.class.getResourceAsStream("/history/" + name)) {
			Files.copy(in, target);
		}
		return target;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

	private static byte[] compressXz(String text) throws IOException {
		var bytes = new java.io.ByteArrayOutputStream();
		try (OutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
