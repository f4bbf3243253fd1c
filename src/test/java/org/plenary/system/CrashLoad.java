package org.plenary.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The witness of a crash test: clients that record stances through the API, each alone on
 * its own states and one write at a time, and a ledger of every write sent and every one
 * acknowledged; then a check of the server's stance histories against the ledger.
 * {@code CrashRecoveryIT} runs it in the test's JVM, {@code scripts/crash-test.sh} as a
 * program of its own ({@code prepare}, {@code load}, {@code check}): either way it lives
 * in another process than the server, so that killing the server never kills the witness.
 * <p>
 * A client stops at its first write without a 200 (the server was killed under it), so
 * each state has at most one write whose fate is unknown; the next round first sends that
 * write again, with its expected version and its Idempotency-Key, which must record it
 * exactly once. Uses the JDK alone, so that the script runs it from
 * {@code target/test-classes} with no other class path.
 */
public final class CrashLoad {

	/** The stances a client goes through, so that consecutive writes differ. */
	private static final String[] STANCES = { "YES", "LEANING_YES", "UNDECIDED", "LEANING_NO", "NO", "ABSTAIN" };

	// the API's JSON is parsed by pattern: the notes are this class's own words
	// (letters, digits, dashes), and a JSON library would need a class path
	private static final Pattern ISO3 = Pattern.compile("\"iso3\":\"([A-Z]{3})\"");

	private static final Pattern CAMPAIGN_ID = Pattern.compile("\"campaign\":\\{\"id\":(\\d+)");

	private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

	private static final Pattern CHANGE = Pattern.compile("\"version\":(\\d+),.*?\"note\":(?:null|\"([^\"]*)\")");

	private CrashLoad() {
	}

	/** One client of the load: its own token and the states only it writes. */
	public record Client(int number, String token, List<String> states) {
	}

	/** What the rounds share: the server, the campaign and the clients. */
	public record Plan(URI server, long campaign, List<Client> clients) {

		void save(Path file) throws IOException {
			Properties properties = new Properties();
			properties.setProperty("server", this.server.toString());
			properties.setProperty("campaign", String.valueOf(this.campaign));
			properties.setProperty("clients", String.valueOf(this.clients.size()));
			for (Client client : this.clients) {
				properties.setProperty("client." + client.number() + ".token", client.token());
				properties.setProperty("client." + client.number() + ".states", String.join(",", client.states()));
			}
			try (BufferedWriter writer = Files.newBufferedWriter(file)) {
				properties.store(writer, "crash test plan");
			}
		}

		static Plan load(Path file) throws IOException {
			Properties properties = new Properties();
			try (var reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			List<Client> clients = new ArrayList<>();
			int count = Integer.parseInt(properties.getProperty("clients"));
			for (int number = 1; number <= count; number++) {
				clients.add(new Client(number, properties.getProperty("client." + number + ".token"),
						List.of(properties.getProperty("client." + number + ".states").split(","))));
			}
			return new Plan(URI.create(properties.getProperty("server")),
					Long.parseLong(properties.getProperty("campaign")), clients);
		}

	}

	/**
	 * Opens a campaign with the token of a coordinator (or administrator), creates one
	 * more token of that user per client, and gives each client its own states.
	 */
	public static Plan prepare(URI server, String token, int clients, int statesPerClient)
			throws IOException, InterruptedException {
		try (Api api = new Api(server, token)) {
			return prepare(api, server, clients, statesPerClient);
		}
	}

