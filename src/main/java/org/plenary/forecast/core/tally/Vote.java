package org.plenary.forecast.core.tally;

/**
 * How one member state can vote on one question. Abstain sits between Yes and No on the
 * ordered scale the common shock and the targeting step use; Non-voting is off that scale
 * (absence, or no vote under Charter Art. 19).
 */
public enum Vote {

	YES("Yes"), NO("No"), ABSTAIN("Abstain"), NON_VOTING("Non-voting");

	private final String label;

	Vote(String label) {
		this.label = label;
	}

	/** The domain spelling, for reasons shown to people. */
	public String label() {
		return this.label;
	}

}
