package org.plenary.forecast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.plenary.system.PlenaryCommand.UsageException;

/**
 * The arguments of the forecast's commands: {@code --history FILE...} (several files),
 * options with one value, and flags.
 */
record Arguments(List<Path> history, Map<String, String> options, Set<String> flags) {

	static Arguments parse(List<String> args, List<String> withValue) {
		return parse(args, withValue, List.of());
	}

	static Arguments parse(List<String> args, List<String> withValue, List<String> flagNames) {
		List<Path> history = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		Set<String> flags = new HashSet<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--history")) {
				int before = history.size();
				while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
					history.add(ForecastHistory.readable(args.get(++i)));
				}
				if (history.size() == before) {
					throw new UsageException("--history takes one or more files");
				}
			}
			else if (withValue.contains(arg)) {
				if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
					throw new UsageException(arg + " takes a value");
				}
				if (options.put(arg, args.get(++i)) != null) {
					throw new UsageException(arg + " is given twice");
				}
			}
			else if (flagNames.contains(arg)) {
				flags.add(arg);
			}
			else {
				throw new UsageException("Unknown argument " + arg);
			}
		}
		return new Arguments(List.copyOf(history), Map.copyOf(options), Set.copyOf(flags));
	}

	String required(String option, String message) {
		String value = this.options.get(option);
		if (value == null) {
			throw new UsageException(message);
		}
		return value;
	}

	boolean has(String flag) {
		return this.flags.contains(flag);
	}

}
