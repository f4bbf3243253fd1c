package org.plenary.campaigns;

/**
 * Who sees a record of a coalition campaign besides the organisation that made it
 * (enforced by PostgreSQL's row-level security, see ADR 0011).
 */
public enum Visibility {

	ORGANISATION("My organisation only"), COALITION("The whole coalition"), PARTNERS("Named partners");

	private final String label;

	Visibility(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The visibility named by a form or a request; the default when blank. */
	public static Visibility parse(String text, Visibility fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new org.plenary.system.InvalidInputException("visibility",
					"Visibility is ORGANISATION, COALITION or PARTNERS, not '" + text.trim() + "'");
		}
	}

}
