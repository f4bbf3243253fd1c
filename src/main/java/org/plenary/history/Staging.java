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

	/** How many problems a report lists one by one; all are counted. */
	static final int MAX_PROBLEMS = 20_000;

	private static final int FLUSH_BYTES = 1 << 16;

	private final Connection connection;

	private final StateNameResolver resolver;

	private final Map<String, StagedRollCall> rollCalls = new LinkedHashMap<>();

	// votes carry a small number for their roll call rather than its text key: joins and
	// groupings over a million rows run much faster on integers
	private final Map<String, Integer> ordinals = new HashMap<>();

	private final List<StagedRollCall> byOrdinal = new ArrayList<>();

	private final Map<String, StateNameResolver.NameLookup> lookups = new HashMap<>();

	private final Map<String, Occurrences> unresolved = new LinkedHashMap<>();

	private final Map<String, Occurrences> notStates = new LinkedHashMap<>();

	private final List<String> errors = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private final List<ImportReport.Problem> problems = new ArrayList<>();

	private final Map<String, Integer> problemCounts = new LinkedHashMap<>();

	/** Where a name occurs: its lines and the roll calls (by ordinal) it votes in. */
	record Occurrences(List<Long> lines, java.util.Set<Integer> rollCalls) {

		Occurrences() {
			this(new ArrayList<>(), new java.util.LinkedHashSet<>());
		}

		void add(long line, int rollCall) {
			if (this.lines.isEmpty() || this.lines.get(this.lines.size() - 1) != line) {
				this.lines.add(line);
			}
			this.rollCalls.add(rollCall);
		}

	}

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
		this.byOrdinal.add(rollCall);
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
			shown = (shown == null) ? "(empty)" : shown;
			// a name the user said is no state (a total row, a heading): skipped, and
			// said
			if (this.lookups.computeIfAbsent(shown, this.resolver::lookup).notAState()) {
				this.notStates.computeIfAbsent(shown, (k) -> new Occurrences()).add(line, this.ordinals.get(key));
				return;
			}
			this.unresolved.computeIfAbsent(shown, (k) -> new Occurrences()).add(line, this.ordinals.get(key));
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

	/** Whether some state answers to the name, on any date. */
	boolean knows(String name) {
		return !this.lookups.computeIfAbsent(name, this.resolver::lookup).names().isEmpty();
	}

	private String resolve(String text, LocalDate date) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return this.lookups.computeIfAbsent(text, this.resolver::lookup).on(date);
	}

	void error(String kind, Long line, String message) {
		this.errorCount++;
		if (this.errors.size() < MAX_LISTED_ERRORS) {
			this.errors.add((line == null) ? message : "line " + line + ": " + message);
		}
		problem(new ImportReport.Problem("ERROR", kind, null, line == null ? List.of() : List.of(line), message));
	}

	/** Something odd that does not stop the import (unless it is strict). */
	void warning(String kind, Long line, String message) {
		if (this.warnings.size() < MAX_LISTED_ERRORS) {
			this.warnings.add((line == null) ? message : "line " + line + ": " + message);
		}
		problem(new ImportReport.Problem("WARNING", kind, null, line == null ? List.of() : List.of(line), message));
	}

	/** Lists a problem (up to {@link #MAX_PROBLEMS}) and counts it. */
	void problem(ImportReport.Problem problem) {
		this.problemCounts.merge(problem.kind(), 1, Integer::sum);
		if (this.problems.size() < MAX_PROBLEMS) {
			this.problems.add(problem);
		}
	}

	/**
	 * Every problem so far, the unknown names and the names skipped as no state among
	 * them (one each, with all its lines).
	 */
	List<ImportReport.Problem> problems() {
		List<ImportReport.Problem> all = new ArrayList<>();
		this.unresolved.forEach((name,
				where) -> all.add(new ImportReport.Problem("ERROR", "UNKNOWN_NAME", null, where.lines(),
						"unknown state name or code '" + name + "' (" + where.lines().size() + " line(s), "
								+ where.rollCalls().size() + " roll call(s))")));
		all.addAll(this.problems);
		this.notStates
			.forEach((name, where) -> all.add(new ImportReport.Problem("WARNING", "NOT_A_STATE", null, where.lines(),
					"'" + name + "' is mapped as not a state: its " + where.lines().size() + " line(s) were skipped")));
		return all;
	}

	Map<String, Integer> problemCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		if (!this.unresolved.isEmpty()) {
			counts.put("UNKNOWN_NAME", this.unresolved.size());
		}
		counts.putAll(this.problemCounts);
		if (!this.notStates.isEmpty()) {
			counts.put("NOT_A_STATE", this.notStates.size());
		}
		return counts;
	}

	/** The names no state answers to, with where they occur. */
	Map<String, Occurrences> unresolved() {
		return this.unresolved;
	}

	/** The roll call a small number stands for in the staged tables. */
	StagedRollCall byOrdinal(int ordinal) {
		return this.byOrdinal.get(ordinal - 1);
	}

	List<String> warnings() {
		List<String> all = new ArrayList<>(this.warnings);
		this.notStates.forEach((name, where) -> all.add("'" + name + "' is mapped as not a state: lines "
				+ ImportReport.Lines.describe(where.lines()) + " were skipped"));
		return all;
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
		this.unresolved.forEach((name, where) -> {
			List<Long> lines = where.lines();
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
