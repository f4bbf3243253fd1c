package org.plenary.whip;

import org.plenary.campaigns.Campaign;

/**
 * How far a stance is from the campaign's ask, and whether a change of stance slipped
 * away from it or moved toward it. Plain Java: the slip rule and the escalation rules
 * share it, and it is tested without a database.
 * <p>
 * The reads stand on one scale: Yes 0, Leaning yes 1, Undecided 2, Leaning abstain 3,
 * Abstain 4, Leaning no 5, No 6; the ask stands on it too (Yes 0, Abstain 4, No 6). The
 * distance is the number of steps between the two.
 * <ul>
 * <li><b>Absent</b> is placed where Abstain is: a state that stays away counts for
 * neither side, exactly as an abstention does (Art. 18: only Yes and No are "present and
 * voting"). So a Yes that turns Absent has slipped when we ask for Yes (its vote is lost)
 * and a No that turns Absent has moved our way; when we ask for an abstention, Absent is
 * as good as Abstain.</li>
 * <li><b>Unknown</b> is no read at all, so it has no distance: a first read (from
 * Unknown) never slips, and a read withdrawn (to Unknown) is not a slip either (we lost
 * the read, not the state; the not-contacted rule brings it back to our attention).</li>
 * </ul>
 * A change slipped away from the ask when both stances have a distance and the new one is
 * larger; it moved toward the ask when the new one is smaller.
 * <p>
 * A <b>commitment</b> (domain.md) is a firm read at the ask, or a firm read that moved
 * toward it (Abstain after No, when we ask Yes). Any other firm read is <b>firm
 * against</b>, reported apart: the other side's firm No is never counted as ours.
 */
public final class AskDistance {

	private AskDistance() {
	}

	/** The distance from the ask; null for Unknown (no read). */
	public static Integer of(Campaign.Ask ask, Stance stance) {
		Integer position = position(stance);
		return (position == null) ? null : Math.abs(position - position(ask));
	}

	public static boolean slipped(Campaign.Ask ask, Stance from, Stance to) {
		Integer before = of(ask, from);
		Integer after = of(ask, to);
		return before != null && after != null && after > before;
	}

	public static boolean toward(Campaign.Ask ask, Stance from, Stance to) {
		Integer before = of(ask, from);
		Integer after = of(ask, to);
		return before != null && after != null && after < before;
	}

	/**
	 * The state is where we want it and firmly so: nothing more to ask of it (Yes for a
	 * Yes ask; Abstain or Absent for an abstention; No for a No).
	 */
	public static boolean firmAtAsk(Campaign.Ask ask, Stance stance) {
		return stance.firm() && Integer.valueOf(0).equals(of(ask, stance));
	}

	/**
	 * Whether a read that came after {@code before} (null or Unknown: no read before) is
	 * a commitment: firm, and at the ask or closer to it than the read before.
	 */
	public static boolean commitment(Campaign.Ask ask, Stance before, Stance now) {
		if (now == null || !now.firm()) {
			return false;
		}
		return firmAtAsk(ask, now) || (before != null && toward(ask, before, now));
	}

	/** Whether the read is firm but no commitment: firm against our ask. */
	public static boolean firmAgainst(Campaign.Ask ask, Stance before, Stance now) {
		return now != null && now.firm() && !commitment(ask, before, now);
	}

	/**
	 * Whether a change from {@code before} to {@code now} loses a commitment: a firm read
	 * at the ask that is no commitment any more. (A read that had moved toward the ask
	 * and moves back is not counted: which read came before it is not known here.)
	 */
	public static boolean commitmentLost(Campaign.Ask ask, Stance before, Stance now) {
		return before != null && firmAtAsk(ask, before) && !commitment(ask, before, now);
	}

	/** The ask as a stance label: "Yes", "Abstain", "No". */
	public static String label(Campaign.Ask ask) {
		return switch (ask) {
			case YES -> Stance.YES.label();
			case ABSTAIN -> Stance.ABSTAIN.label();
			case NO -> Stance.NO.label();
		};
	}

	private static int position(Campaign.Ask ask) {
		return switch (ask) {
			case YES -> 0;
			case ABSTAIN -> 4;
			case NO -> 6;
		};
	}

	private static Integer position(Stance stance) {
		return switch (stance) {
			case YES -> 0;
			case LEANING_YES -> 1;
			case UNDECIDED -> 2;
			case LEANING_ABSTAIN -> 3;
			case ABSTAIN, ABSENT -> 4;
			case LEANING_NO -> 5;
			case NO -> 6;
			case UNKNOWN -> null;
		};
	}

}
