package org.plenary.whip;

import java.time.Instant;
import java.util.Map;

/**
 * What another module adds to each row of the board: who owns the state in the campaign
 * and when it was last contacted. The outreach module provides it; whip cannot depend on
 * outreach (outreach depends on whip), so it asks through this interface. Without a
 * provider the board's owner and last-contact columns stay empty.
 */
public interface BoardAnnotations {

	/** Each member's annotation by ISO3 code; members without one are left out. */
	Map<String, RowAnnotation> annotations(long campaignId);

	/**
	 * @param owner the official who owns the state in the campaign (null: unassigned)
	 * @param lastContact when the state was last contacted in the campaign (null: never)
	 */
	record RowAnnotation(String owner, Instant lastContact) {
	}

}
