package org.plenary.history;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.states.StateNameResolver;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Where a file's roll calls and votes land before they are checked and merged: temporary
 * tables of the import's own transaction, filled with PostgreSQL {@code COPY}. Votes
 * stream through (memory stays flat however large the file); roll calls, a few thousand,
 * are kept until the end of the file. Resolves every state name on the date of its vote
 * and collects what it cannot resolve, with the lines, instead of stopping at the first.
 */
final class Staging {

	static final int MAX_LISTED_ERRORS = 100;

	private static final int FLUSH_BYTES = 1 << 16;

	private final Connection connection;

	private final StateNameResolver resolver;

	private final Map<String, StagedRollCall> rollCalls = new LinkedHashMap<>();

	// votes carry a small number for their roll call rather than its text key: joins and
	// groupings over a million rows run much faster on integers
	private final Map<String, Integer> ordinals = new HashMap<>();

	private final Map<String, StateNameResolver.NameLookup> lookups = new HashMap<>();

	private final Map<String, List<Long>> unresolved = new LinkedHashMap<>();

	private final List<String> errors = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private int errorCount;

	private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 256);

	private CopyIn votes;

	private long votesStaged;

	Staging(Connection connection, StateNameResolver resolver) throws SQLException {
		this.connection = connection;
		this.resolver = resolver;
		try (Statement statement = connection.createStatement()) {
			statement.execute(
					"""
							create temporary table staged_roll_call (
							  rc integer primary key, key text collate "C" unique, line bigint, source text, source_key text, body text, symbol text,
							  vote_date date, session text, title text, description text, agenda_item text, draft_symbol text,
							  meeting_record text, subjects text, sponsors text, kind text, important boolean,
							  adopted_without_vote boolean, stated_yes integer, stated_no integer, stated_abstain integer,
							  stated_non_voting integer) on commit drop
							""");
			statement.execute("""
					create temporary table staged_vote (rc integer, line bigint, iso3 text collate "C", vote char(1))
					on commit drop
					""");
		}
		this.votes = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy staged_vote (rc, line, iso3, vote) from stdin");
	}

	boolean has(String key) {
		return this.rollCalls.containsKey(key);
	}

	StagedRollCall rollCall(String key) {
		return this.rollCalls.get(key);
	}

	void add(StagedRollCall rollCall) {
		this.rollCalls.put(rollCall.key(), rollCall);
		this.ordinals.put(rollCall.key(), this.ordinals.size() + 1);
	}

	Collection<StagedRollCall> rollCalls() {
		return this.rollCalls.values();
	}

	/**
	 * One state's vote. The state is named by {@code name} (resolved on {@code date}), or
	 * by {@code code} when the name is empty or unknown.
	 */
	void vote(long line, String key, String name, String code, LocalDate date, Vote vote) throws SQLException {
		String iso3 = resolve(name, date);
		if (iso3 == null && code != null && !code.isBlank()) {
			iso3 = resolve(code, date);
		}
		if (iso3 == null) {
			String shown = (name != null && !name.isBlank()) ? name : code;
			this.unresolved.computeIfAbsent(shown == null ? "(empty)" : shown, (k) -> new ArrayList<>()).add(line);
			this.errorCount++;
			return;
		}
		this.buffer.append(this.ordinals.get(key))
			.append('\t')
			.append(line)
			.append('\t')
			.append(iso3)
			.append('\t')
			.append(vote.code())
			.append('\n');
		this.votesStaged++;
		if (this.buffer.length() >= FLUSH_BYTES) {
			flush();
		}
	}

	private String resolve(String text, LocalDate date) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return this.lookups.computeIfAbsent(text, this.resolver::lookup).on(date);
	}

	void error(Long line, String message) {
		this.errorCount++;
		if (this.errors.size() < MAX_LISTED_ERRORS) {
			this.errors.add((line == null) ? message : "line " + line + ": " + message);
		}
	}

	/** Something odd that does not stop the import (unless it is strict). */
	void warning(Long line, String message) {
		if (this.warnings.size() < MAX_LISTED_ERRORS) {
			this.warnings.add((line == null) ? message : "line " + line + ": " + message);
		}
	}

	List<String> warnings() {
		return this.warnings;
	}

	int errorCount() {
		return this.errorCount;
	}

	long votesStaged() {
		return this.votesStaged;
	}

	/** The errors found so far, unresolved names grouped with their lines. */
	List<String> errors() {
		List<String> all = new ArrayList<>(this.errors);
		this.unresolved.forEach((name, lines) -> {
			String shown = lines.size() <= 10 ? lines.toString()
					: lines.subList(0, 10) + " and " + (lines.size() - 10) + " more";
			all.add("unknown state name or code '" + name + "' on lines " + shown.replace("[", "").replace("]", ""));
		});
		return all;
	}

	/** Ends the stream of votes and stages the roll calls. */
	void finish() throws SQLException {
		flush();
		this.votes.endCopy();
		CopyIn copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				copy staged_roll_call (rc, key, line, source, source_key, body, symbol, vote_date, session, title,
				  description, agenda_item, draft_symbol, meeting_record, subjects, sponsors, kind, important,
				  adopted_without_vote, stated_yes, stated_no, stated_abstain, stated_non_voting) from stdin
				""");
		for (StagedRollCall r : this.rollCalls.values()) {
			Object[] values = { this.ordinals.get(r.key()), r.key(), r.line(), r.source().name(), r.sourceKey(),
					r.body(), r.symbol(), r.date(), r.session(), r.title(), r.description(), r.agendaItem(),
					r.draftSymbol(), r.meetingRecord(), r.subjects(), r.sponsors(), r.kind(), r.important(),
					r.adoptedWithoutVote(), r.statedYes(), r.statedNo(), r.statedAbstain(), r.statedNonVoting() };
			for (int i = 0; i < values.length; i++) {
				this.buffer.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : escape(values[i].toString()));
			}
			this.buffer.append('\n');
			if (this.buffer.length() >= FLUSH_BYTES) {
				write(copy);
			}
		}
		write(copy);
		copy.endCopy();
	}

	/** Gives up a half-done COPY, e.g. after a read error. */
	void abandon() {
		try {
			if (this.votes.isActive()) {
				this.votes.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the transaction is rolled back anyway
		}
	}

	private void flush() throws SQLException {
		write(this.votes);
	}

	private void write(CopyIn copy) throws SQLException {
		if (this.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

	/** COPY text format: backslash, tab and line breaks escaped. */
	private static String escape(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

}
