package org.plenary.outreach;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OppositionTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	Opposition opposition;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Test
	void anActivityIsRecordedWithItsStatesByCodeOrNameAndListedPerState() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		OppositionActivity letter = this.opposition.record(
				new Opposition.RecordActivity(campaign.id(), LocalDate.of(2024, 3, 1), OppositionActivity.Kind.LETTER,
						"Russian Federation", "Letter to all PRs urging a No vote", List.of("bra", "India", "ZAF KEN")),
				"whip-o");
		assertThat(letter.states()).extracting(OppositionActivity.StateRef::iso3)
			.containsExactlyInAnyOrder("BRA", "IND", "ZAF", "KEN");
		assertThat(letter.stateNames()).contains("Brazil").contains("India");
		assertThat(letter.recordedBy()).isEqualTo("whip-o");
		this.opposition.record(
				new Opposition.RecordActivity(campaign.id(), LocalDate.of(2024, 3, 5),
						OppositionActivity.Kind.PUBLIC_STATEMENT, null, "Statement against the draft", List.of("IND")),
				"whip-o");
		this.opposition.record(new Opposition.RecordActivity(campaign.id(), null, OppositionActivity.Kind.COUNTER_DRAFT,
				"Group of Friends", "Counter-draft tabled", List.of()), "whip-o");
		assertThat(this.opposition.activities(campaign.id(), Opposition.Filter.all()))
			.extracting(OppositionActivity::description)
			.containsExactly("Counter-draft tabled", "Statement against the draft",
					"Letter to all PRs urging a No vote");
		assertThat(this.opposition.concerning(campaign.id(), "IND")).extracting(OppositionActivity::kind)
			.containsExactly(OppositionActivity.Kind.PUBLIC_STATEMENT, OppositionActivity.Kind.LETTER);
		assertThat(this.opposition.concerning(campaign.id(), "BRA")).extracting(OppositionActivity::kind)
			.containsExactly(OppositionActivity.Kind.LETTER);
		assertThat(this.opposition.concerning(campaign.id(), "FRA")).isEmpty();
		assertThat(this.opposition.activities(campaign.id(),
				new Opposition.Filter(null, OppositionActivity.Kind.COUNTER_DRAFT)))
			.singleElement()
			.satisfies((a) -> assertThat(a.occurredOn()).isEqualTo(LocalDate.now()));
	}

	/**
	 * A letter from the other side's ambassador to all ambassadors names no state: it
	 * must still reach every member's timeline and call sheet, and a move to a group
	 * reaches the states in the group on the day it happened.
	 */
	@Test
	void aMoveToEveryMemberOrToAGroupConcernsEachStateItReached() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		OppositionActivity letter = this.opposition.record(new Opposition.RecordActivity(campaign.id(),
				LocalDate.of(2022, 10, 3), OppositionActivity.Kind.LETTER, "Russian Federation",
				"Letter to all Permanent Representatives urging a No vote", List.of(), true, null), "whip-o");
		assertThat(letter.allMembers()).isTrue();
		assertThat(letter.concerns()).isEqualTo("Every member");
		OppositionActivity africa = this.opposition.record(new Opposition.RecordActivity(campaign.id(),
				LocalDate.of(2022, 10, 4), OppositionActivity.Kind.DEMARCHE, null, "Démarche to the African Group",
				List.of("BRA"), false, "african states"), "whip-o");
		assertThat(africa.grouping().code()).isEqualTo("AFRICAN");
		assertThat(africa.concerns()).isEqualTo("African States; Brazil");
		// the United Kingdom left the EU on 31 January 2020: a move to the EU before
		// reached it, one after did not
		this.opposition.record(new Opposition.RecordActivity(campaign.id(), LocalDate.of(2019, 6, 1),
				OppositionActivity.Kind.MEETING, null, "Briefing of the EU27+1", List.of(), false, "EU"), "whip-o");
		this.opposition.record(new Opposition.RecordActivity(campaign.id(), LocalDate.of(2021, 6, 1),
				OppositionActivity.Kind.MEETING, null, "Briefing of the EU27", List.of(), false, "EU"), "whip-o");

		assertThat(this.opposition.concerning(campaign.id(), "FRA")).extracting(OppositionActivity::description)
			.containsExactly("Letter to all Permanent Representatives urging a No vote", "Briefing of the EU27",
					"Briefing of the EU27+1");
		assertThat(this.opposition.concerning(campaign.id(), "GBR")).extracting(OppositionActivity::description)
			.containsExactly("Letter to all Permanent Representatives urging a No vote", "Briefing of the EU27+1");
		assertThat(this.opposition.concerning(campaign.id(), "KEN")).extracting(OppositionActivity::description)
			.containsExactly("Démarche to the African Group",
					"Letter to all Permanent Representatives urging a No vote");
		assertThat(this.opposition.concerning(campaign.id(), "BRA")).hasSize(2);

		java.util.Map<String, List<OppositionActivity>> byState = this.opposition.byState(campaign.id());
		assertThat(byState).hasSize(193);
		assertThat(byState.get("KEN")).extracting(OppositionActivity::description)
			.containsExactly("Démarche to the African Group",
					"Letter to all Permanent Representatives urging a No vote");
		assertThat(byState.get("GBR")).hasSize(2);
		assertThat(byState.get("DEU")).hasSize(3);

		assertThatThrownBy(() -> this.opposition.record(new Opposition.RecordActivity(campaign.id(), null,
				OppositionActivity.Kind.LETTER, null, "Both", List.of(), true, "EU"), "whip-o"))
			.isInstanceOf(InvalidInputException.class)
			.extracting((e) -> ((InvalidInputException) e).field())
			.isEqualTo("grouping");
		assertThatThrownBy(() -> this.opposition.record(new Opposition.RecordActivity(campaign.id(), null,
				OppositionActivity.Kind.LETTER, null, "To a club", List.of(), false, "Atlantic Club"), "whip-o"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Unknown group or bloc 'Atlantic Club'");
		assertThat(this.opposition.activities(campaign.id(), Opposition.Filter.all())).hasSize(4);
	}

	@Test
	void theApiAndThePageRecordAMoveToEveryMemberAndTheTimelineShowsIt() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String path = "/api/v1/campaigns/" + campaign.id() + "/opposition";
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"LETTER\",\"actor\":\"Belarus\",\"description\":\"Letter to all PRs\","
						+ "\"allMembers\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.allMembers").value(true));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"DEMARCHE\",\"description\":\"To CARICOM\",\"grouping\":\"CARICOM\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.grouping.name").value("Caribbean Community"));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"DEMARCHE\",\"description\":\"To a club\",\"grouping\":\"NOPE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("grouping"));
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/opposition").param("kind", "PUBLIC_STATEMENT")
				.param("description", "Statement to the Asia-Pacific Group")
				.param("concerns", "ASIA_PACIFIC")
				.with(user("whip-o").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(path).param("state", "JAM").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		this.mvc.perform(get(path).param("state", "IND").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		String timeline = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/states/NOR/timeline").with(user("viewer-o").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Letter to all PRs").contains("Concerns: Every member");
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/opposition").with(user("viewer-o").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("every member of the body").contains("Asia-Pacific States");
	}

	@Test
	void aStateOutsideTheBodyOrAnUnknownNameIsRefusedAndNothingIsKept() {
		Campaign council = this.campaigns
			.securityCouncil(List.of("BRA", "IND", "KEN", "GHA", "MEX", "ALB", "ARE", "GAB", "ECU", "JPN"));
		assertThatThrownBy(() -> this.opposition.record(new Opposition.RecordActivity(council.id(), null,
				OppositionActivity.Kind.DEMARCHE, null, "Démarche in capitals", List.of("BRA", "DEU")), "whip-o"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'DEU' is not a member")
			.extracting((e) -> ((InvalidInputException) e).field())
			.isEqualTo("states");
		assertThatThrownBy(() -> this.opposition.record(new Opposition.RecordActivity(council.id(), null,
				OppositionActivity.Kind.DEMARCHE, null, "Démarche", List.of("Atlantis")), "whip-o"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Atlantis");
		assertThatThrownBy(() -> this.opposition.record(new Opposition.RecordActivity(council.id(), null,
				OppositionActivity.Kind.DEMARCHE, null, " ", List.of("BRA")), "whip-o"))
			.isInstanceOf(InvalidInputException.class)
			.extracting((e) -> ((InvalidInputException) e).field())
			.isEqualTo("description");
		assertThat(this.opposition.activities(council.id(), Opposition.Filter.all())).isEmpty();
		assertThatThrownBy(() -> this.opposition.activities(Long.MAX_VALUE, Opposition.Filter.all()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theApiRecordsListsAndAnswersWithTheRightStatus() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		String path = "/api/v1/campaigns/" + campaign.id() + "/opposition";
		String body = "{\"occurredOn\":\"2024-02-20\",\"kind\":\"LETTER\",\"actor\":\"Belarus\","
				+ "\"description\":\"Letter urging a No vote\",\"states\":[\"SEN\",\"Côte d'Ivoire\"]}";
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + viewer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("LETTER"))
			.andExpect(jsonPath("$.states.length()").value(2));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("SEN", "XKX")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("states"));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("LETTER", "RUMOUR")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("kind"));
		this.mvc.perform(get(path).param("state", "CIV").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].actor").value("Belarus"));
		this.mvc.perform(get(path).param("state", "FRA").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc
			.perform(get("/api/v1/campaigns/" + Long.MAX_VALUE + "/opposition").header("Authorization",
					"Bearer " + viewer))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/campaigns/" + Long.MAX_VALUE + "/opposition")
				.header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageRecordsFiltersAndEscapes() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String path = "/campaigns/" + campaign.id() + "/opposition";
		this.mvc
			.perform(post(path).param("occurredOn", "2024-03-02")
				.param("kind", "PUBLIC_STATEMENT")
				.param("actor", HOSTILE)
				.param("description", "Statement " + HOSTILE)
				.param("states", "Russian Federation, BLR")
				.with(user("whip-o").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(path).param("kind", "MEETING")
				.param("description", "Side event in the Delegates' Lounge")
				.with(user("whip-o").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get(path).with(user("viewer-o").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain(HOSTILE)
			.contains("Belarus")
			.contains("/campaigns/" + campaign.id() + "/states/BLR/timeline")
			.contains("Delegates&#39; Lounge");
		String filtered = this.mvc
			.perform(get(path).param("state", "BLR")
				.param("kind", "PUBLIC_STATEMENT")
				.with(user("viewer-o").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(filtered).contains("Statement &lt;script&gt;").doesNotContain("Delegates&#39; Lounge");
		String refused = this.mvc
			.perform(post(path).param("kind", "LETTER")
				.param("description", "Kept text")
				.param("states", "Atlantis")
				.with(user("whip-o").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Atlantis").contains("Kept text");
		this.mvc
			.perform(post(path).param("kind", "LETTER")
				.param("description", "Viewer try")
				.with(user("viewer-o").roles("VIEWER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

}
