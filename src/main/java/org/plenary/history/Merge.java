package org.plenary.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a file staged and merges it into the stored roll calls, in the import's
 * transaction. Each staged roll call is added (new), updated (the same dataset brought a
 * different version), unchanged (the same votes are stored already, from this dataset or
 * another), or disagreeing (another dataset's votes are stored and differ: they stay, and
 * the disagreement is recorded as a defect).
 */
final class Merge {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Merge.class);

	private final Connection connection;

	private final boolean strict;

	private List<ImportReport.UnknownName> unknownNames = List.of();

	// the problems found here, each with its lines, after those the reading found
	private final List<ImportReport.Problem> problems = new ArrayList<>();

	Merge(Connection connection, boolean strict) {
		this.connection = connection;
		this.strict = strict;
	}

	ImportReport run(long importId, String file, String format, long rows, Staging staging,
			List<ImportReport.UnknownName> unknownNames, long millisSoFar) throws SQLException {
		this.unknownNames = unknownNames;
		long started = System.nanoTime();
		execute("analyze staged_vote");
		execute("analyze staged_roll_call");
		List<String> errors = new ArrayList<>(staging.errors());
		int errorCount = staging.errorCount();
		// one pass over the votes: one row per state and roll call, with how often and
		// how
		// differently the file gave it
		execute("""
				create temporary table final_vote on commit drop as
				select rc, iso3, min(vote) as vote, max(vote) as other_vote, count(*) as times,
				       min(line) as first_line, max(line) as last_line
				from staged_vote group by rc, iso3
				""");
		execute("analyze final_vote");
		for (String conflict : strings(
				"""
						select 'lines ' || f.first_line || ' and ' || f.last_line || ': ' || f.iso3 || ' has two different votes ('
						       || f.vote || ' and ' || f.other_vote || ') on ' || coalesce(r.symbol, r.key) || ' of ' || r.vote_date
						from final_vote f join staged_roll_call r on r.rc = f.rc
						where f.vote <> f.other_vote order by f.first_line limit 100
						""")) {
			errors.add(conflict);
		}
		int conflicts = repeated("ERROR", "CONFLICTING_VOTES", "f.vote <> f.other_vote",
				"' has ' || count(distinct v.vote) || ' different votes (' || string_agg(distinct v.vote::text, ', ') || ')'");
		errorCount += conflicts;
		List<String> warnings = new ArrayList<>(staging.warnings());
		if (errorCount > 0) {
			return result(importId, file, format, rows, staging, errors, errorCount, List.of(), warnings, 0, 0, 0, 0, 0,
					millisSoFar + millisSince(started));
		}

		execute("create temporary table staged_defect (key text, kind text, detail text) on commit drop");
		execute("""
				insert into staged_defect
				select r.key, 'LISTED_TWICE', count(*) || ' state(s) listed more than once with the same vote, counted once: '
				       || array_to_string((array_agg(f.iso3 || ' (' || case when f.first_line = f.last_line
				          then 'line ' || f.first_line else 'lines ' || f.first_line || ', ' || f.last_line end || ')'
				          order by f.iso3))[1:10], ', ')
				       || case when count(*) > 10 then ' and ' || (count(*) - 10) || ' more' else '' end
				from final_vote f join staged_roll_call r on r.rc = f.rc where f.times > 1 group by r.key
				""");
		repeated("DEFECT", "LISTED_TWICE", "f.times > 1 and f.vote = f.other_vote",
				"' is listed ' || count(*) || ' times with the same vote, counted once'");
		execute("create index on final_vote (rc, iso3)");
		// rule: members in no list did not vote. A member is seated from its admission to
		// the
		// end of its seat; a successor that continues a seat (RUS, CHN) sits only after
		// it.
		execute("""
				insert into final_vote (rc, iso3, vote)
				select r.rc, s.iso3, 'X'
				from staged_roll_call r
				join states_state s on s.status in ('MEMBER', 'FORMER_MEMBER')
				  and (s.admitted_on is null or s.admitted_on <= r.vote_date)
				  and (s.ended_on is null or r.vote_date < s.ended_on)
				where exists (select 1 from final_vote f where f.rc = r.rc)
				  and not exists (select 1 from final_vote f where f.rc = r.rc and f.iso3 = s.iso3)
				  and not exists (select 1 from states_state p where p.successor_iso3 = s.iso3
				                  and p.successor_continues_seat and r.vote_date < p.ended_on)
				""");
		execute("""
				create temporary table staged_count on commit drop as
				select rc, count(*) filter (where vote = 'Y') as y, count(*) filter (where vote = 'N') as n,
				       count(*) filter (where vote = 'A') as a, count(*) filter (where vote = 'X') as x,
				       md5(string_agg(iso3 || vote, ',' order by iso3)) as digest
				from final_vote group by rc
				""");
		execute("""
				insert into staged_defect
				select r.key, 'TOTALS_MISMATCH', 'stated ' || coalesce(r.stated_yes::text, '?') || '-'
				       || coalesce(r.stated_no::text, '?') || '-' || coalesce(r.stated_abstain::text, '?')
				       || ' (yes-no-abstain), the per-state votes give ' || c.y || '-' || c.n || '-' || c.a
				from staged_roll_call r join staged_count c on c.rc = r.rc
				where r.stated_yes is distinct from c.y and r.stated_yes is not null
				   or r.stated_no is distinct from c.n and r.stated_no is not null
				   or r.stated_abstain is distinct from c.a and r.stated_abstain is not null
				""");
		execute("""
				insert into staged_defect
				select r.key, 'NO_VOTES_LISTED', 'stated ' || coalesce(r.stated_yes, 0) || '-' || coalesce(r.stated_no, 0)
				       || '-' || coalesce(r.stated_abstain, 0) || ' but no state is listed: only the totals are kept'
				from staged_roll_call r
				where not r.adopted_without_vote and not exists (select 1 from staged_count c where c.rc = r.rc)
				""");
		List<ImportReport.Defect> defects = defects("""
				select coalesce(r.symbol, r.key) || ' (' || r.vote_date || ')', d.kind, d.detail
				from staged_defect d join staged_roll_call r on r.key = d.key order by r.vote_date, r.symbol, d.kind
				""");
		if (this.strict && !defects.isEmpty()) {
			errors.add("the data has " + defects.size() + " defect(s) (listed below) and the import is strict");
			return result(importId, file, format, rows, staging, errors, 1, defects, warnings, 0, 0, 0, 0, 0,
					millisSoFar + millisSince(started));
		}

		execute("""
				create temporary table staged_match on commit drop as
				select r.rc, r.key, h.id,
				  case
				    when h.id is null then 'ADD'
				    when exists (select 1 from history_roll_call_source s where s.roll_call_id = h.id and s.source = r.source)
				      then case when c.digest is not distinct from
				                     (select md5(string_agg(v.iso3 || v.vote, ',' order by v.iso3))
				                      from history_vote v where v.roll_call_id = h.id)
				                then 'UNCHANGED' else 'UPDATE' end
				    when c.digest is not distinct from
				         (select md5(string_agg(v.iso3 || v.vote, ',' order by v.iso3)) from history_vote v
				          where v.roll_call_id = h.id) then 'CONFIRM'
				    else 'DISAGREE'
				  end as action
				from staged_roll_call r
				left join history_roll_call h on h.match_key = r.key
				left join staged_count c on c.rc = r.rc
				""");
		execute("analyze staged_match");
		String columns = """
				body, symbol, vote_date, session, title, description, agenda_item, draft_symbol, meeting_record,
				subjects, sponsors, kind, important, adopted_without_vote, stated_yes, stated_no, stated_abstain,
				stated_non_voting""";
		execute("insert into history_roll_call (match_key, " + columns + ") select r.key, "
				+ columns.replace("body,", "r.body,")
				+ " from staged_roll_call r join staged_match m on m.key = r.key where m.action = 'ADD'");
		execute("""
				update history_roll_call h set body = r.body, symbol = r.symbol, vote_date = r.vote_date,
				  session = r.session, title = r.title, description = r.description, agenda_item = r.agenda_item,
				  draft_symbol = r.draft_symbol, meeting_record = r.meeting_record, subjects = r.subjects,
				  sponsors = r.sponsors, kind = r.kind, important = r.important,
				  adopted_without_vote = r.adopted_without_vote, stated_yes = r.stated_yes, stated_no = r.stated_no,
				  stated_abstain = r.stated_abstain, stated_non_voting = r.stated_non_voting, updated_at = now()
				from staged_roll_call r join staged_match m on m.key = r.key
				where m.action = 'UPDATE' and h.id = m.id
				""");
		// the same votes again, from this dataset or another: keep them, and fill in what
		// the
		// file knows that was not stored (datasets describe a roll call with different
		// fields)
		execute("""
				update history_roll_call h set title = coalesce(h.title, r.title),
				  description = coalesce(h.description, r.description), agenda_item = coalesce(h.agenda_item, r.agenda_item),
				  draft_symbol = coalesce(h.draft_symbol, r.draft_symbol),
				  meeting_record = coalesce(h.meeting_record, r.meeting_record), subjects = coalesce(h.subjects, r.subjects),
				  sponsors = coalesce(h.sponsors, r.sponsors), important = coalesce(h.important, r.important),
				  stated_yes = coalesce(h.stated_yes, r.stated_yes), stated_no = coalesce(h.stated_no, r.stated_no),
				  stated_abstain = coalesce(h.stated_abstain, r.stated_abstain),
				  stated_non_voting = coalesce(h.stated_non_voting, r.stated_non_voting)
				from staged_roll_call r join staged_match m on m.key = r.key
				where m.action in ('CONFIRM', 'UNCHANGED') and h.id = m.id
				""");
		execute("update staged_match m set id = h.id from history_roll_call h where m.action = 'ADD' and h.match_key = m.key");
		execute("delete from history_vote v using staged_match m where m.action = 'UPDATE' and v.roll_call_id = m.id");
		long votesWritten = update("""
				insert into history_vote (roll_call_id, iso3, vote)
				select m.id, f.iso3, f.vote from final_vote f join staged_match m on m.rc = f.rc
				where m.action in ('ADD', 'UPDATE') order by m.id, f.iso3
				""");
		execute("""
				update history_roll_call h set yes_count = coalesce(c.y, 0), no_count = coalesce(c.n, 0),
				  abstain_count = coalesce(c.a, 0), non_voting_count = coalesce(c.x, 0)
				from staged_match m left join staged_count c on c.rc = m.rc
				where m.action in ('ADD', 'UPDATE') and h.id = m.id
				""");
		execute("""
				insert into history_roll_call_source (roll_call_id, source, source_key)
				select m.id, r.source, r.source_key from staged_match m join staged_roll_call r on r.key = m.key
				where m.action <> 'DISAGREE'
				on conflict (roll_call_id, source) do update set source_key = excluded.source_key
				""");
		// the disagreement itself: which states the two datasets read differently
		execute("""
				insert into staged_defect
				select p.key, 'SOURCES_DISAGREE', p.source || ' differs from the stored votes for ' || count(*)
				       || ' state(s): ' || array_to_string((array_agg(p.iso3 || ' ' || coalesce(p.new_vote, '-')
				       || ' (stored ' || coalesce(p.old_vote, '-') || ')' order by p.iso3))[1:20], ', ')
				       || case when count(*) > 20 then ' and ' || (count(*) - 20) || ' more' else '' end
				from (
				  select m.key, r.source, coalesce(d.iso3, d.stored_iso3) as iso3, d.vote::text as new_vote,
				         d.stored_vote::text as old_vote
				  from staged_match m join staged_roll_call r on r.key = m.key
				  cross join lateral (
				    select f.iso3, f.vote, v.iso3 as stored_iso3, v.vote as stored_vote
				    from (select iso3, vote from final_vote where rc = m.rc) f
				    full join (select iso3, vote from history_vote where roll_call_id = m.id) v on v.iso3 = f.iso3) d
				  where m.action = 'DISAGREE' and d.vote is distinct from d.stored_vote) p
				group by p.key, p.source
				""");
		execute("""
				delete from history_defect d using staged_match m join staged_roll_call r on r.key = m.key
				where m.action = 'UPDATE' and d.roll_call_id = m.id and d.source = r.source
				""");
		execute("""
				insert into history_defect (roll_call_id, source, kind, detail)
				select m.id, r.source, d.kind, d.detail
				from staged_defect d join staged_match m on m.key = d.key join staged_roll_call r on r.key = d.key
				on conflict do nothing
				""");
		if (defects.size() < countRows("staged_defect")) {
			defects = defects("""
					select coalesce(r.symbol, r.key) || ' (' || r.vote_date || ')', d.kind, d.detail
					from staged_defect d join staged_roll_call r on r.key = d.key order by r.vote_date, r.symbol, d.kind
					""");
		}
		if (this.strict && count("DISAGREE") > 0) {
			errors.add("the votes of " + count("DISAGREE") + " roll call(s) differ from those another dataset stored "
					+ "(listed below) and the import is strict");
			return result(importId, file, format, rows, staging, errors, 1, defects, warnings, 0, 0, 0, 0, 0,
					millisSoFar + millisSince(started));
		}
		return result(importId, file, format, rows, staging, errors, 0, defects, warnings, count("ADD"),
				count("UPDATE"), count("UNCHANGED") + count("CONFIRM"), count("DISAGREE"), votesWritten,
				millisSoFar + millisSince(started));
	}

	private ImportReport result(long importId, String file, String format, long rows, Staging staging,
			List<String> errors, int errorCount, List<ImportReport.Defect> defects, List<String> warnings, int added,
			int updated, int unchanged, int disagreeing, long votes, long millis) {
		List<ImportReport.Problem> all = new ArrayList<>(staging.problems());
		java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>(staging.problemCounts());
		List<ImportReport.Problem> found = new ArrayList<>(this.problems);
		for (ImportReport.Defect defect : defects) {
			if (!"LISTED_TWICE".equals(defect.kind())) { // listed state by state, with
															// lines
				found.add(new ImportReport.Problem("DEFECT", defect.kind(), defect.rollCall(), List.of(),
						defect.detail()));
			}
		}
		if (errorCount > 0 && errors.size() > 0 && errors.get(errors.size() - 1).contains("the import is strict")) {
			found.add(new ImportReport.Problem("ERROR", "STRICT", null, List.of(), errors.get(errors.size() - 1)));
		}
		for (ImportReport.Problem problem : found) {
			counts.merge(problem.kind(), 1, Integer::sum);
			if (all.size() < Staging.MAX_PROBLEMS) {
				all.add(problem);
			}
		}
		return new ImportReport(importId, file, format, errorCount > 0 ? "FAILED" : "DONE", rows,
				staging.rollCalls().size(), added, updated, unchanged, disagreeing, votes, errors, errorCount, defects,
				warnings, millis, all, counts, this.unknownNames);
	}

	/**
	 * Lists states that a file gives more than once in one roll call, one problem each
	 * with all its lines; returns how many.
	 */
	private int repeated(String severity, String kind, String condition, String what) throws SQLException {
		int found = 0;
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select coalesce(r.symbol, r.key) || ' (' || r.vote_date || ')', f.iso3 || %s,
				       array_agg(v.line order by v.line)
				from final_vote f join staged_roll_call r on r.rc = f.rc
				join staged_vote v on v.rc = f.rc and v.iso3 = f.iso3
				where %s
				group by r.rc, r.symbol, r.key, r.vote_date, f.iso3, f.first_line order by f.first_line
				""".formatted(what, condition))) {
			while (rs.next()) {
				List<Long> lines = new ArrayList<>();
				for (Object line : (Object[]) rs.getArray(3).getArray()) {
					lines.add(((Number) line).longValue());
				}
				this.problems.add(new ImportReport.Problem(severity, kind, rs.getString(1), lines, rs.getString(2)));
				found++;
			}
		}
		return found;
	}

	private int count(String action) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("select count(*) from staged_match where action = ?")) {
			statement.setString(1, action);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private int countRows(String table) throws SQLException {
		return Integer.parseInt(strings("select count(*)::text from " + table).get(0));
	}

	private List<ImportReport.Defect> defects(String sql) throws SQLException {
		List<ImportReport.Defect> defects = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				defects.add(new ImportReport.Defect(rs.getString(1), rs.getString(2), rs.getString(3)));
			}
		}
		return defects;
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private void execute(String sql) throws SQLException {
		update(sql);
	}

	private long update(String sql) throws SQLException {
		long started = System.nanoTime();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
			return Math.max(0, statement.getLargeUpdateCount());
		}
		finally {
			log.debug("{} ms: {}", millisSince(started), sql.strip().lines().findFirst().orElse(""));
		}
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
