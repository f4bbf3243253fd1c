package org.plenary.states;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the register: states, their names, regional groups and blocs.
 */
@Service
public class MemberStates {

	private static final String STATE_COLUMNS = """
			s.iso3, s.iso2, s.m49, s.short_name, s.formal_name, s.status, s.admitted_on, s.ended_on,
			s.successor_iso3, s.note
			""";

	private final JdbcClient jdbc;

	private final StateNameResolver resolver;

	MemberStates(JdbcClient jdbc, StateNameResolver resolver) {
		this.jdbc = jdbc;
		this.resolver = resolver;
	}

	/**
	 * Which states to list. Every part is optional.
	 *
	 * @param statuses statuses to include; empty means members and observers
	 * @param grouping code of a regional group or bloc the state belongs to today
	 * @param text part of any of the state's names, or a code
	 */
	public record StateFilter(Set<StateStatus> statuses, String grouping, String text) {

		public static StateFilter all() {
			return new StateFilter(Set.of(), null, null);
		}

	}

	public List<MemberState> list(StateFilter filter) {
		Set<StateStatus> statuses = filter.statuses() == null || filter.statuses().isEmpty()
				? Set.of(StateStatus.MEMBER, StateStatus.OBSERVER) : filter.statuses();
		StringBuilder sql = new StringBuilder(
				"select " + STATE_COLUMNS + " from states_state s where s.status in (:statuses)");
		List<String> statusNames = statuses.stream().map(Enum::name).toList();
		String grouping = blankToNull(filter.grouping());
		if (grouping != null) {
			grouping = grouping.toUpperCase(Locale.ROOT);
			if (findGrouping(grouping).isEmpty()) {
				throw new InvalidInputException("grouping", "No regional group or bloc with code '" + grouping + "'");
			}
			sql.append("""
					 and exists (select 1 from states_grouping_member m where m.iso3 = s.iso3
					   and m.grouping_code = :grouping and (m.left_on is null or m.left_on > current_date)
					   and (m.joined_on is null or m.joined_on <= current_date))
					""");
		}
		String text = blankToNull(filter.text());
		List<String> matchingCodes = List.of();
		if (text != null) {
			matchingCodes = matchingIso3(text);
			sql.append(" and s.iso3 in (:codes)");
		}
		sql.append(" order by s.short_name");
		var statement = this.jdbc.sql(sql.toString()).param("statuses", statusNames);
		if (grouping != null) {
			statement = statement.param("grouping", grouping);
		}
		if (text != null) {
			if (matchingCodes.isEmpty()) {
				return List.of();
			}
			statement = statement.param("codes", matchingCodes);
		}
		return statement.query(MemberStates::state).list();
	}

