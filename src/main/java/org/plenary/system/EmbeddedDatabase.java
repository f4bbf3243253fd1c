package org.plenary.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a Plenary data folder, shared by every Plenary process on
 * that folder. The first process starts it; the others find it through
 * {@code postmaster.pid} and connect to it. A process stops it on exit only when no other
 * process is still connected, so a command-line task never pulls the database from under
 * a running server. After a crash ({@code kill -9}) the orphaned PostgreSQL is found and
 * used again.
 */
public final class EmbeddedDatabase implements DatabaseServer {

	static final String DATABASE = "plenary";

	private static final String SUPERUSER = "postgres";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path pgData;

	private final int port;

	private final long postmasterPid;

	private final EmbeddedPostgres started;

	private EmbeddedDatabase(Path pgData, int port, long postmasterPid, EmbeddedPostgres started) {
		this.pgData = pgData;
		this.port = port;
		this.postmasterPid = postmasterPid;
		this.started = started;
	}

	/**
	 * Uses the PostgreSQL already running on {@code dataDir}, or starts one (creating the
	 * cluster on first use). Holds a file lock while deciding, so that two processes
	 * starting at once never both start a server.
	 */
	public static EmbeddedDatabase startOrAdopt(Path dataDir, int preferredPort) {
		return startOrAdopt(dataDir, preferredPort, Durability.DURABLE);
	}

	/**
	 * How a server this process starts writes to disk. The library behind the embedded
	 * server is made for tests and starts PostgreSQL with {@code fsync} and
	 * {@code synchronous_commit} off: a crash of PostgreSQL then loses writes that were
	 * acknowledged, and a crash of the machine can corrupt the cluster. Plenary turns
	 * them back on; only the test suite chooses speed, by name.
	 */
	public enum Durability {

		/**
		 * fsync, synchronous_commit and full_page_writes on: what {@code serve} and every
		 * command use.
		 */
		DURABLE,

		/** All three off: for a throw-away database of the test suite only. */
		FAST_FOR_TESTS_ONLY

	}

	/**
	 * As {@link #startOrAdopt(Path, int)}, choosing the durability of a server this
	 * process starts (a server already running keeps its own).
	 */
	public static EmbeddedDatabase startOrAdopt(Path dataDir, int preferredPort, Durability durability) {
		try {
			Files.createDirectories(dataDir);
			Path pgData = dataDir.resolve("postgres").toAbsolutePath();
			try (FileChannel channel = FileChannel.open(dataDir.resolve(".startup.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				Optional<EmbeddedDatabase> running = findRunning(pgData);
				if (running.isPresent()) {
					log.info("Using the embedded PostgreSQL already running on port {} ({})", running.get().port,
							pgData);
					return running.get();
				}
				EmbeddedDatabase database = start(pgData, preferredPort, durability);
				database.createDatabaseIfMissing();
				return database;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private static EmbeddedDatabase start(Path pgData, int preferredPort, Durability durability) throws IOException {
		String durable = (durability == Durability.DURABLE) ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(STARTUP_WAIT)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "300")
			// bulk imports write a million rows at once: fewer checkpoints, more cache
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("checkpoint_timeout", "15min")
			// after the library's own -F (fsync off): the last setting given wins
			.setServerConfig("fsync", durable)
			.setServerConfig("synchronous_commit", durable)
			.setServerConfig("full_page_writes", durable);
		// PostgreSQL's own output goes to a file beside its data: left on pipes, it is
		// logged by threads that outlive the process's logging, and a late line landed on
		// standard output, where a command prints its result (e.g. a token)
		java.io.File output = pgData.resolveSibling("postgres.log").toFile();
		builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(output))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(output));
		if (preferredPort > 0) {
			builder.setPort(preferredPort);
		}
		EmbeddedPostgres postgres = builder.start();
		long pid = readPostmasterPid(pgData).orElse(-1);
		log.info("Started the embedded PostgreSQL on port {} ({})", postgres.getPort(), pgData);
		return new EmbeddedDatabase(pgData, postgres.getPort(), pid, postgres);
	}

	private static Optional<EmbeddedDatabase> findRunning(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		// postmaster.pid: line 1 is the PID, line 4 the port (PostgreSQL's documented
		// layout)
		if (lines.size() < 4) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		int port = Integer.parseInt(lines.get(3).trim());
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return Optional.empty(); // stale file: PostgreSQL itself cleans it up on
										// start
		}
		EmbeddedDatabase database = new EmbeddedDatabase(pgData, port, pid, null);
		long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = database.connect("postgres")) {
				database.createDatabaseIfMissing();
				return Optional.of(database);
			}
			catch (SQLException ex) {
				// still starting up or recovering after a crash: wait for it
				sleep(200);
			}
		}
		throw new IllegalStateException("An embedded PostgreSQL (pid " + pid + ") holds " + pgData
				+ " but does not answer on port " + port + "; stop it or remove the folder");
	}

	private static OptionalLong readPostmasterPid(Path pgData) {
		try {
			List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
			return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8'");
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // duplicate_database: another
														// process won
				throw new IllegalStateException("Could not create the database " + DATABASE, ex);
			}
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SUPERUSER);
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + this.port + "/" + database, properties);
	}

	public int port() {
		return this.port;
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	@Override
	public String user() {
		return SUPERUSER;
	}

	@Override
	public String password() {
		return "";
	}

	/**
	 * Stops the server unless another process is still connected to it. Call after this
	 * process has closed its own connections.
	 */
	@Override
	public void close() {
		int others = otherClients();
		// connections of this process closed a moment ago may still be shutting down
		for (int wait = 0; others > 0 && wait < 10; wait++) {
			sleep(200);
			others = otherClients();
		}
		if (others > 0) {
			log.info("Leaving the embedded PostgreSQL running: {} other connection(s) use it", others);
			return;
		}
		stop();
	}

	/** Stops the server whoever uses it (tests, and the end of a throw-away database). */
	public void stop() {
		if (this.started != null) {
			try {
				this.started.close();
			}
			catch (IOException ex) {
				log.warn("Could not stop the embedded PostgreSQL", ex);
			}
			return;
		}
		// Adopted after a crash: SIGTERM asks the postmaster for a clean ("smart")
		// shutdown.
		ProcessHandle.of(this.postmasterPid).ifPresent((postmaster) -> {
			postmaster.destroy();
			try {
				postmaster.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.warn("The embedded PostgreSQL (pid {}) did not stop within 30 s", this.postmasterPid);
			}
		});
	}

	private int otherClients() {
		try (Connection connection = connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity "
						+ "where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			return 0; // not answering: nothing to protect
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for PostgreSQL", ex);
		}
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on port " + this.port + " (" + this.pgData + ")";
	}

}
