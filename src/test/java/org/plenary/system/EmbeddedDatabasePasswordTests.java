package org.plenary.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks every connection for the superuser's password (issue 17):
 * other users of the machine, who could connect to localhost as the superuser without
 * one, could otherwise rewrite anything, the audit trail included.
 */
class EmbeddedDatabasePasswordTests {

	@TempDir
	Path dataDir;

	private final List<EmbeddedDatabase> started = new ArrayList<>();

	@AfterEach
	void stopEverything() {
		this.started.forEach(EmbeddedDatabase::stop);
	}

	@Test
	void aNewDataFolderGetsAPasswordThatOnlyItsOwnerCanRead() throws Exception {
		EmbeddedDatabase database = start();

		Path file = this.dataDir.resolve("postgres.password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String secret = Files.readString(file).strip();
		// 32 random bytes, base64url without padding
		assertThat(secret).matches("[A-Za-z0-9_-]{43}");
		assertThat(database.password()).isEqualTo(secret);

		assertPasswordRequired(database);
		try (Connection connection = connect(database.port(), secret)) {
			assertThat(single(connection, "show password_encryption")).isEqualTo("scram-sha-256");
			assertThat(single(connection, "select rolpassword from pg_authid where rolname = 'postgres'"))
				.startsWith("SCRAM-SHA-256$");
			assertThat(single(connection, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
				.isEqualTo("scram-sha-256");
		}
		// written by initdb itself, not rewritten after a first start: the cluster never
		// trusted anyone, not even for a moment
		assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("Written by Plenary")
			.doesNotContainPattern("(?m)^[^#]*trust");
		assertThat(Files.readString(this.dataDir.resolve("postgres.log"))).doesNotContain(secret);
	}

	@Test
	void aDataFolderMadeBeforePasswordsWereRequiredIsGivenOneOnItsFirstStart() throws Exception {
		// as Plenary made data folders before issue 17: the library's initdb -A trust
		EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		int oldPort = old.getPort();
		try (Connection connection = connect(oldPort, null)) {
			execute(connection, "create table kept (note text)");
			execute(connection, "insert into kept values ('from before passwords')");
		}
		finally {
			old.close();
		}
		assertThat(this.dataDir.resolve("postgres.password")).doesNotExist();
		assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))).containsPattern("(?m)^host.*trust");

		EmbeddedDatabase upgraded = start();

		assertThat(this.dataDir.resolve("postgres.password")).exists();
		assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
		assertPasswordRequired(upgraded);
		try (Connection connection = connect(upgraded.port(), upgraded.password())) {
			assertThat(single(connection, "select note from kept")).isEqualTo("from before passwords");
		}

		// and from then on like any other
		upgraded.stop();
		EmbeddedDatabase restarted = start();
		assertThat(restarted.password()).isEqualTo(upgraded.password());
		assertPasswordRequired(restarted);
	}

	@Test
	void aCommandBesideARunningServerReadsThePasswordFile() throws Exception {
		EmbeddedDatabase server = start();
		try (Connection held = connect(server.port(), server.password())) {
			EmbeddedDatabase command = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
			assertThat(command.port()).isEqualTo(server.port());
			assertThat(command.password()).isEqualTo(server.password());
			try (Connection connection = command.openConnection("plenary user add", null)) {
				assertThat(single(connection, "select current_user")).isEqualTo("postgres");
			}
			command.close();
			assertThat(single(held, "select 1")).isEqualTo("1");
		}
	}

	@Test
	void aServerLeftRunningBeforePasswordsWereRequiredIsTightenedOnlyWhenNobodyElseUsesIt() throws Exception {
		EmbeddedDatabase server = start();
		loosen(server);
		Files.delete(this.dataDir.resolve("postgres.password"));

		// an old process still connected without a password must keep its connections
		try (Connection oldProcess = connect(server.port(), null)) {
			EmbeddedDatabase beside = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
			assertThat(beside.password()).isEmpty();
			try (Connection again = connect(server.port(), null)) {
				assertThat(single(again, "select 1")).isEqualTo("1");
			}
		}

		EmbeddedDatabase alone = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		assertThat(alone.password()).isNotEmpty()
			.isEqualTo(Files.readString(this.dataDir.resolve("postgres.password")).strip());
		assertPasswordRequired(alone);
	}

	@Test
	void aLostPasswordFileIsNamedRatherThanWaitedFor() throws Exception {
		start().stop();
		Files.delete(this.dataDir.resolve("postgres.password"));

		assertThatThrownBy(() -> EmbeddedDatabase.startOrAdopt(this.dataDir, 0))
			.hasMessageContaining("postgres.password")
			.hasMessageContaining("is missing");
	}

	private EmbeddedDatabase start() {
		EmbeddedDatabase database = EmbeddedDatabase.startOrAdopt(this.dataDir, 0,
				EmbeddedDatabase.Durability.FAST_FOR_TESTS_ONLY);
		this.started.add(database);
		return database;
	}

	/**
	 * Without a password, with a wrong one: refused. Without one (or with an empty one)
	 * the server asks for SCRAM, and the driver gives up; a wrong one the server refuses.
	 */
	private static void assertPasswordRequired(EmbeddedDatabase database) throws SQLException {
		for (String none : Arrays.asList(null, "")) {
			assertThatThrownBy(() -> connect(database.port(), none).close()).as("a connection without a password")
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("SCRAM");
		}
		for (String wrong : List.of("wrong", database.password() + "x")) {
			assertThatThrownBy(() -> connect(database.port(), wrong).close())
				.as("a connection with the password '%s'", wrong)
				.isInstanceOfSatisfying(SQLException.class,
						(refused) -> assertThat(refused.getSQLState()).isIn("28P01", "28000"));
		}
		try (Connection connection = connect(database.port(), database.password())) {
			assertThat(single(connection, "select current_user")).isEqualTo("postgres");
		}
	}

	/** As a server started by Plenary before issue 17: trust, no password. */
	private void loosen(EmbeddedDatabase database) throws Exception {
		Path hba = this.dataDir.resolve("postgres/pg_hba.conf");
		try (Connection connection = connect(database.port(), database.password())) {
			Files.writeString(hba, """
					local all all trust
					host all all 127.0.0.1/32 trust
					host all all ::1/128 trust
					""");
			execute(connection, "alter role postgres password null");
			execute(connection, "select pg_reload_conf()");
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			try (Connection connection = connect(database.port(), null)) {
				return;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	private static Connection connect(int port, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
