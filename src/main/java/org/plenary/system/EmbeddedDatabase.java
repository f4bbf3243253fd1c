package org.plenary.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a Plenary data folder, shared by every Plenary process on
 * that folder. The first process starts it; the others find it through
 * {@code postmaster.pid} and connect to it. A process stops it on exit only when no other
 * process is still connected, so a command-line task never pulls the database from under
 * a running server. After a crash ({@code kill -9}) the orphaned PostgreSQL is found and
 * used again.
 * <p>
 * Every connection, from this process or any other user of the machine, needs the
 * superuser's password (SCRAM-SHA-256), kept owner-only in {@code postgres.password}
 * beside the cluster. A cluster made before passwords were required is given one on its
 * first start.
 */
public final class EmbeddedDatabase implements DatabaseServer {

	static final String DATABASE = "plenary";

	private static final String SUPERUSER = "postgres";

	private static final String PASSWORD_FILE = "postgres.password";

	private static final String SCRAM = "scram-sha-256";

	// PostgreSQL's refusals of a wrong password, and the driver's when it has none to
	// give
	private static final Set<String> PASSWORD_REFUSED = Set.of("28P01", "28000", "08004");

	/**
	 * What pg_hba.conf says once a cluster requires passwords: the same rules as initdb
	 * writes with {@code --auth=scram-sha-256}.
	 */
	private static final String PASSWORDS_REQUIRED = """
			# Written by Plenary: every connection needs the password in postgres.password
			# beside this cluster (docs/adr/0002). The server listens on localhost only.
			# TYPE  DATABASE     USER  ADDRESS       METHOD
			local   all          all                 scram-sha-256
			host    all          all   127.0.0.1/32  scram-sha-256
			host    all          all   ::1/128       scram-sha-256
			local   replication  all                 scram-sha-256
			host    replication  all   127.0.0.1/32  scram-sha-256
			host    replication  all   ::1/128       scram-sha-256
			""";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path pgData;

	private final int port;

	private final long postmasterPid;

	private final EmbeddedPostgres started;

	private final String password;

