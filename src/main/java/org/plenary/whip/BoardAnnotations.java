package org.plenary.whip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What another module adds to each row of the board: who owns the state in the campaign,
 * when it was last contacted, and which other organisations say they contacted it. The
 * outreach module provides it; whip cannot depend on outreach (outreach depends on whip),
 * so it asks through this interface. Without a provider the board's owner and
 * last-contact columns stay empty.
 */
public interface BoardAnnotations {

	/** Each member's annotation by ISO3 code; members without one are left out. */
	Map<String, RowAnnotation> annotations(long campaignId);

	/**
	 * @param owner the official who owns the state in the campaign (null: unassigned)
	 * @param lastContact when the state was last contacted in the campaign (null: never)
	 * @param contactedBy other organisations that share the bare fact of their contacts
	 */
	record RowAnnotation(String owner, Instant lastContact, List<ContactedBy> contactedBy) {

		public RowAnnotation(String owner, Instant lastContact) {
			this(owner, lastContact, List.of());
		}

	}

	/**
	 * Another organisation's last contact with a state, as it chose to share it: who, on
	 * which day (UTC) and at what level, and nothing else.
	 *
	 * @param level the highest level of anyone in that day's contacts (null: none given)
	 */
	record ContactedBy(String organisation, LocalDate on, Level level) {

		/** "Contacted by US Mission on 3 Oct (Minister)". */
		public String text() {
			return "Contacted by " + this.organisation + " on " + org.plenary.system.Dates.dayOf(this.on)
					+ ((this.level == null) ? "" : " (" + this.level.label() + ")");
		}

	}

}
