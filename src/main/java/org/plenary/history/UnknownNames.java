package org.plenary.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.states.StateNameResolver;

/**
 * The likeliest states for each name a file uses that no state answers to, from two
 * clues: states whose names are near it (typing slips, accents written as other letters,
 * dotted and undotted I), and members seated on the dates it votes that its roll calls do
 * not list otherwise (a state cannot be missing from a roll call that lists every
 * member). These are suggestions for the user to choose from: nothing is mapped by them.
 */
final class UnknownNames {

	private static final int SUGGESTIONS = 5;

	private final Connection connection;

	private final StateNameResolver resolver;

	UnknownNames(Connection connection, StateNameResolver resolver) {
		this.connection = connection;
		this.resolver = resolver;
	}

	/** Each unknown name with its lines, roll calls and suggestions; after staging. */
	List<ImportReport.UnknownName> describe(Staging staging) throws SQLException {
		List<ImportReport.UnknownName> names = new ArrayList<>();
		for (Map.Entry<String, Staging.Occurrences> entry : staging.unresolved().entrySet()) {
			Staging.Occurrences where = entry.getValue();
			List<String> rollCalls = where.rollCalls()
				.stream()
				.map(staging::byOrdinal)
				.map((r) -> (r.symbol() == null ? r.key() : r.symbol()) + " (" + r.date() + ")")
				.toList();
			names.add(new ImportReport.UnknownName(entry.getKey(), where.lines().size(), where.lines(), rollCalls,
					suggestions(entry.getKey(), where)));
		}
		return names;
	}

	private List<ImportReport.Suggestion> suggestions(String name, Staging.Occurrences where) throws SQLException {
		int rollCalls = where.rollCalls().size();
		Map<String, Integer> absent = new LinkedHashMap<>();
		Map<String, String> stateNames = new LinkedHashMap<>();
		// rule: members in no list did not vote, so a seated member missing from every
		// roll call the name votes in may be the state the name stands for
		try (PreparedStatement statement = this.connection.prepareStatement("""
				select s.iso3, s.short_name, count(*) as absent
				from staged_roll_call r
				join states_state s on s.status in ('MEMBER', 'FORMER_MEMBER')
				  and (s.admitted_on is null or s.admitted_on <= r.vote_date)
				  and (s.ended_on is null or r.vote_date < s.ended_on)
				where r.rc = any(?)
				  and not exists (select 1 from staged_vote v where v.rc = r.rc and v.iso3 = s.iso3)
				  and not exists (select 1 from states_state p where p.successor_iso3 = s.iso3
				                  and p.successor_continues_seat and r.vote_date < p.ended_on)
				group by s.iso3, s.short_name order by count(*) desc, s.iso3
				""")) {
			Array ordinals = this.connection.createArrayOf("integer", where.rollCalls().toArray());
			statement.setArray(1, ordinals);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					absent.put(rs.getString(1), rs.getInt(3));
					stateNames.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		List<ImportReport.Suggestion> suggestions = new ArrayList<>();
		List<StateNameResolver.NearName> near = new ArrayList<>(this.resolver.nearest(name, SUGGESTIONS * 2));
		// a near name whose state is missing from every roll call is the likeliest
		near.sort(java.util.Comparator
			.comparing((StateNameResolver.NearName n) -> absent.getOrDefault(n.iso3(), 0) < rollCalls)
			.thenComparingInt(StateNameResolver.NearName::distance));
		for (StateNameResolver.NearName n : near) {
			int missing = absent.getOrDefault(n.iso3(), 0);
			String why = "name near '" + n.name() + "' (" + n.distance() + " letter(s) apart)";
			if (missing == rollCalls) {
				why += "; seated and not otherwise listed in "
						+ (rollCalls == 1 ? "its roll call" : "all " + rollCalls + " of its roll calls");
			}
			else if (missing < rollCalls) {
				why += "; but listed otherwise in " + (rollCalls - missing) + " of its " + rollCalls + " roll call(s)";
			}
			suggestions.add(new ImportReport.Suggestion(n.iso3(), stateNames.getOrDefault(n.iso3(), n.name()),
					n.distance(), n.name(), missing, why));
			if (suggestions.size() == SUGGESTIONS) {
				return suggestions;
			}
		}
		// the only members missing everywhere: informative when they are few
		List<String> missingEverywhere = absent.entrySet()
			.stream()
			.filter((e) -> e.getValue() == rollCalls)
			.map(Map.Entry::getKey)
			.toList();
		if (missingEverywhere.size() <= SUGGESTIONS) {
			for (String iso3 : missingEverywhere) {
				if (suggestions.stream().noneMatch((s) -> s.iso3().equals(iso3))) {
					suggestions.add(new ImportReport.Suggestion(iso3, stateNames.get(iso3), null, null, rollCalls,
							"seated and not otherwise listed in "
									+ (rollCalls == 1 ? "its roll call" : "all " + rollCalls + " of its roll calls")
									+ " (one of " + missingEverywhere.size() + " such member(s))"));
				}
			}
		}
		return suggestions.size() > SUGGESTIONS ? suggestions.subList(0, SUGGESTIONS) : suggestions;
	}

}
