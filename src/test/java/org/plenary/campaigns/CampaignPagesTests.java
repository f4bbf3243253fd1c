package org.plenary.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CampaignPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Test
	void aCoordinatorFindsAndAddsAReferenceResolution() throws Exception {
		Path votes = Files.writeString(Files.createTempFile("reference", ".csv"), """
				resolution,date,iso3,vote,title
				A/RES/ES-97/1,2032-06-01,FRA,Y,Fixture: integrity of the archipelago
				""");
		this.importer.importFiles(List.of(votes), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		long rollCall = this.rollCalls.bySymbol("A/RES/ES-97/1").get(0).id();
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/references").param("q", "archipelago")
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("A/RES/ES-97/1").contains("No reference yet");
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/references").param("rollCall", String.valueOf(rollCall))
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.campaignService.references(campaign.id())).containsExactly(rollCall);
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/references/" + rollCall + "/remove")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.campaignService.references(campaign.id())).isEmpty();
	}

	@Test
	void aCampaignOpenedAsPartOfAChainListsTheOtherVotes() throws Exception {
		Campaign draft = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		this.mvc
			.perform(post("/campaigns").param("title", "No-action motion on the draft")
				.param("body", "GA_PLENARY")
				.param("rule", "SIMPLE_MAJORITY")
				.param("partOf", String.valueOf(draft.id()))
				.param("partLabel", "no-action motion")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.campaignService.chain(draft.id())).singleElement()
			.satisfies((c) -> assertThat(c.partLabel()).isEqualTo("no-action motion"));
	}

	@Test
	void aCampaignMovesIntoAChainAndOutAgain() throws Exception {
		Campaign draft = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Campaign amendment = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		this.mvc
			.perform(post("/campaigns/" + amendment.id() + "/chain").param("partOf", String.valueOf(draft.id()))
				.param("partLabel", "amendment L.2")
				.param("version", String.valueOf(amendment.version()))
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.campaignService.chain(draft.id())).extracting(Campaign::id).containsExactly(amendment.id());
		// the main campaign of a chain cannot become a part of its own part, nor of
		// another
		assertThatThrownBy(() -> this.campaignService.link(draft.id(), amendment.id(), "x",
				this.campaignService.campaign(draft.id()).version()))
			.isInstanceOf(org.plenary.system.InvalidInputException.class)
			.hasMessageContaining("is itself a part of a chain");
		Campaign other = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		assertThatThrownBy(() -> this.campaignService.link(draft.id(), other.id(), "x",
				this.campaignService.campaign(draft.id()).version()))
			.isInstanceOf(org.plenary.system.InvalidInputException.class)
			.hasMessageContaining("main campaign of a chain of 1");
		// a stale version is refused; the current one moves it out
		assertThatThrownBy(() -> this.campaignService.link(amendment.id(), null, null, amendment.version()))
			.isInstanceOf(org.plenary.system.ConflictException.class);
		this.campaignService.link(amendment.id(), null, null, amendment.version() + 1);
		assertThat(this.campaignService.chain(draft.id())).isEmpty();
		assertThat(this.campaignService.campaign(amendment.id()).partLabel()).isNull();
	}

	@Test
	void aCoordinatorChangesTheSettingsAndAStaleFormIsRefused() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		for (int attempt = 0; attempt < 2; attempt++) {
			this.mvc
				.perform(post("/campaigns/" + campaign.id() + "/settings").param("title", "Renamed " + attempt)
					.param("status", "WHIPPING")
					.param("withoutVote", "AFG VEN")
					.param("goalYes", "150")
					.param("version", String.valueOf(campaign.version()))
					.with(user(coordinator).roles("COORDINATOR"))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		Campaign changed = this.campaignService.campaign(campaign.id());
		assertThat(changed.title()).isEqualTo("Renamed 0"); // the second form was stale
		assertThat(changed.status()).isEqualTo(Campaign.Status.WHIPPING);
		assertThat(changed.goalYes()).isEqualTo(150);
		assertThat(this.campaignService.members(campaign.id())).filteredOn(Member::withoutVote)
			.extracting(Member::iso3)
			.containsExactlyInAnyOrder("AFG", "VEN");
	}

	@Test
	void theBoardPageShowsTheTallyTheMapAndEveryMember() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String viewer = this.accounts.user(Role.VIEWER);
		String page = this.mvc.perform(get("/campaigns/" + campaign.id()).with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("sse-connect=\"/campaigns/" + campaign.id() + "/board/events\"")
			.contains("id=\"tally\"")
			.contains("svg")
			.contains("<strong>193</strong> members shown");
		String fragment = this.mvc
			.perform(get("/campaigns/" + campaign.id()).param("group", "EASTERN_EUROPEAN")
				.header("HX-Request", "true")
				.with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html").contains("<strong>23</strong> members shown");
	}

	@Test
	void theDraftsPageShowsADraftWithItsCoSponsorsCurrentAndWithdrawn(@Autowired DraftsAndBriefings work)
			throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY, coordinator);
		Draft draft = work.addDraft(campaign.id(), "A/ES-11/L.5", java.time.LocalDate.of(2022, 10, 7), null, null);
		work.cosponsor(campaign.id(), draft.id(), List.of("UKR", "POL", "LTU"), java.time.LocalDate.of(2022, 10, 7));
		work.withdraw(campaign.id(), draft.id(), "POL", java.time.LocalDate.of(2022, 10, 10));
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/drafts").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("A/ES-11/L.5").contains("<strong>2</strong> co-sponsors");
		// a revision that no state co-sponsors yet
		work.addDraft(campaign.id(), "A/ES-11/L.5/Rev.1", java.time.LocalDate.of(2022, 10, 11), "Paragraph 4", null);
		this.mvc.perform(get("/campaigns/" + campaign.id() + "/drafts").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk());
	}

}
