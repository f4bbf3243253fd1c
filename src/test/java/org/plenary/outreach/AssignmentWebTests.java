package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AssignmentWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	WhipCount whip;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Test
	void theApiAssignsHandsOverAndSaysWhatIsWrong() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String coordinator = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		Person first = this.outreach.person("Api First", Level.DESK_OFFICER);
		Person second = this.outreach.person("Api Second", Level.AMBASSADOR);
		String base = "/api/v1/campaigns/" + campaign.id() + "/assignments";

		String assigned = body(put(base + "/bra"), coordinator, "{\"personId\":" + first.id() + "}", status().isOk());
		assertThat(assigned).contains("\"iso3\":\"BRA\"").contains("\"personName\":\"Api First\"");
		body(put(base + "/BRA"), coordinator, "{\"personId\":" + second.id() + "}", status().isOk());
		body(put(base + "/BRA"), coordinator,
				"{\"personId\":" + first.id() + ",\"level\":\"PERMANENT_REPRESENTATIVE\"}", status().isOk());

		String history = body(get(base + "/BRA/history"), whip, null, status().isOk());
		assertThat(history.split("\"assignedFrom\"")).hasSize(4);
		assertThat(history).contains("\"endedBy\":\"" + "coordinator");
		String overview = body(get(base), whip, null, status().isOk());
		assertThat(overview).contains("\"personName\":\"Api Second\"").contains("\"unassigned\":[");
		assertThat(overview.substring(overview.indexOf("\"unassigned\""))).doesNotContain("BRA").contains("FRA");

		// a whip may read but not assign
		body(put(base + "/FRA"), whip, "{\"personId\":" + first.id() + "}", status().isForbidden());
		body(post(base + "/bulk"), whip, "{\"grouping\":\"AFRICAN\",\"personId\":" + first.id() + "}",
				status().isForbidden());
		body(delete(base + "/BRA"), whip, null, status().isForbidden());
		// bad input names its field; an unknown state is not found
		assertThat(body(put(base + "/FRA"), coordinator, "{\"personId\":" + first.id() + ",\"level\":\"KING\"}",
				status().isBadRequest()))
			.contains("\"field\":\"level\"");
		assertThat(body(put(base + "/FRA"), coordinator, "{\"personId\":999999999}", status().isBadRequest()))
			.contains("\"field\":\"personId\"");
		assertThat(body(put(base + "/FRA"), coordinator, "{}", status().isBadRequest())).contains("personId");
		body(put(base + "/XYZ"), coordinator, "{\"personId\":" + first.id() + "}", status().isNotFound());
		body(get(base + "/XYZ/history"), whip, null, status().isNotFound());
		body(put("/api/v1/campaigns/999999999/assignments/FRA"), coordinator, "{\"personId\":" + first.id() + "}",
				status().isNotFound());
		assertThat(body(post(base + "/bulk"), coordinator, "{\"grouping\":\"NOWHERE\",\"personId\":" + first.id() + "}",
				status().isBadRequest()))
			.contains("\"field\":\"grouping\"");
		assertThat(body(post(base + "/bulk"), coordinator,
				"{\"states\":[\"KEN\",\"XXX\"],\"personId\":" + first.id() + "}", status().isBadRequest()))
			.contains("\"field\":\"states\"");

		String bulk = body(post(base + "/bulk"), coordinator,
				"{\"states\":[\"KEN\",\"GHA\",\"BRA\"],\"personId\":" + first.id() + ",\"onlyUnassigned\":true}",
				status().isOk());
		assertThat(bulk).contains("\"assigned\":[\"GHA\",\"KEN\"]").contains("\"skipped\":[\"BRA\"]");
		body(delete(base + "/BRA").param("level", "PERMANENT_REPRESENTATIVE"), coordinator, null,
				status().isNoContent());
		body(delete(base + "/BRA"), coordinator, null, status().isNoContent());
		assertThat(this.assignments.ofState(campaign.id(), "BRA").all()).isEmpty();
		assertThat(body(get("/api/v1/campaigns/" + campaign.id() + "/workload"), whip, null, status().isOk()))
			.contains("\"name\":\"Api First\"")
			.contains("\"unassigned\":191");
	}

	@Test
	void theBoardShowsOwnerAndLastContactAndFiltersOnThem() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String viewer = this.accounts.user(Role.VIEWER);
		String ownerName = "Board Owner " + System.nanoTime();
		Person owner = this.outreach.person(ownerName, Level.DESK_OFFICER);
		this.assignments.assign(campaign.id(), "BRA", owner.id(), null, "c");
		log(campaign, "KEN", Instant.now().minus(Duration.ofHours(1)));
		log(campaign, "GHA", Instant.now().minus(Duration.ofDays(10)));
		String path = "/campaigns/" + campaign.id();

		String page = page(get(path), viewer);
		assertThat(page).contains("<th class=\"hide-narrow\">Owner</th>")
			.contains("<th class=\"hide-narrow\">Last contact</th>")
			.contains(">" + ownerName + "<")
			.contains("10 d ago")
			.contains("1 h ago")
			.contains(">never<")
			.contains("href=\"/campaigns/" + campaign.id() + "/quick-log?state=BRA\"")
			.contains("aria-label=\"Log a contact with Brazil\"")
			.contains("<option value=\"" + ownerName + "\">" + ownerName + "</option>");

		assertThat(fragment(path, viewer, "owner", ownerName)).contains("<strong>1</strong> members shown")
			.contains("id=\"row-BRA\"");
		assertThat(fragment(path, viewer, "owner", "-")).contains("<strong>192</strong> members shown")
			.doesNotContain("id=\"row-BRA\"");
		assertThat(fragment(path, viewer, "notContacted", "never")).contains("<strong>191</strong> members shown")
			.doesNotContain("id=\"row-KEN\"")
			.doesNotContain("id=\"row-GHA\"");
		assertThat(fragment(path, viewer, "notContacted", "7")).contains("<strong>192</strong> members shown")
			.doesNotContain("id=\"row-KEN\"")
			.contains("id=\"row-GHA\"");
		assertThat(fragment(path, viewer, "notContacted", "14")).contains("<strong>191</strong> members shown");
		String byContact = fragment(path, viewer, "sort", "contact");
		assertThat(byContact).doesNotContain("<html");
		assertThat(byContact.indexOf("id=\"row-AFG\"")).isLessThan(byContact.indexOf("id=\"row-GHA\""));
		assertThat(byContact.indexOf("id=\"row-GHA\"")).isLessThan(byContact.indexOf("id=\"row-KEN\""));
		String byOwner = fragment(path, viewer, "sort", "owner");
		assertThat(byOwner.indexOf("id=\"row-BRA\"")).isLessThan(byOwner.indexOf("id=\"row-AFG\""));
		this.mvc.perform(get(path).param("notContacted", "soon").with(user(viewer).roles("VIEWER")))
			.andExpect(status().isBadRequest());

		String json = body(get("/api/v1/campaigns/" + campaign.id() + "/board"),
				this.accounts.token(this.accounts.user(Role.VIEWER)), null, status().isOk());
		assertThat(json).contains("\"owner\":\"" + ownerName + "\"")
			.contains("\"lastContact\":\"")
			.doesNotContain("lastContactAgo");
	}

	@Test
	void aCoordinatorAssignsInlineAndInBulkAndAWhipCannot() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String whip = this.accounts.user(Role.WHIP);
		Person first = this.outreach.person("Inline First", Level.DESK_OFFICER);
		Person second = this.outreach.person("Inline Second", Level.DESK_OFFICER);
		String path = "/campaigns/" + campaign.id() + "/assignments";

		String page = this.mvc.perform(get(path).with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<strong>193</strong> of <span>193</span> members have no owner")
			.contains("Assign many states at once")
			.contains("id=\"assign-BRA\"");

		String edit = this.mvc
			.perform(get(path + "/BRA/edit").header("HX-Request", "true").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(edit).contains("class=\"editing\"").contains("Inline First");
		String row = this.mvc
			.perform(post(path + "/BRA").param("personId", String.valueOf(first.id()))
				.header("HX-Request", "true")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row).startsWith("<tr").contains("id=\"assign-BRA\"").contains("Inline First").contains("Hand over");
		// a refused inline write answers with the form and the reason, in place
		String refused = this.mvc
			.perform(post(path + "/BRA").param("personId", String.valueOf(second.id()))
				.param("level", "EMPEROR")
				.header("HX-Request", "true")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("class=\"editing\"").contains("Unknown level");
		// without htmx: back to the state's page, which shows the history
		this.mvc
			.perform(post(path + "/BRA").param("personId", String.valueOf(second.id()))
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String history = this.mvc.perform(get(path + "/BRA").with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("Inline First").contains("Inline Second").contains("ended by " + coordinator);

		this.mvc
			.perform(post(path + "/bulk").param("grouping", "EASTERN_EUROPEAN")
				.param("personId", String.valueOf(first.id()))
				.param("onlyUnassigned", "true")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.assignments.unassigned(campaign.id())).hasSize(193 - 1 - 23);

		this.mvc
			.perform(post(path + "/FRA").param("personId", String.valueOf(first.id()))
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(path + "/bulk").param("grouping", "AFRICAN")
				.param("personId", String.valueOf(first.id()))
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		String whipView = this.mvc.perform(get(path).param("show", "unassigned").with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(whipView).doesNotContain("Assign many states at once")
			.contains("<strong>169</strong> members shown")
			.doesNotContain("id=\"assign-BRA\"");

		String workload = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/workload").with(user(whip).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(workload).contains("Inline First").contains("<strong>169</strong> members have no owner");
	}

	@Test
	void myStatesListsTheStatesOfTheLinkedOfficial() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String linked = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Linked Whip", Level.DESK_OFFICER, linked);
		this.assignments.assign(campaign.id(), "JAM", me.id(), null, "c");
		this.assignments.assign(campaign.id(), "TTO", me.id(), Level.DESK_OFFICER, "c");
		String path = "/campaigns/" + campaign.id() + "/mine";

		String page = this.mvc.perform(get(path).with(user(linked).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<strong>2</strong> states")
			.contains(">Jamaica<")
			.contains(">Trinidad and Tobago<")
			.contains("href=\"/campaigns/" + campaign.id() + "/states/JAM/timeline\"")
			.contains("href=\"/campaigns/" + campaign.id() + "/quick-log?state=TTO&amp;back=/campaigns/" + campaign.id()
					+ "/mine\"")
			.contains("aria-label=\"Log a contact with Jamaica\"")
			.contains("href=\"/campaigns/" + campaign.id() + "/call-sheets.pdf?for=mine\"")
			.doesNotContain("<table");

		String unlinked = this.mvc.perform(get(path).with(user(this.accounts.user(Role.WHIP)).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unlinked).contains("not linked to an official").contains("people page");

		String json = body(get("/api/v1/campaigns/" + campaign.id() + "/mine"), this.accounts.token(linked), null,
				status().isOk());
		assertThat(json).contains("\"name\":\"Linked Whip\"").contains("\"iso3\":\"JAM\"").contains("\"iso3\":\"TTO\"");
	}

	@Test
	void myStatesPutsTheLongestWithoutAContactFirstAndShowsOurPrivateRead() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String linked = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Ordered Whip", Level.DESK_OFFICER, linked);
		for (String iso3 : List.of("ARG", "BRA", "CHL", "DNK")) {
			this.assignments.assign(campaign.id(), iso3, me.id(), null, "c");
		}
		// Argentina yesterday, Brazil three days ago, Denmark never, Chile an hour ago
		log(campaign, "ARG", Instant.now().minus(Duration.ofDays(1)));
		log(campaign, "BRA", Instant.now().minus(Duration.ofDays(3)));
		// a read kept to the organisation: a private read, not on the board
		org.plenary.system.Acting.asUser(linked,
				() -> this.contacts.log(new Contacts.LogContact(campaign.id(), Instant.now().minus(Duration.ofHours(1)),
						Channel.CALL, List.of(new Contacts.StateRead("CHL", Stance.LEANING_YES, null, null)), List.of(),
						List.of(), null, "Leans our way", null, null, null), linked));
		assertThat(this.whip.stance(campaign.id(), "CHL").stance()).isEqualTo(Stance.UNKNOWN);

		String page = this.mvc.perform(get("/campaigns/" + campaign.id() + "/mine").with(user(linked).roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("id=\"mine-DNK\"")).isPositive()
			.isLessThan(page.indexOf("id=\"mine-BRA\""))
			.isLessThan(page.indexOf("id=\"mine-ARG\""))
			.isLessThan(page.indexOf("id=\"mine-CHL\""));
		assertThat(page.indexOf("id=\"mine-BRA\"")).isLessThan(page.indexOf("id=\"mine-ARG\""));
		assertThat(page.indexOf("id=\"mine-ARG\"")).isLessThan(page.indexOf("id=\"mine-CHL\""));
		String chile = page.substring(page.indexOf("id=\"mine-CHL\""));
		chile = chile.substring(0, chile.indexOf("</li>"));
		assertThat(chile).contains("stance-leaning-yes\">Leaning yes</span>")
			.contains("class=\"tag private\"")
			.contains("On the board: <span>Unknown</span>");
		// the API says so too
		String json = body(get("/api/v1/campaigns/" + campaign.id() + "/mine"), this.accounts.token(linked), null,
				status().isOk());
		assertThat(json).contains("\"privateRead\":\"LEANING_YES\"");
	}

	private String page(MockHttpServletRequestBuilder request, String viewer) throws Exception {
		return this.mvc.perform(request.with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String fragment(String path, String viewer, String name, String value) throws Exception {
		String fragment = this.mvc
			.perform(get(path).param(name, value).header("HX-Request", "true").with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html");
		return fragment;
	}

	private String body(MockHttpServletRequestBuilder request, String token, String json, ResultMatcher expected)
			throws Exception {
		request.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request).andExpect(expected).andReturn().getResponse().getContentAsString();
	}

	private void log(Campaign campaign, String iso3, Instant at) {
		this.contacts.log(new Contacts.LogContact(campaign.id(), at, Channel.CALL,
				List.of(new Contacts.StateRead(iso3, null, null, null)), List.of(), List.of(), null, "A word", null,
				null, null), "whip");
	}

}
