package org.plenary.history;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.plenary.history.StagedRollCall.Source;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each dataset's layout into the {@link Staging}. Problems with one row (an unknown
 * state, a bad vote code) are collected and reading goes on, so that one import reports
 * all of them; problems with the file itself (a wrong header, a truncated row) stop at
 * once.
 */
final class VoteReaders {

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final Staging staging;

	private final AtomicLong rows;

	VoteReaders(Staging staging, AtomicLong rows) {
		this.staging = staging;
		this.rows = rows;
	}

	/** UN Digital Library voting data: one row per state and resolution. */
	void undl(VoteFile file) throws IOException, SQLException {
		CsvTable table = new CsvTable(file, List.of(List.of("ms_code", "ms_codes"), List.of("ms_vote", "ms_votes"),
				List.of("date", "dates"), List.of("resolution", "resolutions")));
		while (table.next()) {
			this.rows.incrementAndGet();
			long line = table.line();
			String symbol = Symbols.normalize(table.get("resolution", "resolutions"));
			LocalDate date = table.date("date", "dates");
			String undlId = table.get("undl_id");
			String key;
			if (symbol != null) {
				key = StagedRollCall.wholeResolutionKey(symbol, date);
			}
			else if (undlId != null) {
				key = "UNDL:" + undlId;
			}
			else {
				throw new ImportException(line, "a row with neither a resolution symbol nor an undl_id");
			}
			if (!this.staging.has(key)) {
				String session = firstNonNull(table.get("session", "sessions"), Symbols.session(symbol));
				this.staging.add(new StagedRollCall(key, line, Source.UNDL, undlId != null ? undlId : key,
						StagedRollCall.body(symbol, session), symbol, date, session, table.get("title", "titles"),
						table.get("vote_note", "vote_notes"), table.get("agenda_title", "agenda_titles"),
						table.get("draft", "drafts"), table.get("meeting", "meetings"),
						table.get("subjects", "subject"), null, "RESOLUTION", null, false,
						table.integer("total_yes", "total_yeses"), table.integer("total_no", "total_nos"),
						table.integer("total_abstentions", "total_abstention"),
						table.integer("total_non_voting", "total_non_votings")));
			}
			String code = table.get("ms_vote", "ms_votes");
			Vote vote = Vote.parse(code);
			if (vote == null) {
				this.staging.error("INVALID_VOTE", line, "invalid vote '" + code + "' (expected Y, N, A, X or NV)");
				continue;
			}
			this.staging.vote(line, key, table.get("ms_name", "ms_names"), table.get("ms_code", "ms_codes"), date,
					vote);
		}
	}

	/** The UN's GA resolutions as JSON Lines: a member in no list did not vote. */
	void resolutions(VoteFile file, JsonMapper json) throws IOException, SQLException {
		long line = 0;
		for (String text = nextLine(file, line + 1); text != null; text = nextLine(file, line + 1)) {
			line++;
			if (text.isBlank()) {
				continue;
			}
			this.rows.incrementAndGet();
			JsonNode resolution;
			try {
				resolution = json.readTree(text);
			}
			catch (JacksonException ex) {
				throw new ImportException(line,
						"not a JSON object (" + ex.getOriginalMessage() + "): a truncated file, or not JSON Lines");
			}
			String symbol = Symbols.normalize(text(resolution, "symbol"));
			if (symbol == null) {
				throw new ImportException(line, "a resolution without a symbol");
			}
			LocalDate date = longOrIsoDate(text(resolution, "adoption_date"), line);
			String key = StagedRollCall.wholeResolutionKey(symbol, date);
			if (this.staging.has(key)) {
				this.staging.warning("REPEATED_ROLL_CALL", line, symbol + " of " + date
						+ " appears again; the first, on line " + this.staging.rollCall(key).line() + ", is kept");
				continue;
			}
			List<String> yes = list(resolution, "MS_in_favour");
			List<String> no = list(resolution, "MS_against");
			List<String> abstain = list(resolution, "MS_abstaining");
			String adoption = String.valueOf(text(resolution, "adoption_type")).toLowerCase(Locale.ROOT);
			boolean recorded = adoption.contains("recorded") || !(yes.isEmpty() && no.isEmpty() && abstain.isEmpty());
			String session = Symbols.session(symbol);
			String agenda = join(": ", text(resolution, "agenda_item"), text(resolution, "agenda_item_name"));
			List<String> sponsors = new ArrayList<>(list(resolution, "sponsors"));
			sponsors.addAll(list(resolution, "additional_sponsors"));
			this.staging.add(new StagedRollCall(key, line, Source.UN_RESOLUTIONS, symbol,
					StagedRollCall.body(symbol, session), symbol, date, session, text(resolution, "title"), null,
					agenda, text(resolution, "originating_document"), text(resolution, "pv"),
					String.join(" | ", list(resolution, "subjects")),
					sponsors.isEmpty() ? null : String.join("; ", sponsors), "RESOLUTION", null, !recorded,
					recorded ? count(resolution, "MS_in_favour_count", line) : null,
					recorded ? count(resolution, "MS_against_count", line) : null,
					recorded ? count(resolution, "MS_abstaining_count", line) : null, null));
			for (String name : yes) {
				this.staging.vote(line, key, name, null, date, Vote.YES);
			}
			for (String name : no) {
				this.staging.vote(line, key, name, null, date, Vote.NO);
			}
			for (String name : abstain) {
				this.staging.vote(line, key, name, null, date, Vote.ABSTAIN);
			}
		}
		if (line == 0) {
			throw new ImportException(null, "the file is empty");
		}
	}

