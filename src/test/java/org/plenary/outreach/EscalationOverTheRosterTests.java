package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Escalation over the officials on file, in a coalition of three: the owner, a partner
 * that shares its roster with the campaign and one that does not. A suggestion names the
 * next person up who has not called the state yet, the owner's own officials first, the
 * sharing partner's when none of the owner's fits, never the other partner's; a member of
 * the legislature is on the ladder where the roster has one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EscalationOverTheRosterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Escalation escalation;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	private final String run = "E" + System.nanoTime();

	private String owner;

	private String sharing;

	private String keeping;

	private String ownerWhip;

	private String sharingCoordinator;

	private long campaign;

	/** The owner's Permanent Representative and Assistant Secretary. */
	private Person pr;

	private Person assistant;

	/** The sharing partner's Minister. */
	private Person partnerMinister;

	/** The other partner's Deputy Minister, never shared. */
	private Person hiddenDeputy;

	@BeforeEach
	void aCoalitionOfThree() throws Exception {
		this.owner = this.accounts.organisation("Owner " + this.run);
		this.sharing = this.accounts.organisation("Sharing partner " + this.run);
		this.keeping = this.accounts.organisation("Keeping partner " + this.run);
		String ownerCoordinator = this.accounts.user(Role.COORDINATOR, this.owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, this.owner);
		this.sharingCoordinator = this.accounts.user(Role.COORDINATOR, this.sharing);
		String keepingCoordinator = this.accounts.user(Role.COORDINATOR, this.keeping);
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, ownerCoordinator).id();
		for (String[] partner : List.of(new String[] { this.sharing, this.sharingCoordinator },
				new String[] { this.keeping, keepingCoordinator })) {
			long id = this.jdbc.sql("select id from accounts_organisation where name = ?")
				.param(partner[0])
				.query(Long.class)
				.single();
			assertThat(send(
					post("/api/v1/campaigns/" + this.campaign + "/partners").contentType(MediaType.APPLICATION_JSON)
						.content("{\"organisationId\": " + id + "}"),
					ownerCoordinator, "COORDINATOR"))
				.isEqualTo(201);
			assertThat(send(
					put("/api/v1/campaigns/" + this.campaign + "/invitation").contentType(MediaType.APPLICATION_JSON)
						.content("{\"answer\": \"ACCEPT\"}"),
					partner[1], "COORDINATOR"))
				.isEqualTo(200);
		}
		assertThat(send(put("/api/v1/campaigns/" + this.campaign + "/sharing").contentType(MediaType.APPLICATION_JSON)
			.content("{\"roster\": true}"), this.sharingCoordinator, "COORDINATOR")).isEqualTo(200);
		// the owner's officials sort last by name, so that a pick by name alone would
		// take a partner's
		this.pr = this.outreach.person(this.owner, "Zora PR " + this.run, Level.PERMANENT_REPRESENTATIVE);
		this.assistant = this.outreach.person(this.owner, "Zeno Assistant " + this.run, Level.ASSISTANT_SECRETARY);
		this.outreach.person(this.sharing, "Aaron PR " + this.run, Level.PERMANENT_REPRESENTATIVE);
		this.partnerMinister = this.outreach.person(this.sharing, "Abel Minister " + this.run, Level.MINISTER);
		this.hiddenDeputy = this.outreach.person(this.keeping, "Ada Deputy " + this.run, Level.DEPUTY_MINISTER);
	}

	/**
	 * Kenya: the Assistant Secretary's calls moved it to Leaning yes; two calls by the
	 * Permanent Representative since moved nothing. The next person up is not the
	 * Assistant Secretary again, who has called Kenya, nor the keeping partner's Deputy
	 * Minister, but the sharing partner's Minister; accepting opens a follow-up that
	 * Minister owns. Once the partner stops sharing, only someone who has called is left.
	 */
	@Test
	void theNextPersonUpHasNotCalledYetAndIsAPartnersSharedOfficialWhenNoneOfOursFits() throws Exception {
		log("KEN", this.assistant, 20, Stance.UNDECIDED);
		log("KEN", this.assistant, 15, Stance.LEANING_YES);
		log("KEN", this.pr, 10, null);
		log("KEN", this.pr, 5, null);
		Suggestion suggestion = asOwner(() -> this.escalation.suggestion(this.campaign, "KEN")).orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		assertThat(suggestion.official()).isEqualTo(this.partnerMinister);
		assertThat(suggestion.level()).isEqualTo(Level.MINISTER);
		assertThat(suggestion.reason()).contains("by " + this.partnerMinister.name() + " of " + this.sharing)
			.contains("none of our own officials fits")
			.doesNotContain(this.assistant.name())
			.doesNotContain(this.hiddenDeputy.name());
		// the same through the API, as the owner's whip
		this.mvc
			.perform(get("/api/v1/campaigns/" + this.campaign + "/states/KEN/escalation")
				.with(user(this.ownerWhip).roles("WHIP")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.official.id").value(this.partnerMinister.id()));
		FollowUp followUp = asOwner(
				() -> this.escalation.accept(this.campaign, "KEN", suggestion.basis(), this.ownerWhip));
		assertThat(followUp.ownerId()).isEqualTo(this.partnerMinister.id());
		assertThat(followUp.title()).isEqualTo("Kenya: a call at Minister level by " + this.partnerMinister.name());

		// a fresh situation for Ghana, after the partner stops sharing: the Assistant
		// Secretary, who has called, is all there is above
		log("GHA", this.assistant, 20, Stance.UNDECIDED);
		log("GHA", this.assistant, 15, Stance.LEANING_YES);
		log("GHA", this.pr, 10, null);
		log("GHA", this.pr, 5, null);
		assertThat(send(put("/api/v1/campaigns/" + this.campaign + "/sharing").contentType(MediaType.APPLICATION_JSON)
			.content("{\"roster\": false}"), this.sharingCoordinator, "COORDINATOR")).isEqualTo(200);
		Suggestion alone = asOwner(() -> this.escalation.suggestion(this.campaign, "GHA")).orElseThrow();
		assertThat(alone.official()).isEqualTo(this.assistant);
		assertThat(alone.reason())
			.contains("who has already called Ghana in this campaign: nobody else is on file above");
	}

	/**
	 * Never contacted and owned by nobody: a first meeting at Permanent Representative
	 * level by the owner's own PR, not by the partner's, whose name sorts first.
	 */
	@Test
	void ourOwnOfficialComesBeforeAPartnersAtTheSameLevel() {
		Suggestion suggestion = asOwner(() -> this.escalation.suggestion(this.campaign, "SEN")).orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.FIRST_CONTACT);
		assertThat(suggestion.level()).isEqualTo(Level.PERMANENT_REPRESENTATIVE);
		assertThat(suggestion.official()).isEqualTo(this.pr);
	}

	/**
	 * A member of the legislature is on the ladder where the roster has one: after two
	 * calls by the Minister, the next person up is the legislator, before any head of
	 * state; without one, the ladder goes from Minister to head of state as before.
	 */
	@Test
	void aLegislatorIsOnTheLadderWhereTheRosterHasOne() {
		Person minister = this.outreach.person(this.owner, "Zelda Minister " + this.run, Level.MINISTER);
		log("NGA", minister, 10, Stance.UNDECIDED);
		log("NGA", minister, 5, null);
		Suggestion without = asOwner(() -> this.escalation.suggestion(this.campaign, "NGA")).orElseThrow();
		assertThat(without.level()).isNotEqualTo(Level.LEGISLATOR);
		Person senator = this.outreach.person(this.owner, "Zack Senator " + this.run, Level.LEGISLATOR);
		Suggestion suggestion = asOwner(() -> this.escalation.suggestion(this.campaign, "NGA")).orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		assertThat(suggestion.level()).isEqualTo(Level.LEGISLATOR);
		assertThat(suggestion.official()).isEqualTo(senator);
		assertThat(suggestion.reason()).contains("at Legislator level by " + senator.name());
	}

	private <T> T asOwner(Supplier<T> work) {
		return Acting.asUser(this.ownerWhip, work);
	}

	private void log(String iso3, Person ours, int daysAgo, Stance read) {
		asOwner(() -> this.contacts
			.log(new Contacts.LogContact(this.campaign, Instant.now().minus(Duration.ofDays(daysAgo)), Channel.CALL,
					List.of(new Contacts.StateRead(iso3, read, null, null)),
					List.of(new Contact.Participant(ours.id(), null, null, null)), List.of(), null,
					"Talked about the draft", null, null, null)
				.visibleTo(org.plenary.campaigns.Visibility.COALITION, List.of(), false), this.ownerWhip));
	}

	private int send(MockHttpServletRequestBuilder request, String username, String role) throws Exception {
		return this.mvc.perform(request.with(user(username).roles(role))).andReturn().getResponse().getStatus();
	}

}
