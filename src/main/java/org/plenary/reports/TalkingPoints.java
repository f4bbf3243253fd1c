package org.plenary.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.Visibility;
import org.plenary.states.MemberStates;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talking points stored on a campaign, printed on the call sheets: for every member,
 * for the members of a grouping (a regional group or a bloc), or for one state. Each
 * belongs to the organisation that wrote it and is seen by the whole coalition or by that
 * organisation only (row-level security decides, as for contacts). Writing the same point
 * for the same states twice stores it once, so a retried form adds nothing.
 */
@Service
public class TalkingPoints {

	/** The longest talking point: a paragraph, not a brief. */
	static final int MAX_LENGTH = 2000;

	/**
	 * A talking point; {@code iso3} and {@code grouping} both null: for every member.
	 *
	 * @param groupingName the grouping's name, for a point written for a grouping
	 */
	public record TalkingPoint(long id, String iso3, String stateName, String grouping, String groupingName,
			String body, String organisation, Visibility visibility, String writtenBy, Instant writtenAt) {

		/** Whom the point is for, in words. */
		public String scope() {
			if (this.iso3 != null) {
				return (this.stateName != null) ? this.stateName : this.iso3;
			}
			return (this.grouping != null) ? this.groupingName : "Every state";
		}

	}

	/** A talking point to write: for one state, a grouping or (neither) every member. */
	public record Write(String iso3, String grouping, String body, Visibility visibility) {
	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final MemberStates states;

	TalkingPoints(JdbcClient jdbc, Campaigns campaigns, MemberStates states) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.states = states;
	}

	/**
	 * Every talking point of a campaign the user sees: every state's first, then by
	 * grouping, then by state.
	 */
	public List<TalkingPoint> all(long campaignId) {
		this.campaigns.campaign(campaignId);
		return this.jdbc.sql(SELECT + """
				 where t.campaign_id = ?
				 order by (t.iso3 is not null), (t.grouping_code is not null), t.grouping_code, t.iso3, t.id
				""").param(campaignId).query(TalkingPoints::talkingPoint).list();
	}

	private static final String SELECT = """
			select t.id, t.iso3, s.short_name as state_name, t.grouping_code, g.name as grouping_name, t.body,
			       o.name as organisation, t.visibility, t.written_by, t.written_at
			  from reports_talking_point t
			  left join states_state s on s.iso3 = t.iso3
			  left join states_grouping g on g.code = t.grouping_code
			  left join accounts_organisation o on o.id = t.organisation_id
			""";

	private static TalkingPoint talkingPoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TalkingPoint(rs.getLong("id"), rs.getString("iso3"), rs.getString("state_name"),
				rs.getString("grouping_code"), rs.getString("grouping_name"), rs.getString("body"),
				rs.getString("organisation"), Visibility.valueOf(rs.getString("visibility")),
				rs.getString("written_by"), rs.getTimestamp("written_at").toInstant());
	}

	/**
	 * The talking points that apply to a state: every member's, its groupings' and its
	 * own, in that order.
	 * @param groupings the codes of the groupings the state belongs to
	 */
	static List<TalkingPoint> forState(List<TalkingPoint> all, String iso3, Set<String> groupings) {
		List<TalkingPoint> points = new ArrayList<>();
		for (TalkingPoint point : all) {
			if ((point.iso3() == null && point.grouping() == null)
					|| (point.grouping() != null && groupings.contains(point.grouping()))
					|| iso3.equals(point.iso3())) {
				points.add(point);
			}
		}
		return points;
	}

	/** The codes of the groupings each state belongs to today. */
	Map<String, Set<String>> groupingsByState() {
		Map<String, Set<String>> byState = new java.util.HashMap<>();
		this.states.regionalGroupsOn(java.time.LocalDate.now())
			.forEach((iso3, group) -> byState.computeIfAbsent(iso3, (k) -> new java.util.HashSet<>()).add(group));
		this.states.blocsOn(java.time.LocalDate.now())
			.forEach((iso3, blocs) -> byState.computeIfAbsent(iso3, (k) -> new java.util.HashSet<>()).addAll(blocs));
		return byState;
	}

	/**
	 * Writes a talking point (once: the same point for the same states is not stored
	 * twice).
	 */
	@Transactional
	public TalkingPoint write(long campaignId, Write command, String username) {
		this.campaigns.campaign(campaignId);
		String body = (command.body() == null) ? "" : command.body().strip();
		if (body.isEmpty()) {
			throw new InvalidInputException("body", "Write the talking point");
		}
		if (body.length() > MAX_LENGTH) {
			throw new InvalidInputException("body",
					"A talking point is at most " + MAX_LENGTH + " characters; this one has " + body.length());
		}
		String iso3 = blankToNull(command.iso3());
		String grouping = blankToNull(command.grouping());
		if (iso3 != null && grouping != null) {
			throw new InvalidInputException("grouping", "A talking point is for one state or for a grouping, not both");
		}
		if (iso3 != null) {
			iso3 = iso3.toUpperCase(Locale.ROOT);
			String code = iso3;
			if (this.campaigns.members(campaignId).stream().map(Member::iso3).noneMatch(code::equals)) {
				throw new InvalidInputException("iso3",
						"'" + command.iso3() + "' is not a member of this campaign's body");
			}
		}
		if (grouping != null && this.states.findGrouping(grouping).isEmpty()) {
			throw new InvalidInputException("grouping", "No grouping '" + grouping + "'");
		}
		Visibility visibility = (command.visibility() == null) ? Visibility.COALITION : command.visibility();
		if (visibility == Visibility.PARTNERS) {
			throw new InvalidInputException("visibility",
					"A talking point is for the whole coalition or for your organisation only");
		}
		this.jdbc.sql("""
				insert into reports_talking_point (campaign_id, iso3, grouping_code, body, organisation_id, visibility,
				  written_by)
				values (?, ?, ?, ?, plenary_owner(), ?, ?)
				on conflict (campaign_id, coalesce(iso3, ''), coalesce(grouping_code, ''), coalesce(organisation_id, 0),
				  md5(body)) do nothing
				""").params(campaignId, iso3, grouping, body, visibility.name(), username).update();
		// the point just written, or the same one written before
		return this.jdbc.sql(SELECT + """
				 where t.campaign_id = ? and t.iso3 is not distinct from ? and t.grouping_code is not distinct from ?
				   and t.organisation_id is not distinct from plenary_owner() and t.body = ?
				""").params(campaignId, iso3, grouping, body).query(TalkingPoints::talkingPoint).single();
	}

	/** Removes a talking point the user's organisation wrote. */
	@Transactional
	public void remove(long campaignId, long id) {
		this.campaigns.campaign(campaignId);
		int removed = this.jdbc.sql("delete from reports_talking_point where campaign_id = ? and id = ?")
			.params(campaignId, id)
			.update();
		if (removed == 0) {
			throw new NotFoundException("No talking point " + id + " of yours in campaign " + campaignId);
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
