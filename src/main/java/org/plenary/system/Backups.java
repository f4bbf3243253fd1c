package org.plenary.system;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Backs up the whole database (every table of the {@code public} schema, attachments
 * included) into one zip archive, and restores such an archive into an empty
 * installation.
 * <p>
 * The archive holds one entry per table, {@code tables/TABLE.pgcopy}, in PostgreSQL's
 * binary {@code COPY} format, and a {@code manifest.json} that names every table with its
 * columns, row count and SHA-256, every sequence's next value, and the Flyway schema
 * version. A backup reads one {@code REPEATABLE READ} snapshot, so it is consistent while
 * servers keep writing. A restore runs in one transaction: it changes everything or
 * nothing.
 */
@Component
class Backups {

	static final String FORMAT = "plenary-backup";

	static final int FORMAT_VERSION = 1;

	static final String MANIFEST = "manifest.json";

	/**
	 * Sign-in sessions are in the archive without their rows. A session id is a bearer
	 * secret stored as it is: an archive kept on a shared drive must not let its reader
	 * sign in as whoever was signed in. They last hours anyway, and hold serialized
	 * objects of the Plenary version that wrote them. After a restore, everyone signs in
	 * again.
	 */
	static final Set<String> ROWS_NOT_ARCHIVED = Set.of("accounts_session", "accounts_session_attributes");

	/** What migrations insert (the register of states, the audit chain's head). */
	private static boolean migrationData(String table) {
		return table.startsWith("states_") || table.equals("flyway_schema_history") || table.equals("audit_seal");
	}

	/**
	 * Written as a side effect of using an installation (signing in, calling the API),
	 * never worth keeping: they do not make an installation non-empty.
	 */
	private static final Set<String> TRANSIENT = Set.of("accounts_session", "accounts_session_attributes",
			"accounts_login_failure", "accounts_api_rate");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final DataSource dataSource;

	Backups(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The archive's table of contents. */
	record Manifest(String format, int formatVersion, String plenaryVersion, String schemaVersion, String createdAt,
			String postgresVersion, List<Table> tables, List<String> rowsNotArchived, List<Sequence> sequences) {
	}

	/**
	 * One table: its zip entry, columns ({@code name type}, in order), rows, and the size
	 * and SHA-256 of the entry's uncompressed bytes.
	 */
	record Table(String name, String entry, List<String> columns, long rows, long bytes, String sha256) {
	}

	/** A sequence and the value its next call returns (null when it was never called). */
	record Sequence(String name, String table, String column, Long next) {
	}

	record BackupSummary(Path file, Manifest manifest, long fileBytes, long millis) {

		long rows() {
			return this.manifest.tables().stream().mapToLong(Table::rows).sum();
		}

	}

	record RestoreSummary(Manifest manifest, long rows, long millis) {
	}

	/**
	 * The archive or the database is not what a restore needs; nothing was changed.
	 */
	static class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

		Refused(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * Writes an archive of the whole database to {@code file}, which must not exist yet.
	 * The archive is written beside it under a temporary name and renamed when complete,
	 * so {@code file} is either a whole archive or absent.
	 */
	BackupSummary backup(Path file) throws IOException, SQLException {
		long start = System.nanoTime();
		if (Files.exists(file)) {
			throw new Refused(file + " exists already: choose a new file name (a backup never overwrites a file)");
		}
		Path folder = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(folder)) {
			throw new Refused("No folder " + folder + " to write the backup in");
		}
		Path partial;
		try {
			// readable by its owner only: the archive holds password hashes
			partial = Files.createTempFile(folder, "." + file.getFileName() + ".", ".partial");
		}
		catch (IOException ex) {
			throw new Refused("Cannot write in " + folder + ": " + ex, ex);
		}
		try {
			Manifest manifest;
			try (Connection connection = this.dataSource.getConnection()) {
				manifest = backup(connection, partial);
			}
			try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				written.force(true);
			}
			move(partial, file);
			return new BackupSummary(file, manifest, Files.size(file), (System.nanoTime() - start) / 1_000_000);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			// a link, unlike a rename, never replaces a file that appeared meanwhile
			Files.createLink(to, from);
		}
		catch (FileAlreadyExistsException ex) {
			throw new Refused(to + " exists already: choose a new file name (a backup never overwrites a file)");
		}
		catch (UnsupportedOperationException | IOException ex) {
			Files.move(from, to);
		}
	}

