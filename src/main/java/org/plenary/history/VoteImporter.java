package org.plenary.history;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.plenary.states.StateNameResolver;
import org.plenary.system.DatabaseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports roll calls from the UN's datasets. Each file (a Voeten pair counts as one) is
 * one transaction: everything is staged with {@code COPY}, checked, then merged with what
 * is stored, or nothing is written at all. Importing the same file again changes nothing;
 * the same vote from another dataset is stored once, and where the datasets disagree the
 * stored votes stay and the disagreement is reported. Imports run one at a time (an
 * advisory lock), whichever instance runs them.
 */
@Service
public class VoteImporter {

	private static final Logger log = LoggerFactory.getLogger(VoteImporter.class);

	private final DatabaseServer database;

	private final JdbcClient jdbc;

	private final StateNameResolver resolver;

	private final JsonMapper json;

	VoteImporter(DatabaseServer database, JdbcClient jdbc, StateNameResolver resolver, JsonMapper json) {
		this.database = database;
		this.jdbc = jdbc;
		this.resolver = resolver;
		this.json = json;
	}

	/**
	 * How to import.
	 *
	 * @param strict refuse a file whose data has defects (totals that disagree, states
	 * listed twice), not only one with errors
	 * @param startedBy who asked, for the import's record
	 */
	public record Options(boolean strict, String startedBy) {
	}

	/** Told every half second while an import runs. */
	public interface Progress {

		void update(long importId, String file, long bytesRead, long bytesTotal, long rowsRead);

		Progress NONE = (id, file, bytes, total, rows) -> {
		};

	}

	/**
	 * Imports files in the order given; a Voeten votes file is paired with its roll calls
	 * file.
	 */
	public List<ImportReport> importFiles(List<Path> files, Options options, Progress progress) {
		List<ImportReport> reports = new ArrayList<>();
		Map<Path, VoteFormat> formats = new LinkedHashMap<>();
		// names mapped since the last import, here or on another instance, count
		this.resolver.refresh();
		for (Path file : files) {
			try (VoteFile opened = VoteFile.open(file)) {
				formats.put(file, VoteFormat.detect(opened, (name) -> !this.resolver.lookup(name).names().isEmpty()));
			}
			catch (ImportException ex) {
				reports.add(failed(newImport(file.getFileName().toString(), null, options), file, null, ex.located()));
			}
			catch (IOException ex) {
				reports
					.add(failed(newImport(file.getFileName().toString(), null, options), file, null, readProblem(ex)));
			}
		}
		Path voetenVotes = find(formats, VoteFormat.VOETEN_VOTES);
		Path voetenRollCalls = find(formats, VoteFormat.VOETEN_ROLL_CALLS);
		for (Map.Entry<Path, VoteFormat> entry : formats.entrySet()) {
			Path file = entry.getKey();
			VoteFormat format = entry.getValue();
			if (format == VoteFormat.VOETEN_ROLL_CALLS && voetenVotes != null) {
				continue; // imported with its votes
			}
			if (format == VoteFormat.VOETEN_VOTES || format == VoteFormat.VOETEN_ROLL_CALLS) {
				Path partner = (format == VoteFormat.VOETEN_VOTES) ? voetenRollCalls : voetenVotes;
				if (partner == null) {
					String missing = (format == VoteFormat.VOETEN_VOTES) ? "un_roll_calls.csv" : "un_votes.csv";
					reports.add(failed(newImport(file.getFileName().toString(), format, options), file, format,
							"Voeten's data comes in two files: import this one together with " + missing));
					continue;
				}
				reports
					.add(importUnit(List.of(voetenRollCalls, voetenVotes), VoteFormat.VOETEN_VOTES, options, progress));
			}
			else {
				reports.add(importUnit(List.of(file), format, options, progress));
			}
		}
		return reports;
	}