	private EmbeddedDatabase(Path pgData, int port, long postmasterPid, EmbeddedPostgres started, String password) {
		this.pgData = pgData;
		this.port = port;
		this.postmasterPid = postmasterPid;
		this.started = started;
		this.password = password;
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
			// beside the cluster, not in it: initdb wants an empty folder, and is given
			// the file to set the superuser's password from
			Path passwordFile = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
			try (FileChannel channel = FileChannel.open(dataDir.resolve(".startup.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				Optional<EmbeddedDatabase> running = findRunning(pgData, passwordFile);
				EmbeddedDatabase database;
				if (running.isPresent()) {
					database = running.get();
					log.info("Using the embedded PostgreSQL already running on port {} ({})", database.port, pgData);
				}
				else {
					database = start(pgData, passwordFile, preferredPort, durability);
				}
				database = database.requiringPasswords(passwordFile);
				database.createDatabaseIfMissing();
				return database;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private static EmbeddedDatabase start(Path pgData, Path passwordFile, int preferredPort, Durability durability)
			throws IOException {
		refuseALostPassword(pgData, passwordFile);
		String secret = SuperuserPassword.readOrCreate(passwordFile);
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
			.setServerConfig("full_page_writes", durable)
			.setServerConfig("password_encryption", SCRAM)
			// The library runs initdb with -A trust and appends its "locale" settings as
			// --name=value: the later --auth wins, and --pwfile gives the superuser its
			// password, so a new cluster never accepts a connection without it.
			.setLocaleConfig("auth", SCRAM)
			.setLocaleConfig("pwfile", passwordFile.toString())
			// the library's own check that the server is up connects as the superuser
			.setConnectConfig("password", secret);
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
		return new EmbeddedDatabase(pgData, postgres.getPort(), pid, postgres, secret);
	}

	/**
	 * A cluster that requires passwords cannot be opened without its password file; left
	 * to the library, the start would wait a minute and fail with no reason given.
	 */
	private static void refuseALostPassword(Path pgData, Path passwordFile) throws IOException {
		Path hba = pgData.resolve("pg_hba.conf");
		if (Files.exists(passwordFile) || !Files.exists(hba)) {
			return;
		}
		boolean trusts = Files.readAllLines(hba)
			.stream()
			.map((line) -> line.replaceFirst("#.*", "").strip())
			.filter((line) -> !line.isEmpty())
			.anyMatch((line) -> List.of(line.split("\\s+")).contains("trust"));
		if (!trusts) {
			throw new IllegalStateException("The password file of the embedded PostgreSQL, " + passwordFile
					+ ", is missing: restore it from your backup of the data folder (or, to give the database a"
					+ " new password, set the method of every line of " + hba
					+ " to trust; the next start makes a new password and requires it again)");
		}
	}

	private static Optional<EmbeddedDatabase> findRunning(Path pgData, Path passwordFile) throws IOException {
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
		// empty for a server started before passwords were required, which still trusts
		EmbeddedDatabase database = new EmbeddedDatabase(pgData, port, pid, null,
				SuperuserPassword.readIfPresent(passwordFile));
		long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = database.connect("postgres")) {
				return Optional.of(database);
			}
			catch (SQLException ex) {
				if (refusesPassword(ex)) {
					throw new IllegalStateException("The embedded PostgreSQL on port " + port + " (" + pgData + ") "
							+ (database.password.isEmpty() ? "needs a password, and " + passwordFile + " is missing"
									: "refuses the password in " + passwordFile),
							ex);
				}
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

	/**
	 * A cluster made before passwords were required (the library's initdb -A trust) is
	 * given the password of the file, and its pg_hba.conf then requires it from every
	 * connection. A server this process adopted is left as it is while other processes
	 * use it: they connect without a password, and would be refused every new connection;
	 * the next start does it.
	 */
	private EmbeddedDatabase requiringPasswords(Path passwordFile) throws IOException {
		try (Connection connection = connect("postgres")) {
			if (!acceptsConnectionsWithoutScram(connection)) {
				return this;
			}
			if (this.started == null && otherClientsAfterAMoment(connection) > 0) {
				log.warn("The embedded PostgreSQL on port {} still accepts local connections without a password;"
						+ " it will require one from its next start", this.port);
				return this;
			}
			String secret = SuperuserPassword.readOrCreate(passwordFile);
			// the driver sends the SCRAM verifier, never the password itself, so the
			// statement holds nothing a log could give away
			connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, secret.toCharArray(), SCRAM);
			writePasswordsRequired();
			try (Statement statement = connection.createStatement()) {
				statement.execute("select pg_reload_conf()");
			}
			EmbeddedDatabase tightened = new EmbeddedDatabase(this.pgData, this.port, this.postmasterPid, this.started,
					secret);
			tightened.awaitPasswordsRequired();
			log.info("The embedded PostgreSQL now requires the password in {} from every connection", passwordFile);
			return tightened;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not make the embedded PostgreSQL require a password", ex);
		}
	}

	private static boolean acceptsConnectionsWithoutScram(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from pg_hba_file_rules"
						+ " where auth_method is distinct from '" + SCRAM + "' or error is not null")) {
			rs.next();
			return rs.getInt(1) > 0;
		}
	}

	private void writePasswordsRequired() throws IOException {
		Path hba = this.pgData.resolve("pg_hba.conf");
		Path fresh = this.pgData.resolve("pg_hba.conf.new");
		Files.deleteIfExists(fresh);
		SuperuserPassword.createOwnerOnly(fresh);
		Files.writeString(fresh, PASSWORDS_REQUIRED, StandardOpenOption.WRITE);
		// whole or not at all: a half-written pg_hba.conf would lock everyone out
		Files.move(fresh, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** The postmaster reloads pg_hba.conf on the signal, a moment after it is sent. */
	private void awaitPasswordsRequired() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = connectWithoutPassword()) {
				sleep(100);
			}
			catch (SQLException ex) {
				if (refusesPassword(ex)) {
					return;
				}
				throw new IllegalStateException("The embedded PostgreSQL stopped answering after its reload", ex);
			}
		}
		throw new IllegalStateException("The embedded PostgreSQL on port " + this.port
				+ " still accepts connections without a password after reloading "
				+ this.pgData.resolve("pg_hba.conf"));
	}

	private static boolean refusesPassword(SQLException ex) {
		return PASSWORD_REFUSED.contains(ex.getSQLState());
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
		if (!this.password.isEmpty()) {
			properties.setProperty("password", this.password);
		}
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + this.port + "/" + database, properties);
	}

	private Connection connectWithoutPassword() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SUPERUSER);
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + this.port + "/postgres", properties);
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
		return this.password;
	}

	/**
	 * Stops the server unless another process is still connected to it. Call after this
	 * process has closed its own connections.
	 */
	@Override
	public void close() {
		int others = otherClientsAfterAMoment();
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

	private int otherClientsAfterAMoment() {
		try (Connection connection = connect("postgres")) {
			return otherClientsAfterAMoment(connection);
		}
		catch (SQLException ex) {
			return 0; // not answering: nothing to protect
		}
	}

	/** Client connections other than {@code connection}. */
	private static int otherClientsAfterAMoment(Connection connection) throws SQLException {
		int others = otherClients(connection);
		// connections closed a moment ago may still be shutting down
		for (int wait = 0; others > 0 && wait < 10; wait++) {
			sleep(200);
			others = otherClients(connection);
		}
		return others;
	}

	private static int otherClients(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity "
						+ "where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
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
