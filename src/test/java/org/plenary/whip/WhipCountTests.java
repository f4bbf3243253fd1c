package org.plenary.whip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class WhipCountTests {

	@Autowired
	WhipCount whip;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestCampaigns testCampaigns;

	@Test
	void everyChangeIsKeptWithWhoFromWhatToWhat() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign, "BRA", Stance.UNDECIDED, 0, null, "desk officer");
		record(campaign, "BRA", Stance.LEANING_YES, 1, null, "PR said they lean yes");
		CurrentStance now = this.whip.stance(campaign.id(), "bra");
		assertThat(now.stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(now.version()).isEqualTo(2);
		List<StanceChange> history = this.whip.history(campaign.id(), "BRA");
		assertThat(history).extracting(StanceChange::to).containsExactly(Stance.LEANING_YES, Stance.UNDECIDED);
		assertThat(history).extracting(StanceChange::from).containsExactly(Stance.UNDECIDED, Stance.UNKNOWN);
		assertThat(history.get(0).note()).isEqualTo("PR said they lean yes");
		assertThat(history.get(0).recordedBy()).isEqualTo("whip-1");
	}

	@Test
	void aStaleEditIsRefusedWithTheNewerStance() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign, "IND", Stance.ABSTAIN, 0, null, null);
		assertThatThrownBy(() -> record(campaign, "IND", Stance.YES, 0, null, null))
			.isInstanceOf(WhipCount.StaleStance.class)
			.hasMessageContaining("changed by whip-1 to Abstain (version 1)")
			.extracting("current")
			.satisfies((current) -> assertThat(((CurrentStance) current).stance()).isEqualTo(Stance.ABSTAIN));
		assertThat(this.whip.history(campaign.id(), "IND")).hasSize(1);
	}

	@Test
	void twoSimultaneousEditsOfOneStateOneWinsTheOtherGetsAConflict() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (Stance stance : List.of(Stance.YES, Stance.NO)) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					record(campaign, "ZAF", stance, 0, null, null);
					return "accepted " + stance;
				}
				catch (WhipCount.StaleStance ex) {
					return "conflict";
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce("conflict");
		String accepted = outcomes.stream().filter((o) -> o.startsWith("accepted")).findFirst().orElseThrow();
		List<StanceChange> history = this.whip.history(campaign.id(), "ZAF");
		assertThat(history).singleElement()
			.satisfies((change) -> assertThat("accepted " + change.to()).isEqualTo(accepted));
		assertThat(this.whip.stance(campaign.id(), "ZAF").version()).isEqualTo(1);
	}

	@Test
	void writersRacingOnOneStateRoundAfterRoundNeverLoseAnUpdate() throws Exception {
		// each round, six writers edit the same version: the row is written by one
		// statement that checks the version under READ COMMITTED, so exactly one wins and
		// the others are told the stance moved; the history chains from each to the next
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		List<Stance> stances = List.of(Stance.YES, Stance.NO, Stance.ABSTAIN, Stance.LEANING_YES, Stance.UNDECIDED,
				Stance.LEANING_NO);
		ExecutorService pool = Executors.newFixedThreadPool(stances.size());
		int rounds = 8;
		for (int round = 0; round < rounds; round++) {
			int version = round;
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (Stance stance : stances) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						record(campaign, "MEX", stance, version, null, null);
						return true;
					}
					catch (WhipCount.StaleStance ex) {
						return false;
					}
				}));
			}
			start.countDown();
			int accepted = 0;
			for (Future<Boolean> result : results) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).as("round %d", round).isEqualTo(1);
		}
		pool.shutdown();
		List<StanceChange> history = this.whip.history(campaign.id(), "MEX");
		assertThat(history).extracting(StanceChange::version).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
		for (int i = 0; i < history.size() - 1; i++) {
			assertThat(history.get(i).from()).isEqualTo(history.get(i + 1).to());
		}
		assertThat(history.get(history.size() - 1).from()).isEqualTo(Stance.UNKNOWN);
		CurrentStance now = this.whip.stance(campaign.id(), "MEX");
		assertThat(now.version()).isEqualTo(rounds);
		assertThat(now.stance()).isEqualTo(history.get(0).to());
	}

	@Test
	void aRetryWithTheSameKeyNeverRecordsTwice() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		WhipCount.Recorded first = record(campaign, "KEN", Stance.YES, 0, "phone-7f3a", null);
		// the retry carries the version the client saw before its first try
		WhipCount.Recorded retry = record(campaign, "KEN", Stance.YES, 0, "phone-7f3a", null);
		assertThat(first.changed()).isTrue();
		assertThat(retry.changed()).isFalse();
		assertThat(retry.stance().version()).isEqualTo(1);
		assertThat(this.whip.history(campaign.id(), "KEN")).hasSize(1);
		// the replay answers with the first result, even after later changes
		record(campaign, "KEN", Stance.NO, 1, "phone-7f3b", null);
		assertThat(record(campaign, "KEN", Stance.YES, 0, "phone-7f3a", null).stance().stance()).isEqualTo(Stance.YES);
		// a key belongs to one change of one state
		assertThatThrownBy(() -> record(campaign, "GHA", Stance.YES, 0, "phone-7f3a", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("was used for KEN");
	}

	@Test
	void theTallyProjectsFirmAndLeaningReadsUnderTheRule() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign, "FRA", Stance.YES, 0, null, null);
		record(campaign, "DEU", Stance.LEANING_YES, 0, null, null);
		record(campaign, "RUS", Stance.NO, 0, null, null);
		record(campaign, "CHN", Stance.LEANING_ABSTAIN, 0, null, null);
		record(campaign, "IND", Stance.UNDECIDED, 0, null, null);
		record(campaign, "VEN", Stance.NO, 0, null, null);
		this.campaigns.setWithoutVote(campaign.id(), List.of("VEN"));
		Tally tally = this.whip.tally(campaign.id());
		assertThat(tally.projected().yes()).isEqualTo(2);
		assertThat(tally.projected().no()).isEqualTo(1); // Venezuela has no vote (Art.
															// 19)
		assertThat(tally.projected().abstain()).isEqualTo(1);
		assertThat(tally.withoutVote()).isEqualTo(1);
		assertThat(tally.open()).isEqualTo(193 - 6 + 1); // Undecided and Unknown
		assertThat(tally.counts().get(Stance.UNKNOWN)).isEqualTo(193 - 6);
		assertThat(tally.decision().adopted()).isTrue();
		assertThat(tally.goalPercent()).isEqualTo(1);
	}

	@Test
	void aPermanentMembersNoVetoesTheSecurityCouncilBoard() {
		Campaign campaign = this.testCampaigns
			.securityCouncil(List.of("ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE"));
		int version = 0;
		for (String iso3 : List.of("FRA", "GBR", "USA", "ALB", "BRA", "GAB", "GHA", "IRL", "KEN", "MEX", "NOR")) {
			record(campaign, iso3, Stance.YES, version, null, null);
		}
		record(campaign, "RUS", Stance.NO, version, null, null);
		Tally tally = this.whip.tally(campaign.id());
		assertThat(tally.projected().yes()).isEqualTo(11);
		assertThat(tally.decision().adopted()).isFalse();
		assertThat(tally.decision().explanation()).contains("vetoed by 1 permanent member");
	}

	@Test
	void theTrendReplaysTheProjectionChangeByChange() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign, "FRA", Stance.YES, 0, null, null);
		record(campaign, "RUS", Stance.NO, 0, null, null);
		record(campaign, "FRA", Stance.ABSTAIN, 1, null, null);
		List<WhipCount.TrendPoint> trend = this.whip.trend(campaign.id(), 200);
		assertThat(trend).extracting(WhipCount.TrendPoint::yes).containsExactly(1, 1, 0);
		assertThat(trend).extracting(WhipCount.TrendPoint::no).containsExactly(0, 1, 1);
		assertThat(trend).extracting(WhipCount.TrendPoint::abstain).containsExactly(0, 0, 1);
		assertThat(trend.get(2).open()).isEqualTo(193 - 2);
		assertThat(this.whip.trend(campaign.id(), 2)).hasSize(2);
		// kept between views, but not past a change of the history or of the Art. 19 list
		this.campaigns.setWithoutVote(campaign.id(), List.of("RUS"));
		// a member without a vote is left out of the trend, as of the tally
		assertThat(this.whip.trend(campaign.id(), 200)).extracting(WhipCount.TrendPoint::no).containsExactly(0, 0);
		record(campaign, "USA", Stance.YES, 0, null, null);
		assertThat(this.whip.trend(campaign.id(), 200)).hasSize(3)
			.last()
			.extracting(WhipCount.TrendPoint::yes)
			.isEqualTo(1);
	}

	@Test
	void onlyMembersOfTheBodyHaveAStance() {
		Campaign campaign = this.testCampaigns
			.securityCouncil(List.of("ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE"));
		assertThatThrownBy(() -> record(campaign, "DEU", Stance.YES, 0, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a member of this campaign's body");
	}

	private WhipCount.Recorded record(Campaign campaign, String iso3, Stance stance, int version, String key,
			String note) {
		return this.whip.record(new WhipCount.RecordStance(campaign.id(), iso3, stance, Confidence.MEDIUM, "PR",
				Level.PERMANENT_REPRESENTATIVE, Channel.CALL, note, version, key), "whip-1");
	}

}
