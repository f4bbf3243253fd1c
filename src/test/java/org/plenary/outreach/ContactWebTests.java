package org.plenary.outreach;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ContactWebTests {

	@Autowired
	org.plenary.accounts.TestAccounts testAccounts;

	// the users the tests sign in as belong to the test organisation, whose officials and
	// counterparts they see
	@org.junit.jupiter.api.BeforeEach
	void users() {
		this.testAccounts.named("whip-1", Role.WHIP);
		this.testAccounts.named("whip-2", Role.WHIP);
		this.testAccounts.named("viewer-w", Role.VIEWER);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Contacts contacts;

	@Autowired
	WhipCount whip;

	@Test
	void theApiLogsAContactOnceForOneKeyAndRecordsItsRead() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		// shared with the coalition: the read goes on the board (a contact kept to the
		// organisation would make it a private read)
		String body = """
				{"channel":"MESSAGE","states":[{"iso3":"BRA","read":"LEANING_YES","expectedVersion":0}],
				 "theirs":[{"name":"Ana Costa","level":"PERMANENT_REPRESENTATIVE"}],"said":"Leaning yes",
				 "visibility":"COALITION"}
				""";
		String path = "/api/v1/campaigns/" + campaign.id() + "/contacts";
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replay", "false"))
			.andExpect(jsonPath("$.states[0].read").value("LEANING_YES"));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replay", "true"));
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).hasSize(1);
		assertThat(this.whip.history(campaign.id(), "BRA")).hasSize(1);
		// a third request on top of the same (now stale) version is refused with the
		// current stance
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("LEANING_YES", "NO")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.stance").value("LEANING_YES"));
		this.mvc
			.perform(post(path).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\":\"CALL\",\"states\":[{\"iso3\":\"ZZZ\"}],\"said\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("states"));
	}

	@Test
	void onlyAnAdministratorDeletesAContact() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Contact contact = logged(campaign, "PER", "a call");
		String path = "/api/v1/campaigns/" + campaign.id() + "/contacts/" + contact.id();
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String admin = this.accounts.token(this.accounts.user(Role.ADMINISTRATOR));
		this.mvc.perform(delete(path).param("reason", "mine").header("Authorization", "Bearer " + whip))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/contacts/" + contact.id() + "/delete").param("reason", "x")
				.with(user("whip-1").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(path).param("reason", "Wrong campaign").header("Authorization", "Bearer " + admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deletion.reason").value("Wrong campaign"));
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).isEmpty();
	}

	@Test
	void theQuickLogRecordsTheReadAndGoesBackToTheBoard() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/quick-log").param("state", "KEN")
				.with(user("whip-1").roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Quick log: <span>Kenya</span>").contains("WhatsApp");
		for (int i = 0; i < 2; i++) { // a double tap, or a retry after a lost connection
			this.mvc
				.perform(post("/campaigns/" + campaign.id() + "/quick-log").param("key", "quick-1")
					.param("visibility", "COALITION")
					.param("states", "KEN")
					.param("version", "0")
					.param("channel", "MESSAGE")
					.param("read", "LEANING_YES")
					.with(user("whip-1").roles("WHIP"))
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/campaigns/" + campaign.id() + "#row-KEN"));
		}
		assertThat(this.whip.stance(campaign.id(), "KEN").stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(this.whip.history(campaign.id(), "KEN")).hasSize(1);
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 10))).hasSize(1);
	}

	@Test
	void theQuickLogTakesADemarcheALetterAPublicStatementTheirLevelAndTheConfidence() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/quick-log").param("state", "PER")
				.with(user("whip-1").roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"DEMARCHE\"")
			.contains("<span>Démarche</span>")
			.contains("value=\"LETTER\"")
			.contains("value=\"PUBLIC_STATEMENT\"")
			.contains("value=\"BRIEFING\"")
			.contains("<select name=\"theirLevel\"><option value=\"\">–</option>")
			.contains("<option value=\"MINISTER\">Minister</option>")
			.contains("<select name=\"confidence\"><option value=\"\">–</option>")
			.doesNotContain("option value=\"MINISTER\" selected")
			.doesNotContain("option value=\"HIGH\" selected");
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/quick-log").param("key", "quick-demarche")
				.param("visibility", "COALITION")
				.param("states", "PER")
				.param("version", "0")
				.param("channel", "DEMARCHE")
				.param("read", "LEANING_YES")
				.param("theirLevel", "MINISTER")
				.param("confidence", "HIGH")
				.with(user("whip-1").roles("WHIP"))
				.with(csrf()))
			.andDo((result) -> assertThat(result.getResponse().getStatus())
				.as(result.getResponse().getContentAsString())
				.isEqualTo(302));
		Contact contact = this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("PER", 5)).get(0);
		assertThat(contact.channel()).isEqualTo(Channel.DEMARCHE);
		assertThat(contact.theirs()).extracting(Contact.Participant::level).containsExactly(Level.MINISTER);
		assertThat(contact.theirs().get(0).describe()).isEqualTo("Minister");
		CurrentStance stance = this.whip.stance(campaign.id(), "PER");
		assertThat(stance.stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(stance.confidence()).isEqualTo(Confidence.HIGH);
		assertThat(stance.sourceLevel()).isEqualTo(Level.MINISTER);
		assertThat(stance.sourceChannel()).isEqualTo(Channel.DEMARCHE);
		// a contact of last week, logged today from the quick log, keeps its day
		assertThat(page).contains("name=\"occurredAt\"");
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/quick-log").param("key", "quick-past")
				.param("visibility", "COALITION")
				.param("states", "KEN")
				.param("channel", "MEETING")
				.param("said", "Nairobi will decide next week")
				.param("occurredAt", "2026-11-30T15:30")
				.with(user("whip-1").roles("WHIP"))
				.with(csrf()))
			.andDo((result) -> assertThat(result.getResponse().getStatus())
				.as(result.getResponse()
					.getContentAsString()
					.replaceAll("(?s).*<p class=\"flash error\"[^>]*>([^<]*)<.*", "$1"))
				.isEqualTo(302));
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 5)).get(0).occurredAt())
			.isEqualTo(java.time.Instant.parse("2026-11-30T15:30:00Z"));
		// neither is needed: a letter with no level and no confidence
		this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/quick-log").param("key", "quick-letter")
				.param("visibility", "COALITION")
				.param("states", "PER")
				.param("channel", "LETTER")
				.param("said", "Our minister's letter handed over")
				.param("theirLevel", "")
				.param("confidence", "")
				.with(user("whip-1").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("PER", 5)))
			.extracting(Contact::channel)
			.contains(Channel.LETTER);
	}

	@Test
	void aFailedFormComesBackWithWhatWasTypedAndNothingIsStored() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String page = this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/contacts").param("key", "form-1")
				.param("states", "Atlantis")
				.param("channel", "CALL")
				.param("said", "A long note <b>typed</b> on a phone")
				.with(user("whip-1").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Atlantis").contains("A long note &lt;b&gt;typed&lt;/b&gt; on a phone");
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).isEmpty();
		// a stale read: the form comes back with the newer version to save on top of
		logged(campaign, "CHL", "first");
		String stale = this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/quick-log").param("key", "form-2")
				.param("visibility", "COALITION")
				.param("states", "CHL")
				.param("version", "0")
				.param("channel", "CALL")
				.param("read", "NO")
				.with(user("whip-2").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("changed by whip-1 to Yes").contains("name=\"version\" value=\"1\"");
	}

	@Test
	void hostileTextIsEscapedAndAttachmentsAreDownloadsOnly() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Contact contact = logged(campaign, "EGY", "<script>alert('x')</script>");
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/contacts/" + contact.id())
				.with(user("viewer-w").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		String location = this.mvc
			.perform(multipart("/api/v1/campaigns/" + campaign.id() + "/contacts/" + contact.id() + "/attachments")
				.file(new MockMultipartFile("file", "evil.html", "text/html", "<script>1</script>".getBytes()))
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/octet-stream"))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.startsWith("attachment; filename=\"evil.html\"")));
	}

	private Contact logged(Campaign campaign, String iso3, String said) {
		return this.contacts
			.log(new Contacts.LogContact(campaign.id(), null, org.plenary.whip.Channel.CALL,
					java.util.List.of(new Contacts.StateRead(iso3, Stance.YES, null, null)), java.util.List.of(),
					java.util.List.of(), null, said, null, null, null), "whip-1")
			.contact();
	}

}
