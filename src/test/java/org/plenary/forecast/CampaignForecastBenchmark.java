package org.plenary.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.whip.BoardForecast;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A campaign's forecast refresh after a stance, as a live board runs it, on the real
 * history: the campaign of A/RES/ES-11/2 with A/RES/ES-11/1 and A/RES/68/262 as
 * references, its model prepared once; then 200 times a whip records a stance and the
 * board's forecast is computed again (the stored model and the reads from PostgreSQL,
 * Bayes' rule, the exact tally over 21 scenarios, the targeting list, the panel
 * rendered). Also the time to prepare the model. Not a test of the build: run it by hand
 * and copy the printed figures to docs/benchmarks.md:
 * {@code ./mvnw test -Dtest=CampaignForecastBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
class CampaignForecastBenchmark {

	private static final Path DATA = Path.of("..", "shared", "data");

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignModels models;

	@Autowired
	BoardForecast board;

	@Autowired
	WhipCount whip;

	@Test
	void measure() {
		Assumptions.assumeTrue(Files.isDirectory(DATA), "../shared/data is absent");
		this.importer.importFiles(
				List.of(DATA.resolve("unvotes/un_votes.csv.xz"), DATA.resolve("unvotes/un_roll_calls.csv.xz"),
						DATA.resolve("undl/ga_voting_2019-2022_undl-layout.csv.xz")),
				new VoteImporter.Options(false, "benchmark"), VoteImporter.Progress.NONE);
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.campaigns.addReferences(campaign.id(), List.of(this.rollCalls.bySymbol("A/RES/ES-11/1").get(0).id(),
				this.rollCalls.bySymbol("A/RES/68/262").get(0).id()));
		long start = System.nanoTime();
		this.models.prepare(campaign.id());
		double prepare = (System.nanoTime() - start) / 1e6;
		List<String> states = this.campaigns.members(campaign.id()).stream().map((m) -> m.iso3()).toList();
		Stance[] reads = { Stance.YES, Stance.LEANING_YES, Stance.ABSTAIN, Stance.NO, Stance.LEANING_ABSTAIN };
		double[] millis = new double[200];
		int warm = 50;
		List<Double> all = new ArrayList<>();
		for (int i = 0; i < warm + millis.length; i++) {
			String iso3 = states.get((i * 7) % states.size());
			CurrentStance now = this.whip.stance(campaign.id(), iso3);
			this.whip.record(new WhipCount.RecordStance(campaign.id(), iso3, reads[i % reads.length], null, null, null,
					null, null, now.version(), null), "benchmark");
			long t = System.nanoTime();
			BoardForecast.View view = this.board.view(campaign.id());
			double ms = (System.nanoTime() - t) / 1e6;
			if (view.cells().isEmpty()) {
				throw new IllegalStateException("no forecast");
			}
			if (i >= warm) {
				millis[i - warm] = ms;
			}
			all.add(ms);
		}
		Arrays.sort(millis);
		System.out.printf(Locale.ROOT, "Model prepared in %.0f ms%n", prepare);
		System.out.printf(Locale.ROOT,
				"Board forecast refresh after a stance (%d runs after %d warm-up): median %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
				millis.length, warm, millis[millis.length / 2], millis[(int) (millis.length * 0.95)],
				millis[(int) (millis.length * 0.99)]);
	}

}
