package org.plenary;

import org.plenary.system.CommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Plenary: one system to win votes among sovereign states. The first argument names the
 * subcommand ({@code serve} by default); see {@code ./plenary help}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlenaryApplication {

	public static void main(String[] args) {
		if (CommandLine.isServe(args)) {
			CommandLine.serve(PlenaryApplication.class, args);
		}
		else {
			System.exit(CommandLine.run(PlenaryApplication.class, args));
		}
	}

}
