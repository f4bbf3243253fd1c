package org.plenary.outreach;

import org.plenary.whip.Level;

import org.springframework.stereotype.Component;

/** Makes officials and counterparts for tests, with unique names. */
@Component
public class TestOutreach {

	private final People people;

	private final Counterparts counterparts;

	private final org.plenary.accounts.TestAccounts accounts;

	TestOutreach(People people, Counterparts counterparts, org.plenary.accounts.TestAccounts accounts) {
		this.people = people;
		this.counterparts = counterparts;
		this.accounts = accounts;
	}

	/** An official of the named organisation (made if missing). */
	public Person person(String organisation, String name, Level level) {
		return this.people
			.add(new People.PersonDetails(name, this.accounts.organisation(organisation), level, null, null, true));
	}

	public Person person(String name, Level level) {
		return this.people
			.add(new People.PersonDetails(name, this.accounts.organisation("Test Mission"), level, null, null, true));
	}

	/** An official linked to a user account. */
	public Person person(String name, Level level, String username) {
		return this.people.add(new People.PersonDetails(name, this.accounts.organisation("Test Mission"), level, null,
				username, true));
	}

	public Counterpart counterpart(String iso3, String name, Level level) {
		return counterpart("Test Mission", iso3, name, level);
	}

	/** A counterpart in the directory of the named organisation (made if missing). */
	public Counterpart counterpart(String organisation, String iso3, String name, Level level) {
		long organisationId = this.people.organisationId(this.accounts.organisation(organisation));
		return this.counterparts.add(organisationId, iso3, new Counterparts.CounterpartDetails(name, level.label(),
				level, null, null, null, null, null, null, null));
	}

}
