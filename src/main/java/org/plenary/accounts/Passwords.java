package org.plenary.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.plenary.system.InvalidInputException;

/**
 * The password rules and the generator for first and reset passwords. A password has 12
 * to 128 characters, does not contain the user name, and is not one of the
 * {@value #COMMON_COUNT} most common passwords (in any case), nor one of them with digits
 * or symbols added before or after, nor one of them repeated.
 */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** "aaaaaaaaaaaa" and "abababababab" are as weak as the shortest password. */
	static final int MIN_DISTINCT = 5;

	static final int COMMON_COUNT = 30_000;

	static final String COMMON_LIST = "accounts/common-passwords.txt.gz";

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
		if (password.isBlank()) {
			throw new InvalidInputException("password", "The password must not be only spaces");
		}
		if (password.codePoints().distinct().count() < MIN_DISTINCT) {
			throw new InvalidInputException("password", "The password must have at least " + MIN_DISTINCT
					+ " different characters: one or two characters repeated are guessed at once");
		}
		String common = commonCore(password);
		if (common != null) {
			throw new InvalidInputException("password", common.equals(password.toLowerCase(Locale.ROOT))
					? "This password is one of the most common passwords, which attackers try first: choose another"
					: "This password is built on '" + common + "', one of the most common passwords, which "
							+ "attackers try first with digits and symbols added: choose another");
		}
	}

	/**
	 * The common password this one is made of, or null: itself, itself without leading
	 * and trailing digits and symbols ("Password123!"), or a common password repeated
	 * ("qwertyqwerty").
	 */
	static String commonCore(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		Set<String> common = Common.PASSWORDS;
		if (common.contains(lower)) {
			return lower;
		}
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (core.length() >= 4 && !core.equals(lower) && common.contains(core)) {
			return core;
		}
		for (int length = 3; length <= lower.length() / 2; length++) {
			if (lower.length() % length == 0) {
				String part = lower.substring(0, length);
				if (part.repeat(lower.length() / length).equals(lower) && common.contains(part)) {
					return part;
				}
			}
		}
		return null;
	}

	/** The list, read on first use (about 30,000 short strings). */
	private static final class Common {

		static final Set<String> PASSWORDS = read();

		private static Set<String> read() {
			try (InputStream in = Passwords.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
				if (in == null) {
					throw new IllegalStateException("The list of common passwords is missing: " + COMMON_LIST);
				}
				Set<String> passwords = new HashSet<>(2 * COMMON_COUNT);
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (!line.isBlank()) {
							passwords.add(line.strip().toLowerCase(Locale.ROOT));
						}
					}
				}
				return Set.copyOf(passwords);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static int commonCount() {
		return Common.PASSWORDS.size();
	}

}
