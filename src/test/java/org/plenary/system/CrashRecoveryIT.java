package org.plenary.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: no acknowledged write is lost when PostgreSQL and the server die together.
 * Eight clients record stances through the API of the packaged jar while, at a random
 * moment 1 to 6 s after every client's first write was acknowledged, the postmaster and
 * the server's JVM are killed with {@code kill -9} (every other round every PostgreSQL
 * process too, so that nothing is left to flush what was not yet on disk); {@code serve}
 * then starts again by itself, PostgreSQL recovers from its log, and every acknowledged
 * write must be in its state's history exactly once and in order. Five rounds on one data
 * folder. With durability off (PostgreSQL started as for the test suite's own database)
 * it failed in its first round: docs/benchmarks.md has the figures.
 */
class CrashRecoveryIT {

	private static final Path JAR = Path.of("target", "plenary.jar");

	private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	private static final int ROUNDS = 5;

	private static final int CLIENTS = 8;

	private static final int STATES_PER_CLIENT = 3;

	// meets the password policy: not the user name, not a common password
	private static final String PASSWORD = "whole-crash-9f3k-Plenary";

	@TempDir
	Path dataDir;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		this.processes.forEach(Process::destroyForcibly);
		for (Process process : this.processes) {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		// the last PostgreSQL started outlives its server: it is a daemon of its own
		List<ProcessHandle> postgres = postgresProcesses(true);
		postgres.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : postgres) {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void noAcknowledgedStanceIsLostWhenPostgresqlAndTheServerAreKilled() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int port = freePort();
		Process server = serve(port, 0);
		waitForReady(server, 0);
		String token = lastLine(command("token", "create", "--user", "admin", "--name", "crash test"));
		CrashLoad.Plan plan = CrashLoad.prepare(URI.create("http://localhost:" + port + "/"), token, CLIENTS,
				STATES_PER_CLIENT);
		CrashLoad.Ledger ledger = new CrashLoad.Ledger(this.dataDir.resolve("ledger.tsv"));
		int acknowledged = 0;
		for (int round = 1; round <= ROUNDS; round++) {
			CrashLoad.Load load = CrashLoad.start(plan, ledger, round, Duration.ofSeconds(120));
			assertThat(load.awaitUnderWay(Duration.ofSeconds(60))).as("round %d: writes under way", round).isTrue();
			long killAfter = 1000 + random.nextInt(5000);
			Thread.sleep(killAfter);
			assertThat(load.running()).as("round %d: the clients stopped before the kill (seed %d)", round, seed)
				.isTrue();
			boolean everyPostgresProcess = round % 2 == 0;
			List<ProcessHandle> killed = new ArrayList<>(postgresProcesses(everyPostgresProcess));
			killed.add(server.toHandle());
			killed.forEach(ProcessHandle::destroyForcibly);
			for (ProcessHandle process : killed) {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			load.awaitEnd(Duration.ofSeconds(30));
			assertThat(load.running()).as("round %d: clients still writing after the kill", round).isFalse();

			long restart = System.nanoTime();
			server = serve(port, round);
			waitForReady(server, round);
			long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart);
			// PostgreSQL replayed its log: it was killed, not stopped
			assertThat(
					Files.readString(this.dataDir.resolve("postgres.log")).split("automatic recovery in progress", -1))
				.hasSize(round + 1);

			CrashLoad.Check check = CrashLoad.check(plan, ledger);
			System.out.printf(
					"round %d: killed %s and the server %.1f s into the writes; acknowledged %d in the "
							+ "round (%d retried, %d of them already recorded); restarted in %.1f s; %s%n",
					round, everyPostgresProcess ? "every PostgreSQL process" : "the postmaster", killAfter / 1000.0,
					load.acknowledged(), load.retried(), load.alreadyRecorded(), restartMillis / 1000.0, check);
			assertThat(check.problems()).as("round %d (seed %d): %s", round, seed, check).isEmpty();
			assertThat(load.refused()).as("round %d: writes refused as stale", round).isZero();
			assertThat(load.acknowledged()).as("round %d wrote nothing", round).isPositive();
			acknowledged = check.acknowledged();
		}
		System.out.printf("%d rounds: acknowledged %d, lost 0, duplicated 0%n", ROUNDS, acknowledged);

		// a clean stop after all that still stops the database
		server.destroy();
		assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	/**
	 * The running postmaster of the data folder and, if asked, every process it started.
	 */
	private List<ProcessHandle> postgresProcesses(boolean withChildren) throws IOException {
		Path pidFile = this.dataDir.resolve("postgres/postmaster.pid");
		if (!Files.exists(pidFile)) {
			return List.of();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
		if (postmaster == null) {
			return List.of();
		}
		// the children are listed before the postmaster dies: after, they belong to init
		return withChildren ? Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList()
				: List.of(postmaster);
	}

	private Process serve(int port, int restart) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "serve");
		builder.environment()
			.putAll(Map.of("PLENARY_DATA_DIR", this.dataDir.toString(), "PLENARY_PORT", String.valueOf(port),
					"PLENARY_ADMIN_PASSWORD", PASSWORD, "PLENARY_API_RATE_LIMIT", "0"));
		builder.environment().remove("PLENARY_DB_URL");
		builder.redirectErrorStream(true).redirectOutput(serveLog(restart).toFile());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private Path serveLog(int restart) {
		return this.dataDir.resolve("serve-" + restart + ".log");
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
		this.processes.add(process);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private void waitForReady(Process process, int restart) throws Exception {
		Path log = serveLog(restart);
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.readString(log);
			if (output.contains("Plenary is ready at")) {
				return;
			}
			assertThat(process.isAlive()).as("Plenary exited after kill %d:%n%s", restart, output).isTrue();
			Thread.sleep(100);
		}
		throw new AssertionError("Plenary did not become ready after kill " + restart + ":\n" + Files.readString(log));
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
