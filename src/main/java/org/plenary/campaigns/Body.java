package org.plenary.campaigns;

import java.util.EnumSet;
import java.util.Set;

/** Where the vote happens, with the rules that body can use. */
public enum Body {

	GA_PLENARY("General Assembly plenary", EnumSet.of(DecisionRule.SIMPLE_MAJORITY, DecisionRule.TWO_THIRDS)),
	EMERGENCY_SPECIAL_SESSION("Emergency special session of the General Assembly",
			EnumSet.of(DecisionRule.SIMPLE_MAJORITY, DecisionRule.TWO_THIRDS)),
	SECURITY_COUNCIL("Security Council",
			EnumSet.of(DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE, DecisionRule.SECURITY_COUNCIL_PROCEDURAL)),
	HUMAN_RIGHTS_COUNCIL("Human Rights Council", EnumSet.of(DecisionRule.SIMPLE_MAJORITY)),
	CUSTOM("Custom body", EnumSet.allOf(DecisionRule.class));

	private final String label;

	private final Set<DecisionRule> rules;

	Body(String label, Set<DecisionRule> rules) {
		this.label = label;
		this.rules = rules;
	}

	public String label() {
		return this.label;
	}

	public Set<DecisionRule> rules() {
		return this.rules;
	}

	/**
	 * The rule a campaign gets when it names none: the body's normal rule. For the GA's
	 * bodies that is a majority of the members present and voting (Charter Art. 18(3));
	 * two-thirds applies to important questions only (Art. 18(2)), which a campaign says
	 * by choosing it. The veto rule for the Security Council (Art. 27(3)); simple
	 * majority elsewhere.
	 */
	public DecisionRule defaultRule() {
		return switch (this) {
			case SECURITY_COUNCIL -> DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE;
			default -> DecisionRule.SIMPLE_MAJORITY;
		};
	}

	/**
	 * The GA's bodies have every member state; the others have members chosen per
	 * campaign.
	 */
	public boolean allMembers() {
		return this == GA_PLENARY || this == EMERGENCY_SPECIAL_SESSION;
	}

	/** How many members the body must have, or 0 when any number will do. */
	public int size() {
		return switch (this) {
			case SECURITY_COUNCIL -> 15;
			case HUMAN_RIGHTS_COUNCIL -> 47;
			default -> 0;
		};
	}

}
