import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The parts of the stance load test (scripts/load-test.sh) that wrk cannot do: making the
 * campaign, the users and their API tokens through the real API and sign-in form, and
 * keeping live boards open (server-sent events need a signed-in session) to check that
 * each board ends on the final stance of every state. Runs as a single source file
 * ({@code java LoadTool.java ...}), in a process of its own, with no library.
 *
 * <pre>
 * setup  URL ADMIN_TOKEN OUT_DIR WRITERS VIEWERS   campaign, whips with tokens, viewers
 * states URL TOKEN CAMPAIGN OUT_FILE               each member's current version, "ISO3 VERSION"
 * boards URL TOKEN CAMPAIGN VIEWERS_FILE BOARDS DONE_FILE
 *        opens BOARDS live boards, waits for DONE_FILE, then for every board to show the
 *        last write of every state written meanwhile (the writers put "v" + version in
 *        the note); prints the stale cells left after a grace period
 * </pre>
 */
public class LoadTool {

	static final String PASSWORD = "load-test password 7 kettle";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">(pln_[^<]+)<");

	private static final Pattern NOTE = Pattern.compile("note-cell\">([^<]*)<");

	private static final Pattern STANCE = Pattern
		.compile("\"iso3\":\"([A-Z]{3})\",\"stance\":\"[A-Z_]+\"[^{}]*?\"note\":(null|\"[^\"]*\")[^{}]*?\"version\":(\\d+)");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "setup" -> setup(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]));
			case "states" -> Files.writeString(Path.of(args[4]), lines(versions(args[1], args[2], args[3])));
			case "boards" -> boards(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]),
					Path.of(args[6]));
			default -> throw new IllegalArgumentException("setup, states or boards");
		}
	}

	static void setup(String url, String adminToken, Path out, int writers, int viewers) throws Exception {
		HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String organisation = field(call(api, url, adminToken, "GET", "/api/v1/me", null), "organisationName");
		String campaign = call(api, url, adminToken, "POST", "/api/v1/campaigns", """
				{"title":"Load test","body":"GA_PLENARY","rule":"SIMPLE_MAJORITY","ask":"YES"}""");
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(campaign);
		if (!id.find()) {
			throw new IllegalStateException("No campaign id in " + campaign);
		}
		Files.writeString(out.resolve("campaign"), id.group(1) + "\n");
		// users are made in parallel: each sign-in hashes a password, which takes a while
		var pool = Executors.newFixedThreadPool(4);
		List<String> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (int i = 1; i <= writers; i++) {
			String name = "loadwhip%03d".formatted(i);
			done.add(pool.submit(() -> {
				user(api, url, adminToken, name, organisation, "WHIP");
				tokens.add(token(url, name));
				return null;
			}));
		}
		List<String> watchers = new ArrayList<>();
		for (int i = 1; i <= viewers; i++) {
			String name = "loadview%03d".formatted(i);
			watchers.add(name);
			done.add(pool.submit(() -> {
				user(api, url, adminToken, name, organisation, "VIEWER");
				return null;
			}));
		}
		for (var f : done) {
			f.get();
		}
		pool.shutdown();
		Files.writeString(out.resolve("tokens"), lines(tokens));
		Files.writeString(out.resolve("viewers"), lines(watchers));
		System.out.println("campaign " + id.group(1) + ", " + tokens.size() + " whips with a token each, "
				+ watchers.size() + " viewers");
	}

	private static void user(HttpClient api, String url, String adminToken, String name, String organisation,
			String role) throws Exception {
		call(api, url, adminToken, "POST", "/api/v1/users", """
				{"username":"%s","organisation":"%s","role":"%s","password":"%s"}"""
			.formatted(name, organisation.replace("\"", "\\\""), role, PASSWORD));
	}

	/** A new API token of the user, made on its account page as a person would. */
	private static String token(String url, String username) throws Exception {
		HttpClient browser = signedIn(url, username);
		String account = browser
			.send(HttpRequest.newBuilder(URI.create(url + "/account")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(account);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on /account for " + username);
		}
		String page = browser.send(HttpRequest.newBuilder(URI.create(url + "/account/tokens"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("name=load+test&_csrf=" + enc(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = NEW_TOKEN.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("No new token shown to " + username);
		}
		return token.group(1);
	}

	/** A client holding a signed-in session of the user (through the real form). */
	static HttpClient signedIn(String url, String username) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String login = browser
			.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(url + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("Sign-in of " + username + " failed: " + answer.uri());
		}
		return browser;
	}

	/** Each member's current version and note. */
	static Map<String, Cell> versions(String url, String token, String campaign) throws Exception {
		HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String board = call(api, url, token, "GET", "/api/v1/campaigns/" + campaign + "/board", null);
		Map<String, Cell> cells = new HashMap<>();
		Matcher stance = STANCE.matcher(board);
		while (stance.find()) {
			String note = stance.group(2).equals("null") ? "" : stance.group(2).replace("\"", "");
			cells.put(stance.group(1), new Cell(Integer.parseInt(stance.group(3)), note));
		}
		if (cells.size() < 100) {
			throw new IllegalStateException("Only " + cells.size() + " stances read from the board");
		}
		return cells;
	}

	record Cell(int version, String note) {
	}

	private static String lines(Map<String, Cell> cells) {
		StringBuilder text = new StringBuilder();
		cells.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> text.append(e.getKey()).append(' ').append(e.getValue().version()).append('\n'));
		return text.toString();
	}

	private static String lines(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

	static void boards(String url, String token, String campaign, Path viewersFile, int count, Path doneFile)
			throws Exception {
		List<String> viewers = Files.readAllLines(viewersFile).stream().filter((l) -> !l.isBlank()).toList();
		List<HttpClient> sessions = new ArrayList<>();
		for (String viewer : viewers) {
			sessions.add(signedIn(url, viewer));
		}
		Map<String, Cell> before = versions(url, token, campaign);
		// board -> state -> the last note its live updates showed
		List<Map<String, String>> seen = new ArrayList<>();
		AtomicInteger open = new AtomicInteger();
		AtomicInteger events = new AtomicInteger();
		AtomicInteger closed = new AtomicInteger();
		// opened a few at a time (-Dopening=N at once), as people arrive
		java.util.concurrent.Semaphore opening = new java.util.concurrent.Semaphore(Integer.getInteger("opening", 8));
		for (int i = 0; i < count; i++) {
			opening.acquire();
			Map<String, String> board = new ConcurrentHashMap<>();
			seen.add(board);
			HttpClient session = sessions.get(i % sessions.size());
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(url + "/campaigns/" + campaign + "/board/events"))
				.header("Accept", "text/event-stream")
				.build();
			session.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).whenComplete((response, failure) -> {
				opening.release();
				if (failure != null) {
					System.err.println("A board could not open: " + failure);
					return;
				}
				if (response.statusCode() != 200) {
					System.err.println("A board was refused: " + response.statusCode());
					return;
				}
				open.incrementAndGet();
				Thread.ofVirtual().start(() -> read(response.body(), board, events, closed));
			});
		}
		long until = System.nanoTime() + 60_000_000_000L;
		while (open.get() < count && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		System.out.println("boards open: " + open.get() + " of " + count);
		Files.writeString(doneFile.resolveSibling("boards-open"), open.get() + "\n");
		while (!Files.exists(doneFile)) {
			Thread.sleep(100);
		}
		long writesDone = System.nanoTime();
		// the boards get their updates within the listener's 100 ms batches: give them a
		// few seconds to drain, and report how long they took. What they should show is
		// read again each time: writes in flight when wrk stopped still commit after it
		long deadline = writesDone + Long.getLong("drain", 15) * 1_000_000_000L;
		Map<String, String> expected;
		int stale;
		do {
			expected = changed(before, versions(url, token, campaign));
			stale = stale(seen, expected);
			if (stale == 0) {
				break;
			}
			Thread.sleep(200);
		}
		while (System.nanoTime() < deadline);
		double caughtUp = (System.nanoTime() - writesDone) / 1e9;
		System.out.printf(
				"live boards: %d open, %d still open, %d states changed, %d events received, %d stale cells%s%n",
				open.get(), open.get() - closed.get(), expected.size(), events.get(), stale,
				stale == 0 ? " (all caught up %.1f s after the last write)".formatted(caughtUp)
						: " after %.0f s".formatted(caughtUp));
		System.exit(0);
	}

	// state -> the note of its last write, for the states written since the boards opened
	private static Map<String, String> changed(Map<String, Cell> before, Map<String, Cell> after) {
		Map<String, String> expected = new HashMap<>();
		after.forEach((iso3, cell) -> {
			Cell old = before.get(iso3);
			if (old == null || old.version() != cell.version()) {
				expected.put(iso3, cell.note());
			}
		});
		return expected;
	}

	private static int stale(List<Map<String, String>> seen, Map<String, String> expected) {
		int stale = 0;
		for (Map<String, String> board : seen) {
			for (Map.Entry<String, String> e : expected.entrySet()) {
				if (!e.getValue().equals(board.get(e.getKey()))) {
					stale++;
				}
			}
		}
		return stale;
	}

	private static void read(Stream<String> lines, Map<String, String> board, AtomicInteger events,
			AtomicInteger closed) {
		String[] event = { null };
		StringBuilder data = new StringBuilder();
		try {
			lines.forEach((line) -> {
				if (line.startsWith("event:")) {
					event[0] = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line, 5, line.length()).append('\n');
				}
				else if (line.isEmpty()) {
					if (event[0] != null && event[0].startsWith("stance-")) {
						Matcher note = NOTE.matcher(data);
						board.put(event[0].substring(7), note.find() ? note.group(1).trim() : "");
						events.incrementAndGet();
					}
					event[0] = null;
					data.setLength(0);
				}
			});
		}
		catch (UncheckedIOException ex) {
			// the server went away
		}
		closed.incrementAndGet();
	}

	private static String call(HttpClient api, String url, String token, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(60));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = api.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return m.group(1);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
