package org.plenary.campaigns;

/**
 * Applies a decision rule to a count: plain arithmetic, no Spring, tested on the edge
 * cases (ties, all abstain, exactly two-thirds, the permanent-member veto).
 */
public final class DecisionRules {

	/** Affirmative votes the Security Council needs (Charter Art. 27). */
	public static final int SECURITY_COUNCIL_VOTES = 9;

	private DecisionRules() {
	}

	public static boolean adopted(DecisionRule rule, VoteCount count, int quota) {
		return switch (rule) {
			case SIMPLE_MAJORITY -> count.yes() > count.no();
			case TWO_THIRDS -> count.yes() > 0 && count.yes() >= 2 * count.no();
			case SECURITY_COUNCIL_PROCEDURAL -> count.yes() >= SECURITY_COUNCIL_VOTES;
			case SECURITY_COUNCIL_SUBSTANTIVE -> count.yes() >= SECURITY_COUNCIL_VOTES && count.permanentNo() == 0;
			case QUOTA -> count.yes() >= quota;
		};
	}

	/**
	 * The outcome and what it takes. {@code movable} is how many members are not already
	 * voting Yes and could still be won (the caps of the "needs" figures).
	 */
	public static Decision decide(DecisionRule rule, VoteCount count, int quota) {
		boolean adopted = adopted(rule, count, quota);
		int moreYes = 0;
		int fewerNo = 0;
		int margin = 0;
		if (adopted) {
			margin = switch (rule) {
				case SIMPLE_MAJORITY -> count.yes() - count.no() - 1;
				case TWO_THIRDS -> count.yes() - Math.max(1, 2 * count.no());
				case SECURITY_COUNCIL_PROCEDURAL, SECURITY_COUNCIL_SUBSTANTIVE -> count.yes() - SECURITY_COUNCIL_VOTES;
				case QUOTA -> count.yes() - quota;
			};
		}
		else {
			switch (rule) {
				case SIMPLE_MAJORITY -> {
					moreYes = count.no() - count.yes() + 1;
					fewerNo = count.no() - count.yes() + 1;
					if (fewerNo > count.no()) {
						fewerNo = -1; // even with no No at all, Yes is 0: Yes votes are
										// needed
					}
				}
				case TWO_THIRDS -> {
					moreYes = Math.max(1, 2 * count.no()) - count.yes();
					// each No that goes lowers the bar by two
					int needed = count.yes() == 0 ? -1 : (int) Math.ceil((2 * count.no() - count.yes()) / 2.0);
					fewerNo = needed;
				}
				case SECURITY_COUNCIL_PROCEDURAL -> {
					moreYes = SECURITY_COUNCIL_VOTES - count.yes();
					fewerNo = -1;
				}
				case SECURITY_COUNCIL_SUBSTANTIVE -> {
					moreYes = count.permanentNo() > 0 ? -1 : SECURITY_COUNCIL_VOTES - count.yes();
					fewerNo = count.permanentNo() > 0 && count.yes() >= SECURITY_COUNCIL_VOTES ? count.permanentNo()
							: -1;
				}
				case QUOTA -> {
					moreYes = quota - count.yes();
					fewerNo = -1;
				}
			}
		}
		return new Decision(adopted, moreYes, fewerNo, margin, explain(rule, count, adopted, moreYes, fewerNo, margin));
	}

	private static String explain(DecisionRule rule, VoteCount count, boolean adopted, int moreYes, int fewerNo,
			int margin) {
		String tally = count.yes() + "-" + count.no() + "-" + count.abstain();
		if (adopted) {
			return "Passes " + tally + (margin > 0 ? ", with " + margin + " Yes to spare" : ", with no Yes to spare");
		}
		if (rule == DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE && count.permanentNo() > 0) {
			return "Fails " + tally + ": vetoed by " + count.permanentNo() + " permanent member"
					+ (count.permanentNo() == 1 ? "" : "s") + " voting No";
		}
		StringBuilder text = new StringBuilder("Fails " + tally + ": needs " + moreYes + " more Yes");
		if (fewerNo > 0) {
			text.append(", or ").append(fewerNo).append(" fewer No");
		}
		return text.toString();
	}

}
