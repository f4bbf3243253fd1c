package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.plenary.forecast.core.tally.Vote;

/**
 * The voting history as the vote model reads it: roll calls in date order, each with
 * every state's recorded vote (Yes, No, Abstain or Non-voting; nothing for a state that
 * had no seat). Immutable. A forecast for a date reads only the roll calls before it
 * ({@link #before(LocalDate)}), which is what keeps it from looking ahead.
 */
public final class PastVotes {

	private static final byte NONE = 0;

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final List<String> states;

	private final Map<String, Integer> stateIndex;

	private final long[] ids;

	private final LocalDate[] dates;

	private final String[] symbols;

	private final String[] titles;

	private final byte[][] votes;

	private PastVotes(List<String> states, List<Row> rows) {
		this.states = List.copyOf(states);
		this.stateIndex = new HashMap<>();
		for (int i = 0; i < states.size(); i++) {
			this.stateIndex.put(states.get(i), i);
		}
		int n = rows.size();
		this.ids = new long[n];
		this.dates = new LocalDate[n];
		this.symbols = new String[n];
		this.titles = new String[n];
		this.votes = new byte[n][];
		for (int r = 0; r < n; r++) {
			Row row = rows.get(r);
			this.ids[r] = row.id;
			this.dates[r] = row.date;
			this.symbols[r] = normalSymbol(row.symbol);
			this.titles[r] = row.title;
			this.votes[r] = row.votes;
		}
	}

	/** A history over these states (ISO 3166-1 alpha-3 codes), filled by the builder. */
	public static Builder builder(List<String> states) {
		return new Builder(states);
	}

	/** Adds roll calls, then {@link #build()} sorts them by date and identifier. */
	public static final class Builder {

		private final List<String> states;

		private final Map<String, Integer> index = new HashMap<>();

		private final List<Row> rows = new ArrayList<>();

		private Builder(List<String> states) {
			this.states = List.copyOf(states);
			for (int i = 0; i < states.size(); i++) {
				if (this.index.put(states.get(i), i) != null) {
					throw new IllegalArgumentException("State " + states.get(i) + " is listed twice");
				}
			}
		}

		/**
		 * Adds a roll call.
		 * @param id its identifier (unique; orders roll calls of the same day)
		 * @param date the day of the vote
		 * @param symbol the resolution's symbol, or null
		 * @param title its title, or null
		 * @param votes each state's vote; states not named had no seat
		 */
		public Builder add(long id, LocalDate date, String symbol, String title, Map<String, Vote> votes) {
			byte[] row = new byte[this.states.size()];
			votes.forEach((iso3, vote) -> {
				Integer state = this.index.get(iso3);
				if (state == null) {
					throw new IllegalArgumentException("Unknown state " + iso3 + " in roll call " + id);
				}
				row[state] = code(vote);
			});
			this.rows.add(new Row(id, date, symbol, title, row));
			return this;
		}

		/**
		 * Adds one vote to the roll call added last with this id (for callers that read
		 * votes row by row).
		 */
		public Builder vote(String iso3, Vote vote) {
			Integer state = this.index.get(iso3);
			if (state == null) {
				throw new IllegalArgumentException("Unknown state " + iso3);
			}
			this.rows.get(this.rows.size() - 1).votes[state] = code(vote);
			return this;
		}

		public PastVotes build() {
			List<Row> sorted = new ArrayList<>(this.rows);
			sorted.sort(Comparator.comparing((Row row) -> row.date).thenComparingLong((row) -> row.id));
			java.util.Set<Long> seen = new java.util.HashSet<>();
			for (Row row : sorted) {
				if (!seen.add(row.id)) {
					throw new IllegalArgumentException("Roll call " + row.id + " is added twice");
				}
			}
			return new PastVotes(this.states, sorted);
		}

	}

	private record Row(long id, LocalDate date, String symbol, String title, byte[] votes) {
	}

	/** The states, by index. */
	public List<String> states() {
		return this.states;
	}

