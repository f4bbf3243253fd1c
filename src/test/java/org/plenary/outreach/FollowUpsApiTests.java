package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FollowUpsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Contacts contacts;

	@Test
	void followUpsAreOpenedListedChangedAndClosed() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String base = "/api/v1/campaigns/" + campaign.id() + "/follow-ups";
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String created = this.mvc
			.perform(json(post(base), whip,
					"{\"iso3\":\"arg\",\"title\":\"Call back Thursday\",\"dueOn\":\"" + today.minusDays(1) + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(base + "/")))
			.andExpect(jsonPath("$.iso3").value("ARG"))
			.andExpect(jsonPath("$.origin").value("MANUAL"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
		this.mvc.perform(get(base).param("due", "overdue").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].title").value("Call back Thursday"));
		this.mvc.perform(get(base).param("due", "today").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc
			.perform(json(put(base + "/" + id), whip,
					"{\"title\":\"Call back Friday\",\"dueOn\":\"" + today + "\",\"expectedVersion\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(json(put(base + "/" + id), whip,
					"{\"title\":\"Stale\",\"dueOn\":\"" + today + "\",\"expectedVersion\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.title").value("Call back Friday"))
			.andExpect(jsonPath("$.current.version").value(1));
		this.mvc.perform(post(base + "/" + id + "/done").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		this.mvc.perform(post(base + "/" + id + "/dismiss").header("Authorization", "Bearer " + whip))
			.andExpect(status().isConflict());
		this.mvc.perform(get(base).param("status", "done").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(Long.valueOf(id)));
	}

	@Test
	void badInputNamesTheFieldAndUnknownThingsAre404() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String base = "/api/v1/campaigns/" + campaign.id() + "/follow-ups";
		this.mvc.perform(json(post(base), whip, "{\"iso3\":\"XXX\",\"title\":\"Call\",\"dueOn\":\"2030-11-18\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("iso3"));
		this.mvc.perform(json(post(base), whip, "{\"title\":\"Call\",\"dueOn\":\"2030-11-18\",\"ownerId\":-5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("ownerId"));
		this.mvc.perform(json(post(base), whip, "{\"title\":\"\",\"dueOn\":\"2030-11-18\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		this.mvc.perform(get(base).param("due", "soon").header("Authorization", "Bearer " + whip))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("due"));
		this.mvc.perform(get(base).param("mine", "true").header("Authorization", "Bearer " + whip))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("mine"));
		this.mvc.perform(get(base + "/999999999").header("Authorization", "Bearer " + whip))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/campaigns/999999999/follow-ups").header("Authorization", "Bearer " + whip))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/states/XXX/escalation").header("Authorization",
				"Bearer " + whip))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(json(put("/api/v1/campaigns/" + campaign.id() + "/outreach-settings"),
					this.accounts.token(this.accounts.user(Role.COORDINATOR)), "{\"notContactedDays\":0}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(json(post("/api/v1/campaigns/" + campaign.id() + "/states/BRA/escalation/dismiss"), whip,
					"{\"basis\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("basis"));
	}

	@Test
	void mineIsTheFollowUpsOfTheOfficialLinkedToTheAccount() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String username = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Me " + System.nanoTime(), Level.DESK_OFFICER, username);
		String token = this.accounts.token(username);
		String base = "/api/v1/campaigns/" + campaign.id() + "/follow-ups";
		this.mvc
			.perform(json(post(base), token,
					"{\"title\":\"Mine\",\"dueOn\":\"2030-11-18\",\"ownerId\":" + me.id() + "}"))
			.andExpect(status().isCreated());
		this.mvc.perform(json(post(base), token, "{\"title\":\"Nobody's\",\"dueOn\":\"2030-11-18\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get(base).param("mine", "true").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].title").value("Mine"));
		this.mvc.perform(get(base).param("owner", String.valueOf(me.id())).header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void aViewerReadsButDoesNotWriteAndOnlyCoordinatorsChangeTheSettings() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String coordinator = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String base = "/api/v1/campaigns/" + campaign.id();
		this.mvc.perform(get(base + "/follow-ups").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk());
		this.mvc.perform(json(post(base + "/follow-ups"), viewer, "{\"title\":\"Call\",\"dueOn\":\"2030-11-18\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(base + "/follow-ups/1/done").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isForbidden());
		this.mvc.perform(json(post(base + "/states/BRA/escalation/accept"), viewer, "{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(base + "/outreach-settings").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notContactedDays").value(7));
		this.mvc.perform(json(put(base + "/outreach-settings"), whip, "{\"notContactedDays\":3}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(json(put(base + "/outreach-settings"), coordinator, "{\"notContactedDays\":3}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notContactedDays").value(3));
	}

	@Test
	void anEscalationSuggestionIsReadAcceptedOrDismissed() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String base = "/api/v1/campaigns/" + campaign.id() + "/states/";
		Person pr = this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		for (int daysAgo : new int[] { 9, 2 }) {
			this.contacts.log(new Contacts.LogContact(campaign.id(), Instant.now().minus(Duration.ofDays(daysAgo)),
					Channel.MEETING,
					List.of(new Contacts.StateRead("PLW", daysAgo == 9 ? Stance.UNDECIDED : null, null, null)),
					List.of(new Contact.Participant(pr.id(), null, null, null)), List.of(), null, "On the draft", null,
					null, null), "whip-1");
		}
		String suggestion = this.mvc.perform(get(base + "PLW/escalation").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rule").value("ESCALATE"))
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.startsWith("Two contacts")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String basis = suggestion.replaceAll(".*\"basis\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(json(post(base + "PLW/escalation/accept"), whip, "{\"basis\":\"ESCALATE:OTHER:c1:v1\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(json(post(base + "PLW/escalation/accept"), whip, "{\"basis\":\"" + basis + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value("ESCALATION"));
		this.mvc.perform(get(base + "PLW/escalation").header("Authorization", "Bearer " + whip))
			.andExpect(status().isNoContent());
		// a state never contacted: first contact, dismissed
		String first = this.mvc.perform(get(base + "FSM/escalation").header("Authorization", "Bearer " + whip))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rule").value("FIRST_CONTACT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc
			.perform(json(post(base + "FSM/escalation/dismiss"), whip,
					"{\"basis\":\"" + first.replaceAll(".*\"basis\":\"([^\"]+)\".*", "$1") + "\"}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(base + "FSM/escalation").header("Authorization", "Bearer " + whip))
			.andExpect(status().isNoContent());
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token,
			String body) {
		return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