	private static Path find(Map<Path, VoteFormat> formats, VoteFormat wanted) {
		return formats.entrySet()
			.stream()
			.filter((e) -> e.getValue() == wanted)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private ImportReport importUnit(List<Path> files, VoteFormat format, Options options, Progress progress) {
		String name = String.join(" + ", files.stream().map((f) -> f.getFileName().toString()).toList());
		long importId = newImport(name, format, options);
		long started = System.nanoTime();
		AtomicLong rows = new AtomicLong();
		List<VoteFile> opened = new ArrayList<>();
		Thread reporter = null;
		try (Connection connection = importConnection()) {
			connection.setAutoCommit(false);
			try {
				for (Path file : files) {
					opened.add(VoteFile.open(file));
				}
				long total = opened.stream().mapToLong(VoteFile::size).sum();
				reporter = Thread.ofVirtual()
					.start(() -> reportProgress(importId, name, opened, total, rows, progress));
				lock(connection);
				Staging staging = new Staging(connection, this.resolver);
				read(format, opened, staging, rows);
				staging.finish();
				List<ImportReport.UnknownName> unknown = staging.unresolved().isEmpty() ? List.of()
						: new UnknownNames(connection, this.resolver).describe(staging);
				Merge merge = new Merge(connection, options.strict());
				ImportReport report = merge.run(importId, name, format.label(), rows.get(), staging, unknown,
						millisSince(started));
				if (report.succeeded()) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
				return finish(report);
			}
			catch (ImportException ex) {
				connection.rollback();
				return finish(report(importId, name, format, rows.get(), List.of(ex.located()), 1, started));
			}
			catch (IOException ex) {
				connection.rollback();
				return finish(report(importId, name, format, rows.get(), List.of(readProblem(ex)), 1, started));
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				log.error("Import of {} failed", name, ex);
				return finish(report(importId, name, format, rows.get(),
						List.of("the import failed on the server (the log says why, under import " + importId
								+ "); nothing of the file was imported"),
						1, started));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No database connection for the import", ex);
		}
		finally {
			if (reporter != null) {
				reporter.interrupt();
			}
			for (VoteFile file : opened) {
				try {
					file.close();
				}
				catch (IOException ex) {
					// read-only input
				}
			}
		}
	}

	private void read(VoteFormat format, List<VoteFile> files, Staging staging, AtomicLong rows)
			throws IOException, SQLException {
		VoteReaders readers = new VoteReaders(staging, rows);
		try {
			switch (format) {
				case UNDL -> readers.undl(files.get(0));
				case UN_RESOLUTIONS -> readers.resolutions(files.get(0), this.json);
				case PLAIN -> readers.plain(files.get(0));
				case WIDE -> readers.wide(files.get(0));
				case VOETEN_VOTES, VOETEN_ROLL_CALLS -> readers.voeten(files.get(0), files.get(1));
			}
		}
		catch (IOException | RuntimeException ex) {
			staging.abandon();
			throw ex;
		}
	}

	/**
	 * A connection of its own rather than one from the pool: an import stages a million
	 * rows in temporary tables, which want more session memory than PostgreSQL's defaults
	 * (and temp_buffers can only be set before a session first touches a temporary
	 * table).
	 */
	private Connection importConnection() throws SQLException {
		return this.database.openConnection("plenary import",
				"-c temp_buffers=256MB -c work_mem=256MB -c maintenance_work_mem=256MB");
	}

	/**
	 * Imports run one at a time across all instances: they merge into the same tables.
	 */
	private static void lock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_xact_lock(hashtext('plenary.history.import'))");
		}
	}

