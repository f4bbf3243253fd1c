package org.plenary.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds and reads stored roll calls. */
@Service
public class RollCalls {

	static final int PAGE_SIZE = 50;

	private static final String COLUMNS = """
			r.id, r.body, r.symbol, r.vote_date, r.session, r.title, r.description, r.agenda_item, r.draft_symbol,
			r.meeting_record, r.subjects, r.sponsors, r.kind, r.important, r.adopted_without_vote, r.stated_yes,
			r.stated_no, r.stated_abstain, r.stated_non_voting, r.yes_count, r.no_count, r.abstain_count,
			r.non_voting_count,
			array(select s.source from history_roll_call_source s where s.roll_call_id = r.id order by s.source) as sources
			""";

	// SQL for the outcome, the same rule as RollCall.Outcome
	private static final String OUTCOME = """
			case when r.adopted_without_vote then 'ADOPTED_WITHOUT_VOTE'
			     when r.kind = 'RESOLUTION' and r.symbol like 'A/RES/%' then 'ADOPTED'
			     when r.yes_count + r.no_count = 0 then 'UNKNOWN'
			     when r.yes_count > r.no_count then 'ADOPTED' else 'REJECTED' end""";

	private final JdbcClient jdbc;

	RollCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A search; every part is optional.
	 *
	 * @param text words in the title, description or subjects
	 * @param symbol a resolution or draft symbol, or its beginning (e.g. A/RES/ES-11)
	 * @param session e.g. 76 or ES-11
	 * @param outcome ADOPTED, REJECTED or ADOPTED_WITHOUT_VOTE
	 * @param page from 0
	 */
	public record Query(String text, String symbol, LocalDate from, LocalDate to, String session, String outcome,
			int page) {
	}

	/** One page of results, newest first, and how many there are in all. */
	public record Page(List<RollCall> rollCalls, long total, int page, int pageSize) {

		public boolean hasNext() {
			return (long) (this.page + 1) * this.pageSize < this.total;
		}

	}

