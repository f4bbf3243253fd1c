package org.plenary.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.plenary.history.Vote;
import org.plenary.whip.Level;
import org.plenary.campaigns.Campaign;
import org.plenary.whip.AskDistance;
import org.plenary.whip.Stance;

/**
 * The reckoning of a campaign's vote: each member's vote cast against what the board read
 * and the forecast foresaw just before the vote, the commitments kept and broken, and how
 * accurate the forecast and the reads were. Plain arithmetic on the stored snapshot.
 *
 * @param outcome what the vote became (the roll call, or votes typed in)
 * @param snapshot when and by whom the board and the forecast were taken
 * @param actualAdopted whether the votes cast adopt the proposal under the body's rule
 * (null when no vote is recorded for any member)
 * @param withoutVote members of the body with no vote recorded (left out of every figure)
 */
public record Reckoned(long campaignId, String campaignTitle, Outcome outcome, Snapshot snapshot, Boolean actualAdopted,
		Accuracy accuracy, Commitments commitments, List<StateReckoning> states, int withoutVote) {

	/** What the vote became. */
	public record Outcome(Long rollCallId, String label, LocalDate voteDate, boolean typed, String recordedBy,
			Instant recordedAt) {
	}

	/**
	 * When the board and the forecast were taken.
	 *
	 * @param forecastStatus READY, or why the forecast had no numbers then
	 * @param adoptionProbability the forecast's P(adoption) then, if it had numbers
	 */
	public record Snapshot(String takenBy, Instant takenAt, String forecastStatus, String forecastNote,
			Double adoptionProbability) {
	}

	/** P(Yes), P(No), P(Abstain), P(Non-voting). */
	public record Probabilities(double yes, double no, double abstain, double nonVoting) {

		public double of(Vote vote) {
			return switch (vote) {
				case YES -> this.yes;
				case NO -> this.no;
				case ABSTAIN -> this.abstain;
				case NON_VOTING -> this.nonVoting;
			};
		}

		/**
		 * The most likely vote (the first on the scale Yes, No, Abstain, Non-voting on a
		 * tie).
		 */
		public Vote mostLikely() {
			Vote best = Vote.YES;
			for (Vote vote : Vote.values()) {
				if (of(vote) > of(best)) {
					best = vote;
				}
			}
			return best;
		}

	}

	/**
	 * One member as it was read, foreseen and cast. Flags are null where they do not
	 * apply (no vote recorded, no forecast, no read, not a commitment).
	 *
	 * @param read the board's read just before the vote
	 * @param forecast the forecast just before the vote, if it had numbers
	 * @param probabilityOfActual the probability the forecast gave the vote cast
	 * @param hit whether the forecast's most likely vote was the vote cast
	 * @param readMatched whether the read (firm or leaning) pointed at the vote cast
	 * @param commitment whether the read was a commitment (a firm Yes, No or Abstain)
	 * @param kept whether the commitment was kept
	 */
	public record StateReckoning(String iso3, String name, Vote actual, Stance read, Level sourceLevel,
			String recordedBy, Instant readAt, Probabilities forecast, Vote mostLikely, Double probabilityOfActual,
			Boolean hit, Boolean readMatched, boolean commitment, Boolean kept) {

		public String sourceLevelLabel() {
			return (this.sourceLevel == null) ? "Level not given" : this.sourceLevel.label();
		}

	}

	/** A count of votes. */
	public record Tally(int yes, int no, int abstain, int nonVoting) {
	}

	/** The counts the forecast expected (the sums of its probabilities). */
	public record ExpectedTally(double yes, double no, double abstain, double nonVoting) {
	}

	/**
	 * How accurate the forecast and the reads were, over the members with a vote recorded
	 * (and, for the forecast's figures, a forecast).
	 *
	 * @param expected the forecast's expected counts over the members with a vote and a
	 * forecast
	 * @param forecastStates how many members the forecast's figures cover
	 * @param mostLikelyRight the share of them whose most likely vote was cast
	 * @param meanLogLoss the mean of -ln P(vote cast) (lower is better)
	 * @param uniformLogLoss the same for a forecast of 25 % on each vote: ln 4
	 * @param brier the mean Brier score over the four votes (0 best, 2 worst)
	 * @param uniformBrier the same for a forecast of 25 % on each vote: 0.75
	 * @param reads members with a read (firm or leaning) and a vote
	 * @param readsMatched how many of those reads pointed at the vote cast
	 */
	public record Accuracy(Tally actual, ExpectedTally expected, int forecastStates, int mostLikelyRightCount,
			Double mostLikelyRight, Double meanLogLoss, double uniformLogLoss, Double brier, double uniformBrier,
			int reads, int readsMatched, Double readsMatchedShare) {
	}

	/**
	 * Commitments kept and broken, in all and by a grouping; and apart from them, the
	 * firm reads against our ask (the other side's firm No, a firm Abstain when we asked
	 * Yes), "kept" when the state voted as read.
	 */
	public record Commitments(Group all, List<Group> bySourceLevel, List<Group> byOfficial, Group firmAgainst) {
	}

	/** Kept and broken in one group; the rate is kept over both (null for none). */
	public record Group(String name, int kept, int broken, Double keptRate) {

		static Group of(String name, int kept, int broken) {
			return new Group(name, kept, broken, (kept + broken == 0) ? null : kept / (double) (kept + broken));
		}

	}

	/**
	 * A probability this small stands for one never given, so that a log loss stays
	 * finite.
	 */
	static final double FLOOR = 1e-6;

	static final double UNIFORM_LOG_LOSS = Math.log(4);

	static final double UNIFORM_BRIER = 3 * (0.25 * 0.25) + 0.75 * 0.75;

	/** One member's stored snapshot and vote cast. */
	record Row(String iso3, String name, Stance read, Level sourceLevel, String recordedBy, String obtainedBy,
			Instant readAt, Probabilities forecast, Vote actual) {
	}

	/** Reckons the stored rows. */
	static Reckoned of(long campaignId, String campaignTitle, Campaign.Ask ask, Outcome outcome, Snapshot snapshot,
			List<Row> rows, Function<Tally, Boolean> adopted) {
		List<StateReckoning> states = new ArrayList<>();
		int[] actual = new int[4];
		double[] expected = new double[4];
		int forecastStates = 0;
		int right = 0;
		double logLoss = 0;
		double brier = 0;
		int reads = 0;
		int matched = 0;
		int withoutVote = 0;
		int kept = 0;
		int broken = 0;
		int againstAsRead = 0;
		int againstOtherwise = 0;
		Map<String, int[]> byLevel = new TreeMap<>();
		Map<String, int[]> byOfficial = new TreeMap<>();
		for (Row row : rows) {
			Vote cast = row.actual();
			Probabilities p = row.forecast();
			Vote mostLikely = (p == null) ? null : p.mostLikely();
			// the snapshot keeps the last read only: a commitment here is a firm read at
			// the
			// ask (one that had moved toward it from a read further away is not known)
			boolean commitment = row.read() != null && AskDistance.firmAtAsk(ask, row.read());
			boolean firmAgainst = row.read() != null && row.read().firm() && !commitment;
			Vote pointsAt = pointsAt(row.read());
			if (cast == null) {
				withoutVote++;
				states.add(new StateReckoning(row.iso3(), row.name(), null, row.read(), row.sourceLevel(),
						row.recordedBy(), row.readAt(), p, mostLikely, null, null, null, commitment, null));
				continue;
			}
			actual[cast.ordinal()]++;
			Double pActual = null;
			Boolean hit = null;
			if (p != null) {
				forecastStates++;
				for (Vote vote : Vote.values()) {
					expected[vote.ordinal()] += p.of(vote);
					double happened = (vote == cast) ? 1 : 0;
					brier += (p.of(vote) - happened) * (p.of(vote) - happened);
				}
				pActual = p.of(cast);
				logLoss += -Math.log(Math.max(FLOOR, pActual));
				hit = mostLikely == cast;
				right += hit ? 1 : 0;
			}
			Boolean readMatched = null;
			if (pointsAt != null) {
				reads++;
				readMatched = pointsAt == cast;
				matched += readMatched ? 1 : 0;
			}
			Boolean keptIt = null;
			if (commitment) {
				keptIt = pointsAt == cast;
				kept += keptIt ? 1 : 0;
				broken += keptIt ? 0 : 1;
				String level = (row.sourceLevel() == null) ? "Level not given" : row.sourceLevel().label();
				count(byLevel, level, keptIt);
				count(byOfficial, (row.obtainedBy() != null) ? row.obtainedBy()
						: (row.recordedBy() == null) ? "Not recorded" : row.recordedBy(), keptIt);
			}
			if (firmAgainst) {
				boolean asRead = pointsAt == cast;
				againstAsRead += asRead ? 1 : 0;
				againstOtherwise += asRead ? 0 : 1;
			}
			states.add(new StateReckoning(row.iso3(), row.name(), cast, row.read(), row.sourceLevel(), row.recordedBy(),
					row.readAt(), p, mostLikely, pActual, hit, readMatched, commitment, keptIt));
		}
		Tally tally = new Tally(actual[0], actual[1], actual[2], actual[3]);
		Accuracy accuracy = new Accuracy(tally, new ExpectedTally(expected[0], expected[1], expected[2], expected[3]),
				forecastStates, right, share(right, forecastStates),
				(forecastStates == 0) ? null : logLoss / forecastStates, UNIFORM_LOG_LOSS,
				(forecastStates == 0) ? null : brier / forecastStates, UNIFORM_BRIER, reads, matched,
				share(matched, reads));
		Commitments commitments = new Commitments(Group.of("All commitments", kept, broken), groups(byLevel, true),
				groups(byOfficial, false), Group.of("Firm against our ask", againstAsRead, againstOtherwise));
		Boolean adoptedNow = (rows.size() == withoutVote) ? null : adopted.apply(tally);
		return new Reckoned(campaignId, campaignTitle, outcome, snapshot, adoptedNow, accuracy, commitments,
				List.copyOf(states), withoutVote);
	}

	/**
	 * Where a read points: firm and leaning reads alike; none for Undecided and Unknown.
	 */
	static Vote pointsAt(Stance read) {
		if (read == null) {
			return null;
		}
		return switch (read.projection()) {
			case YES -> Vote.YES;
			case NO -> Vote.NO;
			case ABSTAIN -> Vote.ABSTAIN;
			case NON_VOTING -> Vote.NON_VOTING;
			case OPEN -> null;
		};
	}

	private static void count(Map<String, int[]> groups, String name, boolean kept) {
		groups.computeIfAbsent(name, (k) -> new int[2])[kept ? 0 : 1]++;
	}

	/** By level: most senior first (the order of {@link Level}); by official: by name. */
	private static List<Group> groups(Map<String, int[]> counts, boolean byLevel) {
		List<Group> groups = new ArrayList<>();
		counts.forEach((name, c) -> groups.add(Group.of(name, c[0], c[1])));
		if (byLevel) {
			groups.sort(Comparator.comparingInt(Reckoned::levelRank));
		}
		return List.copyOf(groups);
	}

	private static int levelRank(Group group) {
		for (Level level : Level.values()) {
			if (level.label().equals(group.name())) {
				return level.ordinal();
			}
		}
		return Level.values().length;
	}

	private static Double share(int part, int whole) {
		return (whole == 0) ? null : part / (double) whole;
	}

	/** One member's line, or null when it is not a member of the body. */
	public StateReckoning state(String iso3) {
		return this.states.stream().filter((s) -> s.iso3().equals(iso3)).findFirst().orElse(null);
	}

}
