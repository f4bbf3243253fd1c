package org.plenary.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL of a data folder: data survives a restart, a second user of the
 * folder finds the running server instead of starting another, and the server is stopped
 * only when its last user leaves.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossRestartsAndSharesOneServerPerFolder() throws Exception {
		EmbeddedDatabase first = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		try (Connection connection = connect(first)) {
			execute(connection, "create table kept (note text)");
			execute(connection, "insert into kept values ('survives a restart')");

			// a second process on the same folder uses the running server
			EmbeddedDatabase second = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
			assertThat(second.port()).isEqualTo(first.port());
			assertThat(second.jdbcUrl()).isEqualTo(first.jdbcUrl());

			// ... and leaves it running on exit while someone else is still connected
			second.close();
			assertThat(count(connection)).isEqualTo(1);
		}
		first.close();
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).isFalse();

		EmbeddedDatabase restarted = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		try (Connection connection = connect(restarted)) {
			assertThat(count(connection)).isEqualTo(1);
		}
		finally {
			restarted.stop();
		}
	}

	@Test
	void adoptsAServerLeftRunningByACrashedProcess() throws Exception {
		// A process that dies with kill -9 never calls close(): its server keeps running.
		EmbeddedDatabase crashed = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		try (Connection connection = connect(crashed)) {
			execute(connection, "create table kept (note text)");
			execute(connection, "insert into kept values ('written before the crash')");
		}
		EmbeddedDatabase next = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		try (Connection connection = connect(next)) {
			assertThat(count(connection)).isEqualTo(1);
		}
		next.close();
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).isFalse();
	}

	@Test
	void aServerStartedForServeOrACommandWritesDurably() throws Exception {
		// the embedded library's defaults (fsync and synchronous_commit off) lost
		// acknowledged writes when PostgreSQL was killed
		EmbeddedDatabase database = EmbeddedDatabase.startOrAdopt(this.dataDir, 0);
		try (Connection connection = connect(database)) {
			assertThat(setting(connection, "fsync")).isEqualTo("on");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
		}
		finally {
			database.stop();
		}
	}

	@Test
	void onlyTheTestSuiteChoosesSpeedOverDurabilityByName() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.startOrAdopt(this.dataDir, 0,
				EmbeddedDatabase.Durability.FAST_FOR_TESTS_ONLY);
		try (Connection connection = connect(database)) {
			assertThat(setting(connection, "fsync")).isEqualTo("off");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("off");
		}
		finally {
			database.stop();
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from kept")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
