package org.plenary.forecast.core.ideal;

import java.util.Objects;

/**
 * One state's vote on one roll call, both named by their dense index in the
 * {@link RollCallData}.
 *
 * @param rollCall the index of the roll call in {@link RollCallData#rollCalls()}
 * @param state the index of the state, from 0 to {@link RollCallData#states()} - 1
 * @param choice Yes, Abstain or No
 */
public record CastVote(int rollCall, int state, VoteChoice choice) {

	public CastVote {
		Objects.requireNonNull(choice, "choice");
	}

}