	public Page search(Query query) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new java.util.HashMap<>();
		if (query.text() != null && !query.text().isBlank()) {
			int i = 0;
			for (String word : query.text().trim().split("\\s+")) {
				String name = "w" + i++;
				where.append(" and (r.title ilike :" + name + " or r.description ilike :" + name
						+ " or r.subjects ilike :" + name + ")");
				params.put(name, "%" + likeEscape(word) + "%");
			}
		}
		if (query.symbol() != null && !query.symbol().isBlank()) {
			where.append(" and (r.symbol ilike :symbol or r.draft_symbol ilike :symbol)");
			// the beginning of a symbol, as stored: "ES-11/1" as A/RES/ES-11/1
			String symbol = Symbols.typedResolution(query.symbol())
				.or(() -> Symbols.typedDraft(query.symbol()))
				.or(() -> Symbols.typedSession(query.symbol()))
				.orElseGet(() -> Symbols.normalize(query.symbol()));
			params.put("symbol", likeEscape(symbol) + "%");
		}
		if (query.from() != null) {
			where.append(" and r.vote_date >= :from");
			params.put("from", query.from());
		}
		if (query.to() != null) {
			where.append(" and r.vote_date <= :to");
			params.put("to", query.to());
		}
		if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
			throw new InvalidInputException("from", "The start date is after the end date");
		}
		if (query.session() != null && !query.session().isBlank()) {
			where.append(" and upper(r.session) = upper(:session)");
			params.put("session", query.session().trim());
		}
		if (query.outcome() != null && !query.outcome().isBlank()) {
			String outcome = query.outcome().trim().toUpperCase(java.util.Locale.ROOT);
			try {
				RollCall.Outcome.valueOf(outcome);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("outcome", "Unknown outcome '" + query.outcome()
						+ "': use ADOPTED, REJECTED, ADOPTED_WITHOUT_VOTE or UNKNOWN");
			}
			where.append(" and (" + OUTCOME + ") = :outcome");
			params.put("outcome", outcome);
		}
		int page = Math.max(0, query.page());
		long total = this.jdbc.sql("select count(*) from history_roll_call r" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<RollCall> rollCalls = this.jdbc
			.sql("select " + COLUMNS + " from history_roll_call r" + where
					+ " order by r.vote_date desc, r.symbol desc nulls last, r.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", page * PAGE_SIZE)
			.query(RollCalls::rollCall)
			.list();
		return new Page(rollCalls, total, page, PAGE_SIZE);
	}

	public RollCall rollCall(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from history_roll_call r where r.id = ?")
			.param(id)
			.query(RollCalls::rollCall)
			.optional()
			.orElseThrow(() -> new NotFoundException("No roll call " + id));
	}

	/**
	 * The roll calls on a resolution symbol (a symbol may have several: amendments,
	 * parts), written as stored or as people type it ("ES-11/1" is A/RES/ES-11/1).
	 */
	public List<RollCall> bySymbol(String symbol) {
		return this.jdbc
			.sql("select " + COLUMNS + " from history_roll_call r where r.symbol = ? order by r.vote_date, r.id")
			.param(Symbols.typedResolution(symbol).orElseGet(() -> Symbols.normalize(symbol)))
			.query(RollCalls::rollCall)
			.list();
	}

	/**
	 * What a person looks for when picking an earlier vote (a campaign's reference
	 * resolutions), newest first. Text that reads as a resolution's symbol, however
	 * written ({@code ES-11/1}, {@code A/RES/ES-11/1}, {@code es 11/1}, {@code 68/262},
	 * Voeten's {@code R/68/262}), finds the roll calls on that resolution and on its
	 * parts ({@code 37/100} finds {@code A/RES/37/100 A} and {@code B}), but not on
	 * another that begins alike ({@code ES-11/1} is not {@code ES-11/10}); a draft's
	 * symbol ({@code A/ES-11/L.1}) finds the votes on that draft and its revisions; a
	 * session ({@code ES-11}) its resolutions. Other text is words of the title,
	 * description or subjects: the roll calls with all the words first, then those with
	 * any word of 4 letters or more; resolutions adopted without a vote are left out
	 * there, as they hold no state's vote, but a symbol finds them too, so that the
	 * person learns why.
	 */
	public List<RollCall> find(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		java.util.LinkedHashMap<Long, RollCall> found = new java.util.LinkedHashMap<>();
		String order = " order by r.vote_date desc, r.symbol desc nulls last, r.id desc limit :limit";
		var resolution = Symbols.typedResolution(text);
		var draft = Symbols.typedDraft(text);
		var session = Symbols.typedSession(text);
		if (resolution.isPresent() || draft.isPresent() || session.isPresent()) {
			String where = resolution.isPresent() ? "r.symbol = :s or r.symbol like :like escape '\\'"
					: draft.isPresent() ? "r.draft_symbol ilike :like escape '\\'" : "r.symbol like :like escape '\\'";
			String symbol = resolution.or(() -> draft).or(() -> session).orElseThrow();
			this.jdbc.sql("select " + COLUMNS + " from history_roll_call r where " + where + order)
				.param("s", symbol)
				.param("like", likeEscape(symbol) + (resolution.isPresent() ? " %" : "%"))
				.param("limit", limit)
				.query(RollCalls::rollCall)
				.list()
				.forEach((r) -> found.put(r.id(), r));
			return List.copyOf(found.values());
		}
		List<String> words = java.util.Arrays.stream(text.trim().split("\\s+")).toList();
		List<String> searches = new ArrayList<>();
		searches.add(String.join(" ", words));
		words.stream().filter((w) -> w.length() >= 4).forEach(searches::add);
		for (int s = 0; s < searches.size(); s++) {
			String search = searches.get(s);
			if (found.size() >= limit) {
				break;
			}
			// each word must be in the title, the description or the subjects
			StringBuilder where = new StringBuilder(" where not r.adopted_without_vote");
			Map<String, Object> params = new java.util.HashMap<>();
			int i = 0;
			for (String word : search.split(" ")) {
				String name = "w" + i++;
				where.append(" and (r.title ilike :" + name + " or r.description ilike :" + name
						+ " or r.subjects ilike :" + name + ")");
				params.put(name, "%" + likeEscape(word) + "%");
			}
			this.jdbc.sql("select " + COLUMNS + " from history_roll_call r" + where + order)
				.params(params)
				.param("limit", (s == 0) ? limit : Math.min(limit - found.size(), 10))
				.query(RollCalls::rollCall)
				.list()
				.forEach((r) -> found.putIfAbsent(r.id(), r));
		}
		return List.copyOf(found.values());
	}

	/** Receives the votes of {@link #readVotes}, roll call by roll call. */
	public interface VoteReader {

		/** A roll call starts; its votes follow. */
		void rollCall(long id, LocalDate date, String symbol, String title);

		/** One state's vote on the roll call that started last. */
		void vote(String iso3, Vote vote);

	}

	/**
	 * Streams every vote of the General Assembly's plenary (and its emergency special
	 * sessions) held before a day, by roll call in the order of id: what the forecast
	 * learns from. Roll calls with no per-state votes are left out.
	 */
	public void readVotes(LocalDate before, VoteReader reader) {
		long[] current = { Long.MIN_VALUE };
		this.jdbc.sql("""
				select r.id, r.vote_date, r.symbol, r.title, v.iso3, v.vote
				from history_roll_call r join history_vote v on v.roll_call_id = r.id
				where r.body <> 'COMMITTEE' and r.vote_date < ?
				order by r.id
				""").param(before).query((rs) -> {
			long id = rs.getLong(1);
			if (id != current[0]) {
				current[0] = id;
				reader.rollCall(id, rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4));
			}
			reader.vote(rs.getString(5), Vote.ofCode(rs.getString(6).charAt(0)));
		});
	}

	/**
	 * A word that changes whenever the stored history does (a roll call added or
	 * changed): what a model fitted on the history was fitted on.
	 */
	public String version() {
		return this.jdbc
			.sql("select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at)::text, '') "
					+ "from history_roll_call")
			.query(String.class)
			.single();
	}

	/** Each state's vote, grouped Yes, No, Abstain, Non-voting, by state name. */
	public Map<Vote, List<StateVote>> votes(long id) {
		Map<Vote, List<StateVote>> byVote = new EnumMap<>(Vote.class);
		for (Vote vote : Vote.values()) {
			byVote.put(vote, new ArrayList<>());
		}
		this.jdbc.sql("""
				select v.iso3, s.short_name, s.m49, v.vote from history_vote v join states_state s on s.iso3 = v.iso3
				where v.roll_call_id = ? order by s.short_name
				""").param(id).query((rs) -> {
			Vote vote = Vote.ofCode(rs.getString(4).charAt(0));
			byVote.get(vote).add(new StateVote(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), vote));
		});
		return byVote;
	}

	/**
	 * The states that voted a given way on a roll call, e.g. every No on a reference
	 * resolution.
	 */
	public java.util.Set<String> statesVoting(long id, Vote vote) {
		rollCall(id);
		return new java.util.TreeSet<>(
				this.jdbc.sql("select iso3 from history_vote where roll_call_id = ? and vote = ?")
					.params(id, String.valueOf(vote.code()))
					.query(String.class)
					.list());
	}

	/** What the imports found wrong with this roll call's data. */
	public List<String> defects(long id) {
		return this.jdbc.sql("""
				select source || ': ' || detail from history_defect where roll_call_id = ? order by found_at, id
				""").param(id).query(String.class).list();
	}

	/**
	 * Earlier (or later) roll calls whose titles are the same or nearly so, most alike
	 * first: the candidates for a campaign's reference resolutions.
	 */
	public List<Similar> similar(long id, int limit) {
		RollCall rollCall = rollCall(id);
		if (rollCall.title() == null) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + ", similarity(r.title, :title) as score from history_roll_call r "
					+ "where r.id <> :id and r.title % :title order by score desc, r.vote_date desc limit :limit")
			.param("title", rollCall.title())
			.param("id", id)
			.param("limit", limit)
			.query((rs, n) -> new Similar(rollCall(rs, n), rs.getDouble("score")))
			.list();
	}

	/** A roll call like another, with how alike their titles are (0 to 1). */
	public record Similar(RollCall rollCall, double score) {
	}

	static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static RollCall rollCall(ResultSet rs, int row) throws SQLException {
		java.sql.Array sources = rs.getArray("sources");
		return new RollCall(rs.getLong("id"), rs.getString("body"), rs.getString("symbol"),
				rs.getObject("vote_date", LocalDate.class), rs.getString("session"), rs.getString("title"),
				rs.getString("description"), rs.getString("agenda_item"), rs.getString("draft_symbol"),
				rs.getString("meeting_record"), rs.getString("subjects"), rs.getString("sponsors"),
				rs.getString("kind"), (Boolean) rs.getObject("important"), rs.getBoolean("adopted_without_vote"),
				(Integer) rs.getObject("stated_yes"), (Integer) rs.getObject("stated_no"),
				(Integer) rs.getObject("stated_abstain"), (Integer) rs.getObject("stated_non_voting"),
				rs.getInt("yes_count"), rs.getInt("no_count"), rs.getInt("abstain_count"),
				rs.getInt("non_voting_count"), sources == null ? List.of() : List.of((String[]) sources.getArray()));
	}

}