	/** The index of the state, or -1. */
	public int stateIndex(String iso3) {
		Integer index = this.stateIndex.get(iso3);
		return (index == null) ? -1 : index;
	}

	/** How many roll calls. */
	public int size() {
		return this.ids.length;
	}

	/** How many roll calls were held before the date (they come first). */
	public int before(LocalDate date) {
		int low = 0;
		int high = this.dates.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.dates[mid].isBefore(date)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	public long id(int rollCall) {
		return this.ids[rollCall];
	}

	public LocalDate date(int rollCall) {
		return this.dates[rollCall];
	}

	/** The symbol, written as {@link #normalSymbol(String)} writes it, or null. */
	public String symbol(int rollCall) {
		return this.symbols[rollCall];
	}

	public String title(int rollCall) {
		return this.titles[rollCall];
	}

	/** The state's vote, or null when it had no seat (or is not in the history: -1). */
	public Vote vote(int rollCall, int state) {
		return (state < 0) ? null : vote(this.votes[rollCall][state]);
	}

	/**
	 * Whether anyone voted Yes, No or Abstain (else there is nothing to learn from it).
	 */
	public boolean hasVotes(int rollCall) {
		for (byte code : this.votes[rollCall]) {
			if (code != NONE && code != code(Vote.NON_VOTING)) {
				return true;
			}
		}
		return false;
	}

	/** The index of the roll call with this identifier, or -1. */
	public int indexOf(long id) {
		for (int r = 0; r < this.ids.length; r++) {
			if (this.ids[r] == id) {
				return r;
			}
		}
		return -1;
	}

	/**
	 * The roll calls on a resolution held before {@code cut} (an index from
	 * {@link #before(LocalDate)}), latest first: those with exactly this symbol, or else
	 * those of its parts ("A/RES/75/290" finds "A/RES/75/290 A").
	 */
	public List<Integer> find(String symbol, int cut) {
		String wanted = normalSymbol(symbol);
		List<Integer> exact = new ArrayList<>();
		List<Integer> parts = new ArrayList<>();
		if (wanted == null) {
			return exact;
		}
		for (int r = cut - 1; r >= 0; r--) {
			String candidate = this.symbols[r];
			if (candidate == null) {
				continue;
			}
			if (candidate.equals(wanted)) {
				exact.add(r);
			}
			else if (candidate.startsWith(wanted + " ")) {
				parts.add(r);
			}
		}
		return exact.isEmpty() ? parts : exact;
	}

	/**
	 * A resolution's symbol written one way: upper case, single spaces, and "A/RES/" in
	 * front when it was left out ("es-11/1" is "A/RES/ES-11/1").
	 */
	public static String normalSymbol(String symbol) {
		if (symbol == null) {
			return null;
		}
		String normal = symbol.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		if (normal.isEmpty()) {
			return null;
		}
		if (!normal.startsWith("A/") && normal.matches("(ES-\\d+|\\d+)/.*")) {
			normal = "A/RES/" + normal;
		}
		return normal;
	}

	/**
	 * A title reduced to its words in lower case, so that the same resolution's title
	 * matches from year to year and across datasets; empty for none.
	 */
	public static String normalTitle(String title) {
		if (title == null) {
			return "";
		}
		return NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

	static byte code(Vote vote) {
		return switch (vote) {
			case YES -> 1;
			case NO -> 2;
			case ABSTAIN -> 3;
			case NON_VOTING -> 4;
		};
	}

	static Vote vote(byte code) {
		return switch (code) {
			case 1 -> Vote.YES;
			case 2 -> Vote.NO;
			case 3 -> Vote.ABSTAIN;
			case 4 -> Vote.NON_VOTING;
			default -> null;
		};
	}

	/**
	 * The raw codes of one roll call (0 none, then as {@link #code(Vote)}); not copied.
	 */
	byte[] codes(int rollCall) {
		return this.votes[rollCall];
	}

}
