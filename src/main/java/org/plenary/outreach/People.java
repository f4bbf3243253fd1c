package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.plenary.system.Acting;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Our officials: each organisation's roster, read and changed by that organisation alone
 * (row-level security on {@code outreach_person}, V27), and read by the other parties of
 * a campaign it shares its roster with. The user account linked to another organisation's
 * official is not shown.
 */
@Service
public class People {

	private static final String SELECT = """
			select p.id, p.name, p.organisation_id, p.level, p.title, p.active, p.version,
			  case when plenary_organisation() is null or p.organisation_id = plenary_organisation()
			    then p.username end as username,
			  o.name as organisation
			from outreach_person p join accounts_organisation o on o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An official to add or change.
	 *
	 * @param organisation the organisation's name, as in the accounts; blank: the acting
	 * user's own (to add) or the official's (to change)
	 * @param username the user account of the official, if any
	 */
	public record PersonDetails(String name, String organisation, Level level, String title, String username,
			boolean active) {
	}

	public List<Person> people() {
		return this.jdbc.sql(SELECT + " order by p.active desc, lower(p.name), p.id").query(People::person).list();
	}

	public Person person(long id) {
		return this.jdbc.sql(SELECT + " where p.id = ?")
			.param(id)
			.query(People::person)
			.optional()
			.orElseThrow(() -> new NotFoundException("No official " + id));
	}

	/**
	 * The active officials that may be picked in a campaign (to own a state, take a
	 * follow-up, take part in a contact): the acting user's organisation's, and those
	 * their organisation shares with the campaign.
	 */
	public List<Person> offered(long campaignId) {
		return this.jdbc
			.sql(SELECT + " where p.active and outreach_offered('roster', p.organisation_id, ?, cast(? as bigint))"
					+ " order by lower(p.name), p.id")
			.params(campaignId, ownOrganisation())
			.query(People::person)
			.list();
	}

	/**
	 * An official that may be picked in a campaign; 400 on the field otherwise, the same
	 * whether the official is another organisation's or does not exist.
	 */
	public Person offered(long campaignId, long personId, String field) {
		return this.jdbc
			.sql(SELECT + " where p.id = ? and outreach_offered('roster', p.organisation_id, ?, cast(? as bigint))")
			.params(personId, campaignId, ownOrganisation())
			.query(People::person)
			.optional()
			.orElseThrow(() -> new InvalidInputException(field, "No official " + personId + " in this campaign"));
	}

	/**
	 * The acting user's organisation, whose roster they keep: null for work that is no
	 * user's (a command), -1 for a name no account has.
	 */
	Long ownOrganisation() {
		String user = Acting.user();
		if (user == null) {
			return null;
		}
		return this.jdbc.sql("select organisation_id from accounts_user where username = ?")
			.param(user)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	/** The id of the organisation of this name; 400 on {@code organisation} if none. */
	long organisationId(String name) {
		return this.jdbc.sql("select id from accounts_organisation where lower(name) = lower(?)")
			.param((name == null) ? "" : name.trim())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("organisation",
					"No organisation '" + name + "': an administrator adds organisations"));
	}

	/**
	 * The organisation the database holds the actor to, or null when it reads every
	 * organisation's rows (a command, an administrator: ADR 0011).
	 */
	Long heldTo() {
		return this.jdbc.sql("select plenary_organisation()").query(Long.class).optional().orElse(null);
	}

	/** The official, if the actor may see it. */
	public Optional<Person> find(long id) {
		return this.jdbc.sql(SELECT + " where p.id = ?").param(id).query(People::person).optional();
	}

	/** The official a signed-in user is, if an administrator linked them. */
	public Optional<Person> forUser(String username) {
		return this.jdbc.sql(SELECT + " where p.username = ?").param(username).query(People::person).optional();
	}

	public Person add(PersonDetails details) {
		long organisationId = check(details, null);
		Long heldTo = heldTo();
		if (heldTo != null && organisationId != heldTo) {
			throw new ForbiddenException("You add officials to your own organisation's roster only");
		}
		try {
			long id = this.jdbc.sql("""
					insert into outreach_person (name, organisation_id, level, title, username, active)
					values (?, ?, ?, ?, ?, ?) returning id
					""")
				.params(details.name().trim(), organisationId, details.level().name(), blankToNull(details.title()),
						blankToNull(details.username()), details.active())
				.query(Long.class)
				.single();
			return person(id);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("The user " + details.username() + " is already linked to another official");
		}
	}

	/** Changes an official on top of the version the caller saw. */
	public Person change(long id, PersonDetails details, int expectedVersion) {
		Person current = person(id);
		Long heldTo = heldTo();
		if (heldTo != null && current.organisationId() != heldTo) {
			throw new ForbiddenException(current.name() + " is an official of " + current.organisation()
					+ ": only its coordinators change it");
		}
		long organisationId = check(details, current);
		if (heldTo != null && organisationId != current.organisationId()) {
			throw new ForbiddenException(
					"An official stays in its organisation: add the official to the other organisation's roster");
		}
		try {
			int updated = this.jdbc.sql("""
					update outreach_person set name = ?, organisation_id = ?, level = ?, title = ?, username = ?,
					  active = ?, version = version + 1
					where id = ? and version = ?
					""")
				.params(details.name().trim(), organisationId, details.level().name(), blankToNull(details.title()),
						blankToNull(details.username()), details.active(), id, expectedVersion)
				.update();
			if (updated == 0) {
				throw new ConflictException(current.name() + " was changed by someone else since you read it (version "
						+ current.version() + ")", current);
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("The user " + details.username() + " is already linked to another official");
		}
		return person(id);
	}

	private long check(PersonDetails details, Person current) {
		if (details.name() == null || details.name().isBlank() || details.name().length() > 200) {
			throw new InvalidInputException("name", "A name of 1 to 200 characters is required");
		}
		if (details.level() == null) {
			throw new InvalidInputException("level", "A level is required");
		}
		if (details.title() != null && details.title().length() > 200) {
			throw new InvalidInputException("title", "A title has at most 200 characters");
		}
		long organisationId;
		if (details.organisation() == null || details.organisation().isBlank()) {
			Long own = (current != null) ? Long.valueOf(current.organisationId()) : ownOrganisation();
			if (own == null || own < 0) {
				throw new InvalidInputException("organisation", "An organisation is required");
			}
			organisationId = own;
		}
		else {
			organisationId = organisationId(details.organisation());
		}
		// a user of another organisation is answered as no user at all: its name is not
		// this organisation's to learn
		if (details.username() != null && !details.username().isBlank()
				&& this.jdbc.sql("select count(*) from accounts_user where username = ? and organisation_id = ?")
					.params(details.username().trim(), organisationId)
					.query(Long.class)
					.single() == 0) {
			throw new InvalidInputException("username",
					"No user '" + details.username() + "' in the official's organisation");
		}
		return organisationId;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getLong("id"), rs.getString("name"), rs.getLong("organisation_id"),
				rs.getString("organisation"), Level.valueOf(rs.getString("level")), rs.getString("title"),
				rs.getString("username"), rs.getBoolean("active"), rs.getInt("version"));
	}

}
