package org.plenary.forecast.core.model;

import java.time.LocalDate;

/** The General Assembly's sessions: one a year, opening in September (1946: the 1st). */
public final class Sessions {

	private Sessions() {
	}

	/** The regular session a date falls in (74 for 2019-09 to 2020-08). */
	public static int of(LocalDate date) {
		return date.getYear() - 1945 + ((date.getMonthValue() >= 9) ? 1 : 0);
	}

}
