package org.plenary.history;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document symbols of GA resolutions, written one way so that datasets can be matched.
 */
final class Symbols {

	// Voeten's old style: R/<session>/<number><part letters>, e.g. R/37/100A
	private static final Pattern VOETEN = Pattern.compile("R/(\\d+)/(\\d+)\\s*([A-Z]*)");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final String[] ROMAN = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
			"XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV",
			"XXVI", "XXVII", "XXVIII", "XXIX", "XXX" };

	private Symbols() {
	}

	/** Upper case, single spaces: "a/res/74/7" and "A/RES/74/7 " are one symbol. */
	static String normalize(String symbol) {
		if (symbol == null) {
			return null;
		}
		String normal = SPACES.matcher(symbol.trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
		return normal.isEmpty() ? null : normal;
	}

	/**
	 * Voeten's {@code R/37/100A} as the UN writes it, {@code A/RES/37/100 A}; sessions 1
	 * to 30 numbered resolutions with the session in roman numerals, {@code R/1/66} is
	 * {@code A/RES/66(I)}. Symbols already in UN style pass through.
	 */
	static String fromVoeten(String unres) {
		String normal = normalize(unres);
		if (normal == null) {
			return null;
		}
		Matcher matcher = VOETEN.matcher(normal);
		if (!matcher.matches()) {
			return normal;
		}
		int session = Integer.parseInt(matcher.group(1));
		String number = matcher.group(2);
		String parts = matcher.group(3).isEmpty() ? "" : " " + matcher.group(3);
		if (session >= 1 && session <= 30) {
			return "A/RES/" + number + "(" + ROMAN[session] + ")" + parts;
		}
		return "A/RES/" + session + "/" + number + parts;
	}

	/**
	 * "75" for A/RES/75/1, "ES-11" for A/RES/ES-11/1, null when the symbol does not say.
	 */
	static String session(String symbol) {
		if (symbol == null) {
			return null;
		}
		Matcher matcher = Pattern.compile("^A/RES/((?:ES-)?\\d+)/").matcher(symbol);
		return matcher.find() ? matcher.group(1) : null;
	}

	static boolean emergencySpecialSession(String symbol, String session) {
		return (symbol != null && symbol.contains("/ES-")) || (session != null && session.startsWith("ES"))
				|| (session != null && session.toLowerCase(Locale.ROOT).contains("emergency"));
	}

}
