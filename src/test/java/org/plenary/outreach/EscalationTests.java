package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Escalation suggestions from the database: gathered, accepted, dismissed. */
@SpringBootTest
class EscalationTests {

	@Autowired
	Escalation escalation;

	@Autowired
	Contacts contacts;

	@Autowired
	FollowUps followUps;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoContactsAtPermanentRepresentativeLevelSuggestTheMinisterAndAcceptingOpensAFollowUp() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person pr = this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		Person minister = this.outreach.person("Minister " + System.nanoTime(), Level.MINISTER);
		assign(campaign, "TUV", null, pr);
		assign(campaign, "TUV", Level.MINISTER, minister);
		assertThat(this.escalation.suggestion(campaign.id(), "TUV").orElseThrow().rule())
			.isEqualTo(Suggestion.Rule.FIRST_CONTACT);
		log(campaign, "TUV", pr, 10, Stance.UNDECIDED);
		log(campaign, "TUV", pr, 3, null);
		Suggestion suggestion = this.escalation.suggestion(campaign.id(), "tuv").orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		assertThat(suggestion.level()).isEqualTo(Level.MINISTER);
		assertThat(suggestion.official()).isEqualTo(minister);
		assertThat(suggestion.reason()).startsWith("Two contacts at Permanent Representative level (")
			.contains("no movement toward Yes")
			.contains("by " + minister.name() + ", who holds the relationship at that level");
		FollowUp followUp = this.escalation.accept(campaign.id(), "TUV", suggestion.basis(), "whip-1");
		assertThat(followUp.origin()).isEqualTo(FollowUp.Origin.ESCALATION);
		assertThat(followUp.ownerId()).isEqualTo(minister.id());
		assertThat(followUp.suggestedLevel()).isEqualTo(Level.MINISTER);
		assertThat(followUp.iso3()).isEqualTo("TUV");
		assertThat(followUp.title()).isEqualTo("Tuvalu: a call at Minister level by " + minister.name());
		LocalDate created = LocalDate.ofInstant(followUp.createdAt(), ZoneOffset.UTC);
		assertThat(followUp.dueOn()).isIn(created.plusDays(2), created.plusDays(3));
		assertThat(this.escalation.suggestion(campaign.id(), "TUV")).as("accepted: not suggested again").isEmpty();
		assertThatThrownBy(() -> this.escalation.accept(campaign.id(), "TUV", null, "whip-2"))
			.isInstanceOf(ConflictException.class);
		assertThat(this.followUps.followUps(campaign.id(), FollowUps.FollowUpFilter.open().withState("TUV")))
			.hasSize(1);
	}

	@Test
	void aDismissedSuggestionStaysHiddenUntilANewContactChangesTheSituation() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person pr = this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		log(campaign, "NRU", pr, 10, Stance.LEANING_NO);
		log(campaign, "NRU", pr, 4, null);
		Suggestion first = this.escalation.suggestion(campaign.id(), "NRU").orElseThrow();
		assertThat(first.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		this.escalation.dismiss(campaign.id(), "NRU", first.basis(), "whip-1");
		assertThat(this.escalation.suggestion(campaign.id(), "NRU")).isEmpty();
		assertThat(this.jdbc.sql("select dismissed_by from outreach_escalation_dismissal where campaign_id = ?")
			.param(campaign.id())
			.query(String.class)
			.single()).isEqualTo("whip-1");
		log(campaign, "NRU", pr, 0, null);
		Suggestion again = this.escalation.suggestion(campaign.id(), "NRU").orElseThrow();
		assertThat(again.basis()).isNotEqualTo(first.basis());
		assertThat(again.reason()).startsWith("Three contacts at Permanent Representative level");
	}

	@Test
	void acceptingASuggestionThatChangedIsRefused() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person pr = this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		log(campaign, "KIR", pr, 10, Stance.UNDECIDED);
		String seen = this.escalation.suggestion(campaign.id(), "KIR").orElseThrow().basis();
		log(campaign, "KIR", pr, 9, null);
		assertThatThrownBy(() -> this.escalation.accept(campaign.id(), "KIR", seen, "whip-1"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("changed since you read it");
		assertThat(this.followUps.followUps(campaign.id(), FollowUps.FollowUpFilter.open())).isEmpty();
	}

	@Test
	void aStateFirmAtOurAskOrOutsideTheBodyHasNoSuggestion() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person pr = this.outreach.person("PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		log(campaign, "FJI", pr, 1, Stance.YES);
		assertThat(this.escalation.suggestion(campaign.id(), "FJI")).isEmpty();
		assertThatThrownBy(() -> this.escalation.suggestion(campaign.id(), "XXX"))
			.isInstanceOf(NotFoundException.class);
	}

	private void assign(Campaign campaign, String iso3, Level level, Person person) {
		this.jdbc
			.sql("""
					insert into outreach_assignment (campaign_id, iso3, level, person_id, assigned_by) values (?, ?, ?, ?, 'test')
					""")
			.params(campaign.id(), iso3, level == null ? null : level.name(), person.id())
			.update();
	}

	private void log(Campaign campaign, String iso3, Person ours, int daysAgo, Stance read) {
		this.contacts.log(new Contacts.LogContact(campaign.id(), Instant.now().minus(Duration.ofDays(daysAgo)),
				Channel.CALL, List.of(new Contacts.StateRead(iso3, read, null, null)),
				List.of(new Contact.Participant(ours.id(), null, null, null)), List.of(), null,
				"Talked about the draft", null, null, null), "whip-1");
	}

}
