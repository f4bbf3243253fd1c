package org.plenary.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.plenary.history.Vote;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each campaign's vote became: the roll call of the voting history it names, or the
 * votes typed in state by state while the history has not published it. Recording one
 * teaches the forecast how reliable reads are (the read reliability is learned again from
 * every recorded outcome), so a caller that wants the forecast as it stood before the
 * vote reads it from {@link CampaignForecasts} first.
 */
@Service
public class VoteOutcomes {

	private final ReadReliability reliability;

	VoteOutcomes(ReadReliability reliability) {
		this.reliability = reliability;
	}

	/**
	 * A campaign's recorded outcome.
	 *
	 * @param rollCallId the roll call of the history, or null for votes typed in
	 * @param label the roll call's label, or what was typed in
	 * @param voteDate the day of the vote
	 * @param votes each state's vote, by ISO 3166-1 alpha-3 code (states of the body left
	 * out of a typed outcome have none)
	 * @param movedToVoted whether recording it moved the campaign's status to Voted
	 */
	public record Outcome(long campaignId, Long rollCallId, String label, LocalDate voteDate, Map<String, Vote> votes,
			String recordedBy, Instant recordedAt, boolean movedToVoted) {

		public boolean typed() {
			return this.rollCallId == null;
		}

	}

	/** The campaign's outcome, if recorded. */
	public Optional<Outcome> outcome(long campaignId) {
		return this.reliability.outcome(campaignId).map((o) -> of(campaignId, o));
	}

	/**
	 * Records the roll call of the history the campaign's vote became, by id or symbol
	 * (the latest roll call with per-state votes on that symbol), replacing any earlier
	 * outcome.
	 * @throws org.plenary.system.InvalidInputException when no such roll call is recorded
	 */
	@Transactional
	public Outcome recordRollCall(long campaignId, String rollCall, String by) {
		return of(campaignId, this.reliability.record(campaignId, rollCall, by));
	}

	/**
	 * Records the votes cast as typed in, replacing any earlier outcome: keys are
	 * members' ISO 3166-1 alpha-3 codes, values Yes, No, Abstain or Non-voting (any case;
	 * also Y, N, A, X, NV). All or nothing.
	 * @param voteDate the day of the vote; null for the campaign's vote day (today if
	 * that is still to come)
	 * @throws org.plenary.system.InvalidInputException naming every unknown state, state
	 * outside the body and unknown vote
	 */
	@Transactional
	public Outcome recordVotes(long campaignId, Map<String, String> votes, LocalDate voteDate, String by) {
		return of(campaignId, this.reliability.record(campaignId, votes, voteDate, by));
	}

	private Outcome of(long campaignId, ReadReliability.RecordedOutcome o) {
		Map<String, Vote> votes = this.reliability.cast(campaignId).map(ReadReliability.Cast::votes).orElse(Map.of());
		return new Outcome(campaignId, o.rollCallId(), o.label(), o.voteDate(),
				java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(votes)), o.recordedBy(), o.recordedAt(),
				o.movedToVoted());
	}

}
