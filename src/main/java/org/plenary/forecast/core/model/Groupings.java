package org.plenary.forecast.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who belongs with whom on a day, for cohesion: each state's regional group and its blocs
 * (ISO3 codes to grouping codes).
 *
 * @param regionalGroup each state's regional group; states not named are compared with
 * all
 * @param blocs each state's blocs; states not named belong to none
 */
public record Groupings(Map<String, String> regionalGroup, Map<String, Set<String>> blocs) {

	public Groupings {
		regionalGroup = Map.copyOf(regionalGroup);
		Map<String, Set<String>> copy = new HashMap<>();
		blocs.forEach((iso3, codes) -> copy.put(iso3, Set.copyOf(codes)));
		blocs = Map.copyOf(copy);
	}

	/** Regional groups only. */
	public static Groupings regional(Map<String, String> regionalGroup) {
		return new Groupings(regionalGroup, Map.of());
	}

	/** Each bloc's members, by bloc code, in code order. */
	Map<String, List<String>> members() {
		Map<String, Set<String>> byBloc = new HashMap<>();
		this.blocs.forEach((iso3, codes) -> codes
			.forEach((code) -> byBloc.computeIfAbsent(code, (c) -> new TreeSet<>()).add(iso3)));
		Map<String, List<String>> result = new java.util.TreeMap<>();
		byBloc.forEach((code, states) -> result.put(code, List.copyOf(states)));
		return result;
	}

}
