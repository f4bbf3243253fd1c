package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.plenary.states.MemberStates;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each state's counterparts, with the history of who held each post when: an
 * organisation's directory, read and changed by it alone (row-level security on
 * {@code outreach_counterpart}, V27), and read by the other parties of a campaign it
 * shares its counterparts with.
 */
@Service
public class Counterparts {

	private final JdbcClient jdbc;

	private final MemberStates states;

	private final People people;

	Counterparts(JdbcClient jdbc, MemberStates states, People people) {
		this.jdbc = jdbc;
		this.states = states;
		this.people = people;
	}

	/** A counterpart to add or change. */
	public record CounterpartDetails(String name, String post, Level level, String phone, String messaging,
			String email, String languages, String notes, LocalDate heldFrom, LocalDate heldUntil) {
	}

	/** A state's counterparts: those in post first, then former holders, latest first. */
	public List<Counterpart> of(String iso3) {
		String code = stateCode(iso3);
		return this.jdbc.sql("""
				select * from outreach_counterpart where iso3 = ?
				order by (held_until is null or held_until > current_date) desc, held_from desc nulls last, id desc
				""").param(code).query(Counterparts::counterpart).list();
	}

	/**
	 * A state's counterparts that may be named in a contact of this campaign: the acting
	 * user's organisation's, and those their organisation shares with the campaign.
	 */
	public List<Counterpart> of(String iso3, long campaignId) {
		String code = stateCode(iso3);
		return this.jdbc
			.sql("""
					select * from outreach_counterpart where iso3 = ? and outreach_offered('counterparts', organisation_id, ?, cast(? as bigint))
					order by (held_until is null or held_until > current_date) desc, held_from desc nulls last, id desc
					""")
			.params(code, campaignId, this.people.ownOrganisation())
			.query(Counterparts::counterpart)
			.list();
	}

	/**
	 * A counterpart that may be named in a contact of this campaign; 400 on the field
	 * otherwise, the same whether it is another organisation's or does not exist.
	 */
	Counterpart offered(long campaignId, long id, String field) {
		return this.jdbc
			.sql("select * from outreach_counterpart where id = ?"
					+ " and outreach_offered('counterparts', organisation_id, ?, cast(? as bigint))")
			.params(id, campaignId, this.people.ownOrganisation())
			.query(Counterparts::counterpart)
			.optional()
			.orElseThrow(() -> new InvalidInputException(field, "No counterpart " + id));
	}

	/**
	 * The counterparts in post today of several states, in one query (the call sheets of
	 * a whole campaign), in the order of {@link #of}.
	 */
	public java.util.Map<String, List<Counterpart>> currentOf(java.util.Collection<String> iso3s) {
		java.util.Map<String, List<Counterpart>> byState = new java.util.HashMap<>();
		this.jdbc.sql("""
				select * from outreach_counterpart
				where iso3 = any (?) and (held_until is null or held_until > current_date)
				order by iso3, held_from desc nulls last, id desc
				""")
			.param(iso3s.toArray(String[]::new))
			.query(Counterparts::counterpart)
			.list()
			.forEach((c) -> byState.computeIfAbsent(c.iso3(), (k) -> new java.util.ArrayList<>()).add(c));
		return byState;
	}

	public Counterpart counterpart(long id) {
		return this.jdbc.sql("select * from outreach_counterpart where id = ?")
			.param(id)
			.query(Counterparts::counterpart)
			.optional()
			.orElseThrow(() -> new NotFoundException("No counterpart " + id));
	}

	/** Adds a counterpart to the acting user's organisation's directory. */
	public Counterpart add(String iso3, CounterpartDetails details) {
		Long own = this.people.ownOrganisation();
		if (own == null || own < 0) {
			throw new InvalidInputException("organisation", "A counterpart is added to an organisation's directory");
		}
		return add(own, iso3, details);
	}

