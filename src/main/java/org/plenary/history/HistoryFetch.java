package org.plenary.history;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brings the voting history up to date from the UN's own publications: the UN Digital
 * Library's General Assembly voting data (its record page links the newest CSV) and the
 * UN's machine-readable GA resolutions, one file per session. Each is downloaded into
 * {@code <data folder>/downloads} by {@link HistoryDownloads} (resumable, checked, and
 * not fetched again when unchanged), and what is new is then imported as
 * {@code import-votes} would, each file whole or not at all. A mirror (or a proxy's
 * address) takes the place of the UN's hosts, keeping the paths.
 */
@Component
public class HistoryFetch {

	/**
	 * The UN Digital Library's record of "United Nations General Assembly Voting Data".
	 */
	static final String UNDL_RECORD = "https://digitallibrary.un.org/record/4060887";

	/** The UN's machine-readable GA resolutions, {@code SESSION.json} per session. */
	static final String RESOLUTIONS = "https://raw.githubusercontent.com/UNxml/GAresolutions/main/data_extract/";

	/** The first session the machine-readable resolutions cover. */
	static final int FIRST_SESSION = 74;

	/** The emergency special sessions they cover. */
	static final List<String> SPECIAL_SESSIONS = List.of("ES-10", "ES-11");

	private final VoteImporter importer;

	private final Path downloads;

	// how long a download may bring nothing before it is given up, to be resumed
	private final java.time.Duration idle;

	@org.springframework.beans.factory.annotation.Autowired
	HistoryFetch(VoteImporter importer, @Value("${plenary.db.data-dir:plenary-data}") Path dataDir) {
		this(importer, dataDir, java.time.Duration.ofSeconds(60));
	}

	HistoryFetch(VoteImporter importer, Path dataDir, java.time.Duration idle) {
		this.importer = importer;
		this.downloads = dataDir.resolve("downloads");
		this.idle = idle;
	}

	/**
	 * What to fetch.
	 *
	 * @param mirror a base address that serves the same paths as the UN's hosts, or null
	 * @param sessions the resolutions' sessions (e.g. "79", "ES-11"); empty: every
	 * session from the 74th to the current one, and the special sessions
	 * @param importToo import what is new after downloading it
	 * @param startedBy who asked, for the import's record
	 */
	public record Options(String mirror, List<String> sessions, boolean importToo, String startedBy) {
	}

	/** One source's download, in words. */
	public record Fetched(String source, String file, HistoryDownloads.Outcome outcome, long bytes, boolean resumed,
			String message) {

		public boolean failed() {
			// refused, or not downloaded at all (the outcome unknown: an error)
			return this.outcome == null || this.outcome == HistoryDownloads.Outcome.REFUSED;
		}

	}

	public record Result(List<Fetched> fetched, List<ImportReport> imports) {

		public boolean succeeded() {
			return this.fetched.stream().noneMatch(Fetched::failed)
					&& this.imports.stream().allMatch(ImportReport::succeeded);
		}

	}

	/** Told as bytes arrive (downloads) and rows are read (imports). */
	public interface Progress extends VoteImporter.Progress {

		void downloading(String name, long bytes, long total);

	}

	public Result fetch(Options options, Progress progress) throws InterruptedException {
		HistoryDownloads http = new HistoryDownloads(HistoryDownloads.client(), this.idle);
		List<Fetched> fetched = new ArrayList<>();
		List<Path> fresh = new ArrayList<>();
		fetchVotingData(http, options, progress, fetched, fresh);
		for (String session : sessions(options.sessions(), LocalDate.now())) {
			String source = "GA resolutions, session " + session;
			URI uri = mirrored(URI.create(RESOLUTIONS + session + ".json"), options.mirror());
			Path file = this.downloads.resolve("ga-resolutions-" + session + ".json");
			fetchOne(http, source, uri, file, VoteFormat.UN_RESOLUTIONS, progress, fetched, fresh);
		}
		List<ImportReport> imports = (options.importToo() && !fresh.isEmpty())
				? this.importer.importFiles(fresh, new VoteImporter.Options(false, options.startedBy()), progress)
				: List.of();
		return new Result(fetched, imports);
	}

