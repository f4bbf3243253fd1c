package org.plenary.whip;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How long ago something happened, as the board says it: "5 min ago", "3 d ago", a date
 * once it is older than two months, "never" for nothing.
 */
public final class Ago {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Ago() {
	}

	public static String text(Instant at) {
		return text(at, Instant.now());
	}

	static String text(Instant at, Instant now) {
		if (at == null) {
			return "never";
		}
		Duration elapsed = Duration.between(at, now);
		// a contact may be logged up to an hour ahead (clocks differ): that is now too
		if (elapsed.toMinutes() < 1) {
			return "just now";
		}
		if (elapsed.toHours() < 1) {
			return elapsed.toMinutes() + " min ago";
		}
		if (elapsed.toDays() < 1) {
			return elapsed.toHours() + " h ago";
		}
		if (elapsed.toDays() < 60) {
			return elapsed.toDays() + " d ago";
		}
		return DATE.format(at);
	}

}
