package org.plenary.forecast.core.model;

import org.plenary.forecast.core.tally.Vote;

/**
 * One read of the whip board as evidence about a state's vote: the vote it points to,
 * whether it is firm (Yes, No, Abstain, Absent) or leaning, how confident the whip was,
 * the seniority of its source, and its age.
 *
 * @param vote the vote the read points to (Absent points to Non-voting)
 * @param firm a firm read (else leaning)
 * @param confidence the whip's confidence as a weight: 0.6 low, 1 medium or not said,
 * 1.25 high
 * @param level the source's weight: 1.2 for heads of state and ministers down to 0.6 for
 * legislators, 0.85 when not said
 * @param ageDays days since the read was recorded
 */
public record WhipRead(Vote vote, boolean firm, double confidence, double level, double ageDays) {

	public WhipRead {
		if (vote == null) {
			throw new IllegalArgumentException("A read points to a vote");
		}
		if (!(confidence > 0) || !(level > 0) || !(ageDays >= 0)) {
			throw new IllegalArgumentException("A read's weights are positive and its age not negative");
		}
	}

}
