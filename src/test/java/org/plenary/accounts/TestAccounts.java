package org.plenary.accounts;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Makes users for tests: one per call, with a unique name, in a test organisation, and an
 * API token when asked. Registered in test contexts by component scanning of the test
 * package.
 */
@Component
public class TestAccounts {

	private static final AtomicInteger sequence = new AtomicInteger();

	public static final String PASSWORD = "correct horse battery staple";

	private final Accounts accounts;

	private final ApiTokens tokens;

	TestAccounts(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	public String organisation(String name) {
		if (this.accounts.findOrganisation(name).isEmpty()) {
			this.accounts.createOrganisation(name);
		}
		return name;
	}

	/** A new user with this role; returns its user name (password {@link #PASSWORD}). */
	public String user(Role role) {
		return user(role, "Test Mission");
	}

	/** A new user with this role in the named organisation (made if missing). */
	public String user(Role role, String organisation) {
		String username = role.name().toLowerCase() + "-" + System.nanoTime() % 100000 + "-"
				+ sequence.incrementAndGet();
		this.accounts.createUser(new Accounts.NewUser(username, "Test " + role.label(), null,
				organisation(organisation), role, PASSWORD));
		return username;
	}

	/**
	 * Makes sure a user of this name exists in the test organisation: the name a test
	 * signs in with {@code user(name)} then has an organisation, whose roster and
	 * directory it sees (ADR 0011).
	 */
	public String named(String username, Role role) {
		if (this.accounts.findUser(username).isEmpty()) {
			this.accounts.createUser(new Accounts.NewUser(username, "Test " + role.label(), null,
					organisation("Test Mission"), role, PASSWORD));
		}
		return username;
	}

	/**
	 * A new operator of the installation (an administrator of the named organisation who
	 * administers every organisation), as the command line names one.
	 */
	public String operator(String organisation) {
		String username = "operator-" + System.nanoTime() % 100000 + "-" + sequence.incrementAndGet();
		this.accounts.createOperator(new Accounts.NewUser(username, "Test Operator", null, organisation(organisation),
				Role.ADMINISTRATOR, PASSWORD));
		return username;
	}

	public String token(String username) {
		return this.tokens.create(username, "test", null).secret();
	}

}
