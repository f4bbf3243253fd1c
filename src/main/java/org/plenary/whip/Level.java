package org.plenary.whip;

/** Seniority of a participant in a contact (domain.md). */
public enum Level {

	HEAD_OF_STATE("Head of state or government"), MINISTER("Minister"), DEPUTY_MINISTER("Deputy or under-secretary"),
	ASSISTANT_SECRETARY("Assistant secretary or political director"), AMBASSADOR("Ambassador"),
	PERMANENT_REPRESENTATIVE("Permanent Representative"),
	DEPUTY_PERMANENT_REPRESENTATIVE("Deputy Permanent Representative"), DESK_OFFICER("Desk officer or expert"),
	LEGISLATOR("Legislator");

	private final String label;

	Level(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
