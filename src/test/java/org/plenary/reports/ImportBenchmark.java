package org.plenary.reports;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Speed of previewing a 193-row whip spreadsheet (issue 8's target: under 1 second), as
 * XLSX and as CSV, each an export of a board with every member read and a note. Not a
 * test of the build (its name does not end in Tests): run it by hand and copy the printed
 * figures to docs/benchmarks.md:
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
class ImportBenchmark {

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Autowired
	Exports exports;

	@Autowired
	WhipImport imports;

	@Test
	void previewOf193Rows() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Stance[] stances = { Stance.YES, Stance.LEANING_YES, Stance.UNDECIDED, Stance.ABSTAIN, Stance.NO };
		int i = 0;
		for (var member : this.whip.board(campaign.id(), null).rows()) {
			this.whip.record(new WhipCount.RecordStance(campaign.id(), member.member().iso3(), stances[i++ % 5], null,
					"PR", null, null, "Note on " + member.member().name(), 0, null), "bench");
		}
		for (String format : List.of("xlsx", "csv")) {
			byte[] file = this.exports.export(campaign.id(), format, "board").content();
			List<Double> times = new ArrayList<>();
			for (int run = 0; run < 40; run++) {
				long start = System.nanoTime();
				WhipImport.Preview preview = this.imports.upload(campaign.id(), "board." + format, file, "bench");
				times.add((System.nanoTime() - start) / 1e6);
				if (preview.rows().size() != 193 || preview.changes() != 0) {
					throw new IllegalStateException("unexpected preview " + preview.rows().size());
				}
			}
			List<Double> measured = new ArrayList<>(times.subList(10, times.size()));
			measured.sort(Double::compare);
			System.out.printf(
					"preview of 193 rows (%s, %d bytes; read, resolve, compare, keep the upload): "
							+ "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)%n",
					format, file.length, measured.get(measured.size() / 2),
					measured.get((int) (measured.size() * 0.95)), measured.get(measured.size() - 1), measured.size());
		}
	}

}
