package org.plenary.whip;

import java.util.Locale;

import org.plenary.system.InvalidInputException;

/**
 * Our read of how a state will vote (domain.md). Unknown is no read at all; Undecided is
 * a read. Firm and leaning reads both count in the projection; Undecided and Unknown are
 * open.
 */
public enum Stance {

	YES("Yes", Projection.YES, true), LEANING_YES("Leaning yes", Projection.YES, false),
	UNDECIDED("Undecided", Projection.OPEN, false), LEANING_ABSTAIN("Leaning abstain", Projection.ABSTAIN, false),
	ABSTAIN("Abstain", Projection.ABSTAIN, true), LEANING_NO("Leaning no", Projection.NO, false),
	NO("No", Projection.NO, true), ABSENT("Absent", Projection.NON_VOTING, true),
	UNKNOWN("Unknown", Projection.OPEN, false);

	/** Where a stance goes in the projected tally. */
	public enum Projection {

		YES, NO, ABSTAIN, NON_VOTING, OPEN

	}

	private final String label;

	private final Projection projection;

	private final boolean firm;

	Stance(String label, Projection projection, boolean firm) {
		this.label = label;
		this.projection = projection;
		this.firm = firm;
	}

	public String label() {
		return this.label;
	}

	public Projection projection() {
		return this.projection;
	}

	public boolean firm() {
		return this.firm;
	}

	/** For CSS classes: "leaning-yes". */
	public String css() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Stance parse(String text) {
		if (text == null) {
			throw new InvalidInputException("stance", "A stance is required");
		}
		String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		try {
			return valueOf(key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("stance", "Unknown stance '" + text
					+ "': use Yes, Leaning yes, Undecided, Leaning abstain, Abstain, Leaning no, No, Absent or Unknown");
		}
	}

}
