package org.plenary.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates as lists show them: without the year when it is this year ("3 Oct", "3 Oct
 * 14:05"), with it otherwise ("3 Oct 2022"), so that a campaign about a vote of another
 * year never reads as this year's. Times are UTC, as everywhere in Plenary. Pages call it
 * as {@code ${@dates.day(d)}}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter WEEKDAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Clock clock;

	Dates() {
		this(Clock.systemUTC());
	}

	Dates(Clock clock) {
		this.clock = clock;
	}

	/** "3 Oct" this year, "3 Oct 2022" another; "" for none. */
	public String day(LocalDate day) {
		return (day == null) ? "" : (thisYear(day) ? DAY : DAY_YEAR).format(day);
	}

	/** The day of an instant (UTC), as {@link #day(LocalDate)}. */
	public String day(Instant at) {
		return (at == null) ? "" : day(at.atOffset(ZoneOffset.UTC).toLocalDate());
	}

	/** "Mon 3 Oct" this year, "Mon 3 Oct 2022" another. */
	public String weekday(LocalDate day) {
		return (day == null) ? "" : (thisYear(day) ? WEEKDAY : WEEKDAY_YEAR).format(day);
	}

	/** "3 Oct 14:05" this year, "3 Oct 2022 14:05" another (UTC). */
	public String moment(Instant at) {
		if (at == null) {
			return "";
		}
		return day(at) + " " + TIME.format(at.atOffset(ZoneOffset.UTC));
	}

	/** The same for code with no bean at hand: against today's date (UTC). */
	public static String dayOf(LocalDate day) {
		return SYSTEM.day(day);
	}

	/** "3 Oct" in the year of {@code today}, "3 Oct 2022" in another. */
	public static String dayOf(LocalDate day, LocalDate today) {
		return (day == null) ? "" : ((day.getYear() == today.getYear()) ? DAY : DAY_YEAR).format(day);
	}

	/** The same for code with no bean at hand: against today's date (UTC). */
	public static String momentOf(Instant at) {
		return SYSTEM.moment(at);
	}

	private static final Dates SYSTEM = new Dates();

	private boolean thisYear(LocalDate day) {
		return day.getYear() == LocalDate.now(this.clock).getYear();
	}

}
