package org.plenary.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads one file of the official voting data into the data folder, so that a slow or
 * broken connection costs nothing: the bytes arrive in {@code NAME.part}, and a run after
 * an interruption asks only for the rest ({@code Range}, with {@code If-Range} so that a
 * file changed meanwhile starts over). A file already downloaded is asked for only if it
 * changed ({@code If-None-Match}, {@code If-Modified-Since}). What arrived is checked
 * (its length, and the caller's check of its content) before it replaces the file kept
 * from the last run: a corrupted download is refused and changes nothing. Beside each
 * file, {@code NAME.meta} keeps where it came from, its validators and its SHA-256.
 */
final class HistoryDownloads {

	/** What became of a download. */
	enum Outcome {

		/** A new or changed file, now in place. */
		NEW,
		/** The file kept from the last run is still current. */
		UNCHANGED,
		/** What arrived failed the checks: refused, the kept file untouched. */
		REFUSED,
		/** The address has nothing (yet): a session not published, for example. */
		NOT_PUBLISHED

	}

	record Downloaded(Outcome outcome, Path file, long bytes, boolean resumed, String message) {
	}

	/** Told as bytes arrive. */
	interface Progress {

		void update(String name, long bytes, long total);

	}

	/** A check of a received file's content: null when it is fine, else what is wrong. */
	interface Check {

		String problem(Path file) throws IOException;

	}

	private final HttpClient http;

	// how long a transfer may bring nothing before it is given up (to resume later)
	private final Duration idle;

	HistoryDownloads(HttpClient http, Duration idle) {
		this.http = http;
		this.idle = idle;
	}

	static HttpClient client() {
		// a proxy is taken from the JVM's settings (-Dhttps.proxyHost=...) when given
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(20))
			.build();
	}

	/** The text of a small page (a record page that links the current file). */
	String page(URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(uri).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IOException(uri + " answered HTTP " + response.statusCode());
		}
		return response.body();
	}

	Downloaded fetch(URI uri, Path target, Check check, Progress progress) throws IOException, InterruptedException {
		Files.createDirectories(target.toAbsolutePath().getParent());
		String name = target.getFileName().toString();
		Path part = target.resolveSibling(name + ".part");
		Path partMeta = target.resolveSibling(name + ".part.meta");
		Path meta = target.resolveSibling(name + ".meta");
		Properties kept = Files.isRegularFile(target) ? load(meta) : new Properties();
		Properties partial = Files.isRegularFile(part) ? load(partMeta) : new Properties();
		long have = 0;
		HttpRequest.Builder request = request(uri);
		String validator = first(partial.getProperty("etag"), partial.getProperty("lastModified"));
		if (validator != null && uri.toString().equals(partial.getProperty("url")) && Files.size(part) > 0) {
			have = Files.size(part);
			request.header("Range", "bytes=" + have + "-").header("If-Range", validator);
		}
		else {
			Files.deleteIfExists(part);
			if (kept.getProperty("etag") != null) {
				request.header("If-None-Match", kept.getProperty("etag"));
			}
			if (kept.getProperty("lastModified") != null) {
				request.header("If-Modified-Since", kept.getProperty("lastModified"));
			}
		}
		// the body goes straight into NAME.part as it arrives (appended to a resumed
		// one);
		// the validators of what is arriving are kept first, so that a later run can
		// resume it
		long resumeAt = have;
		AtomicLong announced = new AtomicLong(-1);
		AtomicReference<String> wrongRange = new AtomicReference<>();
		CompletableFuture<HttpResponse<Void>> sending = this.http.sendAsync(request.build(), (info) -> {
			int code = info.statusCode();
			if (code != 200 && code != 206) {
				return HttpResponse.BodySubscribers.replacing(null);
			}
			try {
				if (code == 206) {
					long[] range = contentRange(info.headers().firstValue("Content-Range").orElse(""));
					if (range[0] != resumeAt) {
						wrongRange.set("the server resumed at byte " + range[0] + ", not at " + resumeAt);
						return HttpResponse.BodySubscribers.replacing(null);
					}
					announced.set(range[1]);
				}
				else {
					announced.set(info.headers().firstValueAsLong("Content-Length").orElse(-1));
				}
				Properties arriving = new Properties();
				arriving.setProperty("url", uri.toString());
				info.headers().firstValue("ETag").ifPresent((v) -> arriving.setProperty("etag", v));
				info.headers().firstValue("Last-Modified").ifPresent((v) -> arriving.setProperty("lastModified", v));
				store(partMeta, arriving);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			HttpResponse.BodySubscriber<Path> file = (code == 206)
					? HttpResponse.BodySubscribers.ofFile(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.APPEND)
					: HttpResponse.BodySubscribers.ofFile(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING);
			return HttpResponse.BodySubscribers.mapping(file, (path) -> null);
		});
		HttpResponse<Void> response = await(sending, part, name, announced, progress);
		int status = response.statusCode();
		if (status == 304) {
			return new Downloaded(Outcome.UNCHANGED, target, Files.size(target), false,
					"unchanged since the last download");
		}
		if (status == 404 || status == 410) {
			return new Downloaded(Outcome.NOT_PUBLISHED, target, 0, false, "not published (HTTP " + status + ")");
		}
		if (wrongRange.get() != null) {
			delete(part, partMeta);
			throw new IOException(wrongRange.get() + "; run again to download it whole");
		}
		if (status != 200 && status != 206) {
			throw new IOException(uri + " answered HTTP " + status);
		}
		boolean resumed = status == 206;
		long total = announced.get();
		long received = Files.size(part);
		if (total >= 0 && received != total) {
			// fewer bytes than announced: an interruption, resumable; more: nonsense
			if (received > total) {
				delete(part, partMeta);
			}
			throw new IOException("received " + received + " of " + total + " bytes of " + name
					+ ((received < total) ? "; run again to download the rest" : ""));
		}
		// on disk before it can replace the kept file
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		String problem = check.problem(part);
		if (problem != null) {
			delete(part, partMeta);
			return new Downloaded(Outcome.REFUSED, target, received, resumed,
					"refused, the file kept from the last run is unchanged: " + problem);
		}
		Properties arrived = load(partMeta);
		arrived.setProperty("sha256", sha256(part));
		arrived.setProperty("size", Long.toString(received));
		if (arrived.getProperty("sha256").equals(kept.getProperty("sha256")) && Files.isRegularFile(target)) {
			delete(part, partMeta);
			store(meta, arrived);
			return new Downloaded(Outcome.UNCHANGED, target, received, resumed,
					"the same content as the last download");
		}
		Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		store(meta, arrived);
		Files.deleteIfExists(partMeta);
		return new Downloaded(Outcome.NEW, target, received, resumed, null);
	}

	/**
	 * Waits for the transfer, telling its progress from the part's size; a transfer that
	 * brings nothing for the idle time is cancelled (Java's HTTP client has no read
	 * timeout, and a stalled connection would otherwise wait for ever).
	 */
	private HttpResponse<Void> await(CompletableFuture<HttpResponse<Void>> sending, Path part, String name,
			AtomicLong announced, Progress progress) throws IOException, InterruptedException {
		long lastSize = -1;
		long lastChange = System.nanoTime();
		while (true) {
			try {
				return sending.get(250, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				long size = Files.isRegularFile(part) ? Files.size(part) : 0;
				if (size != lastSize) {
					lastSize = size;
					lastChange = System.nanoTime();
					progress.update(name, size, announced.get());
				}
				else if (System.nanoTime() - lastChange > this.idle.toNanos()) {
					sending.cancel(true);
					throw new IOException("no data arrived for " + this.idle.toSeconds() + " s after " + size
							+ " bytes of " + name + "; run again to download the rest");
				}
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() instanceof UncheckedIOException unchecked) ? unchecked.getCause()
						: ex.getCause();
				throw (cause instanceof IOException io) ? io : new IOException(cause);
			}
		}
	}

	private static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofMinutes(30))
			.header("User-Agent", "Plenary fetch-history (https://github.com/plenary)");
	}

	// "bytes 100-999/1000" -> {100, 1000} (the total -1 when unknown)
	static long[] contentRange(String header) throws IOException {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)")
			.matcher(header.trim());
		if (!m.matches()) {
			throw new IOException("a resumed download without a valid Content-Range: '" + header + "'");
		}
		return new long[] { Long.parseLong(m.group(1)), m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)) };
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String first(String a, String b) {
		return (a != null) ? a : b;
	}

	private static void delete(Path... files) throws IOException {
		for (Path file : files) {
			Files.deleteIfExists(file);
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static void store(Path file, Properties properties) throws IOException {
		Path next = file.resolveSibling(file.getFileName() + ".new");
		try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
			properties.store(writer, null);
		}
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
