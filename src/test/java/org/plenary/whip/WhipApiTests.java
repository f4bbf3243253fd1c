package org.plenary.whip;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class WhipApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Test
	void recordsOnTopOfTheVersionReadAndRefusesAStaleOneWithTheCurrentStance() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		String path = "/api/v1/campaigns/" + campaign.id() + "/stances/MEX";
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"LEANING_YES\",\"expectedVersion\":0,\"note\":\"desk\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));
		String conflict = this.mvc
			.perform(put(path).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"NO\",\"expectedVersion\":0}"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(conflict).contains("changed by")
			.contains("\"current\":{")
			.contains("\"stance\":\"LEANING_YES\"")
			.contains("\"version\":1");
		// If-Match carries the version as well
		this.mvc
			.perform(put(path).header("Authorization", "Bearer " + token)
				.header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"YES\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
		String history = this.mvc.perform(get(path + "/history").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("\"to\":\"YES\"")
			.contains("\"to\":\"LEANING_YES\"")
			.doesNotContain("\"to\":\"NO\"");
	}

	@Test
	void theSameIdempotencyKeyRecordsOnce() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		String path = "/api/v1/campaigns/" + campaign.id() + "/stances/GHA";
		for (int attempt = 0; attempt < 3; attempt++) {
			this.mvc
				.perform(put(path).header("Authorization", "Bearer " + token)
					.header("Idempotency-Key", "retry-1")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"stance\":\"YES\",\"expectedVersion\":0}"))
				.andExpect(status().isOk())
				.andExpect(header().string("Idempotent-Replay", attempt == 0 ? "false" : "true"));
		}
		String history = this.mvc.perform(get(path + "/history").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history.split("\"version\"").length - 1).isEqualTo(1);
	}

	@Test
	void badStanceInputGetsAClearMessage() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		String path = "/api/v1/campaigns/" + campaign.id() + "/stances/";
		assertThat(this.mvc
			.perform(put(path + "MEX").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"MAYBE\",\"expectedVersion\":0}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("not valid JSON for this endpoint");
		assertThat(this.mvc
			.perform(put(path + "MEX").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"YES\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Say which version");
		this.mvc
			.perform(put(path + "XYZ").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"YES\",\"expectedVersion\":0}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(put("/api/v1/campaigns/999999/stances/MEX").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"YES\",\"expectedVersion\":0}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCoordinatorOpensACampaignAndAViewerCannotRecord() throws Exception {
		String coordinator = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String body = this.mvc
			.perform(post("/api/v1/campaigns").header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title":"HRC resolution","body":"HUMAN_RIGHTS_COUNCIL","members":["ALB","BRA"]}
						"""))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Human Rights Council has 47 members; 2 were given");
		String created = this.mvc
			.perform(post("/api/v1/campaigns").header("Authorization", "Bearer " + coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title":"GA draft","body":"GA_PLENARY","rule":"SIMPLE_MAJORITY","withoutVote":["VEN"]}
						"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).contains("\"members\":193").contains("\"withoutVote\":true");
		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		this.mvc
			.perform(put("/api/v1/campaigns/" + campaign.id() + "/stances/MEX")
				.header("Authorization", "Bearer " + viewer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\":\"YES\",\"expectedVersion\":0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/board").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk());
	}

	@Test
	void theBoardGivesNoVerdictOnAHandfulOfReadsAndOneWhenEveryMemberIsRead(@Autowired WhipCount whip)
			throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		List<String> elected = List.of("ALB", "BRA", "GAB", "GHA", "ARE", "ECU", "JPN", "MLT", "MOZ", "CHE");
		Campaign campaign = this.campaigns.securityCouncil(elected, coordinator);
		whip.record(new WhipCount.RecordStance(campaign.id(), "ALB", Stance.YES, null, null, null, null, null, 0, null),
				coordinator);
		String page = board(campaign, coordinator);
		assertThat(page).contains("14 not yet read")
			.contains("Reads so far: 1 Yes, 0 No, 0 Abstain; 14 members unknown or undecided.")
			.doesNotContain("Fails")
			.doesNotContain("Passes");
		// the five permanent members and BRA, GAB, GHA vote Yes with ALB: nine, no veto
		for (String iso3 : List.of("CHN", "FRA", "RUS", "GBR", "USA", "BRA", "GAB", "GHA")) {
			whip.record(
					new WhipCount.RecordStance(campaign.id(), iso3, Stance.YES, null, null, null, null, null, 0, null),
					coordinator);
		}
		for (String iso3 : elected.subList(4, elected.size())) {
			whip.record(new WhipCount.RecordStance(campaign.id(), iso3, Stance.ABSTAIN, null, null, null, null, null, 0,
					null), coordinator);
		}
		assertThat(board(campaign, coordinator)).contains("Passes on these reads").doesNotContain("not yet read");
	}

	@Test
	void aViewerIsNotOfferedWhatItMayNotDo() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String viewer = this.accounts.user(Role.VIEWER);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY, coordinator);
		String seenByViewer = this.mvc.perform(get("/campaigns/" + campaign.id()).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(viewer)
					.roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the Edit and Log buttons and the quick log are marked, and hidden on a
		// read-only
		// board
		assertThat(seenByViewer).contains("<main class=\"wide read-only\"");
		assertThat(seenByViewer).contains("class=\"record-action\"");
		assertThat(board(campaign, coordinator)).doesNotContain("read-only");
		// the menu offers neither the quick log nor the import
		String menu = seenByViewer.substring(seenByViewer.indexOf("<nav class=\"campaign-nav\""));
		menu = menu.substring(0, menu.indexOf("</nav>"));
		assertThat(menu).contains("Forecast").doesNotContain("/quick-log").doesNotContain("/import");
		assertThat(board(campaign, coordinator)).contains("/quick-log\">Quick log</a>");
		// nor do the campaign's other pages offer anything to record
		for (String page : List.of("/contacts", "/stances/BRA", "/states/BRA/timeline", "/opposition",
				"/talking-points", "/drafts", "/briefings", "/references", "/settings", "/mine")) {
			String html = this.mvc.perform(get("/campaigns/" + campaign.id() + page)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(viewer)
					.roles("VIEWER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String main = html.substring(html.indexOf("<main"));
			assertThat(main).as(page)
				.doesNotContain("method=\"post\"")
				.doesNotContain("/quick-log")
				.doesNotContain("/contacts/new");
		}
	}

	private String board(Campaign campaign, String user) throws Exception {
		return this.mvc.perform(get("/campaigns/" + campaign.id())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)
				.roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
