package org.plenary.accounts;

import java.util.Arrays;
import java.util.Locale;

import org.plenary.system.InvalidInputException;

/** What a user may do; each role includes the powers of the roles below it. */
public enum Role {

	ADMINISTRATOR("Administrator"), COORDINATOR("Coordinator"), WHIP("Whip"), VIEWER("Viewer");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Parses a role name in any case, e.g. {@code whip}; says which roles exist if not.
	 */
	public static Role parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("role", "Unknown role '" + text + "': use one of "
					+ Arrays.stream(values()).map((r) -> r.name().toLowerCase(Locale.ROOT)).toList());
		}
	}

}