	private Manifest backup(Connection connection, Path target) throws IOException, SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (OutputStream file = Files.newOutputStream(target);
				ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
			// one snapshot for every table: the archive is consistent while others write
			execute(connection, "set transaction isolation level repeatable read, read only");
			List<String> tables = tables(connection);
			// the time of the snapshot
			String createdAt = single(connection,
					"select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
			// no TRUNCATE or DDL may slip in between the snapshot and the copy of a table
			execute(connection, "lock table " + tables.stream().map(Backups::quote).collect(Collectors.joining(", "))
					+ " in access share mode");
			String schemaVersion = schemaVersion(connection);
			String postgresVersion = single(connection, "show server_version");
			List<Sequence> sequences = sequences(connection).stream()
				.map((s) -> new Sequence(s.name(), s.table(), s.column(),
						s.lastValue() == null ? null : s.lastValue() + s.increment()))
				.toList();
			// the fastest level: the voting history shrinks about 7:1 at it
			zip.setLevel(Deflater.BEST_SPEED);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<Table> archived = new ArrayList<>();
			for (String table : tables) {
				String entry = "tables/" + table + ".pgcopy";
				zip.putNextEntry(new ZipEntry(entry));
				DigestingOutputStream out = new DigestingOutputStream(zip);
				List<String> columns = columns(connection, table);
				String source = ROWS_NOT_ARCHIVED.contains(table)
						? "(select " + columnList(columns) + " from " + quote(table) + " limit 0)" : quote(table);
				long rows = copy.copyOut("copy " + source + " to stdout (format binary)", out);
				zip.closeEntry();
				archived.add(new Table(table, entry, columns, rows, out.count, out.hex()));
			}
			connection.commit();
			Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, plenaryVersion(), schemaVersion, createdAt,
					postgresVersion, archived, ROWS_NOT_ARCHIVED.stream().sorted().toList(), sequences);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(JSON.writeValueAsBytes(manifest));
			zip.closeEntry();
			zip.finish();
			return manifest;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Restores the archive into this database, which must be an empty installation at the
	 * archive's schema version: every table is replaced by the archive's rows, and every
	 * sequence continues after them. Refuses, changing nothing, anything else.
	 */
	RestoreSummary restore(Path file) throws IOException, SQLException {
		long start = System.nanoTime();
		try (ZipFile zip = open(file)) {
			Manifest manifest = manifest(zip, file);
			verify(zip, manifest, file);
			try (Connection connection = this.dataSource.getConnection()) {
				long rows = restore(connection, zip, manifest);
				// fresh tables have no statistics until autovacuum comes by
				execute(connection, "analyze "
						+ manifest.tables().stream().map((t) -> quote(t.name())).collect(Collectors.joining(", ")));
				return new RestoreSummary(manifest, rows, (System.nanoTime() - start) / 1_000_000);
			}
		}
	}

	private static ZipFile open(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new Refused("No file " + file);
		}
		try {
			return new ZipFile(file.toFile());
		}
		catch (ZipException ex) {
			throw new Refused(file + " is not a Plenary backup: it is not a complete zip archive (" + ex.getMessage()
					+ "); it may be truncated or damaged", ex);
		}
		catch (NoSuchFileException ex) {
			throw new Refused("No file " + file, ex);
		}
	}

