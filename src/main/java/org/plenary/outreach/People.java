package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Our officials, from every organisation of the coalition. */
@Service
public class People {

	private static final String SELECT = """
			select p.*, o.name as organisation from outreach_person p
			join accounts_organisation o on o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An official to add or change.
	 *
	 * @param organisation the organisation's name, as in the accounts
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

	/** The official a signed-in user is, if an administrator linked them. */
	public Optional<Person> forUser(String username) {
		return this.jdbc.sql(SELECT + " where p.username = ?").param(username).query(People::person).optional();
	}

	public Person add(PersonDetails details) {
		long organisationId = check(details);
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
		long organisationId = check(details);
		Person current = person(id);
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

	private long check(PersonDetails details) {
		if (details.name() == null || details.name().isBlank() || details.name().length() > 200) {
			throw new InvalidInputException("name", "A name of 1 to 200 characters is required");
		}
		if (details.level() == null) {
			throw new InvalidInputException("level", "A level is required");
		}
		if (details.title() != null && details.title().length() > 200) {
			throw new InvalidInputException("title", "A title has at most 200 characters");
		}
		if (details.organisation() == null || details.organisation().isBlank()) {
			throw new InvalidInputException("organisation", "An organisation is required");
		}
		Long organisationId = this.jdbc.sql("select id from accounts_organisation where lower(name) = lower(?)")
			.param(details.organisation().trim())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("organisation",
					"No organisation '" + details.organisation() + "': an administrator adds organisations"));
		if (details.username() != null && !details.username().isBlank()
				&& this.jdbc.sql("select count(*) from accounts_user where username = ?")
					.param(details.username().trim())
					.query(Long.class)
					.single() == 0) {
			throw new InvalidInputException("username", "No user '" + details.username() + "'");
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
