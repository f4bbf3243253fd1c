package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Follow-ups: tasks with due dates and owners. */
@Service
public class FollowUps {

	static final String SELECT = """
			select f.*, p.name as owner_name, s.short_name as state_name from outreach_follow_up f
			left join outreach_person p on p.id = f.owner_id
			left join states_state s on s.iso3 = f.iso3
			""";

	private final JdbcClient jdbc;

	FollowUps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A follow-up to open; {@code iso3}, {@code ownerId} and {@code contactId} are
	 * optional.
	 */
	public record NewFollowUp(long campaignId, String iso3, String title, LocalDate dueOn, Long ownerId,
			Level suggestedLevel, FollowUp.Origin origin, Long contactId) {
	}

	public FollowUp open(NewFollowUp command, String username) {
		if (command.title() == null || command.title().isBlank() || command.title().length() > 500) {
			throw new InvalidInputException("title", "Say what to do, in 1 to 500 characters");
		}
		if (command.dueOn() == null) {
			throw new InvalidInputException("dueOn", "A due date is required");
		}
		long id = this.jdbc.sql("""
				insert into outreach_follow_up (campaign_id, iso3, title, due_on, owner_id, suggested_level, origin,
				  contact_id, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(command.campaignId(), command.iso3(), command.title().trim(), command.dueOn(), command.ownerId(),
					command.suggestedLevel() == null ? null : command.suggestedLevel().name(), command.origin().name(),
					command.contactId(), username)
			.query(Long.class)
			.single();
		return followUp(command.campaignId(), id);
	}

	public FollowUp followUp(long campaignId, long id) {
		return this.jdbc.sql(SELECT + " where f.campaign_id = ? and f.id = ?")
			.params(campaignId, id)
			.query(FollowUps::followUp)
			.optional()
			.orElseThrow(() -> new NotFoundException("No follow-up " + id + " in this campaign"));
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
