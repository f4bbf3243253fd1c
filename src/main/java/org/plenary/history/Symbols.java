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

	// what a person types, once tidied: [A/][RES/]<session>/<number>[ <parts>], the
	// session
	// a number, ES-11 (emergency special) or S-10 (special)
	private static final Pattern TYPED_RESOLUTION = Pattern
		.compile("(?:A/)?(?:RES/)?((?:E?S-)?\\d+)/(\\d+)(?: ?([A-Z](?:-[A-Z])?))?");

	// sessions 1 to 30: [A/][RES/]<number>(<roman session>)[ <parts>], e.g. 377(V) or 66
	// (I)
	private static final Pattern TYPED_OLD_RESOLUTION = Pattern
		.compile("(?:A/)?(?:RES/)?(\\d+)\\(((?:E?S-)?[IVXL]+)\\)(?: ?([A-Z](?:-[A-Z])?))?");

	// a draft: [A/]<session>/L.<number>[/REV.<n>...], e.g. A/ES-11/L.1 or 68/L.39
	private static final Pattern TYPED_DRAFT = Pattern.compile("(?:A/)?((?:E?S-)?\\d+)/(L\\.\\d+.*)");

	// a session alone: [A/RES/]ES-11[/], e.g. every resolution of the eleventh emergency
	// special session (A/ES-11 begins the session's drafts instead)
	private static final Pattern TYPED_SESSION = Pattern.compile("(?:A/RES/|RES/)?(E?S-\\d+)/?");

	/**
	 * A resolution's symbol as stored, from what a person typed: "ES-11/1", "es 11/1",
	 * "A/RES/ES-11/1" and "a / res / es-11 / 1" are all {@code A/RES/ES-11/1}; "68/262"
	 * is {@code A/RES/68/262}; "37/100 A" is {@code A/RES/37/100 A}; "377 (V)" is
	 * {@code A/RES/377(V)}; Voeten's "R/68/262" is {@code A/RES/68/262}. Empty when the
	 * text does not read as a resolution's symbol (words, a draft's symbol).
	 */
	static java.util.Optional<String> typedResolution(String text) {
		String tidy = tidy(text);
		if (tidy == null) {
			return java.util.Optional.empty();
		}
		if (VOETEN.matcher(tidy).matches()) {
			return java.util.Optional.of(fromVoeten(tidy));
		}
		Matcher matcher = TYPED_RESOLUTION.matcher(tidy);
		if (matcher.matches()) {
			return java.util.Optional.of("A/RES/" + matcher.group(1) + "/" + matcher.group(2)
					+ ((matcher.group(3) == null) ? "" : " " + matcher.group(3)));
		}
		matcher = TYPED_OLD_RESOLUTION.matcher(tidy);
		if (matcher.matches()) {
			return java.util.Optional.of("A/RES/" + matcher.group(1) + "(" + matcher.group(2) + ")"
					+ ((matcher.group(3) == null) ? "" : " " + matcher.group(3)));
		}
		return java.util.Optional.empty();
	}

	/**
	 * A draft's symbol, from what a person typed: "ES-11/L.1" and "a/es-11/l.1" are
	 * {@code A/ES-11/L.1}. Empty when the text does not read as one.
	 */
	static java.util.Optional<String> typedDraft(String text) {
		String tidy = tidy(text);
		Matcher matcher = (tidy == null) ? null : TYPED_DRAFT.matcher(tidy);
		return (matcher != null && matcher.matches())
				? java.util.Optional.of("A/" + matcher.group(1) + "/" + matcher.group(2)) : java.util.Optional.empty();
	}

	/**
	 * The beginning of the symbols of a special or emergency special session's
	 * resolutions, from what a person typed: "ES-11" is {@code A/RES/ES-11/}.
	 */
	static java.util.Optional<String> typedSession(String text) {
		String tidy = tidy(text);
		Matcher matcher = (tidy == null) ? null : TYPED_SESSION.matcher(tidy);
		return (matcher != null && matcher.matches()) ? java.util.Optional.of("A/RES/" + matcher.group(1) + "/")
				: java.util.Optional.empty();
	}

	// upper case, no spaces around a slash or a bracket, "ES 11" and "ES11" as "ES-11"
	private static String tidy(String text) {
		String normal = normalize(text);
		if (normal == null) {
			return null;
		}
		normal = normal.replaceAll(" ?/ ?", "/").replaceAll(" ?\\( ?", "(").replaceAll(" ?\\)", ")");
		return normal.replaceAll("(^|/)(E?S) ?-? ?(\\d)", "$1$2-$3");
	}

	static boolean emergencySpecialSession(String symbol, String session) {
		return (symbol != null && symbol.contains("/ES-")) || (session != null && session.startsWith("ES"))
				|| (session != null && session.toLowerCase(Locale.ROOT).contains("emergency"));
	}

}
