package org.plenary.forecast.core.model;

import java.time.LocalDate;

/**
 * The General Assembly's regular sessions, numbered as the UN numbers them: the 1st from
 * January 1946, then one a year opening in September (the 74th from September 2019).
 */
public final class Sessions {

	private Sessions() {
	}

	/** The regular session a date falls in (74 for 2019-09 to 2020-08). */
	public static int of(LocalDate date) {
		return Math.max(1, date.getYear() - 1946 + ((date.getMonthValue() >= 9) ? 1 : 0));
	}

}
