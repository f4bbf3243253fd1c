package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plenary.forecast.core.tally.AdoptionRule;

/**
 * Targets chosen from the history itself, for backtests: every recorded vote in a date
 * range whose title matches an earlier vote's (as {@link PastVotes#normalTitle} writes
 * titles), with the latest earlier one as its reference. These are the votes a campaign
 * would most naturally forecast from last year's.
 */
public final class AutoTargets {

	/** A chosen target and the roll call it will be scored against. */
	public record Chosen(Target target, int rollCall) {
	}

	private AutoTargets() {
	}

	public static List<Chosen> choose(PastVotes history, LocalDate from, LocalDate to) {
		Map<String, List<Integer>> byTitle = new HashMap<>();
		List<Chosen> chosen = new ArrayList<>();
		for (int r = 0; r < history.size(); r++) {
			String title = PastVotes.normalTitle(history.title(r));
			if (title.isEmpty() || !history.hasVotes(r)) {
				continue;
			}
			List<Integer> earlier = byTitle.computeIfAbsent(title, (t) -> new ArrayList<>());
			LocalDate date = history.date(r);
			if (!date.isBefore(from) && !date.isAfter(to)) {
				for (int j = earlier.size() - 1; j >= 0; j--) {
					int reference = earlier.get(j);
					if (history.date(reference).isBefore(date) && history.symbol(reference) != null) {
						String name = (history.symbol(r) != null) ? history.symbol(r) : "roll call " + history.id(r);
						chosen.add(new Chosen(new Target(unique(name, chosen), date, List.of(history.symbol(reference)),
								AdoptionRule.simpleMajority()), r));
						break;
					}
				}
			}
			earlier.add(r);
		}
		return chosen;
	}

	private static String unique(String name, List<Chosen> chosen) {
		String candidate = name;
		int n = 2;
		while (true) {
			String test = candidate;
			if (chosen.stream().noneMatch((c) -> c.target().name().equals(test))) {
				return candidate;
			}
			candidate = name + " (" + n++ + ")";
		}
	}

}
