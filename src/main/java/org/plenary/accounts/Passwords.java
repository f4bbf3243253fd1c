package org.plenary.accounts;

import java.security.SecureRandom;
import java.util.Locale;

import org.plenary.system.InvalidInputException;

/** The password rules and the generator for first and reset passwords. */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	// no look-alikes (0/O, 1/l/I) so that a printed password can be typed
	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private Passwords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	static void check(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new InvalidInputException("password",
					"The password must have at least " + MIN_LENGTH + " characters");
		}
		if (password.length() > MAX_LENGTH) {
			throw new InvalidInputException("password", "The password must have at most " + MAX_LENGTH + " characters");
		}
		if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("password", "The password must not contain the user name");
		}
	}

}
