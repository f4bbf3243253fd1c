package org.plenary.states;

/** A state's standing at the United Nations. */
public enum StateStatus {

	/** One of the 193 member states. */
	MEMBER("Member state"),
	/** The Holy See and the State of Palestine: take part, do not vote in the plenary. */
	OBSERVER("Observer state"),
	/**
	 * A seat that appears in voting records but no longer exists, e.g. the Soviet Union.
	 */
	FORMER_MEMBER("Former member"),
	/**
	 * Not a UN member but a member of a bloc, e.g. the Cook Islands in the Pacific
	 * Islands Forum.
	 */
	NON_MEMBER("Not a UN member");

	private final String label;

	StateStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
