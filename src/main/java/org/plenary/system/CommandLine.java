package org.plenary.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the {@code plenary} jar. {@code serve} runs the web application; every
 * other subcommand starts the application without a web server (same database, same
 * migrations) and runs the matching {@link PlenaryCommand}.
 */
public final class CommandLine {

	private CommandLine() {
	}

	/** Whether the arguments ask for the web server ({@code serve}, the default). */
	public static boolean isServe(String[] args) {
		return args.length == 0 || args[0].equals("serve");
	}

	/** Starts the web server; it keeps the JVM alive until it is stopped. */
	public static void serve(Class<?> application, String[] args) {
		SpringApplication.run(application, args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
	}

	/** Runs a one-shot subcommand and returns its exit code. */
	public static int run(Class<?> application, String[] args) {
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setBannerMode(Banner.Mode.OFF);
		app.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
		try (ConfigurableApplicationContext context = app.run("--plenary.command=true")) {
			List<PlenaryCommand> commands = context.getBeansOfType(PlenaryCommand.class)
				.values()
				.stream()
				.sorted(Comparator.comparing(PlenaryCommand::name))
				.toList();
			List<String> words = List.of(args);
			Optional<PlenaryCommand> command = commands.stream()
				.filter((c) -> startsWith(words, List.of(c.name().split(" "))))
				.findFirst();
			if (command.isEmpty()) {
				System.err.println("Unknown command: " + String.join(" ", words));
				System.err.println("Commands:");
				commands.forEach((c) -> System.err.println("  " + c.usage()));
				return 2;
			}
			int skip = command.get().name().split(" ").length;
			try {
				PlenaryCommand chosen = command.get();
				List<String> rest = words.subList(skip, words.size());
				// the audit trail names the command and who ran it
				String actor = "./plenary " + chosen.name() + " (" + System.getProperty("user.name", "?") + ")";
				Object[] outcome = new Object[1];
				Acting.as(actor, () -> {
					try {
						outcome[0] = chosen.run(rest, System.out);
					}
					catch (Exception ex) {
						outcome[0] = ex;
					}
					return null;
				});
				if (outcome[0] instanceof Exception ex) {
					throw ex;
				}
				return (Integer) outcome[0];
			}
			catch (PlenaryCommand.UsageException ex) {
				System.err.println(ex.getMessage());
				System.err.println("Usage: ./plenary " + command.get().usage());
				return 2;
			}
			catch (Exception ex) {
				System.err.println("Failed: " + ex.getMessage());
				return 1;
			}
		}
	}

	private static boolean startsWith(List<String> words, List<String> prefix) {
		return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
	}

}
