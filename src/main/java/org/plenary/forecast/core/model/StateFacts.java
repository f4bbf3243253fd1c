package org.plenary.forecast.core.model;

import org.plenary.forecast.core.tally.Vote;

/**
 * What the vote model reads about one state before one vote, as the features of its two
 * parts: whether it will be in the room (absence), and how it will vote if it is
 * (presence). Made by {@link Forecaster}; the features are documented here because they
 * are the model.
 * <p>
 * <b>Presence</b>, per class Yes, Abstain, No: intercepts for Abstain and No; whether it
 * voted so on the first reference; the share of the other references on which it voted
 * so; the log probability of that vote from its ideal point on the first reference's item
 * (the direction and the cutpoints of that vote, at the state's current position); the
 * log of its smoothed share of that vote among its last 100 votes cast; the log of the
 * smoothed share of its regional group (itself left out) that voted so on the first
 * reference (cohesion), and the same averaged over its blocs (each bloc's members but
 * itself; uniform for a state in no bloc).
 * <p>
 * <b>Absence</b>: an intercept; the log-odds of its smoothed non-voting rate over its
 * last 400, 100 and 10 roll calls; whether it did not vote on the first reference; the
 * share of the other references on which it did not vote; whether it has no history at
 * all (a new member).
 */
final class StateFacts {

	static final int PRESENCE_FEATURES = 8;

	static final int ABSENCE_FEATURES = 7;

	/** Presence classes in the order of the model: Yes, Abstain, No. */
	static final Vote[] PRESENT = { Vote.YES, Vote.ABSTAIN, Vote.NO };

	/** How the shared shift moves the presence classes: towards Yes. */
	static final double[] PRESENCE_SHIFT = { 1, 0, -1 };

	/** How the shared shift moves the absence classes: present, absent. */
	static final double[] ABSENCE_SHIFT = { 0, 1 };

	private static final int LONG = 400;

	private static final int MEDIUM = 100;

	private static final int SHORT = 10;

	private StateFacts() {
	}

