package org.plenary.states;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Maps any name or code seen in UN data to a state: ISO alpha-3 and alpha-2 codes, UN
 * short and formal names, upper-case names from voting records, older names, common names
 * and known misspellings. Matching ignores case, accents and punctuation. A name that
 * meant different seats at different times (e.g. YUGOSLAVIA, CHINA) resolves by the date
 * given. It never guesses: an unknown name, or one that fits two states on that date, is
 * reported as such.
 */
@Service
public class StateNameResolver {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");

	private final JdbcClient jdbc;

	private volatile Map<String, List<StateName>> index;

	// folded names that a user said are not states (a total row, a heading)
	private volatile Set<String> notStates;

	StateNameResolver(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outcome of resolving one input: the state's code, or why there is none.
	 *
	 * @param input the text as given
	 * @param iso3 the state, or null when unresolved
	 * @param candidates the states the text fits on that date: none when unknown, several
	 * when ambiguous
	 */
	public record Resolution(String input, String iso3, List<String> candidates) {

		public boolean resolved() {
			return this.iso3 != null;
		}

		/** Why the input did not resolve, in words for an import report. */
		public String problem() {
			if (resolved()) {
				return null;
			}
			return this.candidates.isEmpty() ? "unknown state name or code '" + this.input + "'"
					: "'" + this.input + "' fits several states on that date: " + this.candidates;
		}

	}

	/** Resolves a name or code as it was used on {@code date} (null: at any time). */
	public Resolution resolve(String nameOrCode, LocalDate date) {
		if (nameOrCode == null || nameOrCode.isBlank()) {
			return new Resolution(nameOrCode, null, List.of());
		}
		return lookup(nameOrCode).resolution(date);
	}

	/**
	 * Every reading of one name or code, for callers that resolve the same names on many
	 * dates (importers): fold once, then {@link NameLookup#on(LocalDate)} per row.
	 */
	public NameLookup lookup(String nameOrCode) {
		List<StateName> names = (nameOrCode == null) ? List.of() : index().getOrDefault(fold(nameOrCode), List.of());
		boolean notAState = names.isEmpty() && nameOrCode != null && notStates().contains(fold(nameOrCode));
		return new NameLookup(nameOrCode, names, notAState);
	}

	/**
	 * Reads the names again from the register: an import calls it first, so that names
	 * mapped since (here or on another instance) count.
	 */
	public void refresh() {
		this.index = null;
		this.notStates = null;
	}

	/** A state one of whose names is near a name that resolves to none. */
	public record NearName(String iso3, String name, int distance) {
	}

	/**
	 * The states whose names are nearest to an unknown name (edit distance on the folded
	 * forms, so accents, case and dotted or undotted I cost nothing), nearest first: a
	 * suggestion for the user, never a resolution.
	 */
	public List<NearName> nearest(String unknown, int limit) {
		String folded = fold(unknown == null ? "" : unknown);
		if (folded.isEmpty()) {
			return List.of();
		}
		int allowed = Math.max(2, folded.length() / 3);
		Map<String, NearName> best = new HashMap<>();
		index().forEach((name, readings) -> {
			if (Math.abs(name.length() - folded.length()) > allowed) {
				return;
			}
			int distance = distance(folded, name);
			if (distance > allowed) {
				return;
			}
			for (StateName reading : readings) {
				if ("CODE".equals(reading.kind())) {
					continue; // a code two letters away from a name means nothing
				}
				NearName known = best.get(reading.iso3());
				if (known == null || distance < known.distance()) {
					best.put(reading.iso3(), new NearName(reading.iso3(), reading.name(), distance));
				}
			}
		});
		return best.values()
			.stream()
			.sorted(java.util.Comparator.comparingInt(NearName::distance).thenComparing(NearName::iso3))
			.limit(limit)
			.toList();
	}

	/**
	 * Optimal string alignment distance: insertions, deletions, substitutions and swaps
	 * of two neighbours each cost one (typing slips are mostly these).
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/**
	 * The readings of one name; resolves it on a date.
	 *
	 * @param notAState a user said the name is no state: rows under it are skipped
	 */
	public record NameLookup(String input, List<StateName> names, boolean notAState) {

		/** The state the name meant on that day, or null when none or several. */
		public String on(LocalDate date) {
			String found = null;
			for (StateName name : this.names) {
				if (name.validOn(date)) {
					if (found != null && !found.equals(name.iso3())) {
						return null;
					}
					found = name.iso3();
				}
			}
			return found;
		}

		public Resolution resolution(LocalDate date) {
			List<String> candidates = this.names.stream()
				.filter((name) -> name.validOn(date))
				.map(StateName::iso3)
				.distinct()
				.sorted()
				.toList();
			return new Resolution(this.input, candidates.size() == 1 ? candidates.get(0) : null, candidates);
		}

	}

	/**
	 * The states one of whose names or codes contains the text (after folding), for
	 * search boxes; an exact code match counts too.
	 */
	public List<String> search(String text) {
		String folded = fold(text);
		if (folded.isEmpty()) {
			return List.of();
		}
		return index().entrySet()
			.stream()
			.filter((entry) -> entry.getKey().contains(folded))
			.flatMap((entry) -> entry.getValue().stream())
			.filter((name) -> !"CODE".equals(name.kind()) || fold(name.name()).equals(folded))
			.map(StateName::iso3)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The form in which names are compared: accents dropped, upper case, '&amp;' read as
	 * AND, every run of other characters one space. "Côte d’Ivoire" and "COTE D'IVOIRE"
	 * fold alike.
	 */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text.replace("&", " and "), Normalizer.Form.NFKD);
		String upper = MARKS.matcher(decomposed).replaceAll("").toUpperCase(Locale.ROOT);
		return NON_ALPHANUMERIC.matcher(upper).replaceAll(" ").trim();
	}

