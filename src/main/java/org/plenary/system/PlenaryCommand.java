package org.plenary.system;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code ./plenary} that runs beside (or without) a server on the same
 * database, e.g. {@code ./plenary user add}. Modules contribute commands as beans.
 */
public interface PlenaryCommand {

	/** The words that select this command, e.g. {@code "user add"}. */
	String name();

	/** One line for {@code ./plenary help}. */
	String usage();

	/**
	 * Runs the command with the arguments that follow its name.
	 * @return the process exit code: 0 for success, 2 for bad usage, 1 for other failures
	 */
	int run(List<String> args, PrintStream out) throws Exception;

	/** Thrown for bad arguments: the message is printed with the usage. */
	class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}

	}

}
