package org.plenary.forecast.core.ideal;

import java.util.List;
import java.util.Objects;

/**
 * The input of the ideal-point model: the roll calls (indexed by their position in
 * {@code rollCalls}), the number of states (indexed from 0) and the recorded votes. A
 * state absent from a roll call has no vote on it. The caller keeps the mapping from
 * indices to states and roll calls.
 *
 * @param states the number of states
 * @param rollCalls the roll calls, by index
 * @param votes the votes; at most one per state and roll call
 */
public record RollCallData(int states, List<RollCall> rollCalls, List<CastVote> votes) {

	public RollCallData {
		if (states < 0) {
			throw new IllegalArgumentException("states must not be negative: " + states);
		}
		rollCalls = List.copyOf(Objects.requireNonNull(rollCalls, "rollCalls"));
		votes = List.copyOf(Objects.requireNonNull(votes, "votes"));
		for (CastVote vote : votes) {
			if (vote.state() < 0 || vote.state() >= states) {
				throw new IllegalArgumentException("no state " + vote.state() + " among " + states + ": " + vote);
			}
			if (vote.rollCall() < 0 || vote.rollCall() >= rollCalls.size()) {
				throw new IllegalArgumentException(
						"no roll call " + vote.rollCall() + " among " + rollCalls.size() + ": " + vote);
			}
		}
	}

}