	/**
	 * Writes the presence features of a state ({@code 3 x PRESENCE_FEATURES},
	 * class-major) at {@code offset}.
	 * @param history the history
	 * @param cut only roll calls before this index are read
	 * @param state the state's index in the history, or -1 for a state it does not know
	 * (read as a state with no seat before the cut)
	 * @param references the references' indices (all before cut), the first one first
	 * @param group the indices of the other states of its regional group (empty: all)
	 * @param blocs for each of its blocs, the indices of the bloc's members
	 * @param ideal the ideal-point probabilities of Yes, Abstain, No on the first
	 * reference's item, or null
	 */
	static void presence(PastVotes history, int cut, int state, int[] references, int[] group, int[][] blocs,
			double[] ideal, double[] out, int offset) {
		double[] recent = recentShares(history, cut, state);
		double[] cohesion = groupShares(history, references, group, state);
		double[] blocCohesion = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
		if (references.length > 0 && blocs.length > 0) {
			blocCohesion = new double[3];
			for (int[] bloc : blocs) {
				double[] shares = (bloc.length == 0) ? new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }
						: groupShares(history, references, bloc, state);
				for (int k = 0; k < 3; k++) {
					blocCohesion[k] += shares[k] / blocs.length;
				}
			}
		}
		for (int k = 0; k < 3; k++) {
			Vote vote = PRESENT[k];
			int at = offset + k * PRESENCE_FEATURES;
			out[at] = (k == 1) ? 1 : 0;
			out[at + 1] = (k == 2) ? 1 : 0;
			out[at + 2] = (references.length > 0 && history.vote(references[0], state) == vote) ? 1 : 0;
			out[at + 3] = shareOfOthers(history, references, state, vote);
			out[at + 4] = (ideal == null) ? 0 : Math.log(Math.max(ideal[k], 1e-6));
			out[at + 5] = Math.log(recent[k]);
			out[at + 6] = Math.log(cohesion[k]);
			out[at + 7] = Math.log(blocCohesion[k]);
		}
	}

	/**
	 * Writes the absence features of a state ({@code 2 x ABSENCE_FEATURES}: zeros for
	 * present, then absent) at {@code offset}.
	 */
	static void absence(PastVotes history, int cut, int state, int[] references, double[] out, int offset) {
		int seen = 0;
		int[] absent = new int[3];
		int[] counted = new int[3];
		for (int r = cut - 1; state >= 0 && r >= 0 && seen < LONG; r--) {
			byte code = history.codes(r)[state];
			if (code == 0) {
				continue;
			}
			boolean x = code == PastVotes.code(Vote.NON_VOTING);
			if (seen < SHORT) {
				counted[2]++;
				absent[2] += x ? 1 : 0;
			}
			if (seen < MEDIUM) {
				counted[1]++;
				absent[1] += x ? 1 : 0;
			}
			counted[0]++;
			absent[0] += x ? 1 : 0;
			seen++;
		}
		for (int i = 0; i < 2 * ABSENCE_FEATURES; i++) {
			out[offset + i] = 0;
		}
		int at = offset + ABSENCE_FEATURES;
		out[at] = 1;
		for (int w = 0; w < 3; w++) {
			// a new member: the rate of a typical member (about 1 in 12 roll calls)
			double rate = (counted[w] == 0) ? 0.08 : (absent[w] + 0.5) / (counted[w] + 1.0);
			out[at + 1 + w] = Math.log(rate / (1 - rate));
		}
		out[at + 4] = (references.length > 0 && history.vote(references[0], state) == Vote.NON_VOTING) ? 1 : 0;
		out[at + 5] = shareOfOthers(history, references, state, Vote.NON_VOTING);
		out[at + 6] = (seen == 0) ? 1 : 0;
	}

	/** Smoothed shares of Yes, Abstain, No among the state's last 100 votes cast. */
	private static double[] recentShares(PastVotes history, int cut, int state) {
		double[] counts = new double[3];
		int seen = 0;
		for (int r = cut - 1; state >= 0 && r >= 0 && seen < MEDIUM; r--) {
			int k = presentClass(history.codes(r)[state]);
			if (k >= 0) {
				counts[k]++;
				seen++;
			}
		}
		return smoothed(counts, seen);
	}

	/** Smoothed shares of the group's Yes, Abstain, No on the first reference. */
	private static double[] groupShares(PastVotes history, int[] references, int[] group, int state) {
		double[] counts = new double[3];
		int seen = 0;
		if (references.length > 0) {
			byte[] codes = history.codes(references[0]);
			if (group.length == 0) {
				for (int other = 0; other < codes.length; other++) {
					int k = (other == state) ? -1 : presentClass(codes[other]);
					if (k >= 0) {
						counts[k]++;
						seen++;
					}
				}
			}
			else {
				for (int other : group) {
					int k = (other == state) ? -1 : presentClass(codes[other]);
					if (k >= 0) {
						counts[k]++;
						seen++;
					}
				}
			}
		}
		return smoothed(counts, seen);
	}

	private static double[] smoothed(double[] counts, int seen) {
		double[] shares = new double[3];
		for (int k = 0; k < 3; k++) {
			shares[k] = (counts[k] + 1) / (seen + 3.0);
		}
		return shares;
	}

	private static double shareOfOthers(PastVotes history, int[] references, int state, Vote vote) {
		if (references.length < 2) {
			return 0;
		}
		int same = 0;
		for (int j = 1; j < references.length; j++) {
			same += (history.vote(references[j], state) == vote) ? 1 : 0;
		}
		return same / (double) (references.length - 1);
	}

	/** Yes 0, Abstain 1, No 2, else -1. */
	static int presentClass(byte code) {
		return switch (code) {
			case 1 -> 0;
			case 3 -> 1;
			case 2 -> 2;
			default -> -1;
		};
	}

}
