package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Briefing;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Draft;
import org.plenary.campaigns.DraftsAndBriefings;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class TimelineTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	org.plenary.accounts.TestAccounts testAccounts;

	// the users the tests sign in as belong to the test organisation, whose officials and
	// counterparts they see
	@org.junit.jupiter.api.BeforeEach
	void users() {
		this.testAccounts.named("viewer-t", Role.VIEWER);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Timeline timeline;

	@Autowired
	Contacts contacts;

	@Autowired
	Opposition opposition;

	@Autowired
	DraftsAndBriefings work;

	@Autowired
	FollowUps followUps;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	/** What one state's timeline was given, in a campaign of its own. */
	record Story(Campaign campaign, Contact kept, Contact deleted, Contact read, Person owner) {
	}

	@Test
	void aStatesTimelineMergesEveryKindNewestFirstWithoutDeletedContactsOrOtherStates() {
		Story story = story("KEN");
		Timeline.StateTimeline line = this.timeline.timeline(story.campaign().id(), "ken", Set.of());
		assertThat(line.entries()).extracting(TimelineTests::describe)
			.containsExactly("FOLLOW_UP OPENED Call the PR back", "STANCE LEANING_YES contact",
					"STANCE UNDECIDED deleted", "CONTACT Leaning yes after the briefing", "BRIEFING ACCEPTED",
					"CONTACT Waiting for capital", "COSPONSORSHIP WITHDREW", "OPPOSITION Letter urging a No vote",
					"COSPONSORSHIP JOINED");
		Timeline.Entry stance = line.entries().get(1);
		assertThat(stance.stance().change().contactId()).isEqualTo(story.read().id());
		assertThat(line.entries().get(2).stance().change().contactId()).isEqualTo(story.deleted().id());
		assertThat(line.name()).isEqualTo("Kenya");
		assertThat(line.stance().stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(line.owner().id()).isEqualTo(story.owner().id());
		assertThat(line.counterparts()).extracting(Counterpart::name).contains("Grace Wanjiru");
		assertThat(line.counterparts()).extracting(Counterpart::name).doesNotContain("Former Kenyan PR");
		// grouped by day: today first, the days apart after
		List<Timeline.Day> days = line.days();
		assertThat(days.get(0).day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
		assertThat(days.get(0).entries()).hasSize(3);
		assertThat(days).hasSize(7);
	}

	@Test
	void theTimelineKeepsOnlyTheKindsAsked() {
		Story story = story("UGA");
		assertThat(this.timeline
			.timeline(story.campaign().id(), "UGA", Set.of(Timeline.Kind.CONTACT, Timeline.Kind.COSPONSORSHIP))
			.entries()).extracting(Timeline.Entry::kind)
			.containsExactly(Timeline.Kind.CONTACT, Timeline.Kind.CONTACT, Timeline.Kind.COSPONSORSHIP,
					Timeline.Kind.COSPONSORSHIP);
	}

	@Test
	void anUnknownCampaignOrAStateOutsideTheBodyIsNotFound() {
		Campaign council = this.campaigns
			.securityCouncil(List.of("BRA", "IND", "KEN", "GHA", "MEX", "ALB", "ARE", "GAB", "ECU", "JPN"));
		assertThatThrownBy(() -> this.timeline.timeline(council.id(), "DEU", Set.of()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.timeline.timeline(Long.MAX_VALUE, "KEN", Set.of()))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.timeline.timeline(council.id(), "KEN", Set.of()).entries()).isEmpty();
	}

	@Test
	void thePageShowsTheHeaderAndEveryEntryEscaped() throws Exception {
		Story story = story("TZA");
		long id = story.campaign().id();
		this.contacts.log(new Contacts.LogContact(id, Instant.now().minus(Duration.ofDays(1)), Channel.MESSAGE,
				List.of(new Contacts.StateRead("TZA", null, null, null),
						new Contacts.StateRead("RWA", null, null, null)),
				List.of(), List.of(new Contact.Participant(null, null, HOSTILE, Level.MINISTER)), HOSTILE,
				"Said " + HOSTILE, null, null, null), "whip-t");
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/states/tza/timeline").with(user("viewer-t").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("United Republic of Tanzania")
			.contains("stance-leaning-yes")
			.contains(story.owner().name())
			.contains("Grace Wanjiru")
			.contains("href=\"tel:+255222550100\"")
			// a viewer is offered no quick log (a whip is, below)
			.doesNotContain("/quick-log?state=TZA")
			.contains("hx-get=\"/campaigns/" + id + "/states/TZA/escalation\"")
			.contains("hx-trigger=\"load\"")
			.contains("href=\"/campaigns/" + id + "/contacts/" + story.read().id() + "\"")
			.contains("from a contact since deleted")
			.contains("Call the PR back")
			.contains("Letter urging a No vote")
			.contains("A/ES-99/L.1")
			.contains("Accepted")
			.contains("Withdrew as a co-sponsor")
			.contains("Also covered:")
			.contains("Rwanda")
			.contains("Said &lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; (Minister)")
			.doesNotContain(HOSTILE)
			.doesNotContain("Asked in a deleted contact")
			.doesNotContain("Uganda only");
		assertThat(this.mvc.perform(get("/campaigns/" + id + "/states/tza/timeline").with(user("whip-t").roles("WHIP")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("href=\"/campaigns/" + id + "/quick-log?state=TZA&amp;back=/campaigns/" + id
					+ "/states/TZA/timeline\"");
		String contactsOnly = this.mvc
			.perform(get("/campaigns/" + id + "/states/TZA/timeline").param("kind", "CONTACT")
				.with(user("viewer-t").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(contactsOnly).contains("Waiting for capital").doesNotContain("Call the PR back");
		this.mvc.perform(get("/campaigns/" + id + "/states/XYZ/timeline").with(user("viewer-t").roles("VIEWER")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiGivesTheTimelineAndNotFoundForUnknownStatesAndCampaigns() throws Exception {
		Story story = story("GHA");
		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		String path = "/api/v1/campaigns/" + story.campaign().id() + "/states/GHA/timeline";
		this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.iso3").value("GHA"))
			.andExpect(jsonPath("$.owner.name").value(story.owner().name()))
			.andExpect(jsonPath("$.entries.length()").value(9))
			.andExpect(jsonPath("$.entries[0].kind").value("FOLLOW_UP"))
			.andExpect(jsonPath("$.entries[0].followUp.event").value("OPENED"))
			.andExpect(jsonPath("$.entries[0].contact").doesNotExist())
			.andExpect(jsonPath("$.entries[1].stance.change.contactId").value(story.read().id()));
		this.mvc.perform(get(path).param("kind", "OPPOSITION").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(1))
			.andExpect(jsonPath("$.entries[0].opposition.kind").value("LETTER"));
		this.mvc.perform(get("/api/v1/campaigns/" + story.campaign().id() + "/states/XYZ/timeline")
			.header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/campaigns/" + Long.MAX_VALUE + "/states/GHA/timeline").header("Authorization",
					"Bearer " + token))
			.andExpect(status().isNotFound());
	}

	/**
	 * A fresh campaign in which the state gets one entry of each kind on days apart, plus
	 * a deleted contact and entries of another state that must not show.
	 */
	private Story story(String iso3) {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		String other = iso3.equals("UGA") ? "KEN" : "UGA";
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant now = Instant.now();
		Counterpart former = this.outreach.counterpart(iso3, "Former Kenyan PR", Level.PERMANENT_REPRESENTATIVE);
		this.outreach.counterpart(iso3, "Grace Wanjiru", Level.PERMANENT_REPRESENTATIVE);
		this.jdbc.sql("update outreach_counterpart set held_from = ?, held_until = ?, phone = ? where id = ?")
			.params(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 1, 1), "+1 000", former.id())
			.update();
		this.jdbc.sql("update outreach_counterpart set phone = '+255 22 255 0100' where iso3 = ? and name = ?")
			.params(iso3, "Grace Wanjiru")
			.update();
		Person owner = this.outreach.person("Owner " + System.nanoTime(), Level.AMBASSADOR);
		this.jdbc.sql("insert into outreach_assignment (campaign_id, iso3, person_id, assigned_by) values (?, ?, ?, ?)")
			.params(id, iso3, owner.id(), "test")
			.update();

		Draft draft = this.work.addDraft(id, "A/ES-99/L.1", today.minusDays(12), null, null);
		this.work.cosponsor(id, draft.id(), List.of(iso3), today.minusDays(10));
		this.work.cosponsor(id, draft.id(), List.of(other), today.minusDays(9));
		this.opposition.record(new Opposition.RecordActivity(id, today.minusDays(8), OppositionActivity.Kind.LETTER,
				"Russian Federation", "Letter urging a No vote", List.of(iso3, other)), "whip-t");
		this.opposition.record(new Opposition.RecordActivity(id, today.minusDays(7),
				OppositionActivity.Kind.PUBLIC_STATEMENT, null, "Uganda only", List.of(other)), "whip-t");
		this.work.withdraw(id, draft.id(), iso3, today.minusDays(6));
		Contact kept = log(id, iso3, now.minus(Duration.ofDays(5)), null, "Waiting for capital");
		log(id, other, now.minus(Duration.ofDays(5)), null, "Uganda only");
		Contact deleted = log(id, iso3, now.minus(Duration.ofDays(4)), Stance.UNDECIDED, "Said in a deleted contact");
		this.contacts.delete(id, deleted.id(), "Logged on the wrong state", "admin-t");
		Briefing briefing = this.work.openBriefing(id, "EU briefing on the draft", today.minusDays(3), "ALL", List.of(),
				List.of());
		this.work.setInvitation(id, briefing.id(), iso3, Briefing.Status.ACCEPTED);
		Contact read = log(id, iso3, now.minus(Duration.ofDays(2)), Stance.LEANING_YES,
				"Leaning yes after the briefing");
		this.followUps.open(new FollowUps.NewFollowUp(id, iso3, "Call the PR back", today.plusDays(2), owner.id(), null,
				FollowUp.Origin.MANUAL, null), "whip-t");
		this.followUps.open(new FollowUps.NewFollowUp(id, other, "Uganda only", today.plusDays(2), null, null,
				FollowUp.Origin.MANUAL, null), "whip-t");
		return new Story(campaign, kept, deleted, read, owner);
	}

	private Contact log(long campaignId, String iso3, Instant at, Stance read, String said) {
		// what was asked shows only on the contact's own entry; what was said is also the
		// note of the stance change it caused, which stays when the contact is deleted
		String asked = said.contains("deleted") ? "Asked in a deleted contact" : "Vote yes";
		return this.contacts
			.log(new Contacts.LogContact(campaignId, at, Channel.CALL,
					List.of(new Contacts.StateRead(iso3, read, null, null)), List.of(), List.of(), asked, said, null,
					null, null), "whip-t")
			.contact();
	}

	private static String describe(Timeline.Entry entry) {
		return switch (entry.kind()) {
			case STANCE ->
				"STANCE " + entry.stance().change().to() + (entry.stance().contactDeleted() ? " deleted" : " contact");
			case CONTACT -> "CONTACT " + entry.contact().said();
			case OPPOSITION -> "OPPOSITION " + entry.opposition().description();
			case COSPONSORSHIP -> "COSPONSORSHIP " + entry.cosponsorship().action();
			case BRIEFING -> "BRIEFING " + entry.briefing().status();
			case FOLLOW_UP -> "FOLLOW_UP " + entry.followUp().event() + " " + entry.followUp().followUp().title();
		};
	}

}