	private static Manifest manifest(ZipFile zip, Path file) throws IOException {
		ZipEntry entry = zip.getEntry(MANIFEST);
		if (entry == null) {
			throw new Refused(file + " is not a Plenary backup: it has no " + MANIFEST);
		}
		Manifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = JSON.readValue(in, Manifest.class);
		}
		catch (JacksonException ex) {
			throw new Refused(file + " is not a Plenary backup, or it is damaged: its " + MANIFEST + " cannot be read ("
					+ ex.getOriginalMessage() + ")", ex);
		}
		catch (ZipException ex) {
			throw new Refused(file + " is damaged: its " + MANIFEST + " cannot be read (" + ex.getMessage() + ")", ex);
		}
		if (manifest == null || !FORMAT.equals(manifest.format())) {
			throw new Refused(file + " is not a Plenary backup: its " + MANIFEST + " is not one of Plenary's");
		}
		if (manifest.formatVersion() != FORMAT_VERSION) {
			throw new Refused(file + " is a Plenary backup of format " + manifest.formatVersion()
					+ ", which this version of Plenary does not read (it reads format " + FORMAT_VERSION + ")");
		}
		if (manifest.tables() == null || manifest.tables().isEmpty() || manifest.schemaVersion() == null) {
			throw new Refused(file + " is damaged: its " + MANIFEST + " lists no tables or no schema version");
		}
		return manifest;
	}

	/**
	 * Reads every entry once: all there, nothing more, each with its size and checksum.
	 */
	private static void verify(ZipFile zip, Manifest manifest, Path file) throws IOException {
		Set<String> expected = new TreeSet<>();
		expected.add(MANIFEST);
		for (Table table : manifest.tables()) {
			if (table.name() == null || table.entry() == null || table.sha256() == null || table.columns() == null) {
				throw new Refused(file + " is damaged: its " + MANIFEST + " has a table without a name, entry,"
						+ " columns or checksum");
			}
			if (!expected.add(table.entry())) {
				throw new Refused(file + " is damaged: its " + MANIFEST + " lists " + table.entry() + " twice");
			}
		}
		for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
			String name = entries.nextElement().getName();
			if (!expected.contains(name)) {
				throw new Refused(file + " is not a Plenary backup as written by Plenary: it holds " + name
						+ ", which its " + MANIFEST + " does not list");
			}
		}
		for (Table table : manifest.tables()) {
			ZipEntry entry = zip.getEntry(table.entry());
			if (entry == null) {
				throw new Refused(file + " is incomplete: it lacks " + table.entry() + " (table " + table.name() + ")");
			}
			try (DigestInputStream in = new DigestInputStream(zip.getInputStream(entry), sha256())) {
				long bytes = in.transferTo(OutputStream.nullOutputStream());
				check(table, bytes, HexFormat.of().formatHex(in.getMessageDigest().digest()), file);
			}
			catch (ZipException | java.io.EOFException ex) {
				throw new Refused(file + " is damaged: " + table.entry() + " cannot be read (" + ex.getMessage() + ")",
						ex);
			}
		}
	}

	private static void check(Table table, long bytes, String sha256, Path file) {
		if (bytes != table.bytes() || !sha256.equalsIgnoreCase(table.sha256())) {
			throw new Refused(file + " is damaged or was altered: the checksum of " + table.entry() + " (table "
					+ table.name() + ") does not match its " + MANIFEST);
		}
	}

	private long restore(Connection connection, ZipFile zip, Manifest manifest) throws IOException, SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			List<String> tables = tables(connection);
			String version = schemaVersion(connection);
			if (!manifest.schemaVersion().equals(version)) {
				throw new Refused("The archive is of database schema version " + manifest.schemaVersion()
						+ (manifest.plenaryVersion() == null ? "" : " (Plenary " + manifest.plenaryVersion() + ")")
						+ ", this installation is at version " + version
						+ ": restore it with the Plenary version that wrote it, into a new data folder");
			}
			compareTables(connection, manifest, tables);
			// nobody writes between the check below and the end of the restore
			execute(connection, "lock table " + tables.stream().map(Backups::quote).collect(Collectors.joining(", "))
					+ " in access exclusive mode");
			checkEmpty(connection, tables);
			boolean superuser = "on".equals(single(connection, "show is_superuser"));
			List<String> order = loadOrder(connection, tables, superuser);
			// No trigger may fire while loading: the audit trail is restored as it
			// was, not written again, and it refuses TRUNCATE. A superuser turns off
			// the foreign key checks too (the archive is one consistent snapshot);
			// SET LOCAL ends with the transaction. An owner disables its tables' own
			// triggers (ALTER TABLE is transactional as well), and the tables load in
			// dependency order.
			List<String> triggered = superuser ? List.of() : tablesWithTriggers(connection);
			if (superuser) {
				execute(connection, "set local session_replication_role = replica");
			}
			for (String table : triggered) {
				execute(connection, "alter table " + quote(table) + " disable trigger user");
			}
			// COPY FROM refuses a table whose row-level security applies to the loader
			// (an
			// owner of tables with forced policies, ADR 0011): lifted for the restore
			// only
			List<String> forced = superuser ? List.of() : tablesWithForcedPolicies(connection);
			for (String table : forced) {
				execute(connection, "alter table " + quote(table) + " no force row level security");
			}
			execute(connection, "truncate " + tables.stream().map(Backups::quote).collect(Collectors.joining(", ")));
			Map<String, Table> byName = manifest.tables()
				.stream()
				.collect(Collectors.toMap(Table::name, (t) -> t, (a, b) -> a, LinkedHashMap::new));
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long total = 0;
			for (String name : order) {
				Table table = byName.get(name);
				try (DigestInputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(table.entry())),
						sha256())) {
					// FREEZE: the table was emptied in this transaction, so its rows
					// can be written frozen (no anti-wraparound vacuum of them later)
					long rows = copy.copyIn("copy " + quote(name) + " from stdin (format binary, freeze true)", in,
							1 << 16);
					// checked before; this guards against a file changed since
					if (in.read() != -1 || rows != table.rows()) {
						throw new Refused("The archive changed while it was restored: " + table.entry()
								+ " no longer matches its " + MANIFEST);
					}
					String sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
					if (!sha256.equalsIgnoreCase(table.sha256())) {
						throw new Refused("The archive changed while it was restored: the checksum of " + table.entry()
								+ " no longer matches its " + MANIFEST);
					}
					total += rows;
				}
			}
			restoreSequences(connection, manifest);
			if (superuser) {
				execute(connection, "set local session_replication_role = origin");
			}
			if (!triggered.isEmpty()) {
				// deferred foreign key checks now: no ALTER TABLE while any is pending
				execute(connection, "set constraints all immediate");
			}
			for (String table : triggered) {
				execute(connection, "alter table " + quote(table) + " enable trigger user");
			}
			for (String table : forced) {
				execute(connection, "alter table " + quote(table) + " force row level security");
			}
			connection.commit();
			return total;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static void compareTables(Connection connection, Manifest manifest, List<String> tables)
			throws SQLException {
		Set<String> archived = manifest.tables().stream().map(Table::name).collect(Collectors.toSet());
		List<String> missing = tables.stream().filter((t) -> !archived.contains(t)).sorted().toList();
		List<String> unknown = archived.stream().filter((t) -> !tables.contains(t)).sorted().toList();
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw new Refused("The archive's tables are not this database's, though the schema version is the same"
					+ (missing.isEmpty() ? "" : "; not in the archive: " + String.join(", ", missing))
					+ (unknown.isEmpty() ? "" : "; not in this database: " + String.join(", ", unknown)));
		}
		for (Table table : manifest.tables()) {
			List<String> columns = columns(connection, table.name());
			if (!columns.equals(table.columns())) {
				throw new Refused("Table " + table.name() + " has other columns in the archive " + table.columns()
						+ " than in this database " + columns);
			}
		}
	}

	/**
	 * An empty installation: migrated, holding only what migrations insert and at most
	 * the first administrator (created by the first process that starts on it).
	 */
	private static void checkEmpty(Connection connection, List<String> tables) throws SQLException {
		List<String> holding = new ArrayList<>();
		for (String table : tables) {
			if (migrationData(table) || TRANSIENT.contains(table)) {
				continue;
			}
			String sql = "select count(*) from (select 1 from " + quote(table) + " limit 1000) t";
			if (table.equals("audit_event")) {
				// the trail of an empty installation tells only how its first
				// administrator came, and what migrations wrote to the register of
				// states (a state added after the trail began, V45)
				sql = "select count(*) from (select 1 from audit_event where table_name is distinct from"
						+ " 'accounts_organisation' and table_name is distinct from 'accounts_user'"
						+ " and table_name not like 'states\\_%' limit 1000) t";
			}
			long rows = Long.parseLong(single(connection, sql));
			boolean firstAdministrator = switch (table) {
				case "accounts_organisation" -> rows <= 1;
				case "accounts_user" -> rows == 0
						|| (rows == 1 && "ADMINISTRATOR".equals(single(connection, "select role from accounts_user")));
				default -> rows == 0;
			};
			if (!firstAdministrator) {
				holding.add(table + " (" + (rows == 1000 ? "1,000 or more" : rows) + (rows == 1 ? " row)" : " rows)"));
			}
		}
		if (!holding.isEmpty()) {
			throw new Refused("This installation is not empty, and a restore would replace its data: it holds "
					+ String.join(", ", holding) + ". Restore into a new data folder (PLENARY_DATA_DIR)"
					+ " or a new database; nothing was changed");
		}
	}

	/**
	 * Referenced tables before the tables that reference them, so that the load passes
	 * the foreign key checks when they cannot be turned off (not a superuser).
	 */
	private static List<String> loadOrder(Connection connection, List<String> tables, boolean superuser)
			throws SQLException {
		Map<String, Set<String>> references = new TreeMap<>();
		tables.forEach((t) -> references.put(t, new TreeSet<>()));
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select t.relname, r.relname from pg_constraint c
				join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
				where c.contype = 'f' and c.conrelid <> c.confrelid
				and t.relnamespace = 'public'::regnamespace and r.relnamespace = 'public'::regnamespace
				""")) {
			while (rs.next()) {
				String table = rs.getString(1);
				String referenced = rs.getString(2);
				if (references.containsKey(table) && references.containsKey(referenced)) {
					references.get(table).add(referenced);
				}
			}
		}
		List<String> order = new ArrayList<>();
		Set<String> placed = new TreeSet<>();
		while (order.size() < tables.size()) {
			boolean progress = false;
			for (Map.Entry<String, Set<String>> table : references.entrySet()) {
				if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
					order.add(table.getKey());
					placed.add(table.getKey());
					progress = true;
				}
			}
			if (!progress) {
				List<String> cycle = tables.stream().filter((t) -> !placed.contains(t)).toList();
				if (!superuser) {
					throw new Refused("The tables " + cycle + " reference each other, and only a superuser can"
							+ " load them with their foreign key checks turned off");
				}
				order.addAll(cycle);
				placed.addAll(cycle);
			}
		}
		return order;
	}

	private static void restoreSequences(Connection connection, Manifest manifest) throws SQLException {
		Map<String, Long> archived = new TreeMap<>();
		if (manifest.sequences() != null) {
			manifest.sequences()
				.stream()
				.filter((s) -> s.next() != null)
				.forEach((s) -> archived.put(s.name(), s.next()));
		}
		for (SequenceState sequence : sequences(connection)) {
			long next = sequence.minValue();
			if (archived.containsKey(sequence.name())) {
				next = Math.max(next, archived.get(sequence.name()));
			}
			if (sequence.table() != null) {
				// never behind the rows, whatever the archive says
				String max = single(connection,
						"select max(" + quote(sequence.column()) + ") from " + quote(sequence.table()));
				if (max != null) {
					next = Math.max(next, Long.parseLong(max) + 1);
				}
			}
			// as the source had it: called up to the value before next, or never called
			boolean called = next - sequence.increment() >= sequence.minValue();
			try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
				setval.setString(1, quote(sequence.name()));
				setval.setLong(2, called ? next - sequence.increment() : next);
				setval.setBoolean(3, called);
				setval.execute();
			}
		}
	}

	private record SequenceState(String name, String table, String column, Long lastValue, long increment,
			long minValue) {
	}

	/** The sequences of the public schema, with the column that owns each (if any). */
	private static List<SequenceState> sequences(Connection connection) throws SQLException {
		List<SequenceState> sequences = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select s.sequencename, t.relname, a.attname, s.last_value, s.increment_by, s.min_value
				from pg_sequences s
				join pg_class sc on sc.relname = s.sequencename and sc.relnamespace = 'public'::regnamespace
				left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = sc.oid
				 and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
				left join pg_class t on t.oid = d.refobjid
				left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
				where s.schemaname = 'public'
				order by s.sequencename
				""")) {
			while (rs.next()) {
				long last = rs.getLong(4);
				Long lastValue = rs.wasNull() ? null : last;
				sequences.add(new SequenceState(rs.getString(1), rs.getString(2), rs.getString(3), lastValue,
						rs.getLong(5), rs.getLong(6)));
			}
		}
		return sequences;
	}

	private static List<String> tablesWithForcedPolicies(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select relname from pg_class
				where relforcerowsecurity and relnamespace = 'public'::regnamespace and relkind = 'r' order by 1
				""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static List<String> tablesWithTriggers(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
				where not t.tgisinternal and c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
				order by 1
				""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	/** The ordinary tables of the public schema, by name. */
	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select relname from pg_class
				where relnamespace = 'public'::regnamespace and relkind = 'r'
				order by relname collate "C"
				""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	/** The columns that COPY writes and reads (all but generated ones), in order. */
	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select attname, format_type(atttypid, atttypmod) from pg_attribute
				where attrelid = ?::regclass and attnum > 0 and not attisdropped and attgenerated = ''
				order by attnum
				""")) {
			statement.setString(1, quote(table));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1) + " " + rs.getString(2));
				}
			}
		}
		return columns;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try {
			String version = single(connection, """
					select version from flyway_schema_history
					where success and version is not null order by installed_rank desc limit 1
					""");
			if (version == null) {
				throw new Refused("The database has no applied migration: it is not a Plenary database");
			}
			return version;
		}
		catch (SQLException ex) {
			if ("42P01".equals(ex.getSQLState())) {
				throw new Refused("The database has no flyway_schema_history: it is not a Plenary database", ex);
			}
			throw ex;
		}
	}

	/** The version in the jar's manifest, or null when run from classes (tests). */
	private static String plenaryVersion() {
		return Backups.class.getPackage().getImplementationVersion();
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String columnList(List<String> columns) {
		// "name type": the name is the first word (Plenary's column names have no spaces)
		return columns.stream().map((c) -> quote(c.substring(0, c.indexOf(' ')))).collect(Collectors.joining(", "));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts and digests what passes through, and leaves the zip stream open. */
	private static final class DigestingOutputStream extends FilterOutputStream {

		private final MessageDigest digest = sha256();

		private long count;

		DigestingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.digest.update((byte) b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.digest.update(b, off, len);
			this.count += len;
		}

		@Override
		public void close() {
			// the zip entry is closed by its owner
		}

		String hex() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

}