	private void fetchVotingData(HistoryDownloads http, Options options, Progress progress, List<Fetched> fetched,
			List<Path> fresh) throws InterruptedException {
		String source = "GA voting data (UN Digital Library)";
		URI record = mirrored(URI.create(UNDL_RECORD), options.mirror());
		URI csv;
		try {
			csv = newestCsv(record, http.page(record));
		}
		catch (IOException ex) {
			fetched.add(new Fetched(source, null, null, 0, false,
					"could not read the record page " + record + ": " + describe(ex)));
			return;
		}
		if (csv == null) {
			fetched.add(new Fetched(source, null, null, 0, false, "the record page " + record + " links no CSV file"));
			return;
		}
		fetchOne(http, source, mirrored(csv, options.mirror()), this.downloads.resolve("undl-ga-voting.csv"),
				VoteFormat.UNDL, progress, fetched, fresh);
	}

	private static void fetchOne(HistoryDownloads http, String source, URI uri, Path file, VoteFormat expected,
			Progress progress, List<Fetched> fetched, List<Path> fresh) throws InterruptedException {
		try {
			HistoryDownloads.Downloaded downloaded = http.fetch(uri, file, (path) -> problem(path, expected),
					progress::downloading);
			fetched.add(new Fetched(source, uri.toString(), downloaded.outcome(), downloaded.bytes(),
					downloaded.resumed(), downloaded.message()));
			if (downloaded.outcome() == HistoryDownloads.Outcome.NEW) {
				fresh.add(downloaded.file());
			}
		}
		catch (IOException ex) {
			fetched.add(new Fetched(source, uri.toString(), null, 0, false,
					"could not download " + uri + ": " + describe(ex)));
		}
	}

	/**
	 * What went wrong, in words: Java's network errors often carry no message at all (a
	 * refused connection is a ConnectException with none), and "null" tells a user
	 * nothing.
	 */
	static String describe(IOException ex) {
		if (ex.getMessage() != null && !ex.getMessage().isBlank()) {
			return ex.getMessage();
		}
		if (ex instanceof java.net.ConnectException) {
			return "the connection was refused or could not be made";
		}
		if (ex instanceof java.net.http.HttpTimeoutException) {
			return "the server did not answer in time";
		}
		if (ex.getCause() instanceof IOException cause && cause != ex) {
			return describe(cause);
		}
		return ex.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
	}

	// what a received file must be: the layout expected of its source
	private static String problem(Path file, VoteFormat expected) throws IOException {
		VoteFormat format;
		try (VoteFile opened = VoteFile.open(file)) {
			format = VoteFormat.detect(opened);
		}
		catch (ImportException ex) {
			return ex.getMessage();
		}
		return (format == expected) ? null
				: "expected " + expected.label() + " but received " + format.label() + " instead";
	}

	/**
	 * The sessions to fetch: those named, or the 74th to the one in progress on this date
	 * (a session opens in September), and the special sessions.
	 */
	static List<String> sessions(List<String> named, LocalDate today) {
		if (named != null && !named.isEmpty()) {
			return named;
		}
		int current = today.getYear() - 1945 - ((today.getMonthValue() < 9) ? 1 : 0);
		List<String> sessions = new ArrayList<>();
		for (int session = FIRST_SESSION; session <= current; session++) {
			sessions.add(Integer.toString(session));
		}
		sessions.addAll(SPECIAL_SESSIONS);
		return sessions;
	}

	private static final Pattern CSV_LINK = Pattern.compile("href=\"([^\"]*/files/[^\"?#]+\\.csv)(?:[?#][^\"]*)?\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE = Pattern.compile("(\\d{4})[_-](\\d{1,2})[_-](\\d{1,2})");

	/**
	 * The newest CSV the record page links: the latest date in a file's name, else the
	 * last link.
	 */
	static URI newestCsv(URI page, String html) {
		URI newest = null;
		LocalDate newestDate = null;
		Matcher links = CSV_LINK.matcher(html);
		while (links.find()) {
			URI link = page.resolve(links.group(1).replace("&amp;", "&"));
			Matcher date = DATE.matcher(links.group(1));
			LocalDate dated = null;
			if (date.find()) {
				try {
					dated = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
							Integer.parseInt(date.group(3)));
				}
				catch (java.time.DateTimeException ex) {
					dated = null;
				}
			}
			if (newest == null || dated == null && newestDate == null
					|| dated != null && (newestDate == null || !dated.isBefore(newestDate))) {
				newest = link;
				newestDate = dated;
			}
		}
		return newest;
	}

	/** The address on the mirror: its scheme, host and port, the original's path. */
	static URI mirrored(URI uri, String mirror) {
		if (mirror == null || mirror.isBlank()) {
			return uri;
		}
		String base = mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
		String rest = uri.getRawPath() + ((uri.getRawQuery() == null) ? "" : "?" + uri.getRawQuery());
		return URI.create(base + rest);
	}

}
