package org.plenary.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as {@code ./plenary} runs it: {@code serve} on an empty data folder
 * prints the address and the first administrator's login; a command-line task runs beside
 * the server on the same embedded database; after {@code kill -9} the next {@code serve}
 * starts cleanly with the data intact; a clean stop also stops the database.
 */
class ServeLifecycleIT {

	private static final Path JAR = Path.of("target", "plenary.jar");

	private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	@TempDir
	Path dataDir;

	private final List<Process> processes = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stopEverything() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void survivesAKillAndSharesItsDatabaseWithCommands() throws Exception {
		int port = freePort();
		Path firstLog = this.dataDir.resolve("serve-1.log");
		Process server = serve(port, firstLog);
		String output = waitForReady(server, firstLog);
		assertThat(output).contains("Plenary is ready at http://localhost:" + port + "/")
			.contains("First administrator created")
			.contains("user:     admin");

		// commands run beside the server, on its database
		assertThat(command("user", "add", "carol", "--organisation", "US Mission to the UN", "--role", "whip"))
			.contains("Created user carol (Whip, US Mission to the UN)");
		String token = lastLine(command("token", "create", "--user", "carol"));
		assertThat(token).startsWith("pln_");
		assertThat(get(port, "/api/v1/me", token)).contains("\"username\":\"carol\"");
		assertThat(get(port, "/actuator/health", null)).contains("\"db\":{\"status\":\"UP\"}");

		// kill -9: no shutdown hook runs, the embedded PostgreSQL is left behind
		server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		Path secondLog = this.dataDir.resolve("serve-2.log");
		Process restarted = serve(port, secondLog);
		String again = waitForReady(restarted, secondLog);
		assertThat(again).doesNotContain("First administrator created");
		assertThat(get(port, "/api/v1/me", token)).contains("\"username\":\"carol\"");

		// a clean stop (SIGTERM) stops the database too, since nobody else uses it
		restarted.destroy();
		assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

		// with no server running, a command starts the database for itself and stops it
		// after
		assertThat(lastLine(command("token", "create", "--user", "carol"))).startsWith("pln_");
		assertThat(this.dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	private Process serve(int port, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "serve");
		builder.environment()
			.putAll(Map.of("PLENARY_DATA_DIR", this.dataDir.toString(), "PLENARY_PORT", String.valueOf(port)));
		builder.environment().remove("PLENARY_DB_URL");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private String command(String... args) throws Exception {
		List<String> line = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
		line.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(line);
		builder.environment().put("PLENARY_DATA_DIR", this.dataDir.toString());
		builder.environment().remove("PLENARY_DB_URL");
		Path log = Files.createTempFile(this.dataDir, "command", ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static String waitForReady(Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.readString(log);
			if (output.contains("Plenary is ready at")) {
				return output;
			}
			assertThat(process.isAlive()).as("Plenary exited:%n%s", output).isTrue();
			Thread.sleep(200);
		}
		throw new AssertionError("Plenary did not become ready:\n" + Files.readString(log));
	}

	private String get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String lastLine(String output) {
		String[] lines = output.strip().split("\n");
		return lines[lines.length - 1].strip();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
