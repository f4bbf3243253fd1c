package org.plenary.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.forecast.ForecastFixtures;
import org.plenary.forecast.VoteOutcomes;
import org.plenary.history.RollCalls;
import org.plenary.history.Vote;
import org.plenary.history.VoteImporter;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After the vote: the vote cast recorded from the voting history or typed in, the board's
 * reads and the forecast kept as they stood just before, and the reckoning of both. The
 * forecast rests on the forecast module's own small history (two blocs, 2026); the vote
 * cast is a roll call of our own dated 2031, which no model of 2026 reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReckoningTests {

	private static final int YEAR = 2026;

	/** Our vote: 3 Yes, 2 No, 1 Abstain; every other member seated in 2031 Non-voting. */
	private static final String VOTE = "A/RES/86/9901";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	VoteOutcomes outcomes;

	@Autowired
	Reckoning reckoning;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	WhipCount whip;

	@Autowired
	org.plenary.outreach.TestOutreach outreach;

	@Autowired
	org.plenary.outreach.Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	static Path folder;

	/** A campaign on the forecast fixture's topic 1, its model prepared, nothing read. */
	private Campaign campaign(DecisionRule rule) throws Exception {
		synchronized (ReckoningTests.class) {
			if (this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).isEmpty()) {
				Path file = ForecastFixtures.write(folder, "web.csv", "Web forecast fixture", YEAR, YEAR, 21);
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
			if (this.rollCalls.bySymbol(VOTE).isEmpty()) {
				Path file = Files.writeString(folder.resolve("vote.csv"), """
						resolution,date,iso3,vote,title
						A/RES/86/9901,2031-11-20,USA,Y,Reckoning fixture
						A/RES/86/9901,2031-11-20,GBR,Y,Reckoning fixture
						A/RES/86/9901,2031-11-20,DEU,Y,Reckoning fixture
						A/RES/86/9901,2031-11-20,FRA,N,Reckoning fixture
						A/RES/86/9901,2031-11-20,CUB,N,Reckoning fixture
						A/RES/86/9901,2031-11-20,IRN,A,Reckoning fixture
						""");
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
		}
		Campaign campaign = this.testCampaigns.generalAssembly(rule);
		this.campaigns.addReferences(campaign.id(),
				List.of(this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).get(0).id()));
		this.forecasts.prepare(campaign.id());
		return campaign;
	}

	/** Waits for the campaign's model (prepared in the background) to give numbers. */
	private CampaignForecast ready(long campaignId) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			CampaignForecast forecast = this.forecasts.forecast(campaignId);
			if (forecast.ready() && !forecast.model().stale()) {
				return forecast;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The campaign's model was not prepared");
	}

	private void read(long campaignId, String iso3, Stance stance, Level level, String official) {
		this.whip.record(new WhipCount.RecordStance(campaignId, iso3, stance, null, null, level, null, null,
				this.whip.stance(campaignId, iso3).version(), null), official);
	}

	private String token(Role role) {
		return "Bearer " + this.accounts.token(this.accounts.user(role));
	}

	@Test
	void theVoteFromTheHistoryReckonsCommitmentsByLevelAndOfficialAndTheReads() throws Exception {
		Campaign campaign = campaign(DecisionRule.SIMPLE_MAJORITY);
		long id = campaign.id();
		// we ask Yes: a commitment is a firm Yes; other firm reads are firm against
		read(id, "USA", Stance.YES, Level.MINISTER, "official-one"); // voted Yes: kept
		// typed by official-two, obtained by our ambassador in a meeting: hers to be
		// credited
		org.plenary.outreach.Person ortega = this.outreach.person("Ines Ortega", Level.AMBASSADOR);
		org.plenary.outreach.Contact met = this.contacts
			.log(new org.plenary.outreach.Contacts.LogContact(id, null, org.plenary.whip.Channel.MEETING,
					List.of(new org.plenary.outreach.Contacts.StateRead("GBR", null, null, null)),
					List.of(new org.plenary.outreach.Contact.Participant(ortega.id(), null, null, null)), List.of(),
					"Vote Yes", "London will vote Yes", null, null, null), "official-two")
			.contact();
		this.whip.record(new WhipCount.RecordStance(id, "GBR", Stance.YES, null, null, Level.MINISTER, null, null,
				this.whip.stance(id, "GBR").version(), null, met.id()), "official-two");
		// (GBR voted Yes: kept)
		read(id, "FRA", Stance.YES, Level.AMBASSADOR, "official-one"); // voted No: broken
		read(id, "CUB", Stance.NO, Level.DESK_OFFICER, "official-two"); // firm against,
																		// as read
		read(id, "BRA", Stance.ABSTAIN, Level.AMBASSADOR, "official-one"); // firm
																			// against,
																			// did not
																			// vote
		read(id, "IRN", Stance.LEANING_NO, null, "official-two"); // abstained: a read,
																	// not firm
		read(id, "DEU", Stance.ABSENT, null, "official-two"); // firm against, voted Yes
		read(id, "JPN", Stance.UNDECIDED, null, "official-two"); // no read at all
		CampaignForecast before = ready(id);

		String json = this.mvc
			.perform(post("/api/v1/campaigns/" + id + "/reckoning/actual")
				.header("Authorization", token(Role.COORDINATOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\": \"" + VOTE + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded").value(true))
			.andExpect(jsonPath("$.message").value("The campaign's status is now Voted."))
			.andExpect(jsonPath("$.reckoning.outcome.label").value(VOTE))
			.andExpect(jsonPath("$.reckoning.outcome.typed").value(false))
			.andExpect(jsonPath("$.reckoning.outcome.voteDate").value("2031-11-20"))
			.andExpect(jsonPath("$.reckoning.snapshot.forecastStatus").value("READY"))
			.andExpect(jsonPath("$.reckoning.actualAdopted").value(true))
			.andExpect(jsonPath("$.reckoning.withoutVote").value(0))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.yes").value(3))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.no").value(2))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.abstain").value(1))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.nonVoting").value(187))
			.andExpect(jsonPath("$.reckoning.commitments.all.kept").value(2))
			.andExpect(jsonPath("$.reckoning.commitments.all.broken").value(1))
			.andExpect(jsonPath("$.reckoning.commitments.firmAgainst.kept").value(1))
			.andExpect(jsonPath("$.reckoning.commitments.firmAgainst.broken").value(2))
			.andExpect(jsonPath("$.reckoning.accuracy.reads").value(7))
			.andExpect(jsonPath("$.reckoning.accuracy.readsMatched").value(3))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Reckoned reckoned = this.reckoning.reckoning(id).orElseThrow();
		assertThat(reckoned.commitments().bySourceLevel()).containsExactly(new Reckoned.Group("Minister", 2, 0, 1.0),
				new Reckoned.Group("Ambassador", 0, 1, 0.0));
		assertThat(reckoned.commitments().byOfficial()).containsExactly(new Reckoned.Group("Ines Ortega", 1, 0, 1.0),
				new Reckoned.Group("official-one", 1, 1, 0.5));
		assertThat(reckoned.state("CUB").commitment()).as("the other side's firm No is no commitment").isFalse();
		assertThat(reckoned.state("FRA").kept()).isFalse();
		assertThat(reckoned.state("IRN").commitment()).isFalse();
		assertThat(reckoned.state("IRN").readMatched()).isFalse();
		assertThat(reckoned.state("JPN").readMatched()).isNull();
		assertThat(reckoned.state("BRA").actual()).isEqualTo(Vote.NON_VOTING);

		// the forecast kept is the one before the vote was recorded, and every figure is
		// its own arithmetic on it
		double logLoss = 0;
		double brier = 0;
		double expectedYes = 0;
		int right = 0;
		for (CampaignForecast.StateForecast state : before.states()) {
			double[] p = state.numbers();
			Reckoned.StateReckoning line = reckoned.state(state.iso3());
			assertThat(line.forecast().yes()).isEqualTo(p[0]);
			assertThat(line.forecast().nonVoting()).isEqualTo(p[3]);
			int cast = line.actual().ordinal();
			logLoss -= Math.log(p[cast]);
			for (int k = 0; k < 4; k++) {
				brier += (p[k] - ((k == cast) ? 1 : 0)) * (p[k] - ((k == cast) ? 1 : 0));
			}
			expectedYes += p[0];
			int best = 0;
			for (int k = 1; k < 4; k++) {
				best = (p[k] > p[best]) ? k : best;
			}
			right += (best == cast) ? 1 : 0;
		}
		int n = before.states().size();
		assertThat(n).isEqualTo(193);
		assertThat(reckoned.accuracy().forecastStates()).isEqualTo(193);
		assertThat(reckoned.accuracy().meanLogLoss()).isCloseTo(logLoss / n, within(1e-9));
		assertThat(reckoned.accuracy().brier()).isCloseTo(brier / n, within(1e-9));
		assertThat(reckoned.accuracy().expected().yes()).isCloseTo(expectedYes, within(1e-9));
		assertThat(reckoned.accuracy().mostLikelyRightCount()).isEqualTo(right);
		assertThat(reckoned.snapshot().adoptionProbability()).isEqualTo(before.adoptionProbability());
		assertThat((Double) JsonPath.read(json, "$.reckoning.accuracy.uniformLogLoss")).isCloseTo(Math.log(4),
				within(1e-12));

		// the forecast module has it as the campaign's outcome
		assertThat(this.outcomes.outcome(id)).get()
			.satisfies((o) -> assertThat(o.rollCallId()).isEqualTo(this.rollCalls.bySymbol(VOTE).get(0).id()))
			.satisfies((o) -> assertThat(o.votes()).containsEntry("FRA", Vote.NO).hasSize(193));

		// and the page shows it to a viewer, who has no form to record it again
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/reckoning").with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Commitments kept and broken")
			.contains("official-one")
			.contains("Desk officer or expert")
			.contains(VOTE)
			.contains("id=\"rk-FRA\"")
			.contains("broken")
			.doesNotContain("Record the vote again")
			.doesNotContain("Record from the history");
	}

	@Test
	void typedVotesAreRecordedAndRecordingAgainReplacesThemAndKeepsWhatWasForeseen() throws Exception {
		Campaign campaign = campaign(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		read(id, "USA", Stance.YES, Level.MINISTER, "<b>official</b>");
		ready(id);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		// the form: a select per member, prefilled from the board
		String form = this.mvc
			.perform(get("/campaigns/" + id + "/reckoning").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Record from the history")
			.contains("name=\"vote:USA\"")
			.contains("name=\"vote:ZWE\"");
		assertThat(select(form, "USA")).contains("value=\"YES\" selected=\"selected\"");
		assertThat(select(form, "GBR")).contains("value=\"\" selected=\"selected\"")
			.doesNotContain("value=\"YES\" selected");
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(14);

		this.mvc
			.perform(post("/campaigns/" + id + "/reckoning").param("source", "typed")
				.param("date", day.toString())
				.param("vote:USA", "NO")
				.param("vote:GBR", "YES")
				.param("vote:FRA", "")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("typed in (2 states)")));
		Reckoned first = this.reckoning.reckoning(id).orElseThrow();
		assertThat(first.outcome().typed()).isTrue();
		assertThat(first.outcome().voteDate()).isEqualTo(day);
		assertThat(first.withoutVote()).isEqualTo(191);
		assertThat(first.state("USA").kept()).isFalse();
		assertThat(first.state("FRA").actual()).isNull();
		assertThat(first.accuracy().actual()).isEqualTo(new Reckoned.Tally(1, 1, 0, 0));
		// rule 86 and the two-thirds rule: 1 Yes against 1 No is not adopted
		assertThat(first.actualAdopted()).isFalse();
		assertThat(first.commitments().byOfficial()).containsExactly(new Reckoned.Group("<b>official</b>", 0, 1, 0.0));
		Instant taken = first.snapshot().takenAt();
		double usaYes = first.state("USA").forecast().yes();

		// the page escapes what officials typed
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/reckoning").with(user(coordinator).roles("COORDINATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;b&gt;official&lt;/b&gt;")
			.doesNotContain("<b>official</b>")
			.contains("Record the vote again");

		// again, over the API: the votes are replaced, what was foreseen stays
		this.mvc
			.perform(
					post("/api/v1/campaigns/" + id + "/reckoning/actual")
						.header("Authorization", token(Role.COORDINATOR))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"votes\": {\"usa\": \"yes\", \"FRA\": \"Abstain\"}, \"date\": \"" + day.plusDays(1)
								+ "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reckoning.accuracy.actual.yes").value(1))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.no").value(0))
			.andExpect(jsonPath("$.reckoning.accuracy.actual.abstain").value(1))
			.andExpect(jsonPath("$.reckoning.commitments.all.kept").value(1));
		Reckoned second = this.reckoning.reckoning(id).orElseThrow();
		assertThat(second.state("GBR").actual()).isNull();
		assertThat(second.state("USA").kept()).isTrue();
		assertThat(second.snapshot().takenAt()).isEqualTo(taken);
		assertThat(second.state("USA").forecast().yes()).isEqualTo(usaYes);
		assertThat(count("forecast_outcome", id)).isEqualTo(1);
		assertThat(count("forecast_outcome_vote", id)).isEqualTo(2);
		assertThat(count("reports_reckoning", id)).isEqualTo(1);
		assertThat(count("reports_reckoning_state", id)).isEqualTo(193);

		// and once more from the history: the typed votes give way to the roll call's
		this.reckoning.record(id, Reckoning.RecordActual.rollCall(VOTE), "test");
		assertThat(count("forecast_outcome_vote", id)).isZero();
		assertThat(this.reckoning.reckoning(id).orElseThrow().accuracy().actual())
			.isEqualTo(new Reckoned.Tally(3, 2, 1, 187));
	}

	@Test
	void badInputIsRefusedByNameAndNothingIsStored() throws Exception {
		Campaign council = this.testCampaigns
			.securityCouncil(List.of("ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE"));
		String coordinator = token(Role.COORDINATOR);
		String path = "/api/v1/campaigns/" + council.id() + "/reckoning/actual";
		Map<String, String> refusals = Map.of("{\"votes\": {\"FRA\": \"YES\", \"XYZ\": \"NO\"}}",
				"unknown state code 'XYZ'", "{\"votes\": {\"FRA\": \"YES\", \"DEU\": \"NO\"}}",
				"DEU (Germany) is not a member", "{\"votes\": {\"FRA\": \"maybe\", \"GBR\": \"YES\"}}",
				"unknown vote 'maybe' for FRA", "{\"votes\": {\"FRA\": \"YES\", \"fra\": \"NO\"}}",
				"FRA is given twice", "{\"votes\": {}}", "Give the roll call", "{\"rollCall\": \"A/RES/999/404\"}",
				"A/RES/999/404", "{\"rollCall\": \"" + VOTE + "\", \"votes\": {\"FRA\": \"YES\"}}", "not both",
				"{\"votes\": {\"FRA\": \"YES\"}, \"date\": \"2999-01-01\"}", "still to come");
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			this.mvc
				.perform(post(path).header("Authorization", coordinator)
					.contentType(MediaType.APPLICATION_JSON)
					.content(refusal.getKey()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(refusal.getValue())));
		}
		// every problem is named at once
		this.mvc
			.perform(post(path).header("Authorization", coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"votes\": {\"XYZ\": \"NO\", \"FRA\": \"perhaps\", \"CHN\": \"ABSTAIN\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
				.allOf(org.hamcrest.Matchers.containsString("XYZ"), org.hamcrest.Matchers.containsString("perhaps"))));
		assertThat(count("forecast_outcome", council.id())).isZero();
		assertThat(count("reports_reckoning", council.id())).isZero();
		assertThat(count("reports_reckoning_state", council.id())).isZero();
		// the form says what went wrong in place
		this.mvc
			.perform(post("/campaigns/" + council.id() + "/reckoning").param("source", "typed")
				.param("vote:FRA", "YES")
				.param("vote:DEU", "NO")
				.with(user(this.accounts.user(Role.COORDINATOR)).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("DEU (Germany)")));
		assertThat(count("forecast_outcome", council.id())).isZero();
		// a Security Council vote typed in: the veto counts
		this.mvc.perform(post(path).header("Authorization", coordinator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"votes\": {\"FRA\": \"YES\", \"GBR\": \"YES\", \"USA\": \"YES\", \"ALB\": \"YES\", "
					+ "\"BRA\": \"YES\", \"GAB\": \"YES\", \"GHA\": \"YES\", \"IND\": \"YES\", \"IRL\": \"YES\", "
					+ "\"KEN\": \"YES\", \"MEX\": \"YES\", \"NOR\": \"YES\", \"ARE\": \"YES\", \"CHN\": \"ABSTAIN\", "
					+ "\"RUS\": \"NO\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reckoning.accuracy.actual.yes").value(13))
			.andExpect(jsonPath("$.reckoning.actualAdopted").value(false));
	}

	@Test
	void aViewerOrAWhipReadsTheReckoningButCannotRecordTheVote() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String path = "/api/v1/campaigns/" + campaign.id() + "/reckoning";
		for (Role role : List.of(Role.VIEWER, Role.WHIP)) {
			this.mvc
				.perform(post(path + "/actual").header("Authorization", token(role))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"votes\": {\"FRA\": \"YES\"}}"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/campaigns/" + campaign.id() + "/reckoning").param("source", "typed")
					.param("vote:FRA", "YES")
					.with(user(this.accounts.user(role)).roles(role.name()))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(count("forecast_outcome", campaign.id())).isZero();
		this.mvc.perform(get(path).header("Authorization", token(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded").value(false))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not recorded yet")));
		assertThat(this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/reckoning")
				.with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("The vote is not recorded yet").doesNotContain("Record from the history");
	}

	/**
	 * Row-level security (ADR 0011): the reckoning is seen by the campaign's
	 * organisations alone.
	 */
	@Test
	void anOrganisationOutsideTheCampaignSeesNothingOfItsReckoning() throws Exception {
		String owner = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS, owner);
		long id = campaign.id();
		org.plenary.system.Acting.asUser(owner, () -> this.reckoning.record(id,
				Reckoning.RecordActual.typed(Map.of("FRA", "YES", "CHN", "NO"), null), owner));
		String outsider = this.accounts.user(Role.COORDINATOR, "Outsider Mission");
		for (String table : List.of("forecast_outcome", "forecast_outcome_vote", "reports_reckoning",
				"reports_reckoning_state")) {
			assertThat(org.plenary.system.Acting.asUser(owner, () -> count(table, id))).as(table).isPositive();
			assertThat(org.plenary.system.Acting.asUser(outsider, () -> count(table, id))).as(table).isZero();
		}
		this.mvc
			.perform(get("/api/v1/campaigns/" + id + "/reckoning").header("Authorization",
					"Bearer " + this.accounts.token(outsider)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/campaigns/" + id + "/reckoning/actual")
				.header("Authorization", "Bearer " + this.accounts.token(outsider))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"votes\": {\"FRA\": \"NO\"}}"))
			.andExpect(status().isNotFound());
		assertThat(this.reckoning.reckoning(id).orElseThrow().state("FRA").actual()).isEqualTo(Vote.YES);
	}

	/** The arithmetic on a case small enough to work by hand. */
	@Test
	void theFiguresOfASmallCaseWorkedByHand() {
		List<Reckoned.Row> rows = List.of(
				new Reckoned.Row("AAA", "A", Stance.YES, Level.MINISTER, "a", null, null,
						new Reckoned.Probabilities(0.7, 0.1, 0.1, 0.1), Vote.YES),
				new Reckoned.Row("BBB", "B", Stance.NO, Level.DESK_OFFICER, "b", null, null,
						new Reckoned.Probabilities(0.2, 0.5, 0.2, 0.1), Vote.ABSTAIN),
				new Reckoned.Row("CCC", "C", Stance.LEANING_NO, null, "a", null, null, null, Vote.NO),
				new Reckoned.Row("DDD", "D", Stance.YES, Level.MINISTER, "a", null, null,
						new Reckoned.Probabilities(0.25, 0.25, 0.25, 0.25), null));
		Reckoned r = Reckoned.of(1, "Case", Campaign.Ask.YES, null, null, rows, (t) -> t.yes() > t.no());
		Reckoned.Accuracy a = r.accuracy();
		assertThat(a.actual()).isEqualTo(new Reckoned.Tally(1, 1, 1, 0));
		assertThat(a.forecastStates()).isEqualTo(2);
		assertThat(a.expected().yes()).isCloseTo(0.9, within(1e-12));
		assertThat(a.expected().no()).isCloseTo(0.6, within(1e-12));
		assertThat(a.mostLikelyRight()).isEqualTo(0.5);
		// (-ln 0.7 - ln 0.2) / 2
		assertThat(a.meanLogLoss()).isCloseTo((-Math.log(0.7) - Math.log(0.2)) / 2, within(1e-12));
		assertThat(a.meanLogLoss()).isCloseTo(0.98306, within(1e-5));
		// A: 0.3² + 3 × 0.1² = 0.12; B: 0.2² + 0.5² + 0.8² + 0.1² = 0.94
		assertThat(a.brier()).isCloseTo(0.53, within(1e-12));
		assertThat(a.uniformBrier()).isEqualTo(0.75);
		assertThat(a.reads()).isEqualTo(3);
		assertThat(a.readsMatched()).isEqualTo(2);
		// we asked Yes: B's firm No is firm against, not a commitment
		assertThat(r.commitments().all()).isEqualTo(new Reckoned.Group("All commitments", 1, 0, 1.0));
		assertThat(r.commitments().bySourceLevel()).containsExactly(new Reckoned.Group("Minister", 1, 0, 1.0));
		assertThat(r.commitments().firmAgainst()).isEqualTo(new Reckoned.Group("Firm against our ask", 0, 1, 0.0));
		assertThat(r.withoutVote()).isEqualTo(1);
		assertThat(r.actualAdopted()).isFalse();
		assertThat(r.state("DDD").kept()).isNull();
	}

	/** The select of one member in the typed-in form. */
	private static String select(String page, String iso3) {
		int from = page.indexOf("name=\"vote:" + iso3 + "\"");
		assertThat(from).as("the select of %s", iso3).isPositive();
		return page.substring(from, page.indexOf("</select>", from));
	}

	private long count(String table, long campaignId) {
		return this.jdbc.sql("select count(*) from " + table + " where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
	}

}
