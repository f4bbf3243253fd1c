package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Follow-ups: tasks with due dates and owners. Days are UTC days, as everywhere in
 * Plenary: "due today" is today in UTC. Methods that depend on the day take it as a
 * parameter so that tests can pass one; the others use today's.
 */
@Service
public class FollowUps {

	/** Who closes follow-ups that a rule opened or closed, in place of a user. */
	public static final String PLENARY = "plenary";

	/**
	 * Until a coordinator says otherwise, a state is overdue for a contact after this.
	 */
	public static final int DEFAULT_NOT_CONTACTED_DAYS = 7;

	static final String SELECT = """
			select f.*, coalesce(p.name, po.name) as owner_name, s.short_name as state_name from outreach_follow_up f
			left join outreach_person p on p.id = f.owner_id
			left join accounts_organisation po on p.id is null and po.id = outreach_person_organisation(f.owner_id)
			left join states_state s on s.iso3 = f.iso3
			""";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final People people;

	FollowUps(JdbcClient jdbc, Campaigns campaigns, People people) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.people = people;
	}

	/**
	 * A follow-up to open; {@code iso3}, {@code ownerId} and {@code contactId} are
	 * optional.
	 */
	public record NewFollowUp(long campaignId, String iso3, String title, LocalDate dueOn, Long ownerId,
			Level suggestedLevel, FollowUp.Origin origin, Long contactId, org.plenary.campaigns.Visibility visibility) {

		/**
		 * A follow-up seen as its contact is, or by the whole coalition when it has none.
		 */
		public NewFollowUp(long campaignId, String iso3, String title, LocalDate dueOn, Long ownerId,
				Level suggestedLevel, FollowUp.Origin origin, Long contactId) {
			this(campaignId, iso3, title, dueOn, ownerId, suggestedLevel, origin, contactId, null);
		}

	}

	/** What a user may change on a follow-up; a null owner leaves it unassigned. */
	public record FollowUpChange(String title, LocalDate dueOn, Long ownerId) {
	}

	/** Where an open follow-up stands against today. */
	public enum Due {

		OVERDUE, TODAY, UPCOMING;

		public static Due of(LocalDate dueOn, LocalDate today) {
			int order = dueOn.compareTo(today);
			return (order < 0) ? OVERDUE : (order == 0) ? TODAY : UPCOMING;
		}

	}

	/**
	 * Which follow-ups to list; every part is optional. A {@code due} filter lists open
	 * follow-ups only.
	 */
	public record FollowUpFilter(FollowUp.Status status, Due due, Long ownerId, String iso3, int limit) {

		public static FollowUpFilter open() {
			return new FollowUpFilter(FollowUp.Status.OPEN, null, null, null, 1000);
		}

		public FollowUpFilter withOwner(Long owner) {
			return new FollowUpFilter(this.status, this.due, owner, this.iso3, this.limit);
		}

		public FollowUpFilter withState(String state) {
			return new FollowUpFilter(this.status, this.due, this.ownerId, state, this.limit);
		}

	}

	public FollowUp open(NewFollowUp command, String username) {
		if (command.origin() == null) {
			throw new InvalidInputException("origin", "Say where the follow-up comes from");
		}
		checkTitleAndDue(command.title(), command.dueOn());
		String iso3 = normalise(command.iso3());
		if (iso3 != null) {
			checkMember(command.campaignId(), iso3);
		}
		else {
			this.campaigns.campaign(command.campaignId()); // 404 for an unknown campaign
		}
		// an owner picked by hand must be someone who still works on the campaign; the
		// owner of a follow-up from a contact is whoever made the contact
		checkOwner(command.campaignId(), command.ownerId(), command.origin() != FollowUp.Origin.CONTACT);
		long id = this.jdbc.sql("""
				insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, suggested_level, origin,
				  contact_id, created_by, organisation_id, visibility, shared_with)
				values (:campaign, :iso3, :title, :due, :owner, :level, :origin, :contact, :by, plenary_owner(),
				  coalesce(:visibility, (select visibility from outreach_contact where id = :contact), 'COALITION'),
				  coalesce((select shared_with from outreach_contact where id = :contact), '{}'))
				returning id
				""")
			.param("campaign", command.campaignId())
			.param("iso3", iso3)
			.param("title", command.title().trim())
			.param("due", command.dueOn())
			.param("owner", command.ownerId())
			.param("level", command.suggestedLevel() == null ? null : command.suggestedLevel().name())
			.param("origin", command.origin().name())
			.param("contact", command.contactId())
			.param("by", username)
			.param("visibility", command.visibility() == null ? null : command.visibility().name())
			.query(Long.class)
			.single();
		return followUp(command.campaignId(), id);
	}

	public FollowUp followUp(long campaignId, long id) {
		return this.jdbc.sql(SELECT + " where f.campaign_id = ? and f.id = ?")
			.params(campaignId, id)
			.query(FollowUps::followUp)
			.optional()
			.orElseThrow(() -> new NotFoundException(Contacts.NOT_FOUND));
	}

	/** The follow-ups of a campaign, as of today (UTC). */
	public List<FollowUp> followUps(long campaignId, FollowUpFilter filter) {
		return followUps(campaignId, filter, today());
	}

	/**
	 * The follow-ups of a campaign: open ones by due date (oldest first), closed ones by
	 * when they were closed (newest first).
	 */
	public List<FollowUp> followUps(long campaignId, FollowUpFilter filter, LocalDate today) {
		Campaign campaign = this.campaigns.campaign(campaignId); // 404 for an unknown
																	// campaign
		if (filter.due() != null && campaign.over()) {
			return List.of(); // once voted, nothing is overdue, due today or upcoming
		}
		StringBuilder where = new StringBuilder(" where f.campaign_id = :campaign");
		Map<String, Object> params = new HashMap<>();
		params.put("campaign", campaignId);
		FollowUp.Status status = (filter.due() != null) ? FollowUp.Status.OPEN : filter.status();
		if (filter.due() != null && filter.status() != null && filter.status() != FollowUp.Status.OPEN) {
			throw new InvalidInputException("due", "Only open follow-ups are due; leave out the status or the due");
		}
		if (status != null) {
			where.append(" and f.status = :status");
			params.put("status", status.name());
		}
		if (filter.due() != null) {
			where.append(switch (filter.due()) {
				case OVERDUE -> " and f.due_on < :today";
				case TODAY -> " and f.due_on = :today";
				case UPCOMING -> " and f.due_on > :today";
			});
			params.put("today", today);
		}
		ownerAndState(filter, where, params);
		where.append((status == FollowUp.Status.OPEN) ? " order by f.due_on, f.id"
				: " order by f.status = 'OPEN' desc, coalesce(f.closed_at, f.created_at) desc, f.id desc");
		where.append(" limit :limit");
		params.put("limit", Math.max(1, Math.min(filter.limit(), 1000)));
		return this.jdbc.sql(SELECT + where).params(params).query(FollowUps::followUp).list();
	}

	/** The owner and state parts of a filter, shared by the open and the closed lists. */
	private static void ownerAndState(FollowUpFilter filter, StringBuilder where, Map<String, Object> params) {
		if (filter.ownerId() != null) {
			where.append(" and f.owner_id = :owner");
			params.put("owner", filter.ownerId());
		}
		String iso3 = normalise(filter.iso3());
		if (iso3 != null) {
			where.append(" and f.iso3 = :iso3");
			params.put("iso3", iso3);
		}
	}

	/** Closed follow-ups of a campaign, the most recently closed first. */
	public List<FollowUp> recentlyClosed(long campaignId, FollowUpFilter filter, int limit) {
		this.campaigns.campaign(campaignId);
		StringBuilder where = new StringBuilder(" where f.campaign_id = :campaign and f.status <> 'OPEN'");
		Map<String, Object> params = new HashMap<>();
		params.put("campaign", campaignId);
		ownerAndState(filter, where, params);
		where.append(" order by f.closed_at desc, f.id desc limit :limit");
		params.put("limit", Math.max(1, Math.min(limit, 1000)));
		return this.jdbc.sql(SELECT + where).params(params).query(FollowUps::followUp).list();
	}

	/** Changes a follow-up on top of the version the caller read. */
	public FollowUp change(long campaignId, long id, FollowUpChange change, int expectedVersion, String username) {
		checkTitleAndDue(change.title(), change.dueOn());
		FollowUp current = followUp(campaignId, id);
		requireOwn(id);
		if (current.status() != FollowUp.Status.OPEN) {
			throw new ConflictException("This follow-up was closed (" + current.status().name().toLowerCase(Locale.ROOT)
					+ ") by " + current.closedBy() + "; it can no longer be changed", current);
		}
		// an owner left as it was stays, even one of another organisation the actor may
		// not see
		if (!java.util.Objects.equals(change.ownerId(), current.ownerId())) {
			checkOwner(campaignId, change.ownerId(), true);
		}
		int updated = this.jdbc.sql("""
				update outreach_follow_up set title = ?, due_on = ?, owner_id = ?, version = version + 1
				where campaign_id = ? and id = ? and version = ? and status = 'OPEN'
				""")
			.params(change.title().trim(), change.dueOn(), change.ownerId(), campaignId, id, expectedVersion)
			.update();
		if (updated == 0) {
			throw stale(followUp(campaignId, id));
		}
		return followUp(campaignId, id);
	}

	/** Marks a follow-up done; marking a done follow-up done again changes nothing. */
	public FollowUp done(long campaignId, long id, String username) {
		return close(campaignId, id, FollowUp.Status.DONE, username);
	}

	/** Dismisses a follow-up: it no longer needs doing. */
	public FollowUp dismiss(long campaignId, long id, String username) {
		return close(campaignId, id, FollowUp.Status.DISMISSED, username);
	}

	private FollowUp close(long campaignId, long id, FollowUp.Status status, String username) {
		followUp(campaignId, id); // 404 for one the caller does not see
		requireOwn(id);
		int updated = this.jdbc.sql("""
				update outreach_follow_up set status = ?, closed_by = ?, closed_at = now(), version = version + 1
				where campaign_id = ? and id = ? and status = 'OPEN'
				""").params(status.name(), username, campaignId, id).update();
		FollowUp current = followUp(campaignId, id);
		if (updated == 0 && current.status() != status) {
			throw new ConflictException("This follow-up was already closed ("
					+ current.status().name().toLowerCase(Locale.ROOT) + ") by " + current.closedBy(), current);
		}
		return current;
	}

	/**
	 * Refuses a follow-up of another organisation: it is renamed, rescheduled, done or
	 * dismissed by its own (one of no organisation, made by a rule, by any taking part).
	 * The database refuses the change too (V28); this says why.
	 */
	private void requireOwn(long id) {
		this.jdbc.sql("""
				select o.name from outreach_follow_up f join accounts_organisation o on o.id = f.organisation_id
				where f.id = ? and plenary_organisation() is not null and f.organisation_id <> plenary_organisation()
				""").param(id).query(String.class).optional().ifPresent((owner) -> {
			throw new ForbiddenException("This follow-up belongs to " + owner
					+ ": only its own organisation renames, reschedules, closes or dismisses it");
		});
	}

	/**
	 * The outreach settings of a campaign (defaults until a coordinator changes them).
	 */
	public OutreachSettings settings(long campaignId) {
		this.campaigns.campaign(campaignId);
		return new OutreachSettings(campaignId, notContactedDays(campaignId));
	}

	public OutreachSettings changeSettings(long campaignId, Integer notContactedDays) {
		if (notContactedDays == null || notContactedDays < 1 || notContactedDays > 365) {
			throw new InvalidInputException("notContactedDays",
					"Say after how many days (1 to 365) a state that " + "was not contacted gets a follow-up");
		}
		this.campaigns.requireOwner(campaignId, "The campaign's outreach settings",
				"ask its coordinators to change them");
		this.jdbc.sql("""
				insert into outreach_settings (campaign_id, not_contacted_days) values (?, ?)
				on conflict (campaign_id) do update set not_contacted_days = excluded.not_contacted_days
				""").params(campaignId, notContactedDays).update();
		return settings(campaignId);
	}

	int notContactedDays(long campaignId) {
		return this.jdbc.sql("select not_contacted_days from outreach_settings where campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_NOT_CONTACTED_DAYS);
	}

	/**
	 * An open follow-up of outreach_follow_up overdue in SQL: due before today, in a
	 * campaign that is not over (voted or archived).
	 */
	static final String OVERDUE_SQL = "due_on < current_date and not exists (select 1 from campaigns_campaign oc"
			+ " where oc.id = campaign_id and oc.status in ('VOTED', 'ARCHIVED'))";

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/**
	 * The day a campaign's follow-ups fall due against: today, or null once the campaign
	 * is over (voted or archived), when none is due any more.
	 */
	static LocalDate today(Campaign campaign) {
		return campaign.over() ? null : today();
	}

	private static ConflictException stale(FollowUp current) {
		if (current.status() != FollowUp.Status.OPEN) {
			return new ConflictException("This follow-up was closed by " + current.closedBy() + " since you read it",
					current);
		}
		return new ConflictException(
				"This follow-up was changed by someone else since you read it (now version " + current.version() + ")",
				current);
	}

	private static void checkTitleAndDue(String title, LocalDate dueOn) {
		if (title == null || title.isBlank() || title.length() > 500) {
			throw new InvalidInputException("title", "Say what to do, in 1 to 500 characters");
		}
		if (dueOn == null) {
			throw new InvalidInputException("dueOn", "A due date is required");
		}
		if (dueOn.getYear() < 2000 || dueOn.getYear() > 2999) {
			throw new InvalidInputException("dueOn", "A due date between the years 2000 and 2999, please");
		}
	}

	private void checkMember(long campaignId, String iso3) {
		boolean member = this.jdbc.sql("select count(*) from campaigns_member where campaign_id = ? and iso3 = ?")
			.params(campaignId, iso3)
			.query(Long.class)
			.single() > 0;
		if (!member) {
			this.campaigns.campaign(campaignId); // 404 for an unknown campaign
			throw new InvalidInputException("iso3", "'" + iso3 + "' is not a member of this campaign's body");
		}
	}

	/**
	 * The owner of a follow-up: an official that may be picked in the campaign (one's
	 * own, or shared with it), the same answer for one of another organisation as for
	 * none.
	 */
	private void checkOwner(long campaignId, Long ownerId, boolean mustBeActive) {
		if (ownerId == null) {
			return;
		}
		Boolean active = this.jdbc.sql("""
				select active from outreach_person
				where id = ? and outreach_offered('roster', organisation_id, ?, cast(? as bigint))
				""")
			.params(ownerId, campaignId, this.people.ownOrganisation())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("ownerId", "No official " + ownerId));
		if (mustBeActive && !active) {
			throw new InvalidInputException("ownerId",
					"Official " + ownerId + " is no longer active: pick someone who is");
		}
	}

	static String normalise(String iso3) {
		return (iso3 == null || iso3.isBlank()) ? null : iso3.trim().toUpperCase(Locale.ROOT);
	}

	static FollowUp followUp(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp closed = rs.getTimestamp("closed_at");
		String level = rs.getString("suggested_level");
		return new FollowUp(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("iso3"),
				rs.getString("state_name"), rs.getString("title"), rs.getDate("due_on").toLocalDate(),
				(Long) rs.getObject("owner_id"), rs.getString("owner_name"),
				level == null ? null : Level.valueOf(level), FollowUp.Origin.valueOf(rs.getString("origin")),
				(Long) rs.getObject("contact_id"), FollowUp.Status.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("closed_by"),
				closed == null ? null : closed.toInstant(), rs.getInt("version"));
	}

}
