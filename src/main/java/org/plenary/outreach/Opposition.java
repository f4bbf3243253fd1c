package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.states.Grouping;
import org.plenary.states.MemberStates;
import org.plenary.states.Membership;
import org.plenary.states.StateNameResolver;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The other side's moves in a campaign, each linked to the states it concerns. */
@Service
public class Opposition {

	private static final int MAX_STATES = 193;

	/** A state named by the move. */
	private static final String NAMED = "exists (select 1 from outreach_opposition_state s"
			+ " where s.opposition_id = o.id and s.iso3 = :iso3)";

	/** A state in the group or bloc the move concerns, on the day it happened. */
	private static final String IN_GROUPING = "exists (select 1 from states_grouping_member m"
			+ " where m.grouping_code = o.grouping_code and m.iso3 = :iso3 and m.role = 'MEMBER'"
			+ " and (m.joined_on is null or m.joined_on <= o.occurred_on)"
			+ " and (m.left_on is null or m.left_on > o.occurred_on))";

	private static final Pattern CODES = Pattern.compile("(?i)[a-z]{3}(\\s+[a-z]{3})+");

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final StateNameResolver names;

	private final MemberStates states;

	Opposition(JdbcClient jdbc, Campaigns campaigns, StateNameResolver names, MemberStates states) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.names = names;
		this.states = states;
	}

	/**
	 * An activity to record.
	 *
	 * @param occurredOn when it happened (null: today)
	 * @param states the states it concerns, by code or name ("RUS", "Belarus"); may be
	 * empty for a move aimed at no state in particular
	 * @param allMembers whether it concerns every member of the body (a letter to all
	 * Permanent Representatives)
	 * @param grouping the code or name of a group or bloc it concerns ("AFRICAN",
	 * "African States", "EU"); null for none
	 */
	public record RecordActivity(long campaignId, LocalDate occurredOn, OppositionActivity.Kind kind, String actor,
			String description, List<String> states, boolean allMembers, String grouping) {

		/** A move concerning named states only (or no one in particular). */
		public RecordActivity(long campaignId, LocalDate occurredOn, OppositionActivity.Kind kind, String actor,
				String description, List<String> states) {
			this(campaignId, occurredOn, kind, actor, description, states, false, null);
		}

	}

	/** Which activities to list; both parts are optional. */
	public record Filter(String iso3, OppositionActivity.Kind kind) {

		public static Filter all() {
			return new Filter(null, null);
		}

	}

	@Transactional
	public OppositionActivity record(RecordActivity command, String username) {
		this.campaigns.campaign(command.campaignId());
		if (command.kind() == null) {
			throw new InvalidInputException("kind", "Say what kind of move it was (letter, public statement, ...)");
		}
		if (command.description() == null || command.description().isBlank()) {
			throw new InvalidInputException("description", "Say what the other side did");
		}
		Counterparts.limit("description", command.description(), 8000);
		Counterparts.limit("actor", command.actor(), 200);
		LocalDate on = (command.occurredOn() == null) ? LocalDate.now() : command.occurredOn();
		// a typo in the year would bury the entry or float it above everything else
		if (on.isAfter(LocalDate.now().plusYears(1)) || on.getYear() < 1945) {
			throw new InvalidInputException("occurredOn", "The date " + on + " is not plausible");
		}
		Set<String> codes = members(command.campaignId(), command.states());
		Grouping grouping = grouping(command.grouping());
		if (command.allMembers() && grouping != null) {
			throw new InvalidInputException("grouping",
					"A move concerns every member or a group, not both: every member already includes "
							+ grouping.name());
		}
		long id = this.jdbc.sql("""
				insert into outreach_opposition (campaign_id, occurred_on, kind, actor, description, recorded_by,
				  all_members, grouping_code)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(command.campaignId(), on, command.kind().name(), People.blankToNull(command.actor()),
					command.description().trim(), username, command.allMembers(),
					(grouping == null) ? null : grouping.code())
			.query(Long.class)
			.single();
		for (String code : codes) {
			this.jdbc.sql("insert into outreach_opposition_state (opposition_id, iso3) values (?, ?)")
				.params(id, code)
				.update();
		}
		return activity(command.campaignId(), id);
	}

	public OppositionActivity activity(long campaignId, long id) {
		List<OppositionActivity> found = load("where o.campaign_id = :campaign and o.id = :id",
				Map.of("campaign", campaignId, "id", id));
		if (found.isEmpty()) {
			throw new NotFoundException("No opposition activity " + id + " in this campaign");
		}
		return found.get(0);
	}

	/** A campaign's opposition activity, newest first. */
	public List<OppositionActivity> activities(long campaignId, Filter filter) {
		this.campaigns.campaign(campaignId);
		StringBuilder where = new StringBuilder("where o.campaign_id = :campaign");
		Map<String, Object> params = new HashMap<>();
		params.put("campaign", campaignId);
		if (filter.iso3() != null && !filter.iso3().isBlank()) {
			where.append(" and (o.all_members or " + NAMED + " or " + IN_GROUPING + ")");
			params.put("iso3", filter.iso3().trim().toUpperCase(Locale.ROOT));
		}
		if (filter.kind() != null) {
			where.append(" and o.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		return load(where.toString(), params);
	}

	/**
	 * The activity concerning one state, newest first: named, sent to every member, or to
	 * a group or bloc the state belonged to on the day.
	 */
	public List<OppositionActivity> concerning(long campaignId, String iso3) {
		return activities(campaignId, new Filter(iso3, null));
	}

	/**
	 * A campaign's activity by each member of its body it concerns, newest first: what a
	 * call sheet for that state lists.
	 */
	public Map<String, List<OppositionActivity>> byState(long campaignId) {
		List<OppositionActivity> all = activities(campaignId, Filter.all());
		Map<String, List<OppositionActivity>> byState = new HashMap<>();
		if (all.isEmpty()) {
			return byState;
		}
		List<String> members = this.campaigns.members(campaignId).stream().map(Member::iso3).toList();
		Set<String> isMember = new java.util.HashSet<>(members);
		for (OppositionActivity activity : all) {
			Set<String> reached = new LinkedHashSet<>();
			activity.states().forEach((s) -> reached.add(s.iso3()));
			if (activity.allMembers()) {
				reached.addAll(members);
			}
			if (activity.grouping() != null) {
				groupMembers(activity.grouping().code(), activity.occurredOn()).stream()
					.filter(isMember::contains)
					.forEach(reached::add);
			}
			reached.forEach((iso3) -> byState.computeIfAbsent(iso3, (k) -> new ArrayList<>()).add(activity));
		}
		return byState;
	}

	/** The groups and blocs a move may concern. */
	public List<Grouping> groupings() {
		return this.states.groupings();
	}

	private List<String> groupMembers(String code, LocalDate on) {
		return this.states.membersOf(code, on)
			.stream()
			.filter((m) -> "MEMBER".equals(m.role()))
			.map(Membership::iso3)
			.toList();
	}

	/** The group or bloc named by code or name; null for none. */
	private Grouping grouping(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.trim();
		return this.states.groupings()
			.stream()
			.filter((g) -> g.code().equalsIgnoreCase(wanted) || g.name().equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("grouping", "Unknown group or bloc '" + wanted + "': use "
					+ this.states.groupings().stream().map(Grouping::code).collect(Collectors.joining(", "))));
	}

	/**
	 * The codes of the states given by code or name, each a member of the campaign's
	 * body. A run of codes separated by spaces ("RUS BLR") counts as several states.
	 */
	Set<String> members(long campaignId, List<String> given) {
		Set<String> codes = new LinkedHashSet<>();
		if (given == null) {
			return codes;
		}
		Set<String> members = new java.util.HashSet<>(
				this.campaigns.members(campaignId).stream().map(Member::iso3).toList());
		List<String> parts = new ArrayList<>();
		for (String text : given) {
			if (text == null || text.isBlank()) {
				continue;
			}
			String trimmed = text.trim();
			if (CODES.matcher(trimmed).matches()) {
				parts.addAll(List.of(trimmed.split("\\s+")));
			}
			else {
				parts.add(trimmed);
			}
		}
		for (String part : parts) {
			StateNameResolver.Resolution resolution = this.names.resolve(part, LocalDate.now());
			if (!resolution.resolved()) {
				throw new InvalidInputException("states", "Unknown state: " + resolution.problem());
			}
			if (!members.contains(resolution.iso3())) {
				throw new InvalidInputException("states", "'" + part + "' is not a member of this campaign's body");
			}
			codes.add(resolution.iso3());
		}
		if (codes.size() > MAX_STATES) {
			throw new InvalidInputException("states", "At most " + MAX_STATES + " states");
		}
		return codes;
	}

	private List<OppositionActivity> load(String where, Map<String, Object> params) {
		List<OppositionActivity> rows = this.jdbc
			.sql("select o.*, g.name as grouping_name from outreach_opposition o"
					+ " left join states_grouping g on g.code = o.grouping_code " + where
					+ " order by o.occurred_on desc, o.id desc")
			.params(params)
			.query(Opposition::row)
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<OppositionActivity.StateRef>> states = new HashMap<>();
		this.jdbc.sql("""
				select os.opposition_id, os.iso3, s.short_name from outreach_opposition_state os
				join states_state s on s.iso3 = os.iso3 where os.opposition_id in (:ids) order by s.short_name
				""").param("ids", rows.stream().map(OppositionActivity::id).toList()).query((rs) -> {
			states.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new OppositionActivity.StateRef(rs.getString(2), rs.getString(3)));
		});
		return rows.stream()
			.map((o) -> new OppositionActivity(o.id(), o.campaignId(), o.occurredOn(), o.kind(), o.actor(),
					o.description(), states.getOrDefault(o.id(), List.of()), o.allMembers(), o.grouping(),
					o.recordedBy(), o.recordedAt()))
			.toList();
	}

	private static OppositionActivity row(ResultSet rs, int row) throws SQLException {
		return new OppositionActivity(rs.getLong("id"), rs.getLong("campaign_id"),
				rs.getObject("occurred_on", LocalDate.class), OppositionActivity.Kind.valueOf(rs.getString("kind")),
				rs.getString("actor"), rs.getString("description"), List.of(), rs.getBoolean("all_members"),
				(rs.getString("grouping_code") == null) ? null
						: new OppositionActivity.GroupingRef(rs.getString("grouping_code"),
								rs.getString("grouping_name")),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

}
