package org.plenary.accounts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.plenary.system.CommandArguments;
import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary user add NAME --organisation ORG --role ROLE}: for scripted set-ups.
 * Creates the organisation when it does not exist and prints the generated password.
 * {@code --operator} names an operator of the installation (an administrator who manages
 * every organisation): the command line is the only way to make one besides the first
 * start, so that no page or API call can.
 */
@Component
class UserAddCommand implements PlenaryCommand {

	private final Accounts accounts;

	UserAddCommand(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "user add";
	}

	@Override
	public String usage() {
		return "user add NAME --organisation ORG --role administrator|coordinator|whip|viewer "
				+ "[--operator] [--display-name TEXT] [--email ADDRESS] [--password-stdin]";
	}

	@Override
	public int run(List<String> args, PrintStream out) throws Exception {
		CommandArguments arguments = CommandArguments.parse(args, List.of("--password-stdin", "--operator"));
		String username = arguments.single("user name");
		String organisation = arguments.required("--organisation");
		Role role = Role.parse(arguments.required("--role"));
		String password = null;
		if (arguments.flag("--password-stdin")) {
			password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		if (this.accounts.findOrganisation(organisation).isEmpty()) {
			this.accounts.createOrganisation(organisation);
			out.println("Created organisation " + organisation.trim());
		}
		Accounts.NewUser user = new Accounts.NewUser(username, arguments.optional("--display-name"),
				arguments.optional("--email"), organisation, role, password);
		boolean operator = arguments.flag("--operator");
		Accounts.CreatedUser created = operator ? this.accounts.createOperator(user) : this.accounts.createUser(user);
		out.println("Created user " + created.user().username() + " (" + created.user().role().label()
				+ (operator ? ", operator" : "") + ", " + created.user().organisationName() + ")");
		if (created.passwordGenerated()) {
			out.println("password: " + created.password());
		}
		return 0;
	}

}