	public Optional<MemberState> find(String iso3) {
		if (iso3 == null || !iso3.matches("(?i)[A-Z]{3}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + STATE_COLUMNS + " from states_state s where s.iso3 = ?")
			.param(iso3.toUpperCase(Locale.ROOT))
			.query(MemberStates::state)
			.optional();
	}

	public MemberState state(String iso3) {
		return find(iso3).orElseThrow(() -> new NotFoundException("No state with code '" + iso3 + "'"));
	}

	public StateProfile profile(String iso3) {
		MemberState state = state(iso3);
		List<StateName> names = this.jdbc.sql("""
				select iso3, name, kind, valid_from, valid_to, source from states_state_name where iso3 = ?
				order by kind, valid_from nulls first, name
				""")
			.param(state.iso3())
			.query((rs, n) -> new StateName(rs.getString("iso3"), rs.getString("name"), rs.getString("kind"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getString("source")))
			.list();
		MemberState successor = state.successorIso3() == null ? null : find(state.successorIso3()).orElse(null);
		List<MemberState> predecessors = this.jdbc
			.sql("select " + STATE_COLUMNS + " from states_state s where s.successor_iso3 = ? order by s.ended_on")
			.param(state.iso3())
			.query(MemberStates::state)
			.list();
		return new StateProfile(state, names, memberships(state.iso3()), successor, predecessors);
	}

	public List<Membership> memberships(String iso3) {
		return this.jdbc.sql("""
				select m.grouping_code, g.name, g.kind, m.iso3, m.role, m.joined_on, m.left_on, m.note
				from states_grouping_member m join states_grouping g on g.code = m.grouping_code
				where m.iso3 = ? order by g.kind desc, g.name, m.joined_on nulls first
				""").param(iso3.toUpperCase(Locale.ROOT)).query(MemberStates::membership).list();
	}

	public List<Grouping> groupings() {
		return this.jdbc.sql("""
				select g.code, g.name, g.kind, g.source, g.note,
				  (select count(distinct m.iso3) from states_grouping_member m where m.grouping_code = g.code
				     and (m.left_on is null or m.left_on > current_date)
				     and (m.joined_on is null or m.joined_on <= current_date)) as current_members
				from states_grouping g order by g.kind desc, g.name
				""").query(MemberStates::grouping).list();
	}

	public Optional<Grouping> findGrouping(String code) {
		return this.jdbc.sql("""
				select g.code, g.name, g.kind, g.source, g.note,
				  (select count(distinct m.iso3) from states_grouping_member m where m.grouping_code = g.code
				     and (m.left_on is null or m.left_on > current_date)
				     and (m.joined_on is null or m.joined_on <= current_date)) as current_members
				from states_grouping g where g.code = upper(?)
				""").param(code).query(MemberStates::grouping).optional();
	}

	/** The members of a grouping on a day (all roles), e.g. the EU's 27 today. */
	public List<Membership> membersOf(String groupingCode, LocalDate on) {
		return this.jdbc.sql("""
				select m.grouping_code, g.name, g.kind, m.iso3, m.role, m.joined_on, m.left_on, m.note
				from states_grouping_member m join states_grouping g on g.code = m.grouping_code
				where m.grouping_code = ? and (m.joined_on is null or m.joined_on <= ?)
				  and (m.left_on is null or m.left_on > ?)
				order by m.iso3
				""").params(groupingCode.toUpperCase(Locale.ROOT), on, on).query(MemberStates::membership).list();
	}

	/**
	 * Each state's regional group(s) today, by ISO code, e.g. TUR: "Asia-Pacific States,
	 * WEOG".
	 */
	public java.util.Map<String, String> regionalGroupNames() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.jdbc.sql("""
				select m.iso3, string_agg(g.name, ', ' order by g.name) from states_grouping_member m
				join states_grouping g on g.code = m.grouping_code
				where g.kind = 'REGIONAL_GROUP' and (m.left_on is null or m.left_on > current_date)
				  and (m.joined_on is null or m.joined_on <= current_date)
				group by m.iso3
				""").query((rs) -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

	/**
	 * The member states seated in the General Assembly on a day, by ISO code: admitted on
	 * or before it and not yet ended; a successor that continues a seat (the Russian
	 * Federation, the People's Republic of China) sits only after its predecessor's seat
	 * ends. The same rule the history's importer uses for members in no list.
	 */
	public List<String> seatedOn(LocalDate day) {
		return this.jdbc.sql("""
				select s.iso3 from states_state s
				where s.status in ('MEMBER', 'FORMER_MEMBER')
				  and (s.admitted_on is null or s.admitted_on <= :day)
				  and (s.ended_on is null or :day < s.ended_on)
				  and not exists (select 1 from states_state p where p.successor_iso3 = s.iso3
				                  and p.successor_continues_seat and :day < p.ended_on)
				order by s.iso3
				""").param("day", day).query(String.class).list();
	}

	/**
	 * Each state's regional group on a day, by ISO code (the code of the group it is a
	 * full member of; for a state in two, the first code in alphabetical order).
	 */
	public java.util.Map<String, String> regionalGroupsOn(LocalDate day) {
		java.util.Map<String, String> groups = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select m.iso3, min(m.grouping_code) from states_grouping_member m
				join states_grouping g on g.code = m.grouping_code
				where g.kind = 'REGIONAL_GROUP' and m.role = 'MEMBER'
				  and (m.joined_on is null or m.joined_on <= :day) and (m.left_on is null or m.left_on > :day)
				group by m.iso3
				""").param("day", day).query((rs) -> {
			groups.put(rs.getString(1), rs.getString(2));
		});
		return groups;
	}

	/**
	 * Each state's blocs on a day (full members and associates, not observers), by ISO
	 * code: what the forecast compares a state with for bloc cohesion.
	 */
	public java.util.Map<String, java.util.Set<String>> blocsOn(LocalDate day) {
		java.util.Map<String, java.util.Set<String>> blocs = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select m.iso3, m.grouping_code from states_grouping_member m
				join states_grouping g on g.code = m.grouping_code
				where g.kind = 'BLOC' and m.role in ('MEMBER', 'ASSOCIATE')
				  and (m.joined_on is null or m.joined_on <= :day) and (m.left_on is null or m.left_on > :day)
				""").param("day", day).query((rs) -> {
			blocs.computeIfAbsent(rs.getString(1), (k) -> new java.util.TreeSet<>()).add(rs.getString(2));
		});
		return blocs;
	}

	/**
	 * Every state's code in the register (members, observers, former members, others).
	 */
	public List<String> allCodes() {
		return this.jdbc.sql("select iso3 from states_state order by iso3").query(String.class).list();
	}

	/** The codes of states one of whose names contains the text, or whose code it is. */
	private List<String> matchingIso3(String text) {
		return this.resolver.search(text);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	static MemberState state(ResultSet rs, int row) throws SQLException {
		return new MemberState(rs.getString("iso3"), rs.getString("iso2"), (Integer) rs.getObject("m49"),
				rs.getString("short_name"), rs.getString("formal_name"), StateStatus.valueOf(rs.getString("status")),
				rs.getObject("admitted_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				rs.getString("successor_iso3"), rs.getString("note"));
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		return new Membership(rs.getString(1), rs.getString(2), Grouping.Kind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8));
	}

	private static Grouping grouping(ResultSet rs, int row) throws SQLException {
		return new Grouping(rs.getString("code"), rs.getString("name"), Grouping.Kind.valueOf(rs.getString("kind")),
				rs.getString("source"), rs.getString("note"), rs.getInt("current_members"));
	}

}
