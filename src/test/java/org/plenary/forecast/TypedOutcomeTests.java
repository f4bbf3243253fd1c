package org.plenary.forecast;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.forecast.core.model.Reliability;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An outcome typed in state by state teaches the forecast how reliable reads are, as one
 * named in the voting history does.
 */
@SpringBootTest
class TypedOutcomeTests {

	private static final int YEAR = 2026;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignModels models;

	@Autowired
	ReadReliability reliability;

	@Autowired
	VoteOutcomes outcomes;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	WhipCount whip;

	@TempDir
	static Path folder;

	@Test
	void typedVotesTeachTheReliabilityOfReads() throws Exception {
		synchronized (TypedOutcomeTests.class) {
			if (this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).isEmpty()) {
				Path file = ForecastFixtures.write(folder, "web.csv", "Web forecast fixture", YEAR, YEAR, 21);
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
		}
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		this.campaigns.addReferences(campaign.id(),
				List.of(this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).get(0).id()));
		assertThat(this.models.prepare(campaign.id())).isTrue();
		for (String iso3 : List.of("CUB", "USA")) {
			this.whip.record(new WhipCount.RecordStance(campaign.id(), iso3, Stance.YES, null, null, Level.MINISTER,
					null, null, 0, null), "test");
		}
		int before = this.reliability.outcomes().size();
		// refused as a whole: nothing learned
		assertThatThrownBy(
				() -> this.outcomes.recordVotes(campaign.id(), Map.of("CUB", "NO", "USA", "perhaps"), null, "test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown vote 'perhaps' for USA");
		assertThat(this.outcomes.outcome(campaign.id())).isEmpty();
		assertThat(this.reliability.outcomes()).hasSize(before);

		VoteOutcomes.Outcome outcome = this.outcomes.recordVotes(campaign.id(),
				Map.of("CUB", "NO", "USA", "Yes", "FRA", "x"), null, "test");
		assertThat(outcome.typed()).isTrue();
		assertThat(outcome.votes()).containsEntry("FRA", org.plenary.history.Vote.NON_VOTING).hasSize(3);
		List<Reliability.Outcome> learned = this.reliability.outcomes();
		// this campaign's two reads, the last campaign learned from: Cuba's broken,
		// the United States' kept
		assertThat(learned).hasSize(before + 2);
		assertThat(learned.subList(before, before + 2)).extracting(Reliability.Outcome::actual)
			.containsExactlyInAnyOrder(Vote.NO, Vote.YES);
		assertThat(learned.subList(before, before + 2)).extracting(Reliability.Outcome::kept)
			.containsExactlyInAnyOrder(true, false);
		assertThat(this.reliability.current().firmReads()).isPositive();

		// recorded again from the history: the roll call's votes replace the typed ones
		this.outcomes.recordRollCall(campaign.id(), ForecastFixtures.symbol(YEAR, 1), "test");
		assertThat(this.outcomes.outcome(campaign.id())).get()
			.satisfies((o) -> assertThat(o.typed()).isFalse())
			.satisfies((o) -> assertThat(o.votes()).hasSize(193));
		assertThat(this.reliability.outcomes()).hasSize(before + 2);
	}

}
