package org.plenary.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the shared test database restored into new databases on the same server,
 * migrated as the application migrates: the same tables with the same rows, as a
 * superuser (foreign key checks off) and as a plain owner (tables in dependency order).
 * Damaged archives and non-empty installations are refused with nothing changed, and a
 * backup taken while another connection writes is one consistent snapshot.
 */
@SpringBootTest
class BackupRestoreTests {

	private static final String OWNER = "plenary_restore_owner";

	private static final String OWNER_PASSWORD = "restore-owner-" + UUID.randomUUID();

	@Autowired
	Backups backups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Value("${spring.flyway.locations}")
	String[] migrations;

	@TempDir
	Path folder;

	private final List<String> created = new ArrayList<>();

	private static String template;

	@AfterAll
	static void dropTemplate() throws SQLException {
		if (template != null) {
			try (Connection admin = connect("postgres", null); Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + template + " with (force)");
			}
			template = null;
		}
	}

	private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private Connection sealerPaused;

	/**
	 * The audit sealer of every test context seals new rows of the shared database every
	 * few seconds: it must not change the source between its backup and the comparison.
	 * It skips its turn while this lock (its own) is held.
	 */
	@BeforeEach
	void pauseTheAuditSealer() throws SQLException {
		this.sealerPaused = this.dataSource.getConnection();
		try (Statement statement = this.sealerPaused.createStatement()) {
			statement.execute("select pg_advisory_lock(" + 0x41756469 + ", 1)");
		}
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		try (Statement statement = this.sealerPaused.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + 0x41756469 + ", 1)");
		}
		this.sealerPaused.close();
		try (Connection admin = connect("postgres", null); Statement statement = admin.createStatement()) {
			for (String database : this.created) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	@Test
	void restoresEveryTableIdenticallyIntoAFreshInstallation() throws Exception {
		byte[] content = fill();
		Path archive = this.folder.resolve("plenary.zip");
		Backups.BackupSummary summary = this.backups.backup(archive);
		assertThat(summary.manifest().schemaVersion()).isEqualTo(latestMigration(this.jdbc));
		assertThat(summary.manifest().tables()).extracting(Backups.Table::name)
			.containsExactlyElementsOf(tables(this.jdbc))
			.contains("outreach_attachment", "history_vote", "flyway_schema_history");

		// as the superuser (foreign key checks off), beside the first administrator
		DataSource target = migratedDatabase("restore_" + this.run, null);
		JdbcClient restored = JdbcClient.create(target);
		firstAdministrator(restored);
		Backups.RestoreSummary result = new Backups(target).restore(archive);
		assertThat(result.rows()).isEqualTo(summary.rows());
		assertSameContent(restored);
		assertThat(restored.sql("select content from outreach_attachment where file_name = ?")
			.param("backup-" + this.run + ".bin")
			.query(byte[].class)
			.single()).isEqualTo(content);

		// sequences go on after the archive's values, never reusing an id
		long next = summary.manifest()
			.sequences()
			.stream()
			.filter((s) -> s.name().equals("campaigns_campaign_id_seq"))
			.findFirst()
			.orElseThrow()
			.next();
		long id = restored.sql("""
				insert into campaigns_campaign (title, body, rule, ask, created_by)
				values ('after the restore', 'GA_PLENARY', 'SIMPLE_MAJORITY', 'YES', 'test') returning id
				""").query(Long.class).single();
		assertThat(id).isEqualTo(next)
			.isGreaterThan(this.jdbc.sql("select max(id) from campaigns_campaign").query(Long.class).single());

		// as a plain owner: tables in dependency order, foreign keys checked
		DataSource owned = migratedDatabase("restore_owner_" + this.run, OWNER);
		new Backups(owned).restore(archive);
		assertSameContent(JdbcClient.create(owned));

		// a backup of the restored database is the same archive, byte for byte
		Backups.BackupSummary again = new Backups(owned).backup(this.folder.resolve("again.zip"));
		assertThat(again.manifest().tables()).extracting(Backups.Table::sha256)
			.containsExactlyElementsOf(summary.manifest().tables().stream().map(Backups.Table::sha256).toList());
		assertThat(again.manifest().sequences()).isEqualTo(summary.manifest().sequences());
	}

	@Test
	void refusesAnInstallationThatHoldsDataAndChangesNothing() throws Exception {
		fill();
		Path archive = this.folder.resolve("plenary.zip");
		this.backups.backup(archive);
		DataSource target = migratedDatabase("busy_" + this.run, null);
		JdbcClient busy = JdbcClient.create(target);
		firstAdministrator(busy);
		busy.sql("""
				insert into campaigns_campaign (title, body, rule, ask, created_by)
				values ('Kept', 'GA_PLENARY', 'SIMPLE_MAJORITY', 'YES', 'test')
				""").update();
		Map<String, String> before = fingerprints(busy);
		assertThatThrownBy(() -> new Backups(target).restore(archive)).isInstanceOf(Backups.Refused.class)
			.hasMessageContaining("not empty")
			.hasMessageContaining("campaigns_campaign (1 row)");
		assertThat(fingerprints(busy)).isEqualTo(before);

		busy.sql("delete from campaigns_campaign").update();
		busy.sql("""
				insert into accounts_user (username, display_name, organisation_id, role, password_hash)
				select 'second', 'Second', id, 'VIEWER', 'x' from accounts_organisation
				""").update();
		assertThatThrownBy(() -> new Backups(target).restore(archive)).isInstanceOf(Backups.Refused.class)
			.hasMessageContaining("accounts_user (2 rows)");
	}

	@Test
	void refusesDamagedOrForeignArchivesAndChangesNothing() throws Exception {
		fill();
		Path archive = this.folder.resolve("plenary.zip");
		this.backups.backup(archive);
		DataSource target = migratedDatabase("damaged_" + this.run, null);
		JdbcClient empty = JdbcClient.create(target);
		Backups restore = new Backups(target);
		Map<String, String> before = fingerprints(empty);
		byte[] bytes = Files.readAllBytes(archive);

		Path truncated = write("truncated.zip", java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
		assertRefused(restore, truncated, "not a complete zip archive", "truncated");
		Path text = write("notes.zip", "just some notes\n".getBytes(StandardCharsets.UTF_8));
		assertRefused(restore, text, "not a Plenary backup");
		Path other = rewrite(archive, "other.zip", (name) -> name.equals(Backups.MANIFEST) ? null : name, null);
		assertRefused(restore, other, "not a Plenary backup", "no manifest.json");
		Path badChecksum = rewrite(archive, "checksum.zip", UnaryOperator.identity(),
				(manifest) -> manifest.replaceFirst("(\"sha256\"\\s*:\\s*\")[0-9a-f]{64}", "$1" + "0".repeat(64)));
		assertRefused(restore, badChecksum, "damaged or was altered", "does not match");
		Path otherVersion = rewrite(archive, "version.zip", UnaryOperator.identity(),
				(manifest) -> manifest.replaceFirst("(\"schemaVersion\"\\s*:\\s*\")[^\"]*", "$19999"));
		assertRefused(restore, otherVersion, "schema version 9999", "this installation is at version");
		byte[] flipped = bytes.clone();
		for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
			flipped[i] ^= 0x5a;
		}
		assertRefused(restore, write("flipped.zip", flipped), "damaged");

		assertThat(fingerprints(empty)).isEqualTo(before);
		assertThat(new RestoreCommand(restore).run(List.of(truncated.toString()),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.isEqualTo(1);
		// the intact archive then restores
		restore.restore(archive);
		assertThat(empty.sql("select count(*) from outreach_attachment").query(Long.class).single()).isPositive();
	}

	@Test
	void aBackupTakenWhileAnotherConnectionWritesIsOneSnapshot() throws Exception {
		fill();
		String prefix = "writer-" + this.run + "-";
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger written = new AtomicInteger();
		// each transaction adds an organisation and a person of it: tables far apart in
		// the archive, so a backup that is not one snapshot would catch one alone
		Thread writer = Thread.ofPlatform().start(() -> {
			while (!stop.get()) {
				try (Connection connection = this.dataSource.getConnection();
						java.sql.PreparedStatement insert = connection.prepareStatement(
								"""
										with o as (insert into accounts_organisation (name) values (?) returning id)
										insert into outreach_person (name, organisation_id, level) select ?, id, 'DESK_OFFICER' from o
										""")) {
					connection.setAutoCommit(false);
					insert.setString(1, prefix + written.get());
					insert.setString(2, prefix + written.get());
					insert.executeUpdate();
					connection.commit();
					written.incrementAndGet();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		try {
			while (written.get() < 20) {
				Thread.sleep(5);
			}
			int atStart = written.get();
			Backups.BackupSummary summary = this.backups.backup(this.folder.resolve("busy.zip"));
			int atEnd = written.get();
			assertThat(atEnd).as("the writer wrote during the backup").isGreaterThan(atStart);

			DataSource target = migratedDatabase("snapshot_" + this.run, null);
			new Backups(target).restore(summary.file());
			JdbcClient restored = JdbcClient.create(target);
			long organisations = restored.sql("select count(*) from accounts_organisation where name like ?")
				.param(prefix + "%")
				.query(Long.class)
				.single();
			long people = restored.sql("""
					select count(*) from outreach_person p join accounts_organisation o on o.id = p.organisation_id
					where p.name like ? and o.name = p.name
					""").param(prefix + "%").query(Long.class).single();
			// (a commit is counted just after it: one more may be in the snapshot)
			assertThat(organisations).isBetween((long) atStart, atEnd + 1L);
			assertThat(people).isEqualTo(organisations);
			for (Backups.Table table : summary.manifest().tables()) {
				assertThat(
						restored.sql("select count(*) from " + Backups.quote(table.name())).query(Long.class).single())
					.as(table.name())
					.isEqualTo(table.rows());
			}
		}
		finally {
			stop.set(true);
			writer.join();
		}
	}

	/** Rows of every kind, with the awkward values: bytes 0-255, tabs, quotes, nulls. */
	private byte[] fill() {
		byte[] content = new byte[3 * 1024 * 1024];
		new Random(7).nextBytes(content);
		for (int i = 0; i < 256; i++) {
			content[i] = (byte) i;
		}
		long campaign = this.jdbc.sql("""
				insert into campaigns_campaign (title, body, rule, ask, created_by, goal_text)
				values (?, 'GA_PLENARY', 'SIMPLE_MAJORITY', 'YES', 'backup test', null) returning id
				""")
			.param("Backup " + this.run + ": tab\t, newline\n, backslash \\, quote ' \", vote \uD83D\uDDF3")
			.query(Long.class)
			.single();
		long contact = this.jdbc.sql("""
				insert into outreach_contact (campaign_id, occurred_at, channel, said, logged_by)
				values (?, now(), 'MEETING', 'Said: \\N is not null', 'backup test') returning id
				""").param(campaign).query(Long.class).single();
		this.jdbc
			.sql("""
					insert into outreach_attachment (contact_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
					values (?, ?, 'application/octet-stream', ?, 'not checked here', ?, 'backup test')
					""")
			.params(contact, "backup-" + this.run + ".bin", content.length, content)
			.update();
		long rollCall = this.jdbc.sql("""
				insert into history_roll_call (match_key, body, vote_date, kind, title)
				values (?, 'GA_PLENARY', date '2031-05-01', 'RESOLUTION', 'Backup test') returning id
				""").param("BACKUP-" + this.run).query(Long.class).single();
		this.jdbc.sql("""
				insert into history_vote (roll_call_id, iso3, vote)
				select ?, iso3, 'Y' from states_state where status = 'MEMBER' limit 50
				""").param(rollCall).update();
		return content;
	}

	private void assertSameContent(JdbcClient restored) {
		assertThat(tables(restored)).isEqualTo(tables(this.jdbc));
		Map<String, String> source = fingerprints(this.jdbc);
		Backups.ROWS_NOT_ARCHIVED.forEach(source::remove);
		Map<String, String> target = fingerprints(restored);
		for (String table : Backups.ROWS_NOT_ARCHIVED) {
			assertThat(target.remove(table)).as(table).isEqualTo("0 ");
		}
		assertThat(target).isEqualTo(source);
	}

	/** Each table's row count and the MD5 of its rows as text, in a fixed order. */
	private static Map<String, String> fingerprints(JdbcClient jdbc) {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		for (String table : tables(jdbc)) {
			fingerprints.put(table,
					jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by"
							+ " t::text collate \"C\")), '') from " + Backups.quote(table) + " t")
						.query(String.class)
						.single());
		}
		return fingerprints;
	}

	private static List<String> tables(JdbcClient jdbc) {
		return jdbc
			.sql("select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'"
					+ " order by relname collate \"C\"")
			.query(String.class)
			.list();
	}

	private static String latestMigration(JdbcClient jdbc) {
		return jdbc
			.sql("select version from flyway_schema_history where success and version is not null"
					+ " order by installed_rank desc limit 1")
			.query(String.class)
			.single();
	}

	/** What the first start of an installation creates. */
	private static void firstAdministrator(JdbcClient jdbc) {
		jdbc.sql("insert into accounts_organisation (name) values ('Plenary administrators')").update();
		jdbc.sql("""
				insert into accounts_user (username, display_name, organisation_id, role, password_hash)
				select 'admin', 'Administrator', id, 'ADMINISTRATOR', 'x' from accounts_organisation
				""").update();
	}

	/**
	 * A new database on the test server, migrated as the application migrates, owned by
	 * {@code owner} (a plain role) or by the test's user when null. The test user's are
	 * copies of one migrated template, which saves a migration each.
	 */
	private DataSource migratedDatabase(String name, String owner) throws SQLException {
		String user = owner == null ? TestDatabase.server().user() : owner;
		String password = owner == null ? TestDatabase.server().password() : OWNER_PASSWORD;
		try (Connection admin = connect("postgres", null); Statement statement = admin.createStatement()) {
			if (owner != null) {
				// a password even where the server trusts: the embedded one asks for it
				statement.execute("do $$ begin create role " + owner + " login nosuperuser;"
						+ " exception when duplicate_object then null; end $$");
				statement.execute("alter role " + owner + " password '" + OWNER_PASSWORD + "'");
			}
			else if (template == null) {
				String migrated = "backup_template_" + this.run;
				statement.execute("create database " + migrated);
				Flyway.configure()
					.dataSource(url(migrated), user, password)
					.locations(this.migrations)
					.load()
					.migrate();
				template = migrated;
			}
			statement.execute("drop database if exists " + name + " with (force)");
			statement
				.execute("create database " + name + (owner == null ? " template " + template : " owner " + owner));
			this.created.add(name);
		}
		if (owner != null) {
			Flyway.configure().dataSource(url(name), user, password).locations(this.migrations).load().migrate();
		}
		DriverManagerDataSource target = new DriverManagerDataSource(url(name));
		target.setUsername(user);
		target.setPassword(password);
		return target;
	}

	private static Connection connect(String database, String user) throws SQLException {
		DatabaseServer server = TestDatabase.server();
		Properties properties = new Properties();
		String name = user == null ? server.user() : user;
		if (name != null && !name.isEmpty()) {
			properties.setProperty("user", name);
		}
		if (user == null && server.password() != null && !server.password().isEmpty()) {
			properties.setProperty("password", server.password());
		}
		return DriverManager.getConnection(url(database), properties);
	}

	private static String url(String database) {
		return TestDatabase.server().jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
	}

	private static void assertRefused(Backups restore, Path file, String... phrases) {
		assertThatThrownBy(() -> restore.restore(file)).isInstanceOf(Backups.Refused.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(phrases));
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(this.folder.resolve(name), bytes);
	}

	/**
	 * A copy of the archive with entries renamed or left out (the function returns null)
	 * and the manifest's text changed.
	 */
	private Path rewrite(Path archive, String name, UnaryOperator<String> entries, UnaryOperator<String> manifest)
			throws IOException {
		Path copy = this.folder.resolve(name);
		try (ZipFile zip = new ZipFile(archive.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
				ZipEntry entry = all.nextElement();
				String renamed = entries.apply(entry.getName());
				if (renamed == null) {
					continue;
				}
				out.putNextEntry(new ZipEntry(renamed));
				try (InputStream in = zip.getInputStream(entry)) {
					if (entry.getName().equals(Backups.MANIFEST) && manifest != null) {
						String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
						String changed = manifest.apply(text);
						assertThat(changed).isNotEqualTo(text);
						out.write(changed.getBytes(StandardCharsets.UTF_8));
					}
					else {
						in.transferTo(out);
					}
				}
				out.closeEntry();
			}
		}
		return copy;
	}

}
