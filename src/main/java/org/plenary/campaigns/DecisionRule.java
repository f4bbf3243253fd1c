package org.plenary.campaigns;

import java.util.Locale;

/**
 * How a body decides. Members present and voting are those casting Yes or No; abstentions
 * and non-voting members count for neither side (GA rules of procedure, rules 86 and
 * 126).
 */
public enum DecisionRule {

	/** GA rule 85/125, HRC: adopted iff Yes > No; a tie rejects. */
	SIMPLE_MAJORITY("Simple majority of members present and voting"),
	/** Charter Art. 18(2): adopted iff Yes >= 2 x No, and at least one Yes. */
	TWO_THIRDS("Important question: two-thirds majority of members present and voting (Art. 18(2))"),
	/** Charter Art. 27(2): 9 affirmative votes. */
	SECURITY_COUNCIL_PROCEDURAL("Security Council, procedural: 9 affirmative votes"),
	/**
	 * Charter Art. 27(3): 9 affirmative votes including the concurring votes of the
	 * permanent members; by practice an abstention or absence of a permanent member is
	 * not a veto.
	 */
	SECURITY_COUNCIL_SUBSTANTIVE("Security Council, substantive: 9 affirmative votes and no permanent member against"),
	/** A custom body's rule: at least {@code quota} Yes votes. */
	QUOTA("At least a set number of Yes votes");

	private final String label;

	DecisionRule(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static DecisionRule parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (RuntimeException ex) {
			throw new org.plenary.system.InvalidInputException("rule", "Unknown decision rule '" + text + "'");
		}
	}

}
