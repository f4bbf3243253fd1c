package org.plenary.history;

import java.util.Locale;

/**
 * One state's vote on a roll call. Non-voting: present in no list (absent, or no vote).
 */
public enum Vote {

	YES('Y', "Yes"), NO('N', "No"), ABSTAIN('A', "Abstain"), NON_VOTING('X', "Non-voting");

	private final char code;

	private final String label;

	Vote(char code, String label) {
		this.code = code;
		this.label = label;
	}

	public char code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Vote ofCode(char code) {
		return switch (code) {
			case 'Y' -> YES;
			case 'N' -> NO;
			case 'A' -> ABSTAIN;
			case 'X' -> NON_VOTING;
			default -> throw new IllegalArgumentException("Unknown vote code " + code);
		};
	}

	/**
	 * Reads a vote as the datasets write it: Y, N, A, X or NV (UN Digital Library), yes,
	 * no, abstain (Voeten). Returns null for anything else, so the caller can say where.
	 */
	static Vote parse(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.trim().toUpperCase(Locale.ROOT)) {
			case "Y", "YES" -> YES;
			case "N", "NO" -> NO;
			case "A", "ABSTAIN", "ABSTENTION" -> ABSTAIN;
			case "X", "NV", "NON-VOTING", "NONVOTING" -> NON_VOTING;
			default -> null;
		};
	}

}