	/**
	 * Voeten's roll calls, then his votes. Absent members are not listed in his data; the
	 * {@code NA} country code stands for Namibia and for missing codes alike, so states
	 * are found by name first.
	 */
	void voeten(VoteFile rollCalls, VoteFile votes) throws IOException, SQLException {
		Map<String, String> keyByRcid = new HashMap<>();
		Map<String, LocalDate> dateByRcid = new HashMap<>();
		CsvTable calls = new CsvTable(rollCalls, List.of(List.of("rcid"), List.of("session"), List.of("date"),
				List.of("unres"), List.of("amend"), List.of("para")));
		while (calls.next()) {
			this.rows.incrementAndGet();
			String rcid = calls.required("rcid");
			LocalDate date = calls.date("date");
			String symbol = Symbols.fromVoeten(na(calls.get("unres")));
			boolean amendment = "1".equals(calls.get("amend"));
			boolean paragraph = "1".equals(calls.get("para"));
			String kind = amendment ? "AMENDMENT" : paragraph ? "PARAGRAPH" : (symbol == null ? "OTHER" : "RESOLUTION");
			String key = "RESOLUTION".equals(kind) ? StagedRollCall.wholeResolutionKey(symbol, date) : "VOETEN:" + rcid;
			if (this.staging.has(key)) {
				key = "VOETEN:" + rcid; // two votes on one symbol that day: only the id
										// tells them apart
			}
			if (keyByRcid.put(rcid, key) != null) {
				throw new ImportException(calls.line(), "rcid " + rcid + " appears twice");
			}
			dateByRcid.put(rcid, date);
			String session = calls.get("session");
			String important = calls.get("importantvote");
			this.staging
				.add(new StagedRollCall(key, calls.line(), Source.VOETEN, rcid, StagedRollCall.body(symbol, session),
						symbol, date, session, na(calls.get("short")), na(calls.get("descr")), null, null, null, null,
						null, kind, "1".equals(important) ? Boolean.TRUE : "0".equals(important) ? Boolean.FALSE : null,
						false, null, null, null, null));
		}
		CsvTable table = new CsvTable(votes, List.of(List.of("rcid"), List.of("country"), List.of("vote")));
		while (table.next()) {
			this.rows.incrementAndGet();
			long line = table.line();
			String rcid = table.required("rcid");
			String key = keyByRcid.get(rcid);
			if (key == null) {
				this.staging.error("UNKNOWN_RCID", line, "rcid " + rcid + " is not in the roll calls file");
				continue;
			}
			String text = table.get("vote");
			Vote vote = Vote.parse(text);
			if (vote == null) {
				this.staging.error("INVALID_VOTE", line, "invalid vote '" + text + "' (expected yes, no or abstain)");
				continue;
			}
			this.staging.vote(line, key, table.get("country"), table.get("country_code"), dateByRcid.get(rcid), vote);
		}
	}

	/** resolution, date, iso3, vote: the simplest layout, for anything else. */
	void plain(VoteFile file) throws IOException, SQLException {
		CsvTable table = new CsvTable(file,
				List.of(List.of("resolution"), List.of("date"), List.of("iso3"), List.of("vote")));
		while (table.next()) {
			this.rows.incrementAndGet();
			long line = table.line();
			String symbol = Symbols.normalize(table.required("resolution"));
			LocalDate date = table.date("date");
			String key = StagedRollCall.wholeResolutionKey(symbol, date);
			if (!this.staging.has(key)) {
				String session = Symbols.session(symbol);
				this.staging.add(new StagedRollCall(key, line, Source.PLAIN, key, StagedRollCall.body(symbol, session),
						symbol, date, session, table.get("title"), null, null, null, null, null, null, "RESOLUTION",
						null, false, null, null, null, null));
			}
			String text = table.get("vote");
			Vote vote = Vote.parse(text);
			if (vote == null) {
				this.staging.error("INVALID_VOTE", line, "invalid vote '" + text + "' (expected Y, N, A, NV or X)");
				continue;
			}
			this.staging.vote(line, key, table.get("iso3"), null, date, vote);
		}
	}

	/** The roll-call columns of the one-column-per-state layout; any other is a state. */
	static final List<List<String>> WIDE_COLUMNS = List.of(List.of("symbol", "resolution", "unres", "res"),
			List.of("date", "vote_date", "adoption_date"), List.of("title", "short", "subject"), List.of("session"),
			List.of("yes", "total_yes"), List.of("no", "total_no"),
			List.of("abstain", "abstentions", "total_abstentions"), List.of("undl_id", "rcid", "id"),
			List.of("draft", "draft_symbol"), List.of("meeting", "meeting_record"), List.of("agenda", "agenda_item"),
			List.of("description", "descr", "note", "notes", "vote_note"));

