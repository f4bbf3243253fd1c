package org.plenary.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every stored vote in one compact table, roll calls by states (about 1.4 MB for 1946 to
 * 2022), for the analyses that would be slow in SQL: a state's coincidence with every
 * other state is one pass over it. Immutable; rebuilt when an import has changed the
 * votes.
 */
final class VotingMatrix {

	final long version;

	final String[] states;

	final Map<String, Integer> stateIndex;

	final long[] rollCallIds;

	final LocalDate[] dates;

	final String[] sessions;

	/**
	 * [roll call][state]: 'Y', 'N', 'A', 'X', or NONE where the state has no vote stored.
	 */
	final byte[][] votes;

	private VotingMatrix(long version, String[] states, long[] rollCallIds, LocalDate[] dates, String[] sessions,
			byte[][] votes) {
		this.version = version;
		this.states = states;
		this.stateIndex = new HashMap<>();
		for (int i = 0; i < states.length; i++) {
			this.stateIndex.put(states[i], i);
		}
		this.rollCallIds = rollCallIds;
		this.dates = dates;
		this.sessions = sessions;
		this.votes = votes;
	}

	static VotingMatrix load(JdbcClient jdbc, long version) {
		List<String> states = jdbc.sql("select distinct iso3 from history_vote order by iso3")
			.query(String.class)
			.list();
		Map<String, Integer> stateIndex = new HashMap<>();
		for (int i = 0; i < states.size(); i++) {
			stateIndex.put(states.get(i), i);
		}
		List<Long> ids = new ArrayList<>();
		List<LocalDate> dates = new ArrayList<>();
		List<String> sessions = new ArrayList<>();
		jdbc.sql("""
				select id, vote_date, session from history_roll_call r
				where exists (select 1 from history_vote v where v.roll_call_id = r.id) order by vote_date, id
				""").query((rs) -> {
			ids.add(rs.getLong(1));
			dates.add(rs.getObject(2, LocalDate.class));
			sessions.add(rs.getString(3));
		});
		Map<Long, Integer> rowOf = new HashMap<>(ids.size() * 2);
		for (int i = 0; i < ids.size(); i++) {
			rowOf.put(ids.get(i), i);
		}
		byte[][] votes = new byte[ids.size()][states.size()];
		jdbc.sql("select roll_call_id, iso3, vote from history_vote").query((rs) -> {
			Integer row = rowOf.get(rs.getLong(1));
			Integer column = stateIndex.get(rs.getString(2));
			// rows or states an import committed between these queries wait for the next
			// rebuild
			if (row != null && column != null) {
				votes[row][column] = (byte) rs.getString(3).charAt(0);
			}
		});
		return new VotingMatrix(version, states.toArray(String[]::new),
				ids.stream().mapToLong(Long::longValue).toArray(), dates.toArray(LocalDate[]::new),
				sessions.toArray(String[]::new), votes);
	}

	/** The rows whose dates fall in the window (either end may be null). */
	int[] rows(LocalDate from, LocalDate to) {
		int start = 0;
		while (from != null && start < this.dates.length && this.dates[start].isBefore(from)) {
			start++;
		}
		int end = this.dates.length;
		while (to != null && end > start && this.dates[end - 1].isAfter(to)) {
			end--;
		}
		return new int[] { start, end };
	}

}
