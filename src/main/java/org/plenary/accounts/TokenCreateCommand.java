package org.plenary.accounts;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.plenary.system.CommandArguments;
import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/** {@code ./plenary token create --user NAME}: prints a new API token for scripts. */
@Component
class TokenCreateCommand implements PlenaryCommand {

	private final ApiTokens tokens;

	TokenCreateCommand(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String name() {
		return "token create";
	}

	@Override
	public String usage() {
		return "token create --user NAME [--name LABEL] [--expires YYYY-MM-DD]";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		CommandArguments arguments = CommandArguments.parse(args, List.of());
		arguments.none();
		String expires = arguments.optional("--expires");
		Instant expiresAt = expires == null ? null : LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
		String label = arguments.optional("--name");
		ApiTokens.NewToken token = this.tokens.create(arguments.required("--user"),
				label == null ? "command line " + LocalDate.now() : label, expiresAt);
		// the secret alone on stdout's last line, so that scripts can capture it
		out.println(token.secret());
		return 0;
	}

}