	private static Plan prepare(Api api, URI server, int clients, int statesPerClient)
			throws IOException, InterruptedException {
		String campaign = api.send("POST", "/api/v1/campaigns", "{\"title\":\"Crash test\",\"body\":\"GA_PLENARY\"}",
				201);
		long id = Long.parseLong(first(CAMPAIGN_ID, campaign));
		List<String> members = new ArrayList<>();
		Matcher iso3 = ISO3.matcher(campaign);
		while (iso3.find()) {
			members.add(iso3.group(1));
		}
		if (members.size() < clients * statesPerClient) {
			throw new IllegalArgumentException(
					clients * statesPerClient + " states wanted, the campaign has " + members.size() + " members");
		}
		List<Client> list = new ArrayList<>();
		for (int number = 1; number <= clients; number++) {
			String created = api.send("POST", "/api/v1/me/tokens", "{\"name\":\"crash test client " + number + "\"}",
					201);
			int from = (number - 1) * statesPerClient;
			list.add(new Client(number, first(SECRET, created),
					List.copyOf(members.subList(from, from + statesPerClient))));
		}
		return new Plan(server, id, list);
	}

	/**
	 * The record of every write: one line per event, flushed at once, so that what was
	 * acknowledged is known whatever happens to the server.
	 */
	public static final class Ledger {

		private final Path file;

		public Ledger(Path file) {
			this.file = file;
		}

		public Path file() {
			return this.file;
		}

		synchronized void sent(String iso3, int expectedVersion, String note) {
			append("SENT\t" + iso3 + "\t" + expectedVersion + "\t" + note);
		}

		synchronized void acknowledged(String iso3, int version, String note, boolean replay) {
			append("ACK\t" + iso3 + "\t" + version + "\t" + note + "\t" + replay);
		}

		synchronized void unanswered(String iso3, String note, String why) {
			append("UNANSWERED\t" + iso3 + "\t" + note + "\t" + why.replaceAll("\\s+", " "));
		}

