package org.plenary.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.plenary.system.PlenaryCommand.UsageException;

/** {@code --option value} pairs, boolean flags and plain words of a command line. */
public final class CommandArguments {

	private final Map<String, String> options = new HashMap<>();

	private final Set<String> flags = new HashSet<>();

	private final List<String> words = new ArrayList<>();

	private CommandArguments() {
	}

	public static CommandArguments parse(List<String> args, List<String> knownFlags) {
		CommandArguments parsed = new CommandArguments();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (knownFlags.contains(arg)) {
				parsed.flags.add(arg);
			}
			else if (arg.startsWith("--")) {
				int equals = arg.indexOf('=');
				if (equals > 0) {
					parsed.options.put(arg.substring(0, equals), arg.substring(equals + 1));
				}
				else if (i + 1 < args.size()) {
					parsed.options.put(arg, args.get(++i));
				}
				else {
					throw new UsageException("Missing value for " + arg);
				}
			}
			else {
				parsed.words.add(arg);
			}
		}
		return parsed;
	}

	public String required(String option) {
		String value = this.options.get(option);
		if (value == null || value.isBlank()) {
			throw new UsageException("Missing " + option);
		}
		return value;
	}

	public String optional(String option) {
		return this.options.get(option);
	}

	public boolean flag(String flag) {
		return this.flags.contains(flag);
	}

	public String single(String what) {
		if (this.words.size() != 1) {
			throw new UsageException("Expected one " + what + ", got " + this.words.size());
		}
		return this.words.get(0);
	}

	public void none() {
		if (!this.words.isEmpty()) {
			throw new UsageException("Unexpected argument: " + this.words.get(0));
		}
	}

}
