package org.plenary.forecast.core.ideal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One roll call given to the model: its identifier in the source (e.g. Voeten's
 * {@code rcid}), its date and the session of the General Assembly it belongs to. The
 * model uses the session as the time step of the states' drift; the date is carried for
 * the caller.
 *
 * @param id the identifier in the source
 * @param date the date of the vote
 * @param session the session number (e.g. 74 for 2019-20)
 */
public record RollCall(long id, LocalDate date, int session) {

	public RollCall {
		Objects.requireNonNull(date, "date");
	}

}
