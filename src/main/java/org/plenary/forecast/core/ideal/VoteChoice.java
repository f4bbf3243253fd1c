package org.plenary.forecast.core.ideal;

/**
 * A recorded vote, in the order of the ordinal model: No below Abstain below Yes. Absence
 * (non-voting) is not a choice: an absent state simply has no vote on the roll call.
 */
public enum VoteChoice {

	NO, ABSTAIN, YES

}