	/**
	 * One column per state, one row per roll call: a header of codes or names, cells of
	 * Y/N/A/X or yes/no/abstain, or empty (not listed: the member did not vote, or was
	 * not seated). A header that no state answers to is an unknown name like any other:
	 * the user maps it (or says it is not a state, and its column is skipped).
	 */
	void wide(VoteFile file) throws IOException, SQLException {
		CsvTable table = new CsvTable(file, List.of(WIDE_COLUMNS.get(0), WIDE_COLUMNS.get(1)));
		List<String> header = table.header();
		List<Integer> stateColumns = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			if (!isWideRollCallColumn(header.get(i)) && !header.get(i).isBlank()) {
				stateColumns.add(i);
			}
		}
		List<String> symbolColumn = WIDE_COLUMNS.get(0);
		List<String> dateColumn = WIDE_COLUMNS.get(1);
		while (table.next()) {
			this.rows.incrementAndGet();
			long line = table.line();
			String symbol = Symbols.normalize(table.required(symbolColumn.toArray(String[]::new)));
			LocalDate date = table.date(dateColumn.toArray(String[]::new));
			String key = StagedRollCall.wholeResolutionKey(symbol, date);
			if (this.staging.has(key)) {
				this.staging.warning("REPEATED_ROLL_CALL", line, symbol + " of " + date
						+ " appears again; the first, on line " + this.staging.rollCall(key).line() + ", is kept");
				continue;
			}
			String session = firstNonNull(table.get("session"), Symbols.session(symbol));
			this.staging.add(new StagedRollCall(key, line, Source.WIDE, key, StagedRollCall.body(symbol, session),
					symbol, date, session, table.get("title", "short", "subject"),
					table.get("description", "descr", "note", "notes", "vote_note"), table.get("agenda", "agenda_item"),
					table.get("draft", "draft_symbol"), table.get("meeting", "meeting_record"), null, null,
					"RESOLUTION", null, false, table.integer("yes", "total_yes"), table.integer("no", "total_no"),
					table.integer("abstain", "abstentions", "total_abstentions"), null));
			for (int column : stateColumns) {
				String cell = table.cell(column);
				if (cell == null) {
					continue; // not listed: the merge counts a seated member as
								// non-voting
				}
				Vote vote = Vote.parse(cell);
				if (vote == null && !this.staging.knows(header.get(column).strip())) {
					// a column no state answers to (a total, a misspelt name): an unknown
					// name to map, whatever its cells hold, or skipped once mapped as no
					// state
					this.staging.vote(line, key, header.get(column).strip(), null, date, Vote.NON_VOTING);
					continue;
				}
				if (vote == null) {
					this.staging.error("INVALID_VOTE", line, "invalid vote '" + cell + "' in the column '"
							+ header.get(column) + "' (expected Y, N, A, X, yes, no, abstain or empty)");
					continue;
				}
				this.staging.vote(line, key, header.get(column).strip(), null, date, vote);
			}
		}
	}

	static boolean isWideRollCallColumn(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		return WIDE_COLUMNS.stream().anyMatch((aliases) -> aliases.contains(lower));
	}

	private static String nextLine(VoteFile file, long line) throws IOException {
		try {
			return file.reader().readLine();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new ImportException(line, "the file is not UTF-8 text from here on: save it as UTF-8");
		}
	}

	private static LocalDate longOrIsoDate(String text, long line) {
		if (text == null) {
			throw new ImportException(line, "a resolution without an adoption_date");
		}
		// the UN's data sometimes separates day and month with a no-break space
		String trimmed = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
		try {
			if (Character.isDigit(trimmed.charAt(0)) && trimmed.length() >= 10 && trimmed.charAt(4) == '-') {
				return LocalDate.parse(trimmed.substring(0, 10));
			}
			return LocalDate.parse(trimmed, LONG_DATE);
		}
		catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
			throw new ImportException(line, "'" + text + "' is not a date");
		}
	}

	private static Integer count(JsonNode node, String field, long line) {
		String text = text(node, field);
		if (text == null || text.equalsIgnoreCase("N.A.") || text.equalsIgnoreCase("NA")) {
			return 0; // the UN writes N.A. where nobody voted that way
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new ImportException(line, field + " '" + text + "' is not a number");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.isString() ? value.asString() : value.toString();
		return text.isBlank() ? null : text.strip();
	}

	private static List<String> list(JsonNode node, String field) {
		JsonNode value = node.get(field);
		List<String> items = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach((item) -> {
				if (item.isString() && !item.asString().isBlank()) {
					items.add(item.asString().strip());
				}
			});
		}
		return items;
	}

	private static String join(String separator, String first, String second) {
		if (first == null) {
			return second;
		}
		return (second == null) ? first : first + separator + second;
	}

	/**
	 * R writes a missing value as a bare NA: Voeten's exported files are full of them.
	 */
	private static String na(String value) {
		return (value == null || value.equals("NA")) ? null : value;
	}

	private static String firstNonNull(String first, String second) {
		return first != null ? first : second;
	}

}
