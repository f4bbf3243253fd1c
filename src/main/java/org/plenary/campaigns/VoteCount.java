package org.plenary.campaigns;

/**
 * A count of votes, real or projected, with what the decision rule makes of it.
 *
 * @param permanentNo Security Council permanent members voting No (a veto for substantive
 * matters)
 */
public record VoteCount(int yes, int no, int abstain, int nonVoting, int permanentNo) {

	public VoteCount {
		if (yes < 0 || no < 0 || abstain < 0 || nonVoting < 0 || permanentNo < 0 || permanentNo > no) {
			throw new IllegalArgumentException("Counts must be non-negative, permanent No at most No");
		}
	}

	public static VoteCount of(int yes, int no, int abstain) {
		return new VoteCount(yes, no, abstain, 0, 0);
	}

	/** Yes and No: the members present and voting. */
	public int presentAndVoting() {
		return this.yes + this.no;
	}

}
