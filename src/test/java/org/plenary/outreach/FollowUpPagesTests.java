package org.plenary.outreach;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FollowUpPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	FollowUps followUps;

	@Autowired
	Assignments assignments;

	@Autowired
	org.plenary.campaigns.Campaigns allCampaigns;

	@Test
	void thePageListsOverdueTodayAndUpcomingAndClosesInline() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		Person owner = this.outreach.person("Owner <b>" + System.nanoTime(), Level.AMBASSADOR);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String page = "/campaigns/" + campaign.id() + "/follow-ups";
		this.mvc
			.perform(post(page).param("iso3", "BRA")
				.param("title", "Call <script>back</script>")
				.param("dueOn", today.minusDays(1).toString())
				.param("ownerId", String.valueOf(owner.id()))
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(redirectedUrl(page));
		FollowUp followUp = this.followUps.followUps(campaign.id(), FollowUps.FollowUpFilter.open()).get(0);
		String html = this.mvc.perform(get(page).with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Overdue", "Due today", "Upcoming", "New follow-up")
			.contains("Call &lt;script&gt;back&lt;/script&gt;")
			.doesNotContain("<script>back")
			.contains("hx-post=\"/campaigns/" + campaign.id() + "/follow-ups/" + followUp.id() + "/done\"")
			.doesNotContain("Not contacted for how long?");
		String row = this.mvc
			.perform(post(page + "/" + followUp.id() + "/done").header("HX-Request", "true")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row).doesNotContain("<html").contains("Done by " + whip).doesNotContain("/done\"");
		assertThat(this.followUps.followUp(campaign.id(), followUp.id()).status()).isEqualTo(FollowUp.Status.DONE);
	}

	/**
	 * A follow-up due before today stayed overdue forever on a campaign that was voted:
	 * once the campaign is over nothing is due, and what stayed open is listed apart.
	 */
	@Test
	void onceTheCampaignIsVotedNoFollowUpIsOverdue() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String whip = this.accounts.user(Role.WHIP);
		Person owner = this.outreach.person("Late owner " + System.nanoTime(), Level.AMBASSADOR);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), "KEN", "Call back Nairobi", today.minusDays(3),
				owner.id(), null, FollowUp.Origin.MANUAL, null, org.plenary.campaigns.Visibility.COALITION), whip);
		String page = "/campaigns/" + campaign.id() + "/follow-ups";
		assertThat(overdue(campaign)).hasSize(1);
		assertThat(this.assignments.workload(campaign.id()).officials())
			.anySatisfy((o) -> assertThat(o.overdue()).isEqualTo(1));

		Campaign voted = this.allCampaigns.changeStatus(campaign.id(), Campaign.Status.VOTED, campaign.version());
		assertThat(overdue(voted)).isEmpty();
		assertThat(this.assignments.workload(campaign.id()).officials())
			.allSatisfy((o) -> assertThat(o.overdue()).isZero());
		String html = this.mvc.perform(get(page).with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("no follow-up is due any more")
			.contains("Still open when the campaign ended")
			.contains("Call back Nairobi")
			.doesNotContain("Nothing overdue")
			.doesNotContain("class=\"follow-up overdue");
		String timeline = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/states/KEN/timeline").with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Call back Nairobi").doesNotContain(">overdue<");
	}

	private java.util.List<FollowUp> overdue(Campaign campaign) {
		return this.followUps.followUps(campaign.id(),
				new FollowUps.FollowUpFilter(FollowUp.Status.OPEN, FollowUps.Due.OVERDUE, null, null, 100));
	}

	@Test
	void aViewerSeesNoFormsAndCannotWriteAndACoordinatorSetsTheDays() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String viewer = this.accounts.user(Role.VIEWER);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String page = "/campaigns/" + campaign.id() + "/follow-ups";
		String html = this.mvc.perform(get(page).with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Nothing overdue").doesNotContain("New follow-up");
		this.mvc.perform(post(page).param("title", "x").with(user(viewer).roles("VIEWER")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/outreach-settings").param("notContactedDays", "4")
				.with(user(this.accounts.user(Role.WHIP)).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/outreach-settings").param("notContactedDays", "4")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(redirectedUrl(page));
		assertThat(this.followUps.settings(campaign.id()).notContactedDays()).isEqualTo(4);
		assertThat(this.mvc.perform(get(page).with(user(coordinator).roles("COORDINATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Not contacted for how long?").contains("value=\"4\"");
	}

	@Test
	void theEscalationFragmentOffersAcceptAndDismiss() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		// a Permanent Representative of the whip's organisation, whatever ran before
		this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		String whip = this.accounts.user(Role.WHIP);
		String path = "/campaigns/" + campaign.id() + "/states/MHL/escalation";
		String fragment = this.mvc.perform(get(path).with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html")
			.contains("Marshall Islands has not been contacted in this campaign yet")
			.contains("hx-post=\"" + path + "/accept\"")
			.contains("name=\"basis\" value=\"FIRST_CONTACT:PERMANENT_REPRESENTATIVE:none:v0\"");
		String dismissed = this.mvc
			.perform(post(path + "/dismiss").param("basis", "FIRST_CONTACT:PERMANENT_REPRESENTATIVE:none:v0")
				.header("HX-Request", "true")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dismissed).contains("Dismissed.").contains("No suggestion.");
		String viewer = this.accounts.user(Role.VIEWER);
		assertThat(this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/states/NRU/escalation").with(user(viewer).roles("VIEWER")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("has not been contacted").doesNotContain("/accept");
		this.mvc.perform(post(path + "/accept").with(user(viewer).roles("VIEWER")).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
