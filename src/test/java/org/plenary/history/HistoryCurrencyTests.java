package org.plenary.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions a history should hold by a date, and the warning a user reads when some
 * have no recorded vote.
 */
class HistoryCurrencyTests {

	@Test
	void aSessionCountsFromTheJanuaryAfterItOpens() {
		// session 81 opened in September 2026: in December it may have voted or not yet
		assertThat(HistoryCurrency.missing(Set.of(74, 75, 76), LocalDate.of(2026, 12, 7))).containsExactly(77, 78, 79,
				80);
		assertThat(HistoryCurrency.missing(Set.of(74, 75, 76), LocalDate.of(2027, 1, 2))).containsExactly(77, 78, 79,
				80, 81);
		assertThat(HistoryCurrency.missing(Set.of(78, 80), LocalDate.of(2026, 12, 7))).containsExactly(79);
		assertThat(HistoryCurrency.missing(Set.of(), LocalDate.of(2026, 12, 7))).isEmpty();
	}

	@Test
	void theWarningNamesTheMissingSessionsInRuns() {
		HistoryCurrency.Currency gaps = new HistoryCurrency.Currency(LocalDate.of(2022, 9, 1), List.of(),
				List.of(3, 77, 78, 79, 80));
		assertThat(gaps.warning()).startsWith("The voting history has no recorded votes of sessions 3, 77-80:");
		assertThat(new HistoryCurrency.Currency(LocalDate.of(2022, 9, 1), List.of(), List.of(80)).warning())
			.contains("of session 80:");
		assertThat(new HistoryCurrency.Currency(LocalDate.of(2026, 11, 1), List.of(), List.of()).warning()).isNull();
		assertThat(new HistoryCurrency.Currency(null, List.of(), List.of()).warning())
			.startsWith("No voting history is loaded");
	}

}
