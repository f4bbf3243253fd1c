package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.List;

import org.plenary.forecast.core.tally.AdoptionRule;

/**
 * A vote to forecast: its name (e.g. the symbol it will have), its date (the forecast
 * reads only votes before it), its reference resolutions (symbols, the most alike first)
 * and the rule that adopts it.
 */
public record Target(String name, LocalDate date, List<String> references, AdoptionRule rule) {

	public Target {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A target needs a name");
		}
		if (date == null) {
			throw new IllegalArgumentException("Target " + name + " needs a date");
		}
		if (rule == null) {
			throw new IllegalArgumentException("Target " + name + " needs a rule");
		}
		references = List.copyOf(references);
	}

}
