package org.plenary.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.whip.Confidence;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's forecast on its page, its board and the API: prepared from the campaign's
 * reference, moved by the whip's reads, kept as a history, scored against the outcome.
 * The history is our own two blocs, in October 2026 (before today, so that a campaign
 * voting soon reads it).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignForecastWebTests {

	private static final int YEAR = 2026;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignModels models;

	@Autowired
	WhatIfs whatIfs;

	@Autowired
	org.plenary.campaigns.OutOfReach outOfReach;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	ReadReliability reliability;

	@Autowired
	VoteImporter importer;

	@Autowired
	TrackRecords trackRecords;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	WhipCount whip;

	@TempDir
	static Path folder;

	/** A campaign on topic 1 (bloc A votes Yes), its model prepared. */
	private Campaign campaignOnTopicOne() throws Exception {
		synchronized (CampaignForecastWebTests.class) {
			if (this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).isEmpty()) {
				Path file = ForecastFixtures.write(folder, "web.csv", "Web forecast fixture", YEAR, YEAR, 21);
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
		}
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		long reference = this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).get(0).id();
		this.campaigns.addReferences(campaign.id(), List.of(reference));
		assertThat(this.models.prepare(campaign.id())).isTrue();
		return campaign;
	}

	/**
	 * The demo campaign opened a forecast with no references although the history held
	 * the votes it is like: it now carries those the history holds, earlier than its
	 * vote.
	 */
	@Test
	void theDemoCampaignCarriesTheReferencesTheHistoryHolds() throws Exception {
		campaignOnTopicOne(); // the fixture's roll calls, topic k voted on YEAR-10-(10+k)
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.jdbc.sql("update campaigns_campaign set vote_on = ? where id = ?")
			.params(java.time.LocalDate.of(YEAR, 10, 14), campaign.id())
			.update();
		ForecastDemo demo = new ForecastDemo(this.campaigns, this.rollCalls, List.of(ForecastFixtures.symbol(YEAR, 1),
				ForecastFixtures.symbol(YEAR, 2), "A/RES/1/404", ForecastFixtures.symbol(YEAR, 5)));
		demo.on(new org.plenary.whip.DemoCampaignLoaded(campaign.id(), "demo"));
		// topic 5 was voted after the campaign's vote day: no reference; an unknown
		// symbol
		// is passed over
		assertThat(this.campaigns.references(campaign.id())).containsExactlyInAnyOrder(
				this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).getLast().id(),
				this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 2)).getLast().id());
		assertThat(ForecastDemo.REFERENCES).contains("A/RES/ES-11/1", "A/RES/68/262");
	}

	/**
	 * Nicaragua, already read a firm No by its Permanent Representative, ranked first;
	 * the subject of the text and its allies were targets too. None of them is.
	 */
	@Test
	void theTargetsLeaveOutTheSubjectTheStatesOutOfReachAndRecentFirmSeniorReads() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		long id = campaign.id();
		this.whip.record(new WhipCount.RecordStance(id, "NIC", Stance.NO, Confidence.HIGH, "Ambassador Moncada",
				Level.PERMANENT_REPRESENTATIVE, org.plenary.whip.Channel.MEETING, null, 0, null), "test");
		// a desk officer's firm No is no reason to give up
		this.whip.record(
				new WhipCount.RecordStance(id, "CUB", Stance.NO, null, null, Level.DESK_OFFICER, null, null, 0, null),
				"test");
		// a firm No from a minister, but a month old
		this.whip.record(
				new WhipCount.RecordStance(id, "VEN", Stance.NO, null, null, Level.MINISTER, null, null, 0, null),
				"test");
		this.jdbc
			.sql("update whip_stance set recorded_at = now() - interval '30 days' where campaign_id = ? "
					+ "and iso3 = 'VEN'")
			.param(id)
			.update();
		// the member whose history is most for Yes is read No
		String likeliestYes = this.forecasts.forecast(id)
			.states()
			.stream()
			.filter((st) -> st.stance() == null)
			.max(java.util.Comparator.comparingDouble((CampaignForecast.StateForecast st) -> st.modelOnly().yes()))
			.orElseThrow()
			.iso3();
		this.whip.record(new WhipCount.RecordStance(id, likeliestYes, Stance.NO, Confidence.HIGH, null,
				Level.DESK_OFFICER, null, null, 0, null), "test");
		this.outOfReach.set(id, 0, List.of("Russia"), List.of("PRK", "Belarus"), "test");

		CampaignForecast forecast = this.forecasts.forecast(id);
		assertThat(forecast.ready()).isTrue();
		java.util.Map<String, String> names = new java.util.HashMap<>();
		forecast.states().forEach((st) -> names.put(st.iso3(), st.name()));
		assertThat(forecast.leftOut())
			.containsEntry(names.get("NIC"), "firm No from the Permanent Representative today")
			.containsEntry(names.get("RUS"), "the subject of the text")
			.containsEntry(names.get("PRK"), "marked out of reach")
			.containsEntry(names.get("BLR"), "marked out of reach")
			.doesNotContainKey(names.get("CUB"))
			.doesNotContainKey(names.get("VEN"));
		assertThat(forecast.targets()).extracting(org.plenary.forecast.core.tally.Targeting.Target::state)
			.doesNotContain(names.get("NIC"), names.get("RUS"), names.get("PRK"), names.get("BLR"))
			.isNotEmpty();
		assertThat(forecast.targets()).allSatisfy((t) -> {
			assertThat(t.ask()).matches("from [\\w-]+ to \\w+|firm up its Yes");
			assertThat(t.why()).endsWith(".");
		});
		assertThat(forecast.objective()).isNotNull();
		// the reads' own effect, state by state: a read against the history moves its
		// state (how far depends on the trust learned from every recorded outcome, which
		// other campaigns change: against its history, far enough)
		assertThat(ForecastPages.movedByReads(forecast)).extracting(ForecastPages.Moved::name)
			.contains(names.get(likeliestYes))
			.doesNotContain(names.get("RUS"));

		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		this.mvc.perform(get("/api/v1/campaigns/" + id + "/forecast").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objective.kind").value(forecast.objective().kind().name()))
			.andExpect(jsonPath("$.leftOut['" + names.get("NIC") + "']")
				.value("firm No from the Permanent Representative today"));
		this.mvc
			.perform(get("/api/v1/campaigns/" + id + "/forecast/targets").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].iso3").value(forecast.iso3Of(forecast.targets().get(0).state())))
			.andExpect(jsonPath("$[0].ask").value(forecast.targets().get(0).ask()))
			.andExpect(jsonPath("$[0].why").value(forecast.targets().get(0).why()));
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/forecast").with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(forecast.objective().words()))
			.contains("Left out, as no call will move them")
			.contains("How far our reads moved the forecast")
			.contains("the subject of the text")
			.contains(forecast.targets().get(0).ask());
		// a partner or a whip may not set the list; the owner's coordinator may, through
		// the page too
		this.mvc
			.perform(put("/api/v1/campaigns/" + id + "/out-of-reach")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.WHIP)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": []}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/campaigns/" + id + "/out-of-reach")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.COORDINATOR)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": [\"Atlantis\"], \"outOfReach\": [\"XKX\"], \"expectedVersion\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Atlantis")));
		assertThat(this.outOfReach.states(id)).hasSize(3);
	}

	/**
	 * The list out of reach is part of what the forecast remembers: read when the
	 * forecast is computed, not on every call (the board's panel asks on every render); a
	 * new list, saved here or on another instance, is seen at once through its version on
	 * the campaign's row.
	 */
	@Test
	void theForecastReadsTheListOutOfReachOnlyWhenItChanges() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		long id = campaign.id();
		this.outOfReach.set(id, 0, List.of("Russia"), List.of(), "test");
		assertThat(this.forecasts.forecast(id).leftOut()).containsKey("Russian Federation");
		// rows written behind the list's back, its version unchanged: the remembered
		// forecast stands, so the list was not read again
		this.jdbc
			.sql("insert into campaigns_out_of_reach (campaign_id, iso3, subject, set_by) values (?, 'BLR', "
					+ "false, 'behind')")
			.param(id)
			.update();
		assertThat(this.forecasts.forecast(id).leftOut()).containsKey("Russian Federation")
			.doesNotContainKey("Belarus");
		// another instance saves a list: the version it moved on shows it here
		this.jdbc.sql("update campaigns_campaign set out_of_reach_version = out_of_reach_version + 1 where id = ?")
			.param(id)
			.update();
		assertThat(this.forecasts.forecast(id).leftOut()).containsKeys("Russian Federation", "Belarus");
		// and saving here does too
		this.outOfReach.set(id, 2, List.of(), List.of("PRK"), "test");
		assertThat(this.forecasts.forecast(id).leftOut()).doesNotContainKeys("Russian Federation", "Belarus")
			.containsKey("Democratic People's Republic of Korea");
	}

	/**
	 * What if the United States voted No and the African Group abstained: the forecast
	 * under that, beside the forecast now, the board untouched; saved, listed in the
	 * daily report, deleted.
	 */
	@Test
	void whatIfShowsTheForecastUnderAScenarioAndSavesIt() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		long id = campaign.id();
		WhatIfs.Result result = this.whatIfs.whatIf(id, List.of(new WhatIfs.Choice("USA", Vote.NO),
				new WhatIfs.Choice("African States", Vote.ABSTAIN), new WhatIfs.Choice("Kenya", Vote.YES)));
		// the verb agrees with a group, and a code reads as its state's name
		assertThat(result.words())
			.isEqualTo("If the United States of America votes No, the African States abstain, Kenya votes Yes");
		assertThat(this.whatIfs
			.whatIf(id, List.of(new WhatIfs.Choice("EU", Vote.YES), new WhatIfs.Choice("Russia", Vote.NO),
					new WhatIfs.Choice("LDC", Vote.NON_VOTING), new WhatIfs.Choice("ARAB_LEAGUE", Vote.ABSTAIN)))
			.words())
			.isEqualTo("If the European Union votes Yes, the Russian Federation votes No, "
					+ "the Least Developed Countries do not vote, the League of Arab States abstains");
		assertThat(result.fixed()).hasSize(1 + 54).contains("Kenya");
		// 53 African members abstain for sure, Kenya votes Yes, the US No
		assertThat(result.then().abstain().low()).isGreaterThanOrEqualTo(53);
		assertThat(result.then().no().low()).isGreaterThanOrEqualTo(1);
		assertThat(result.now()).isEqualTo(this.forecasts.forecast(id).summary());
		assertThat(this.whip.stance(id, "USA").stance()).isEqualTo(Stance.UNKNOWN);
		// everyone votes Yes: adopted for sure
		java.util.List<WhatIfs.Choice> all = new java.util.ArrayList<>();
		for (String grouping : List.of("AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG")) {
			all.add(new WhatIfs.Choice(grouping, Vote.YES));
		}
		assertThat(this.whatIfs.whatIf(id, all).then().adoptionProbability()).isCloseTo(1.0, within(1e-9));

		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		String coordinator = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String path = "/api/v1/campaigns/" + id + "/forecast/";
		this.mvc
			.perform(get(path + "what-if").param("choice", "United States:no")
				.header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scenario").value("If the United States of America votes No"))
			.andExpect(jsonPath("$.fixed[0]").exists());
		this.mvc
			.perform(get(path + "what-if").param("choice", "Atlantis:NO").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("choices"));
		this.mvc.perform(get(path + "what-if").param("choice", "USA:maybe").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isBadRequest());
		String body = "{\"name\": \"US votes No\", \"choices\": [{\"target\": \"USA\", \"vote\": \"NO\"}]}";
		this.mvc
			.perform(post(path + "scenarios")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.WHIP)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		String saved = this.mvc
			.perform(post(path + "scenarios").header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.result.then.adoptionProbability").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long scenario = ((Number) JsonPath.read(saved, "$.id")).longValue();
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/forecast/what-if").param("target", "USA", "Kenya")
				.param("vote", "NO", "ABSTAIN")
				.with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("If the United States of America votes No, Kenya abstains")
			.contains("US votes No")
			.contains("Under the scenario")
			.doesNotContain("/forecast/scenarios\"");
		// saving is offered to a coordinator, whose page reads the role from its own
		// request
		assertThat(this.mvc
			.perform(get("/campaigns/" + id + "/forecast/what-if").param("target", "USA")
				.param("vote", "NO")
				.with(user(this.accounts.user(Role.COORDINATOR)).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/forecast/scenarios\"");
		String daily = this.mvc
			.perform(get("/campaigns/" + id + "/daily").with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(daily).contains("What if").contains("US votes No");
		this.mvc.perform(delete(path + "scenarios/" + scenario).header("Authorization", "Bearer " + coordinator))
			.andExpect(status().isNoContent());
		this.mvc.perform(delete(path + "scenarios/" + scenario).header("Authorization", "Bearer " + coordinator))
			.andExpect(status().isNotFound());
		assertThat(this.whatIfs.saved(id)).isEmpty();
	}

	@Test
	void theForecastComesFromTheReferenceAndMovesWithTheReads() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		String path = "/api/v1/campaigns/" + campaign.id() + "/forecast";
		String before = this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.states.length()").value(193))
			.andExpect(jsonPath("$.model.references")
				.value(org.hamcrest.Matchers.startsWith(ForecastFixtures.symbol(YEAR, 1) + " of " + YEAR + "-10-11")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		double usa = yes(before, "USA");
		double cuba = yes(before, "CUB");
		assertThat(usa).isGreaterThan(0.6);
		assertThat(cuba).isLessThan(0.3);
		double expected = JsonPath.<Number>read(before, "$.counts.yes.expected").doubleValue();
		// a minister tells us Cuba will vote Yes, and Iran, Syria and Venezuela too
		for (String iso3 : List.of("CUB", "IRN", "SYR", "VEN")) {
			this.whip.record(new WhipCount.RecordStance(campaign.id(), iso3, Stance.YES, Confidence.HIGH, "Minister",
					Level.MINISTER, null, null, 0, null), "test");
		}
		String after = this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reads").value(4))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// a firm read from a minister, highly confident, multiplies the odds of Yes by
		// about 90, on a history that keeps at least 2 % on each vote
		assertThat(yes(after, "CUB")).isGreaterThan(0.5).isGreaterThan(cuba + 0.4);
		// the reads say the vote leans further towards Yes than its reference: the other
		// members of bloc B, unread, move too
		assertThat(yes(after, "NIC")).isGreaterThan(yes(before, "NIC"));
		assertThat(JsonPath.<Number>read(after, "$.counts.yes.expected").doubleValue()).isGreaterThan(expected + 3);
		// the history keeps a point per change (taken beside the requests)
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (this.forecasts.history(campaign.id(), 100).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.forecasts.history(campaign.id(), 100)).isNotEmpty()
			.last()
			.satisfies((s) -> assertThat(s.cause()).startsWith("stance "));
	}

	/**
	 * An organisation's private reads move its own view's forecast (API view=own and the
	 * page's own-view line), never the coalition's.
	 */
	@Test
	void privateReadsMoveTheOwnViewOnly() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		String whip = this.accounts.user(Role.WHIP);
		String token = this.accounts.token(whip);
		String path = "/api/v1/campaigns/" + campaign.id() + "/forecast";
		String coalition = this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String iso3 : List.of("CUB", "IRN", "SYR", "VEN")) {
			org.plenary.system.Acting.asUser(whip,
					() -> this.whip.recordPrivately(new WhipCount.RecordStance(campaign.id(), iso3, Stance.YES,
							Confidence.HIGH, "Minister", Level.MINISTER, null, null, 0, null), List.of(), whip));
		}
		String own = this.mvc.perform(get(path + "?view=own").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String after = this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(yes(own, "CUB")).isGreaterThan(yes(coalition, "CUB") + 0.4);
		assertThat(yes(after, "CUB")).isEqualTo(yes(coalition, "CUB"));
		// another organisation's own view is the coalition's
		String other = this.accounts.token(this.accounts.user(Role.WHIP, "Other Delegation"));
		assertThat(yes(this.mvc.perform(get(path + "?view=own").header("Authorization", "Bearer " + other))
			.andReturn()
			.getResponse()
			.getContentAsString(), "CUB")).isEqualTo(yes(coalition, "CUB"));
		assertThat(this.mvc.perform(get(path + "?view=mine").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		String page = this.mvc.perform(get("/campaigns/" + campaign.id() + "/forecast")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(whip)
				.roles("WHIP")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("own view (its private reads in place of the coalition");
		// the forecast's export is the coalition's view, one row per member with its
		// numbers
		String csv = this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/export?format=csv&part=forecast")
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String cuba = csv.lines().filter((l) -> l.startsWith("CUB,")).findFirst().orElseThrow();
		assertThat(Double.parseDouble(cuba.split(",")[3])).isCloseTo(yes(coalition, "CUB"),
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(csv.lines().count()).isEqualTo(194);
	}

	/**
	 * The page and the API say how the model scored in backtests on the history held,
	 * against copying the reference: the figures of a backtest computed from the history,
	 * not text.
	 */
	@Test
	void thePageAndTheApiSayHowGoodTheForecastHasBeen() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		org.plenary.forecast.core.model.TrackRecord record = this.trackRecords.compute();
		TrackRecords.View view = this.trackRecords.forCampaign(campaign.id());
		assertThat(view.ready()).isTrue();
		// the campaign's reference (topic 1, bloc A against bloc B) is contested
		assertThat(view.summary()).isEqualTo(record.like(true));
		assertThat(view.words()).matches("(On \\d+ contested recurring General Assembly votes of [-0-9]+, Plenary's"
				+ " count of Yes votes was within 5 of the result \\d+ times in 10; copying the reference's vote was,"
				+ " \\d+ times in 10\\.)|(Too few contested recurring General Assembly votes in the voting history"
				+ " \\(\\d+, at least 20 needed\\) to say how well the forecast does on votes like this one\\.)");
		String viewer = this.accounts.user(Role.VIEWER);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/forecast").with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("How good this forecast has been")
			.contains(org.springframework.web.util.HtmlUtils.htmlEscape(view.words()));
		this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/forecast").header("Authorization",
					"Bearer " + this.accounts.token(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trackRecord.ready").value(true))
			.andExpect(jsonPath("$.trackRecord.words").value(view.words()))
			.andExpect(jsonPath("$.trackRecord.votes").value(view.summary().votes()))
			.andExpect(jsonPath("$.trackRecord.modelWithin").value(view.summary().modelWithin()))
			.andExpect(jsonPath("$.trackRecord.baselineWithin").value(view.summary().baselineWithin()))
			.andExpect(jsonPath("$.trackRecord.within").value(5));
	}

	@Test
	void thePageShowsTheForecastTheTargetsAndEveryMember() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		String viewer = this.accounts.user(Role.VIEWER);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/forecast").with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("P(adoption)")
			.contains("Where the next call is worth most")
			.contains("Every member")
			.contains("class=\"world-map")
			.contains("Cuba")
			.contains(ForecastFixtures.symbol(YEAR, 1))
			.doesNotContain("Record the outcome");
		String coordinator = this.accounts.user(Role.COORDINATOR);
		assertThat(this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/forecast").with(user(coordinator).roles("COORDINATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Record the outcome").contains("Prepare the model again");
		// the board carries the panel and a forecast per row
		String board = this.mvc.perform(get("/campaigns/" + campaign.id()).with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(board).contains("id=\"forecast-panel\"").contains("fc-panel").contains("class=\"pbar\"");
		String targets = this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/forecast/targets").header("Authorization",
					"Bearer " + this.accounts.token(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].rank").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Number> scores = JsonPath.read(targets, "$[*].score");
		assertThat(scores.stream().map(Number::doubleValue).toList())
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat((String) JsonPath.read(targets, "$[0].reason")).contains("points of P(adoption)");
	}

	@Test
	void aForecastBeingPreparedSaysSoOnceAndAskedAgainReplacesItsWholePanel() throws Exception {
		Campaign fresh = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String viewer = this.accounts.user(Role.VIEWER);
		String page = this.mvc.perform(get("/campaigns/" + fresh.id() + "/forecast").with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("is being prepared", -1)).as("the waiting line").hasSize(2);
		// the panel asks for itself: the answer takes the place of the whole panel, line
		// included, not of an empty element inside it beside the line (which showed the
		// line twice after three seconds)
		assertThat(page).containsPattern("<div class=\"fc-panel\"[^>]*hx-get=\"/campaigns/" + fresh.id()
				+ "/forecast/panel\"[^>]*hx-swap=\"outerHTML\"");
		assertThat(page.split("hx-get=\"/campaigns/" + fresh.id() + "/forecast/panel\"", -1)).hasSize(2);
	}

	@Test
	void aForecastMadeOnceSaysItHasNotMovedInsteadOfAnEmptyChart() throws Exception {
		Campaign campaign = campaignOnTopicOne();
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/forecast")
				.with(user(this.accounts.user(Role.VIEWER)).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("How the forecast moved")
			.contains("Not moved yet: the forecast has been made once.")
			.doesNotContain("class=\"chart trend\"")
			.doesNotContain("The history appears after a few changes");
	}

	@Test
	void aCampaignWithoutAModelSaysSoAndACoordinatorRecordsTheOutcome() throws Exception {
		Campaign fresh = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		this.mvc
			.perform(get("/api/v1/campaigns/" + fresh.id() + "/forecast").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PREPARING"))
			.andExpect(jsonPath("$.states.length()").value(0));
		Campaign campaign = campaignOnTopicOne();
		// Cuba read as Yes, firmly; it voted No on topic 1
		this.whip.record(
				new WhipCount.RecordStance(campaign.id(), "CUB", Stance.YES, null, null, null, null, null, 0, null),
				"test");
		String coordinator = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String path = "/api/v1/campaigns/" + campaign.id() + "/forecast/outcome";
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\":\"A/RES/1/1\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\":\"A/RES/999/404\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("A/RES/999/404")));
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\":\"" + ForecastFixtures.symbol(YEAR, 1).toLowerCase() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded").value(true))
			.andExpect(jsonPath("$.label").value(ForecastFixtures.symbol(YEAR, 1)))
			.andExpect(jsonPath("$.movedToVoted").value(true));
		// the campaign was voted: its status says so, once
		assertThat(this.campaigns.campaign(campaign.id()).status()).isEqualTo(Campaign.Status.VOTED);
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\":\"" + ForecastFixtures.symbol(YEAR, 1) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.movedToVoted").value(false));
		// the outcome teaches the reliability: Cuba's read was broken
		assertThat(this.reliability.outcomes()).anySatisfy((o) -> {
			assertThat(o.read().vote()).isEqualTo(org.plenary.forecast.core.tally.Vote.YES);
			assertThat(o.kept()).isFalse();
		});
		assertThat(this.reliability.current().firmReads()).isPositive();
		// the page form says what went wrong in place
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/forecast/outcome").param("rollCall", "nothing like it")
				.with(user(this.accounts.user(Role.COORDINATOR)).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", org.hamcrest.Matchers.containsString("nothing like it")));
	}

	private static double yes(String json, String iso3) {
		List<Number> values = JsonPath.read(json, "$.states[?(@.iso3 == '" + iso3 + "')].probabilities.yes");
		return values.get(0).doubleValue();
	}

}