	/** Adds a counterpart to this organisation's directory (the demo's, a test's). */
	public Counterpart add(long organisationId, String iso3, CounterpartDetails details) {
		String code = stateCode(iso3);
		check(details);
		long id = this.jdbc.sql("""
				insert into outreach_counterpart (iso3, name, post, level, phone, messaging, email, languages, notes,
				  held_from, held_until, organisation_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(code, details.name().trim(), details.post().trim(), details.level().name(),
					People.blankToNull(details.phone()), People.blankToNull(details.messaging()),
					People.blankToNull(details.email()), People.blankToNull(details.languages()),
					People.blankToNull(details.notes()), details.heldFrom(), details.heldUntil(), organisationId)
			.query(Long.class)
			.single();
		return counterpart(id);
	}

	/**
	 * Refuses a change to a counterpart of another organisation's directory that the
	 * actor reads because it is shared with a campaign.
	 */
	private void mayChange(Counterpart counterpart) {
		Long heldTo = this.people.heldTo();
		if (heldTo != null && heldTo != counterpart.organisationId()) {
			throw new ForbiddenException(counterpart.name()
					+ " is in another organisation's directory, shared with you: only that organisation changes it");
		}
	}

	/** Changes a counterpart's details on top of the version the caller saw. */
	public Counterpart change(long id, CounterpartDetails details, int expectedVersion) {
		Counterpart current = counterpart(id);
		mayChange(current);
		check(details);
		int updated = this.jdbc.sql("""
				update outreach_counterpart set name = ?, post = ?, level = ?, phone = ?, messaging = ?, email = ?,
				  languages = ?, notes = ?, held_from = ?, held_until = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(details.name().trim(), details.post().trim(), details.level().name(),
					People.blankToNull(details.phone()), People.blankToNull(details.messaging()),
					People.blankToNull(details.email()), People.blankToNull(details.languages()),
					People.blankToNull(details.notes()), details.heldFrom(), details.heldUntil(), id, expectedVersion)
			.update();
		if (updated == 0) {
			throw new ConflictException(current.name() + " was changed by someone else since you read it (version "
					+ current.version() + ")", current);
		}
		return counterpart(id);
	}

	/**
	 * A new holder takes over a post: the current holder's time ends the day before (or
	 * earlier, if it was known to end earlier), and the successor starts on {@code from};
	 * both stay in the history.
	 */
	@Transactional
	public Counterpart succeed(long id, CounterpartDetails successor, LocalDate from) {
		// a shared counterpart is refused as such, before the lock (which only the
		// directory's organisation may take) would hide it
		mayChange(counterpart(id));
		// two officials recording the same successor at once: the second waits here, then
		// finds the post ended and a holder added after it, and is refused rather than
		// adding a second
		Counterpart current = this.jdbc.sql("select * from outreach_counterpart where id = ? for update")
			.param(id)
			.query(Counterparts::counterpart)
			.optional()
			.orElseThrow(() -> new NotFoundException("No counterpart " + id));
		this.jdbc.sql("""
					select * from outreach_counterpart where iso3 = ? and post = ? and id <> ? and organisation_id = ?
					  and cast(? as date) is not null
					  and held_from > ? and created_at > (select created_at from outreach_counterpart where id = ?)
				order by held_from limit 1
				""")
			.params(current.iso3(), current.post(), id, current.organisationId(), current.heldUntil(),
					current.heldUntil(), id)
			.query(Counterparts::counterpart)
			.optional()
			.ifPresent((later) -> {
				throw new ConflictException(later.name() + " already succeeded " + current.name() + " as "
						+ current.post() + " from " + later.heldFrom(), later);
			});
		if (from == null) {
			throw new InvalidInputException("heldFrom", "Say when the new holder took up the post");
		}
		if (current.heldFrom() != null && !from.isAfter(current.heldFrom())) {
			throw new InvalidInputException("heldFrom", "The new holder must start after " + current.name()
					+ " took up the post (" + current.heldFrom() + ")");
		}
		// an end date already known before the successor starts stays: the post was
		// vacant
		LocalDate until = (current.heldUntil() != null && current.heldUntil().isBefore(from)) ? current.heldUntil()
				: from.minusDays(1);
		this.jdbc.sql("update outreach_counterpart set held_until = ?, version = version + 1 where id = ?")
			.params(until, id)
			.update();
		return add(current.organisationId(), current.iso3(), new CounterpartDetails(successor.name(), current.post(),
				successor.level() == null ? current.level() : successor.level(), successor.phone(),
				successor.messaging(), successor.email(), successor.languages(), successor.notes(), from, null));
	}

	private String stateCode(String iso3) {
		String code = (iso3 == null) ? "" : iso3.trim().toUpperCase(Locale.ROOT);
		if (this.states.find(code).isEmpty()) {
			throw new NotFoundException("No state " + iso3);
		}
		return code;
	}

	private static void check(CounterpartDetails details) {
		if (details.name() == null || details.name().isBlank() || details.name().length() > 200) {
			throw new InvalidInputException("name", "A name of 1 to 200 characters is required");
		}
		if (details.post() == null || details.post().isBlank() || details.post().length() > 200) {
			throw new InvalidInputException("post",
					"A post of 1 to 200 characters is required, e.g. Permanent " + "Representative in New York");
		}
		if (details.level() == null) {
			throw new InvalidInputException("level", "A level is required");
		}
		limit("phone", details.phone(), 100);
		limit("messaging", details.messaging(), 200);
		limit("email", details.email(), 320);
		limit("languages", details.languages(), 200);
		limit("notes", details.notes(), 4000);
		if (details.heldFrom() != null && details.heldUntil() != null
				&& details.heldUntil().isBefore(details.heldFrom())) {
			throw new InvalidInputException("heldUntil", "The end of the post comes before its start");
		}
	}

	static void limit(String field, String text, int max) {
		if (text != null && text.length() > max) {
			throw new InvalidInputException(field, "At most " + max + " characters in " + field);
		}
	}

	static Counterpart counterpart(ResultSet rs, int row) throws SQLException {
		java.sql.Date from = rs.getDate("held_from");
		java.sql.Date until = rs.getDate("held_until");
		return new Counterpart(rs.getLong("id"), rs.getString("iso3"), rs.getString("name"), rs.getString("post"),
				Level.valueOf(rs.getString("level")), rs.getString("phone"), rs.getString("messaging"),
				rs.getString("email"), rs.getString("languages"), rs.getString("notes"),
				from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
				rs.getInt("version"), rs.getLong("organisation_id"));
	}

}