	private Map<String, List<StateName>> index() {
		Map<String, List<StateName>> loaded = this.index;
		if (loaded == null) {
			loaded = load();
			this.index = loaded;
		}
		return loaded;
	}

	private Set<String> notStates() {
		Set<String> loaded = this.notStates;
		if (loaded == null) {
			loaded = new HashSet<>();
			for (String name : this.jdbc.sql("select name from states_name_not_a_state").query(String.class).list()) {
				loaded.add(fold(name));
			}
			this.notStates = loaded;
		}
		return loaded;
	}

	private Map<String, List<StateName>> load() {
		List<StateName> names = new ArrayList<>(this.jdbc.sql("""
				select iso3, name, kind, valid_from, valid_to, source from states_state_name
				""")
			.query((rs, n) -> new StateName(rs.getString("iso3"), rs.getString("name"), rs.getString("kind"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getString("source")))
			.list());
		Set<String> explicit = new HashSet<>();
		names.forEach((name) -> explicit.add(name.iso3() + "|" + fold(name.name())));
		// The register's own codes and names; a former member's names hold only while it
		// sat.
		this.jdbc.sql("select iso3, iso2, short_name, formal_name, status, admitted_on, ended_on from states_state")
			.query((rs) -> {
				String iso3 = rs.getString("iso3");
				boolean former = "FORMER_MEMBER".equals(rs.getString("status"));
				LocalDate from = former ? rs.getObject("admitted_on", LocalDate.class) : null;
				LocalDate to = former ? rs.getObject("ended_on", LocalDate.class) : null;
				names.add(new StateName(iso3, iso3, "CODE", null, null, "register"));
				if (rs.getString("iso2") != null) {
					names.add(new StateName(iso3, rs.getString("iso2"), "CODE", null, null, "register"));
				}
				for (String name : List.of(rs.getString("short_name"), rs.getString("formal_name"))) {
					// an explicit, dated row for the same name (e.g. CHINA for CHN from
					// 1971) wins
					if (!explicit.contains(iso3 + "|" + fold(name))) {
						names.add(new StateName(iso3, name, "UN_NAME", from, to, "register"));
					}
				}
			});
		Map<String, List<StateName>> byFoldedName = new HashMap<>();
		for (StateName name : names) {
			byFoldedName.computeIfAbsent(fold(name.name()), (k) -> new ArrayList<>()).add(name);
		}
		return byFoldedName;
	}

}
