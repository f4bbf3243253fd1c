package org.plenary.forecast.core.tally;

/**
 * A body's decision rule, as the tally needs it. Members present and voting are those
 * casting Yes or No; abstentions and non-voting members count for neither side (GA rules
 * of procedure, rules 86 and 126). This mirrors the campaigns module's decision rules, so
 * that the forecasting core stays free of other modules.
 *
 * @param kind which rule
 * @param yesNeeded the Yes votes needed for {@link Kind#QUOTA} and the Council rules (9
 * by Charter Art. 27; the factory methods set it); 0 for the two majority rules, which
 * have no fixed number
 */
public record AdoptionRule(Kind kind, int yesNeeded) {

	/** Affirmative votes the Security Council needs (Charter Art. 27). */
	public static final int SECURITY_COUNCIL_VOTES = 9;

	public enum Kind {

		/** GA rule 85/125, HRC: adopted iff Yes > No; a tie rejects. */
		SIMPLE_MAJORITY,
		/** Charter Art. 18(2): adopted iff Yes >= 2 x No, and at least one Yes. */
		TWO_THIRDS,
		/** Charter Art. 27(2): at least {@code yesNeeded} (9) Yes. */
		SECURITY_COUNCIL_PROCEDURAL,
		/**
		 * Charter Art. 27(3): at least {@code yesNeeded} (9) Yes and no permanent member
		 * voting No; by practice a permanent member's abstention or absence is no veto.
		 */
		SECURITY_COUNCIL_SUBSTANTIVE,
		/** A custom body's rule: at least {@code yesNeeded} Yes. */
		QUOTA

	}

	public AdoptionRule {
		if (kind == null) {
			throw new IllegalArgumentException("An adoption rule needs a kind");
		}
		if (yesNeeded < 0) {
			throw new IllegalArgumentException("Yes votes needed must be >= 0, not " + yesNeeded);
		}
		if ((kind == Kind.SIMPLE_MAJORITY || kind == Kind.TWO_THIRDS) && yesNeeded != 0) {
			throw new IllegalArgumentException(kind + " has no fixed number of Yes votes");
		}
	}

	/**
	 * The rule as a campaign states it: a kind (the same names as the campaigns module's
	 * decision rules) and, for {@link Kind#QUOTA} only, the quota; the Council rules get
	 * their 9 votes, the majority rules need no number (the quota is then ignored).
	 */
	public static AdoptionRule of(Kind kind, int quota) {
		return switch (kind) {
			case SIMPLE_MAJORITY, TWO_THIRDS -> new AdoptionRule(kind, 0);
			case SECURITY_COUNCIL_PROCEDURAL, SECURITY_COUNCIL_SUBSTANTIVE ->
				new AdoptionRule(kind, SECURITY_COUNCIL_VOTES);
			case QUOTA -> new AdoptionRule(kind, quota);
		};
	}

	public static AdoptionRule simpleMajority() {
		return new AdoptionRule(Kind.SIMPLE_MAJORITY, 0);
	}

	public static AdoptionRule twoThirds() {
		return new AdoptionRule(Kind.TWO_THIRDS, 0);
	}

	public static AdoptionRule securityCouncilProcedural() {
		return new AdoptionRule(Kind.SECURITY_COUNCIL_PROCEDURAL, SECURITY_COUNCIL_VOTES);
	}

	public static AdoptionRule securityCouncilSubstantive() {
		return new AdoptionRule(Kind.SECURITY_COUNCIL_SUBSTANTIVE, SECURITY_COUNCIL_VOTES);
	}

	public static AdoptionRule quota(int yesNeeded) {
		return new AdoptionRule(Kind.QUOTA, yesNeeded);
	}

	/** Whether a permanent member's No blocks adoption, whatever the count. */
	public boolean hasVeto() {
		return this.kind == Kind.SECURITY_COUNCIL_SUBSTANTIVE;
	}

	/**
	 * Whether a count is adopted.
	 * @param permanentNo whether any permanent member voted No (matters only with a veto)
	 */
	public boolean adopted(int yes, int no, boolean permanentNo) {
		return switch (this.kind) {
			case SIMPLE_MAJORITY -> yes > no;
			case TWO_THIRDS -> yes > 0 && yes >= 2 * no;
			case SECURITY_COUNCIL_PROCEDURAL, QUOTA -> yes >= this.yesNeeded;
			case SECURITY_COUNCIL_SUBSTANTIVE -> yes >= this.yesNeeded && !permanentNo;
		};
	}

	/** The rule in words, for reasons shown to people. */
	public String describe() {
		return switch (this.kind) {
			case SIMPLE_MAJORITY -> "simple majority of members present and voting";
			case TWO_THIRDS -> "two-thirds majority of members present and voting";
			case SECURITY_COUNCIL_PROCEDURAL -> this.yesNeeded + " affirmative votes";
			case SECURITY_COUNCIL_SUBSTANTIVE -> this.yesNeeded + " affirmative votes and no permanent member against";
			case QUOTA -> "at least " + this.yesNeeded + " Yes votes";
		};
	}

}
