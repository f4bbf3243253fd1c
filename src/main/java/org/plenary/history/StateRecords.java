package org.plenary.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.states.MemberState;
import org.plenary.states.MemberStates;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A state's voting record: its votes session by session, and how often it votes with any
 * other state. Voting coincidence is counted as the US State Department does, on the roll
 * calls where both states voted Yes or No (abstentions and absences left out); a second
 * figure counts abstentions too, as half an agreement with a Yes or a No.
 */
@Service
public class StateRecords {

	/** Partners with fewer Yes/No votes in common than this are not ranked. */
	static final int MIN_COMMON_VOTES = 20;

	private final JdbcClient jdbc;

	private final MemberStates states;

	private volatile VotingMatrix matrix;

	StateRecords(JdbcClient jdbc, MemberStates states) {
		this.jdbc = jdbc;
		this.states = states;
	}

	/** One session of a state's record. */
	public record SessionRecord(String session, LocalDate from, LocalDate to, int yes, int no, int abstain,
			int nonVoting) {

		public int rollCalls() {
			return this.yes + this.no + this.abstain + this.nonVoting;
		}

		/**
		 * Share of the roll calls on which the state voted (Yes, No or Abstain), 0 to 1.
		 */
		public double participation() {
			return rollCalls() == 0 ? 0 : (this.yes + this.no + this.abstain) / (double) rollCalls();
		}

	}

	/**
	 * How two states voted together.
	 *
	 * @param common roll calls where both voted Yes or No
	 * @param agreed of those, how many the same way
	 * @param withAbstentions roll calls where both voted Yes, No or Abstain
	 * @param halfPoints agreement on those, an abstention against a Yes or a No counting
	 * one half
	 */
	public record Coincidence(String iso3, String name, int common, int agreed, int withAbstentions,
			double halfPoints) {

		/** The State Department's figure, 0 to 100; null without common votes. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public Double percent() {
			return this.common == 0 ? null : 100.0 * this.agreed / this.common;
		}

		/** Abstentions counted as half agreement, 0 to 100; null without common votes. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public Double percentWithAbstentions() {
			return this.withAbstentions == 0 ? null : 100.0 * this.halfPoints / this.withAbstentions;
		}

	}

	/** A state's record over a window of dates (either end may be null). */
	public record StateRecord(MemberState state, LocalDate from, LocalDate to, List<SessionRecord> sessions, int yes,
			int no, int abstain, int nonVoting, List<Coincidence> mostAligned, List<Coincidence> leastAligned) {

		public int rollCalls() {
			return this.yes + this.no + this.abstain + this.nonVoting;
		}

	}

	public StateRecord record(String iso3, LocalDate from, LocalDate to, int partners) {
		checkWindow(from, to);
		MemberState state = this.states.state(iso3);
		VotingMatrix votes = matrix();
		Integer column = votes.stateIndex.get(state.iso3());
		List<SessionRecord> sessions = new ArrayList<>();
		int[] counts = new int[4];
		List<Coincidence> ranked = new ArrayList<>();
		if (column != null) {
			int[] window = votes.rows(from, to);
			Map<String, int[]> bySession = new LinkedHashMap<>();
			Map<String, LocalDate[]> spans = new LinkedHashMap<>();
			for (int row = window[0]; row < window[1]; row++) {
				int index = index(votes.votes[row][column]);
				if (index < 0) {
					continue;
				}
				String session = votes.sessions[row] == null ? "?" : votes.sessions[row];
				bySession.computeIfAbsent(session, (s) -> new int[4])[index]++;
				LocalDate date = votes.dates[row];
				spans.computeIfAbsent(session, (s) -> new LocalDate[] { date, date })[1] = date;
				counts[index]++;
			}
			bySession.forEach((session, c) -> sessions
				.add(new SessionRecord(session, spans.get(session)[0], spans.get(session)[1], c[0], c[1], c[2], c[3])));
			Map<String, String> names = names();
			for (int other = 0; other < votes.states.length; other++) {
				if (other != column) {
					Coincidence coincidence = coincidence(votes, column, other, window, names);
					if (coincidence.common() >= MIN_COMMON_VOTES) {
						ranked.add(coincidence);
					}
				}
			}
		}
		ranked.sort(
				Comparator.comparingDouble((Coincidence c) -> c.percent()).reversed().thenComparing(Coincidence::iso3));
		List<Coincidence> most = ranked.subList(0, Math.min(partners, ranked.size()));
		List<Coincidence> least = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - partners), ranked.size()));
		java.util.Collections.reverse(least);
		return new StateRecord(state, from, to, sessions, counts[0], counts[1], counts[2], counts[3], List.copyOf(most),
				least);
	}

	/**
	 * How often two states voted together in a window of dates (either end may be null).
	 */
	public Coincidence coincidence(String iso3, String otherIso3, LocalDate from, LocalDate to) {
		checkWindow(from, to);
		MemberState state = this.states.state(iso3);
		MemberState other = this.states.state(otherIso3);
		VotingMatrix votes = matrix();
		Integer a = votes.stateIndex.get(state.iso3());
		Integer b = votes.stateIndex.get(other.iso3());
		if (a == null || b == null) {
			return new Coincidence(other.iso3(), other.shortName(), 0, 0, 0, 0);
		}
		return coincidence(votes, a, b, votes.rows(from, to), names());
	}

	private static Coincidence coincidence(VotingMatrix votes, int a, int b, int[] window, Map<String, String> names) {
		int common = 0;
		int agreed = 0;
		int withAbstentions = 0;
		double halfPoints = 0;
		for (int row = window[0]; row < window[1]; row++) {
			byte x = votes.votes[row][a];
			byte y = votes.votes[row][b];
			if (!cast(x) || !cast(y)) {
				continue;
			}
			withAbstentions++;
			if (x == y) {
				halfPoints += 1;
			}
			else if (x == 'A' || y == 'A') {
				halfPoints += 0.5;
			}
			if (x != 'A' && y != 'A') {
				common++;
				if (x == y) {
					agreed++;
				}
			}
		}
		String iso3 = votes.states[b];
		return new Coincidence(iso3, names.getOrDefault(iso3, iso3), common, agreed, withAbstentions, halfPoints);
	}

	/** Yes, No or Abstain: a vote cast. */
	private static boolean cast(byte vote) {
		return vote == 'Y' || vote == 'N' || vote == 'A';
	}

	private static int index(byte vote) {
		return switch (vote) {
			case 'Y' -> 0;
			case 'N' -> 1;
			case 'A' -> 2;
			case 'X' -> 3;
			default -> -1;
		};
	}

	private Map<String, String> names() {
		Map<String, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select iso3, short_name from states_state").query((rs) -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

	private static void checkWindow(LocalDate from, LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException("from", "The start date is after the end date");
		}
	}

	/**
	 * The matrix, rebuilt when an import has finished since it was built: every instance
	 * sees the same data, whichever ran the import.
	 */
	VotingMatrix matrix() {
		long version = this.jdbc.sql("""
				select coalesce(max(id), 0) from history_import where status = 'DONE'
				""").query(Long.class).single();
		VotingMatrix current = this.matrix;
		if (current == null || current.version != version) {
			synchronized (this) {
				current = this.matrix;
				if (current == null || current.version != version) {
					current = VotingMatrix.load(this.jdbc, version);
					this.matrix = current;
				}
			}
		}
		return current;
	}

}
