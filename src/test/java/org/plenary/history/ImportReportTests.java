package org.plenary.history;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's report: every problem, grouped by kind and counted; one unknown name
 * is one entry with all its lines, never "... and 18 more".
 */
class ImportReportTests {

	@Test
	void linesAreWrittenAsRuns() {
		assertThat(ImportReport.Lines.describe(List.of(3L, 5L, 6L, 7L, 9L, 12L, 13L))).isEqualTo("3, 5-7, 9, 12-13");
		assertThat(ImportReport.Lines.describe(List.of())).isEmpty();
	}

	@Test
	void theSummaryGroupsAndCountsEveryProblem() {
		List<Long> nineteen = java.util.stream.LongStream.rangeClosed(2, 20).boxed().toList();
		ImportReport report = new ImportReport(1, "76.json", "UN GA resolutions (JSON Lines)", "FAILED", 20, 20, 0, 0,
				0, 0, 0, List.of(), 20, List.of(), List.of(), 0,
				List.of(new ImportReport.Problem("ERROR", "UNKNOWN_NAME", null, nineteen, "unknown 'TURKIYYE'"),
						new ImportReport.Problem("ERROR", "INVALID_VOTE", null, List.of(4L), "invalid vote 'Q'"),
						new ImportReport.Problem("WARNING", "REPEATED_ROLL_CALL", null, List.of(7L), "A/RES/1 again")),
				Map.of("UNKNOWN_NAME", 1, "INVALID_VOTE", 1, "REPEATED_ROLL_CALL", 1),
				List.of(new ImportReport.UnknownName("TURKIYYE", 19, nineteen, List.of("A/RES/76/1 (2021-12-01)"),
						List.of(new ImportReport.Suggestion("TUR", "Türkiye", 1, "TÜRKİYE", 1, "a letter apart")))));
		assertThat(report.summary()).containsSubsequence("  errors: unknown state names (1):",
				"    'TURKIYYE': 19 row(s), line(s) 2-20; in 1 roll call(s): A/RES/76/1 (2021-12-01)",
				"      likeliest: TUR (a letter apart)", "  errors: invalid votes (1):",
				"    line(s) 4: invalid vote 'Q'", "  warnings: roll calls that appear twice (the first is kept) (1):",
				"    line(s) 7: A/RES/1 again");
		assertThat(String.join("\n", report.summary())).doesNotContain("more");
	}

	@Test
	void aReportStoredBeforeIssue21ReadsWithEmptyLists() {
		ImportReport old = new ImportReport(1, "f.csv", "plain", "DONE", 1, 1, 1, 0, 0, 0, 1, List.of(), 0, List.of(),
				List.of(), 0, null, null, null);
		assertThat(old.problems()).isEmpty();
		assertThat(old.unknownNames()).isEmpty();
		assertThat(old.summary()).hasSize(3);
	}

}
