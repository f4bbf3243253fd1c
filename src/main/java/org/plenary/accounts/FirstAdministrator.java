package org.plenary.accounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty installation, creates the administrator {@code admin},
 * the installation's first operator, and prints the login once. Safe when two processes
 * start together: an advisory lock lets only one of them create it.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AccountsSettings settings;

	private final TransactionTemplate transactions;

	FirstAdministrator(JdbcClient jdbc, Accounts accounts, AccountsSettings settings,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.settings = settings;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Accounts.CreatedUser created = this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('plenary.first-administrator'))").query().singleRow();
			Integer users = this.jdbc.sql("select count(*) from accounts_user").query(Integer.class).single();
			if (users > 0) {
				return null;
			}
			String organisation = this.settings.adminOrganisation() == null
					|| this.settings.adminOrganisation().isBlank() ? "Plenary administrators"
							: this.settings.adminOrganisation();
			if (this.accounts.findOrganisation(organisation).isEmpty()) {
				this.accounts.createOrganisation(organisation);
			}
			return this.accounts.createOperator(new Accounts.NewUser(USERNAME, "Administrator", null, organisation,
					Role.ADMINISTRATOR, this.settings.adminPassword()));
		});
		if (created != null) {
			System.out.println();
			System.out.println("First administrator created. Sign in with:");
			System.out.println("  user:     " + USERNAME);
			System.out.println(created.passwordGenerated()
					? "  password: " + created.password()
							+ "   (shown once: write it down, then change it on your account page)"
					: "  password: the one in PLENARY_ADMIN_PASSWORD");
			System.out.println();
		}
	}

}
