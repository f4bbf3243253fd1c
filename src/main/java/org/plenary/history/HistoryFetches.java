package org.plenary.history;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Update the voting history" for administrators, on the import page and through the API:
 * a {@link HistoryFetch} run in the background, its outcome kept in PostgreSQL so that
 * any instance shows it, its imports recorded as any import is. The addresses are the
 * UN's, or the mirror configured for the installation ({@code PLENARY_HISTORY_MIRROR}); a
 * request names none, so that no caller can make the server fetch an address of its
 * choosing.
 */
@Service
class HistoryFetches {

	private static final Logger log = LoggerFactory.getLogger(HistoryFetches.class);

	private final HistoryFetch fetch;

	private final JdbcClient jdbc;

	private final String mirror;

	HistoryFetches(HistoryFetch fetch, JdbcClient jdbc, @Value("${plenary.history.mirror:}") String mirror) {
		this.fetch = fetch;
		this.jdbc = jdbc;
		this.mirror = mirror.isBlank() ? null : mirror;
	}

	/** A run: its lines are what the command line prints. */
	record FetchRecord(long id, String startedBy, Instant startedAt, Instant finishedAt, Boolean succeeded,
			List<String> lines) {

		public boolean running() {
			return this.finishedAt == null;
		}

	}

	/** Starts a run in the background, unless one is running already (then that one). */
	FetchRecord start(String startedBy) {
		Optional<FetchRecord> running = this.jdbc
			.sql("select * from history_fetch where finished_at is null and started_at > now() - interval '6 hours'"
					+ " order by id desc limit 1")
			.query(HistoryFetches::record)
			.optional();
		if (running.isPresent()) {
			return running.get();
		}
		long id = this.jdbc.sql("insert into history_fetch (started_by) values (?) returning id")
			.param(startedBy)
			.query(Long.class)
			.single();
		Thread.ofVirtual().name("history-fetch").start(() -> run(id, startedBy));
		return find(id).orElseThrow();
	}

	private void run(long id, String startedBy) {
		List<String> lines = new ArrayList<>();
		boolean succeeded = false;
		try {
			HistoryFetch.Result result = this.fetch
				.fetch(new HistoryFetch.Options(this.mirror, List.of(), true, startedBy), new HistoryFetch.Progress() {
					@Override
					public void downloading(String name, long bytes, long total) {
					}

					@Override
					public void update(long importId, String file, long bytes, long total, long rows) {
					}
				});
			result.fetched().forEach((fetched) -> lines.add(FetchHistoryCommand.line(fetched)));
			result.imports().forEach((report) -> lines.addAll(report.summary()));
			if (result.imports().isEmpty()) {
				lines.add("Nothing new to import.");
			}
			succeeded = result.succeeded();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			lines.add("Interrupted before the end.");
		}
		catch (RuntimeException ex) {
			log.warn("Updating the voting history failed", ex);
			lines.add("Failed: " + ex.getMessage());
		}
		this.jdbc.sql("update history_fetch set finished_at = now(), succeeded = ?, lines = ? where id = ?")
			.params(succeeded, lines.toArray(String[]::new), id)
			.update();
	}

	Optional<FetchRecord> find(long id) {
		return this.jdbc.sql("select * from history_fetch where id = ?")
			.param(id)
			.query(HistoryFetches::record)
			.optional();
	}

	List<FetchRecord> recent(int limit) {
		return this.jdbc.sql("select * from history_fetch order by id desc limit ?")
			.param(limit)
			.query(HistoryFetches::record)
			.list();
	}

	private static FetchRecord record(ResultSet rs, int row) throws SQLException {
		Array lines = rs.getArray("lines");
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new FetchRecord(rs.getLong("id"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				(finished == null) ? null : finished.toInstant(), (Boolean) rs.getObject("succeeded"),
				(lines == null) ? List.of() : List.of((String[]) lines.getArray()));
	}

}