		private void append(String line) {
			try {
				Files.writeString(this.file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Each state's writes, in the order they were first sent. */
		Map<String, StateWrites> read() throws IOException {
			Map<String, StateWrites> states = new LinkedHashMap<>();
			if (!Files.exists(this.file)) {
				return states;
			}
			for (String line : Files.readAllLines(this.file)) {
				String[] field = line.split("\t");
				StateWrites writes = states.computeIfAbsent(field[1], (iso3) -> new StateWrites());
				switch (field[0]) {
					case "SENT" -> writes.sent.putIfAbsent(field[3], Integer.parseInt(field[2]));
					case "ACK" -> {
						writes.acknowledged.put(field[3], Integer.parseInt(field[2]));
						if (Boolean.parseBoolean(field[4])) {
							writes.replayed.add(field[3]);
						}
					}
					default -> {
						// an unanswered write is one sent and never acknowledged
					}
				}
				if (field[0].equals("SENT")) {
					writes.last = field[3];
				}
			}
			return states;
		}

	}

	/** One state's writes in the ledger. */
	static final class StateWrites {

		/** Note to the version it was sent on top of, in the order first sent. */
		final Map<String, Integer> sent = new LinkedHashMap<>();

		/** Note to the version the server answered with. */
		final Map<String, Integer> acknowledged = new HashMap<>();

		/** Notes acknowledged on a retry as already recorded. */
		final List<String> replayed = new ArrayList<>();

		String last;

		/** The last write sent, if it was never acknowledged: its fate is unknown. */
		String pending() {
			return (this.last != null && !this.acknowledged.containsKey(this.last)) ? this.last : null;
		}

	}

	/** A round of load under way: clients writing until the server dies under them. */
	public static final class Load {

		private final List<Thread> threads = new ArrayList<>();

		private final AtomicBoolean stop = new AtomicBoolean();

		private final CountDownLatch underWay;

		private final AtomicInteger acknowledged = new AtomicInteger();

		private final AtomicInteger retried = new AtomicInteger();

		private final AtomicInteger alreadyRecorded = new AtomicInteger();

		private final AtomicInteger refused = new AtomicInteger();

		Load(int clients) {
			this.underWay = new CountDownLatch(clients);
		}

		/**
		 * Waits until every client has had a new write acknowledged (or stopped): right
		 * after a restart the server is cold and the first writes are slow, and a kill
		 * before the writes flow would test little.
		 */
		public boolean awaitUnderWay(Duration timeout) throws InterruptedException {
			return this.underWay.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Writes acknowledged in this round (retries included). */
		public int acknowledged() {
			return this.acknowledged.get();
		}

		/** Writes of the last round whose answer never came, sent again. */
		public int retried() {
			return this.retried.get();
		}

		/** Of those, the ones the server had recorded before it was killed. */
		public int alreadyRecorded() {
			return this.alreadyRecorded.get();
		}

		/**
		 * Writes refused as stale (409): on a state only its client writes, the server
		 * forgot a write it had acknowledged.
		 */
		public int refused() {
			return this.refused.get();
		}

		/** Whether some client still writes. */
		public boolean running() {
			return this.threads.stream().anyMatch(Thread::isAlive);
		}

		/** Waits for every client to stop; tells them to stop after {@code timeout}. */
		public void awaitEnd(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			for (Thread thread : this.threads) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			this.stop.set(true);
			for (Thread thread : this.threads) {
				thread.join(30_000);
			}
		}

	}

	/**
	 * Starts round {@code round}: each client first sends again its state's write whose
	 * answer never came, then writes its states in turn until a write gets no 200 or
	 * {@code limit} has passed.
	 */
	public static Load start(Plan plan, Ledger ledger, int round, Duration limit) throws IOException {
		Map<String, StateWrites> before = ledger.read();
		Load load = new Load(plan.clients().size());
		long deadline = System.nanoTime() + limit.toNanos();
		for (Client client : plan.clients()) {
			Thread thread = new Thread(() -> write(plan, client, ledger, round, before, load, deadline),
					"crash-test-client-" + client.number());
			thread.setDaemon(true);
			load.threads.add(thread);
		}
		load.threads.forEach(Thread::start);
		return load;
	}

	private static void write(Plan plan, Client client, Ledger ledger, int round, Map<String, StateWrites> before,
			Load load, long deadline) {
		String stances = "/api/v1/campaigns/" + plan.campaign() + "/stances/";
		Map<String, Integer> versions = new HashMap<>();
		String state = null;
		String note = null;
		try (Api api = new Api(plan.server(), client.token())) {
			for (String iso3 : client.states()) {
				StateWrites writes = before.get(iso3);
				String pending = (writes != null) ? writes.pending() : null;
				if (pending != null) {
					state = iso3;
					note = pending;
					ledger.sent(iso3, writes.sent.get(pending), pending);
					HttpResponse<String> answer = api.put(stances + iso3, writes.sent.get(pending), pending,
							stance(sequenceOf(pending)));
					load.retried.incrementAndGet();
					if (answer.statusCode() == 200) {
						boolean replay = "true".equals(answer.headers().firstValue("Idempotent-Replay").orElse(""));
						ledger.acknowledged(iso3, version(answer), pending, replay);
						load.acknowledged.incrementAndGet();
						if (replay) {
							load.alreadyRecorded.incrementAndGet();
						}
					}
					else {
						ledger.unanswered(iso3, pending, "retry answered " + answer.statusCode());
						if (answer.statusCode() == 409) {
							load.refused.incrementAndGet();
						}
					}
					note = null;
				}
				versions.put(iso3, version(api.get(stances + iso3)));
			}
			for (int sequence = 1; !load.stop.get() && System.nanoTime() < deadline; sequence++) {
				state = client.states().get(sequence % client.states().size());
				note = "r" + round + "-c" + client.number() + "-" + sequence;
				int expected = versions.get(state);
				ledger.sent(state, expected, note);
				HttpResponse<String> answer = api.put(stances + state, expected, note, stance(sequence));
				if (answer.statusCode() != 200) {
					ledger.unanswered(state, note, "answered " + answer.statusCode() + " " + answer.body());
					if (answer.statusCode() == 409) {
						load.refused.incrementAndGet();
					}
					return;
				}
				versions.put(state, version(answer));
				ledger.acknowledged(state, version(answer), note, false);
				load.acknowledged.incrementAndGet();
				load.underWay.countDown();
				note = null;
			}
		}
		catch (IOException ex) {
			if (note != null) {
				ledger.unanswered(state, note, ex.toString());
			}
		}
		catch (InterruptedException ex) {
			if (note != null) {
				ledger.unanswered(state, note, "interrupted");
			}
			Thread.currentThread().interrupt();
		}
		finally {
			// a client that stopped early must not hold the others' start
			load.underWay.countDown();
		}
	}

	/**
	 * The ledger against the server's histories.
	 *
	 * @param acknowledged writes answered with a 200 (once each, however often sent)
	 * @param lost acknowledged writes missing from their state's history
	 * @param duplicated extra copies of a write in a history
	 * @param misplaced writes in a history out of the order they were sent, at another
	 * version than acknowledged, or versions that skip
	 * @param unknown writes in a history that no client sent
	 * @param unanswered writes whose answer never came (and no retry answered)
	 * @param unansweredRecorded of those, the ones in their state's history
	 * @param problems what is wrong, one line each
	 */
	public record Check(int acknowledged, int lost, int duplicated, int misplaced, int unknown, int unanswered,
			int unansweredRecorded, List<String> problems) {

		public boolean passed() {
			return this.problems.isEmpty();
		}

		@Override
		public String toString() {
			return "acknowledged " + this.acknowledged + ", lost " + this.lost + ", duplicated " + this.duplicated
					+ ", misplaced " + this.misplaced + ", unknown " + this.unknown + "; unanswered " + this.unanswered
					+ " (" + this.unansweredRecorded + " of them recorded)";
		}

	}

	/** Reads every written state's history and compares it with the ledger. */
	public static Check check(Plan plan, Ledger ledger) throws IOException, InterruptedException {
		try (Api api = new Api(plan.server(), plan.clients().get(0).token())) {
			return check(api, plan, ledger);
		}
	}

	private static Check check(Api api, Plan plan, Ledger ledger) throws IOException, InterruptedException {
		int acknowledged = 0;
		int lost = 0;
		int duplicated = 0;
		int misplaced = 0;
		int unknown = 0;
		int unanswered = 0;
		int unansweredRecorded = 0;
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, StateWrites> entry : ledger.read().entrySet()) {
			String iso3 = entry.getKey();
			StateWrites writes = entry.getValue();
			String json = api.send("GET", "/api/v1/campaigns/" + plan.campaign() + "/stances/" + iso3 + "/history",
					null, 200);
			// the API lists the history newest first
			List<Integer> versions = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			Matcher change = CHANGE.matcher(json);
			while (change.find()) {
				versions.add(0, Integer.parseInt(change.group(1)));
				notes.add(0, change.group(2));
			}
			List<String> order = new ArrayList<>(writes.sent.keySet());
			Map<String, Integer> copies = new HashMap<>();
			int previous = -1;
			for (int i = 0; i < notes.size(); i++) {
				String note = notes.get(i);
				if (versions.get(i) != i + 1) {
					misplaced++;
					problems.add(iso3 + ": version " + versions.get(i) + " at place " + (i + 1) + " of the history");
				}
				if (copies.merge(String.valueOf(note), 1, Integer::sum) > 1) {
					duplicated++;
					problems.add(iso3 + ": " + note + " recorded more than once");
					continue;
				}
				int position = order.indexOf(note);
				if (position < 0) {
					unknown++;
					problems.add(iso3 + ": " + note + " in the history was never sent");
					continue;
				}
				if (position < previous) {
					misplaced++;
					problems.add(iso3 + ": " + note + " recorded after a write sent later");
				}
				previous = position;
				Integer answered = writes.acknowledged.get(note);
				if (answered != null && !answered.equals(versions.get(i))) {
					misplaced++;
					problems.add(iso3 + ": " + note + " acknowledged as version " + answered + ", recorded as "
							+ versions.get(i));
				}
			}
			for (String note : order) {
				if (writes.acknowledged.containsKey(note)) {
					acknowledged++;
					if (!copies.containsKey(note)) {
						lost++;
						problems.add(iso3 + ": " + note + " was acknowledged (version " + writes.acknowledged.get(note)
								+ ") and is not in the history");
					}
				}
				else {
					unanswered++;
					if (copies.containsKey(note)) {
						unansweredRecorded++;
					}
				}
			}
		}
		return new Check(acknowledged, lost, duplicated, misplaced, unknown, unanswered, unansweredRecorded, problems);
	}

	private static String stance(int sequence) {
		return STANCES[sequence % STANCES.length];
	}

	/** The sequence number at the end of a note ("r3-c5-17": 17). */
	private static int sequenceOf(String note) {
		return Integer.parseInt(note.substring(note.lastIndexOf('-') + 1));
	}

	private static int version(HttpResponse<String> answer) {
		String etag = answer.headers()
			.firstValue("ETag")
			.orElseThrow(() -> new IllegalStateException(
					"no ETag in the answer " + answer.statusCode() + " " + answer.body()));
		return Integer.parseInt(etag.replace("\"", "").replace("W/", ""));
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

	/** The API as one client sees it, over HTTP/1.1 like most scripts. */
	private static final class Api implements AutoCloseable {

		private final URI server;

		private final String token;

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		Api(URI server, String token) {
			this.server = server;
			this.token = token;
		}

		HttpResponse<String> put(String path, int expectedVersion, String note, String stance)
				throws IOException, InterruptedException {
			String body = "{\"stance\":\"" + stance + "\",\"note\":\"" + note + "\",\"expectedVersion\":"
					+ expectedVersion + "}";
			// the note is the key: a write sent again after a crash is recorded at most
			// once
			return this.http.send(request(path).header("Idempotency-Key", note)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> answer = this.http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IOException("GET " + path + " answered " + answer.statusCode() + " " + answer.body());
			}
			return answer;
		}

		String send(String method, String path, String json, int expected) throws IOException, InterruptedException {
			HttpRequest.Builder request = request(path);
			if (json == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != expected) {
				throw new IOException(method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
			}
			return answer.body();
		}

		@Override
		public void close() {
			this.http.close();
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(this.server.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.token);
		}

	}

	/**
	 * For {@code scripts/crash-test.sh}:
	 * <ul>
	 * <li>{@code prepare URL TOKEN CLIENTS STATES_PER_CLIENT PLAN}: opens the campaign,
	 * creates the clients' tokens and writes the plan;</li>
	 * <li>{@code load PLAN LEDGER ROUND MAX_SECONDS}: writes until the server dies (or
	 * MAX_SECONDS pass), adding to the ledger; prints "under way" when every client has
	 * had a write acknowledged;</li>
	 * <li>{@code check PLAN LEDGER}: compares the histories with the ledger; exits with 1
	 * if anything acknowledged is lost, duplicated or misplaced.</li>
	 * </ul>
	 */
	public static void main(String[] args) throws Exception {
		switch (args.length > 0 ? args[0] : "") {
			case "prepare" ->
				prepare(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]))
					.save(Path.of(args[5]));
			case "load" -> {
				Load load = start(Plan.load(Path.of(args[1])), new Ledger(Path.of(args[2])), Integer.parseInt(args[3]),
						Duration.ofSeconds(Long.parseLong(args[4])));
				if (load.awaitUnderWay(Duration.ofSeconds(Long.parseLong(args[4])))) {
					System.out.println("under way");
				}
				load.awaitEnd(Duration.ofSeconds(Long.parseLong(args[4]) + 30));
				System.out.println("acknowledged " + load.acknowledged() + " retried " + load.retried()
						+ " already-recorded " + load.alreadyRecorded() + " refused " + load.refused());
			}
			case "check" -> {
				Check check = check(Plan.load(Path.of(args[1])), new Ledger(Path.of(args[2])));
				check.problems().stream().limit(20).forEach(System.err::println);
				System.out.println(check);
				System.exit(check.passed() ? 0 : 1);
			}
			default -> {
				System.err.println("usage: CrashLoad prepare URL TOKEN CLIENTS STATES_PER_CLIENT PLAN | "
						+ "load PLAN LEDGER ROUND MAX_SECONDS | check PLAN LEDGER");
				System.exit(2);
			}
		}
	}

}
