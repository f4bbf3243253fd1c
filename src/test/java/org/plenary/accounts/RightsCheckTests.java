package org.plenary.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.ForbiddenException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The one check of rights: a campaign the caller's organisation does not take part in is
 * not found, told the same way as one that does not exist; what belongs to the owner is
 * refused to a partner with the reason; an endpoint the table does not know is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RightsCheckTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RightsCheck check;

	@Autowired
	org.plenary.campaigns.CampaignRoles roles;

	private final String run = "C" + System.nanoTime();

	@Test
	void briefingsOfACampaignTheCallerDoesNotTakePartInAreNotFoundAsIfItDidNotExist() throws Exception {
		String owner = this.accounts.user(Role.COORDINATOR, "CheckOwner" + this.run);
		String outsider = this.accounts.token(this.accounts.user(Role.WHIP, "CheckOutsider" + this.run));
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, owner);
		long missing = this.jdbc.sql("select coalesce(max(id), 0) + 1000 from campaigns_campaign")
			.query(Long.class)
			.single();
		MvcResult hidden = this.mvc.perform(
				get("/api/v1/campaigns/" + campaign.id() + "/briefings").header("Authorization", "Bearer " + outsider))
			.andReturn();
		MvcResult absent = this.mvc
			.perform(get("/api/v1/campaigns/" + missing + "/briefings").header("Authorization", "Bearer " + outsider))
			.andReturn();
		assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
		assertThat(absent.getResponse().getStatus()).isEqualTo(404);
		assertThat(detail(hidden).replace(String.valueOf(campaign.id()), "ID"))
			.isEqualTo(detail(absent).replace(String.valueOf(missing), "ID"))
			.isEqualTo("No campaign ID");
	}

	@Test
	void aViewerWhoStillReachesAWriteIsToldViewersDoNotRecord() throws Exception {
		String owner = this.accounts.user(Role.COORDINATOR, "CheckOwner" + this.run);
		String viewer = this.accounts.user(Role.VIEWER, "CheckOwner" + this.run);
		String whip = this.accounts.user(Role.WHIP, "CheckOwner" + this.run);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, owner);
		// its organisation's coordinators made the whip a viewer in this campaign
		org.plenary.system.Acting.asUser(owner, () -> this.roles.set(campaign.id(), whip, "VIEWER", owner));
		String stance = "/api/v1/campaigns/" + campaign.id() + "/stances/BRA";
		MvcResult refused = this.mvc
			.perform(put(stance).header("Authorization", "Bearer " + this.accounts.token(viewer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\": \"YES\", \"expectedVersion\": 0}"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(detail(refused)).startsWith("Viewers can read this campaign but not record in it")
			.doesNotContain("set by your organisation's coordinators");
		MvcResult lowered = this.mvc
			.perform(put(stance).header("Authorization", "Bearer " + this.accounts.token(whip))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stance\": \"YES\", \"expectedVersion\": 0}"))
			.andReturn();
		assertThat(lowered.getResponse().getStatus()).isEqualTo(403);
		assertThat(detail(lowered)).startsWith("Viewers can read this campaign but not record in it")
			.contains("In this campaign you are a viewer (set by your organisation's coordinators)");
		// a stale page's form says the same
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/campaigns/" + campaign.id() + "/quick-log")
				.param("states", "BRA")
				.param("channel", "CALL")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(viewer)
					.roles("VIEWER"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Viewers can read this campaign but not record in it");
	}

	@Test
	void aPartnerIsRefusedWhatBelongsToTheOwnerAndToldWhy() throws Exception {
		String owner = this.accounts.user(Role.COORDINATOR, "CheckOwner" + this.run);
		String partner = this.accounts.user(Role.COORDINATOR, "CheckPartner" + this.run);
		long partnerId = this.accountsService.findOrganisation("CheckPartner" + this.run).orElseThrow().id();
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, owner);
		String base = "/api/v1/campaigns/" + campaign.id();
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/partners")
				.header("Authorization", "Bearer " + this.accounts.token(owner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisationId\": " + partnerId + "}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);
		String token = "Bearer " + this.accounts.token(partner);
		assertThat(this.mvc
			.perform(put(base + "/invitation").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answer\": \"ACCEPT\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		for (MvcResult refused : List.of(
				this.mvc.perform(delete(base + "/references/1").header("Authorization", token)).andReturn(),
				this.mvc
					.perform(put(base + "/outreach-settings").header("Authorization", token)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"notContactedDays\": 3}"))
					.andReturn(),
				this.mvc
					.perform(put(base + "/forecast/outcome").header("Authorization", token)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"rollCall\": \"1\"}"))
					.andReturn())) {
			assertThat(refused.getResponse().getStatus()).as(refused.getRequest().getRequestURI()).isEqualTo(403);
			assertThat(detail(refused)).contains("CheckOwner" + this.run + ", which owns this campaign");
		}
		// while what is the partner's to read stays open to it
		assertThat(this.mvc.perform(get(base + "/briefings").header("Authorization", token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void anEndpointWithoutARowIsRefusedAndLogged(CapturedOutput output) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/nowhere/7");
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/nowhere/{id}");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null,
					List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority()))));
		try {
			HandlerMethod handler = new HandlerMethod(this, RightsCheckTests.class
				.getDeclaredMethod("anEndpointWithoutARowIsRefusedAndLogged", CapturedOutput.class));
			assertThatThrownBy(() -> this.check.preHandle(request, new MockHttpServletResponse(), handler))
				.isInstanceOf(ForbiddenException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(output).contains("WARN").contains("has no row \"GET /nowhere/{id}\"");
	}

	private static String detail(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString().replaceAll("(?s).*\"detail\":\"([^\"]*)\".*", "$1");
	}

}
