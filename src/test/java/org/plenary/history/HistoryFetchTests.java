package org.plenary.history;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fetch-history} against a local HTTP server that plays the UN's hosts with files
 * of our own (dated 2032, so that they never meet other tests' data): a first download
 * and its import, a download resumed where it broke off, an unchanged dataset (nothing
 * downloaded or imported again), and a corrupted download (refused, nothing changed).
 */
@SpringBootTest
class HistoryFetchTests {

	private static final String HEADER = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,"
			+ "committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
			+ "total_non_voting,total_ms,undl_link\n";

	@Autowired
	VoteImporter importer;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path data;

	private HttpServer server;

	// path -> what the server serves there, and its ETag
	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final Map<String, String> etags = new ConcurrentHashMap<>();

	// the Range header of each request, in order ("" for none)
	private final List<String> ranges = new CopyOnWriteArrayList<>();

	// when set, a file's body stops after this many bytes (the connection breaks)
	private volatile int breakAfter = -1;

	private String csvPath;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.csvPath = "/record/4060887/files/2032_3_9_ga_voting.csv";
		this.files
			.put("/record/4060887",
					("<html><body><a href=\"/record/4060887/files/2031_12_1_ga_voting.csv?ln=en\">"
							+ "older</a> <a href=\"" + this.csvPath + "?ln=en\">newest</a></body></html>")
						.getBytes(StandardCharsets.UTF_8));
		this.etags.put("/record/4060887", "\"page\"");
		publish(this.csvPath, votingData(1), "\"v1\"");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void publish(String path, String content, String etag) {
		this.files.put(path, content.getBytes(StandardCharsets.UTF_8));
		this.etags.put(path, etag);
	}

	// a few roll calls in the UN Digital Library's layout, padded so that a resume has
	// something to skip
	private static String votingData(int version) {
		StringBuilder csv = new StringBuilder(HEADER);
		String[][] votes = { { "FRA", "FRANCE", "Y" }, { "DEU", "GERMANY", "Y" }, { "BRA", "BRAZIL", "A" },
				{ "RUS", "RUSSIAN FEDERATION", "N" }, { "IND", "INDIA", "A" } };
		for (int n = 1; n <= 3 + version; n++) {
			for (String[] vote : votes) {
				csv.append("99")
					.append(n)
					.append(',')
					.append(vote[0])
					.append(',')
					.append(vote[1])
					.append(',')
					.append(vote[2])
					.append(",2032-03-0")
					.append(n)
					.append(",87,A/RES/87/9")
					.append(n)
					.append(",A/87/L.9")
					.append(n)
					.append(",,A/87/PV.9,\"Fixture fetched from a mirror, number ")
					.append(n)
					.append("\",Fixtures,Tests,,2,1,2,188,193,\n");
			}
		}
		return csv.toString();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] body = this.files.get(path);
		String range = exchange.getRequestHeaders().getFirst("Range");
		this.ranges.add(path + " " + ((range == null) ? "" : range));
		if (body == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String etag = this.etags.get(path);
		exchange.getResponseHeaders().set("ETag", etag);
		if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		int from = 0;
		if (range != null && etag.equals(exchange.getRequestHeaders().getFirst("If-Range"))) {
			from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
			exchange.getResponseHeaders()
				.set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
			exchange.sendResponseHeaders(206, body.length - from);
		}
		else {
			exchange.sendResponseHeaders(200, body.length);
		}
		int end = (this.breakAfter >= 0 && path.endsWith(".csv")) ? Math.min(body.length, from + this.breakAfter)
				: body.length;
		OutputStream out = exchange.getResponseBody();
		out.write(body, from, end - from);
		out.flush();
		try {
			// fewer bytes than announced: the server drops the connection, as a broken
			// transfer does
			out.close();
		}
		catch (IOException ex) {
			exchange.close();
		}
	}

	private HistoryFetch.Result fetch() throws InterruptedException {
		HistoryFetch fetch = new HistoryFetch(this.importer, this.data, java.time.Duration.ofSeconds(2));
		return fetch.fetch(new HistoryFetch.Options("http://127.0.0.1:" + this.server.getAddress().getPort(),
				List.of("87"), true, "test"), new HistoryFetch.Progress() {
					@Override
					public void downloading(String name, long bytes, long total) {
					}

					@Override
					public void update(long importId, String file, long bytes, long total, long rows) {
					}
				});
	}

	private Path downloaded() {
		return this.data.resolve("downloads").resolve("undl-ga-voting.csv");
	}

	private int rollCalls(String symbol) {
		return this.jdbc.sql("select count(*) from history_roll_call where symbol = ?")
			.param(symbol)
			.query(Integer.class)
			.single();
	}

	private int imports() {
		return this.jdbc.sql("select count(*) from history_import").query(Integer.class).single();
	}

	@Test
	void aFirstDownloadIsImportedAndAnUnchangedDatasetIsNeitherDownloadedNorImportedAgain() throws Exception {
		HistoryFetch.Result first = fetch();
		assertThat(first.fetched()).extracting(HistoryFetch.Fetched::outcome)
			.containsExactly(HistoryDownloads.Outcome.NEW, HistoryDownloads.Outcome.NOT_PUBLISHED);
		assertThat(first.fetched().get(0).file()).endsWith(this.csvPath);
		assertThat(first.succeeded()).as(first.toString()).isTrue();
		assertThat(first.imports()).hasSize(1);
		assertThat(Files.readString(downloaded())).isEqualTo(votingData(1));
		assertThat(rollCalls("A/RES/87/94")).isEqualTo(1);
		int imports = imports();

		this.ranges.clear();
		HistoryFetch.Result again = fetch();
		assertThat(again.fetched().get(0).outcome()).isEqualTo(HistoryDownloads.Outcome.UNCHANGED);
		assertThat(again.imports()).isEmpty();
		assertThat(again.succeeded()).isTrue();
		assertThat(imports()).isEqualTo(imports);
		assertThat(FetchHistoryCommand.line(again.fetched().get(0))).contains("unchanged since the last download");
	}

	@Test
	void aBrokenDownloadImportsNothingAndTheNextRunAsksOnlyForTheRest() throws Exception {
		publish(this.csvPath, votingData(2), "\"v2\"");
		this.breakAfter = 700;
		int imports = imports();
		HistoryFetch.Result broken = fetch();
		assertThat(broken.succeeded()).isFalse();
		assertThat(broken.fetched().get(0).outcome()).isNull();
		assertThat(broken.imports()).isEmpty();
		assertThat(imports()).isEqualTo(imports);
		assertThat(downloaded()).doesNotExist();
		Path part = downloaded().resolveSibling("undl-ga-voting.csv.part");
		assertThat(part).exists();
		long kept = Files.size(part);
		assertThat(kept).isGreaterThan(0).isLessThan(votingData(2).length());

		// the connection holds this time
		this.breakAfter = -1;
		this.ranges.clear();
		HistoryFetch.Result resumed = fetch();
		assertThat(this.ranges).contains(this.csvPath + " bytes=" + kept + "-");
		assertThat(resumed.fetched().get(0).resumed()).isTrue();
		assertThat(resumed.succeeded()).as(resumed.toString()).isTrue();
		assertThat(Files.readString(downloaded())).isEqualTo(votingData(2));
		assertThat(part).doesNotExist();
		assertThat(rollCalls("A/RES/87/95")).isEqualTo(1);
	}

	@Test
	void aCorruptedDownloadIsRefusedAndChangesNothing() throws Exception {
		assertThat(fetch().succeeded()).isTrue();
		int imports = imports();
		// the dataset "changes" into an error page served as the file
		publish(this.csvPath, "<html><body>Service unavailable, try later</body></html>\n", "\"v3\"");
		HistoryFetch.Result corrupted = fetch();
		assertThat(corrupted.succeeded()).isFalse();
		assertThat(corrupted.fetched().get(0).outcome()).isEqualTo(HistoryDownloads.Outcome.REFUSED);
		assertThat(FetchHistoryCommand.line(corrupted.fetched().get(0))).contains("REFUSED")
			.contains("the file kept from the last run is unchanged");
		assertThat(Files.readString(downloaded())).isEqualTo(votingData(1));
		assertThat(downloaded().resolveSibling("undl-ga-voting.csv.part")).doesNotExist();
		assertThat(imports()).isEqualTo(imports);
		// the resolutions of a session in the wrong layout are refused the same way
		publish("/UNxml/GAresolutions/main/data_extract/87.json", votingData(1), "\"j\"");
		HistoryFetch.Result wrongLayout = fetch();
		assertThat(wrongLayout.fetched().get(1).outcome()).isEqualTo(HistoryDownloads.Outcome.REFUSED);
		assertThat(wrongLayout.fetched().get(1).message()).contains("UN GA resolutions (JSON Lines)");
	}

	@Autowired
	HistoryFetches fetches;

	@Test
	void anUpdateAskedForOnThePageRunsInTheBackgroundAndKeepsItsOutcome() throws Exception {
		// the test configuration's mirror refuses connections
		HistoryFetches.FetchRecord started = this.fetches.start("admin");
		HistoryFetches.FetchRecord run = started;
		for (int i = 0; i < 600 && run.running(); i++) {
			Thread.sleep(100);
			run = this.fetches.find(started.id()).orElseThrow();
		}
		assertThat(run.running()).isFalse();
		assertThat(run.succeeded()).isFalse();
		assertThat(run.startedBy()).isEqualTo("admin");
		assertThat(run.lines()).first()
			.asString()
			.contains("could not read the record page http://127.0.0.1:9/record/4060887: ");
		// every line says what went wrong in words, never "null"
		assertThat(run.lines()).noneMatch((line) -> line.endsWith("null"));
		assertThat(run.lines()).anyMatch((line) -> line.startsWith("GA resolutions, session 79: FAILED: could not "
				+ "download http://127.0.0.1:9/UNxml/GAresolutions/main/data_extract/79.json: "));
		assertThat(this.fetches.recent(5)).extracting(HistoryFetches.FetchRecord::id).contains(started.id());
	}

	@Test
	void theNewestFileOfTheRecordPageTheSessionsToFetchAndTheMirror() {
		URI page = URI.create("https://digitallibrary.un.org/record/4060887");
		assertThat(HistoryFetch.newestCsv(page, "<a href=\"/record/4060887/files/2025_9_19_ga_voting.csv?ln=en\">x</a>"
				+ "<a href=\"https://digitallibrary.un.org/record/4060887/files/2024_10_01_ga_voting.csv\">y</a>"
				+ "<a href=\"/record/4060887/files/notes.pdf\">z</a>"))
			.isEqualTo(URI.create("https://digitallibrary.un.org/record/4060887/files/2025_9_19_ga_voting.csv"));
		assertThat(HistoryFetch.newestCsv(page, "<p>nothing here</p>")).isNull();
		assertThat(HistoryFetch.sessions(List.of(), LocalDate.of(2026, 12, 7))).startsWith("74")
			.contains("81", "ES-11")
			.doesNotContain("82");
		assertThat(HistoryFetch.sessions(List.of(), LocalDate.of(2026, 8, 31))).contains("80").doesNotContain("81");
		assertThat(HistoryFetch.mirrored(URI.create(HistoryFetch.RESOLUTIONS + "79.json"), "http://mirror.example/un/"))
			.isEqualTo(URI.create("http://mirror.example/un/UNxml/GAresolutions/main/data_extract/79.json"));
	}

}