	private void reportProgress(long importId, String name, List<VoteFile> files, long total, AtomicLong rows,
			Progress progress) {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(500);
				long bytes = files.stream().mapToLong(VoteFile::bytesRead).sum();
				progress.update(importId, name, bytes, total, rows.get());
				this.jdbc.sql("update history_import set bytes_read = ?, bytes_total = ?, rows_read = ? where id = ?")
					.params(bytes, total, rows.get(), importId)
					.update();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.debug("Progress of import {} not recorded", importId, ex);
		}
	}

	private long newImport(String name, VoteFormat format, Options options) {
		return this.jdbc.sql("""
				insert into history_import (file_name, format, status, started_by) values (?, ?, 'RUNNING', ?)
				returning id
				""")
			.params(name, format == null ? null : format.label(), options.startedBy())
			.query(Long.class)
			.single();
	}

	private ImportReport failed(long importId, Path file, VoteFormat format, String error) {
		return finish(new ImportReport(importId, file.getFileName().toString(),
				format == null ? "unknown" : format.label(), "FAILED", 0, 0, 0, 0, 0, 0, 0, List.of(error), 1,
				List.of(), List.of(), 0, List.of(fileProblem(error)), Map.of("FILE", 1), List.of()));
	}

	private static ImportReport report(long importId, String name, VoteFormat format, long rows, List<String> errors,
			int errorCount, long started) {
		return new ImportReport(importId, name, format.label(), "FAILED", rows, 0, 0, 0, 0, 0, 0, errors, errorCount,
				List.of(), List.of(), millisSince(started), errors.stream().map(VoteImporter::fileProblem).toList(),
				Map.of("FILE", errors.size()), List.of());
	}

	/** A problem with the file itself: it stops the reading at once. */
	private static ImportReport.Problem fileProblem(String error) {
		java.util.regex.Matcher line = java.util.regex.Pattern
			.compile("^line (\\d+): (.*)$", java.util.regex.Pattern.DOTALL)
			.matcher(error);
		return line.matches()
				? new ImportReport.Problem("ERROR", "FILE", null, List.of(Long.valueOf(line.group(1))), line.group(2))
				: new ImportReport.Problem("ERROR", "FILE", null, List.of(), error);
	}

	private ImportReport finish(ImportReport report) {
		this.jdbc.sql("""
				update history_import set status = ?, finished_at = now(), rows_read = ?, report = ?,
				  bytes_read = coalesce(bytes_total, bytes_read) where id = ?
				""")
			.params(report.status(), report.rowsRead(), this.json.writeValueAsString(report), report.importId())
			.update();
		return report;
	}

	/** The record of an import, with its report once it has ended. */
	public record ImportRecord(long id, String fileName, String format, String status, String startedBy,
			java.time.Instant startedAt, java.time.Instant finishedAt, Long bytesTotal, long bytesRead, long rowsRead,
			ImportReport report, boolean filesKept) {

		public int percent() {
			if ("RUNNING".equals(this.status)) {
				return (this.bytesTotal == null || this.bytesTotal == 0) ? 0
						: (int) Math.min(99, this.bytesRead * 100 / this.bytesTotal);
			}
			return 100;
		}

	}

	public java.util.Optional<ImportRecord> findImport(long id) {
		closeInterrupted();
		return this.jdbc.sql("select * from history_import where id = ?")
			.param(id)
			.query(this::importRecord)
			.optional();
	}

	public List<ImportRecord> recentImports(int limit) {
		closeInterrupted();
		return this.jdbc.sql("select * from history_import order by id desc limit ?")
			.param(limit)
			.query(this::importRecord)
			.list();
	}

	private ImportRecord importRecord(ResultSet rs, int row) throws SQLException {
		String report = rs.getString("report");
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportRecord(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
				rs.getString("status"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), (Long) rs.getObject("bytes_total"),
				rs.getLong("bytes_read"), rs.getLong("rows_read"),
				report == null ? null : this.json.readValue(report, ImportReport.class),
				rs.getString("kept_files") != null);
	}

	/** Records where a refused import's files are kept, to import them again. */
	void keptFiles(long importId, Path folder) {
		this.jdbc.sql("update history_import set kept_files = ? where id = ?")
			.params(folder.toString(), importId)
			.update();
	}

	/**
	 * Takes the folder a refused import's files are kept in, once: two requests to import
	 * them again cannot both have it.
	 */
	java.util.Optional<Path> takeKeptFiles(long importId) {
		return this.jdbc.sql("""
				with taken as (select id, kept_files from history_import
				               where id = ? and kept_files is not null for update)
				update history_import h set kept_files = null from taken where h.id = taken.id
				returning taken.kept_files
				""").param(importId).query(String.class).optional().map(Path::of);
	}

	/**
	 * An import whose process ended (a crash, a kill) would show as running forever: when
	 * no import connection is open anywhere, its transaction was rolled back, so say so.
	 */
	private void closeInterrupted() {
		this.jdbc.sql("""
				update history_import set status = 'FAILED', finished_at = now()
				where status = 'RUNNING' and started_at < now() - interval '1 minute'
				  and not exists (select 1 from pg_stat_activity where application_name = 'plenary import')
				""").update();
	}

	static String readProblem(IOException ex) {
		if (ex instanceof MalformedInputException) {
			return "the file is not UTF-8 text (bytes that are not UTF-8 were found): save it as UTF-8";
		}
		if (ex instanceof java.io.EOFException) {
			return "the file ends in the middle: it is truncated";
		}
		// the library's own words name its classes and internals: the log keeps them
		log.info("A file to import could not be read", ex);
		if (ex instanceof java.util.zip.ZipException || ex.getClass().getName().startsWith("org.tukaani")) {
			return "the compressed file is damaged or truncated: download it again";
		}
		return "the file could not be read (it may be damaged or truncated)";
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
