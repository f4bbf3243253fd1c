package org.plenary.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How current the voting history is: the latest recorded vote, each dataset's latest, and
 * the General Assembly sessions that should have recorded votes by now but have none. A
 * forecast rests on the history, and a history that stops years ago forecasts from old
 * alignments without saying so: the history and forecast pages say it.
 */
@Service
public class HistoryCurrency {

	private final JdbcClient jdbc;

	HistoryCurrency(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One dataset's part of the history. */
	public record Source(String name, LocalDate latest, long rollCalls) {
	}

	/**
	 * @param latest the date of the latest recorded vote (null: no history)
	 * @param sources each dataset's latest vote and number of recorded votes
	 * @param missingSessions the regular sessions, from the first recorded one to the
	 * last that should have recorded votes by today, that have none
	 */
	public record Currency(LocalDate latest, List<Source> sources, List<Integer> missingSessions) {

		public boolean empty() {
			return this.latest == null;
		}

		/** A warning in words, or null when the history looks current. */
		public String warning() {
			if (this.latest == null) {
				return "No voting history is loaded: forecasts have nothing to rest on. Import the UN's datasets "
						+ "(./plenary fetch-history, or Import votes).";
			}
			if (this.missingSessions.isEmpty()) {
				return null;
			}
			return "The voting history has no recorded votes of " + sessions(this.missingSessions)
					+ ": forecasts rest on older alignments. Update it (./plenary fetch-history, or Import votes).";
		}

		private static String sessions(List<Integer> sessions) {
			List<String> runs = new ArrayList<>();
			int start = sessions.get(0);
			int end = start;
			for (int i = 1; i <= sessions.size(); i++) {
				if (i < sessions.size() && sessions.get(i) == end + 1) {
					end = sessions.get(i);
					continue;
				}
				runs.add((start == end) ? Integer.toString(start) : start + "-" + end);
				if (i < sessions.size()) {
					start = sessions.get(i);
					end = start;
				}
			}
			return ((sessions.size() == 1) ? "session " : "sessions ") + String.join(", ", runs);
		}

	}

	public Currency now(LocalDate today) {
		List<Source> sources = this.jdbc.sql("""
				select s.source, max(r.vote_date), count(*) from history_roll_call r
				join history_roll_call_source s on s.roll_call_id = r.id
				where not r.adopted_without_vote group by s.source order by max(r.vote_date) desc
				""")
			.query((rs, n) -> new Source(label(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.getLong(3)))
			.list();
		LocalDate latest = sources.stream().map(Source::latest).max(LocalDate::compareTo).orElse(null);
		Set<Integer> recorded = new TreeSet<>(this.jdbc.sql("""
				select distinct session::int from history_roll_call
				where not adopted_without_vote and session ~ '^[0-9]{1,3}$'
				""").query(Integer.class).list());
		return new Currency(latest, sources, missing(recorded, today));
	}

	/**
	 * The regular sessions with no recorded vote, from the first recorded to the last
	 * that should have some by today: a session opens in September and votes most in its
	 * first December, so the one that opened this year counts from January.
	 */
	static List<Integer> missing(Set<Integer> recorded, LocalDate today) {
		List<Integer> missing = new ArrayList<>();
		if (recorded.isEmpty()) {
			return missing;
		}
		int lastExpected = today.getYear() - 1946;
		int first = recorded.stream().min(Integer::compareTo).orElseThrow();
		for (int session = first; session <= lastExpected; session++) {
			if (!recorded.contains(session)) {
				missing.add(session);
			}
		}
		return missing;
	}

	private static String label(String source) {
		return switch (source) {
			case "UNDL" -> "UN Digital Library voting data";
			case "UN_RESOLUTIONS" -> "UN GA resolutions (machine-readable)";
			case "VOETEN" -> "Voeten's UNGA roll calls";
			case "PLAIN" -> "Plain CSV imports";
			default -> source;
		};
	}

}
