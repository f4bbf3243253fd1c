package org.plenary.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's reference resolutions: found by symbol however a coordinator writes it,
 * and only earlier votes than the campaign's. The fixtures are in two of the real layouts
 * (the UN Digital Library's CSV and Voeten's roll calls, see ../shared/data/README.md),
 * with symbols shaped like the real ones (A/RES/ES-11/1, R/68/262 for A/RES/68/262) in
 * sessions of their own, so that they never meet the real data in the shared test
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceResolutionsTests {

	// the UN Digital Library's layout (version 3): an emergency special session's first
	// resolution and its tenth, which begins alike
	private static final String UNDL = """
			undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link
			9601,UKR,UKRAINE,Y,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9601,FRA,FRANCE,Y,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9601,BRA,BRAZIL,Y,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9601,RUS,RUSSIAN FEDERATION,N,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9601,BLR,BELARUS,N,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9601,IND,INDIA,A,2033-03-02,ES-96,A/RES/ES-96/1,A/ES-96/L.1,,A/ES-96/PV.5,Fixture: aggression against the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,3,2,1,187,193,
			9610,UKR,UKRAINE,Y,2033-10-12,ES-96,A/RES/ES-96/10,A/ES-96/L.9,,A/ES-96/PV.14,Fixture: territorial integrity of the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,1,1,0,191,193,
			9610,RUS,RUSSIAN FEDERATION,N,2033-10-12,ES-96,A/RES/ES-96/10,A/ES-96/L.9,,A/ES-96/PV.14,Fixture: territorial integrity of the lagoon states,Letter from the Permanent Representative,Fixtures | Lagoons,,1,1,0,191,193,
			""";

	// Voeten's layout: R/89/262 is A/RES/89/262, voted on as a whole after an
	// amendment; R/89/263A and B are the two parts of A/RES/89/263
	private static final String VOETEN_CALLS = """
			"rcid","session","importantvote","date","unres","amend","para","short","descr"
			990601,89,0,"2034-03-27","R/89/262",1,0,"FIXTURE LAGOON AMENDMENT","AN AMENDMENT ON THE LAGOON STATES"
			990602,89,1,"2034-03-27","R/89/262",0,0,"FIXTURE LAGOON INTEGRITY","TERRITORIAL INTEGRITY OF THE LAGOON STATES"
			990603,89,0,"2034-03-28","R/89/263A",0,0,"FIXTURE LAGOON PART A","PART A"
			990604,89,0,"2034-03-28","R/89/263B",0,0,"FIXTURE LAGOON PART B","PART B"
			""";

	private static final String VOETEN_VOTES = """
			"rcid","country","country_code","vote"
			990601,"Ukraine","UA","no"
			990601,"Russia","RU","yes"
			990602,"Ukraine","UA","yes"
			990602,"Russia","RU","no"
			990603,"Ukraine","UA","yes"
			990604,"Ukraine","UA","abstain"
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Campaigns campaigns;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@BeforeEach
	void importFixtures() throws Exception {
		Path undl = Files.writeString(Files.createTempFile("references-undl", ".csv"), UNDL);
		Path calls = Files.writeString(Files.createTempFile("references-calls", ".csv"), VOETEN_CALLS);
		Path votes = Files.writeString(Files.createTempFile("references-votes", ".csv"), VOETEN_VOTES);
		this.importer.importFiles(List.of(undl), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		this.importer.importFiles(List.of(calls, votes), new VoteImporter.Options(false, "test"),
				VoteImporter.Progress.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ES-96/1", "A/RES/ES-96/1", "a/res/es-96/1", "es 96/1", "ES96/1", " ES-96 / 1 ",
			"A / RES / ES-96 / 1", "RES/ES-96/1" })
	void anEmergencySessionsResolutionIsFoundByItsSymbolHoweverWrittenAndNotTheOneThatBeginsAlike(String typed) {
		Campaign campaign = open(null);
		assertThat(this.campaigns.referenceCandidates(campaign.id(), typed, 30))
			.extracting((c) -> c.rollCall().symbol())
			.containsExactly("A/RES/ES-96/1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "89/262", "A/RES/89/262", "a/res/89/262", "R/89/262", "A/RES/89/262 " })
	void aResolutionFromVoetensDataIsFoundByItsSymbolWithTheAmendmentVotedOnIt(String typed) {
		Campaign campaign = open(null);
		assertThat(this.campaigns.referenceCandidates(campaign.id(), typed, 30)).extracting((c) -> c.rollCall().label())
			.containsExactlyInAnyOrder("A/RES/89/262", "Amendment: A/RES/89/262");
	}

	@Test
	void aResolutionInPartsIsFoundWithEachPartAndADraftAndASessionByTheirSymbols() {
		Campaign campaign = open(null);
		assertThat(this.campaigns.referenceCandidates(campaign.id(), "89/263", 30))
			.extracting((c) -> c.rollCall().symbol())
			.containsExactlyInAnyOrder("A/RES/89/263 A", "A/RES/89/263 B");
		assertThat(this.campaigns.referenceCandidates(campaign.id(), "89/263 b", 30))
			.extracting((c) -> c.rollCall().symbol())
			.containsExactly("A/RES/89/263 B");
		assertThat(this.campaigns.referenceCandidates(campaign.id(), "A/ES-96/L.1", 30))
			.extracting((c) -> c.rollCall().symbol())
			.containsExactly("A/RES/ES-96/1");
		assertThat(this.campaigns.referenceCandidates(campaign.id(), "ES-96", 30))
			.extracting((c) -> c.rollCall().symbol())
			.containsExactly("A/RES/ES-96/10", "A/RES/ES-96/1");
		// words of the title still find them, all the words first
		assertThat(this.campaigns.referenceCandidates(campaign.id(), "lagoon aggression", 30))
			.extracting((c) -> c.rollCall().symbol())
			.startsWith("A/RES/ES-96/1")
			.contains("A/RES/ES-96/10");
	}

	@Test
	void theReferencesPageFindsByTheSymbolAndAddsIt() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = open(null, coordinator);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/references").param("q", "89/262")
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("A/RES/89/262").contains("aria-label=\"Add A/RES/89/262\"");
		String api = this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/references/candidates").param("q", "es-96/1")
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).contains("\"symbol\":\"A/RES/ES-96/1\"").doesNotContain("A/RES/ES-96/10");
		// through the API by symbol, as a coordinator writes it: the vote on the whole
		// resolution, not its amendment
		this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/references")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"symbol\": \"89/262\"}"))
			.andExpect(status().isOk());
		RollCall whole = this.rollCalls.bySymbol("A/RES/89/262")
			.stream()
			.filter((r) -> "RESOLUTION".equals(r.kind()))
			.findFirst()
			.orElseThrow();
		assertThat(this.campaigns.references(campaign.id())).containsExactly(whole.id());
	}

	@Test
	void aRollCallOnOrAfterTheVoteDateIsRefusedWithTheReason() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		// the campaign votes the day of A/RES/ES-96/10
		Campaign campaign = open(LocalDate.of(2033, 10, 12), coordinator);
		long sameDay = this.rollCalls.bySymbol("A/RES/ES-96/10").get(0).id();
		long earlier = this.rollCalls.bySymbol("A/RES/ES-96/1").get(0).id();
		String reason = "A/RES/ES-96/10 was voted on 12 Oct 2033, on or after this campaign's vote date 12 Oct 2033: "
				+ "a reference must be an earlier vote";
		assertThatThrownBy(() -> this.campaigns.addReferences(campaign.id(), List.of(earlier, sameDay)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage(reason);
		// all or nothing: the earlier one was not kept either
		assertThat(this.campaigns.references(campaign.id())).isEmpty();

		// the page says why, and offers no Add for it
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/references").param("q", "ES-96")
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("on or after this campaign&#39;s vote date 12 Oct 2033")
			.contains("aria-label=\"Add A/RES/ES-96/1\"")
			.doesNotContain("aria-label=\"Add A/RES/ES-96/10\"");
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/references").param("rollCall", String.valueOf(sameDay))
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", reason));
		// the API answers 400 with the reason
		String refused = this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/references")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rollCall\": " + sameDay + "}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("on or after this campaign's vote date 12 Oct 2033");
		assertThat(this.campaigns.references(campaign.id())).isEmpty();
		// a campaign opened through the API with a late reference is not opened at all
		long before = this.campaigns.campaigns().size();
		this.mvc
			.perform(post("/api/v1/campaigns").with(user(coordinator).roles("COORDINATOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Late reference\", \"body\": \"GA_PLENARY\", \"voteOn\": \"2033-10-12\", "
						+ "\"references\": [" + earlier + ", " + sameDay + "]}"))
			.andExpect(status().isBadRequest());
		assertThat(this.campaigns.campaigns()).hasSize((int) before);
		// an earlier vote is taken
		this.campaigns.addReferences(campaign.id(), List.of(earlier));
		assertThat(this.campaigns.references(campaign.id())).containsExactly(earlier);
	}

	@Test
	void aCampaignWithoutAVoteDateTakesAnyReferenceAndMovingTheDateEarlierMarksThemWithoutRemovingThem()
			throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = open(null, coordinator);
		long first = this.rollCalls.bySymbol("ES-96/1").get(0).id();
		long tenth = this.rollCalls.bySymbol("ES-96/10").get(0).id();
		this.campaigns.addReferences(campaign.id(), List.of(first, tenth));
		assertThat(this.campaigns.referenceWarnings(campaign.id())).isEmpty();

		// the vote date is set between the two: the tenth is no longer earlier
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/settings").param("title", campaign.title())
				.param("status", "WHIPPING")
				.param("voteOn", "2033-06-01")
				.param("version", String.valueOf(campaign.version()))
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Saved"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers
				.containsString("A/RES/ES-96/10 was voted on 12 Oct 2033, on or after this campaign's vote date")));
		assertThat(this.campaigns.references(campaign.id())).containsExactlyInAnyOrder(first, tenth);
		assertThat(this.campaigns.referenceWarnings(campaign.id())).singleElement()
			.satisfies((w) -> assertThat(w.rollCall()).isEqualTo(tenth));
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/references").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("1 reference is no longer earlier than the vote date").contains("Not earlier");
		String detail = this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id()).with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("\"referenceWarnings\":[{\"rollCall\":" + tenth);
	}

	private Campaign open(LocalDate voteOn) {
		return open(voteOn, "test");
	}

	private Campaign open(LocalDate voteOn, String openedBy) {
		return this.campaigns.open(new Campaigns.OpenCampaign("Lagoon states " + System.nanoTime(),
				Body.EMERGENCY_SPECIAL_SESSION, null, DecisionRule.TWO_THIRDS, null, Campaign.Ask.YES, "A/ES-96/L.20",
				null, null, null, null, voteOn, List.of(), List.of(), null, null, false), openedBy);
	}

}
