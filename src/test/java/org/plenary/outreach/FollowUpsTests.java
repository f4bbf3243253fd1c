package org.plenary.outreach;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class FollowUpsTests {

	static final LocalDate MONDAY = LocalDate.of(2030, 11, 18);

	@Autowired
	FollowUps followUps;

	@Autowired
	Contacts contacts;

	@Autowired
	People people;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	TestAccounts accounts;

	@Test
	void aFollowUpFromAContactAppearsInTheDueListsForWhoeverMadeIt() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String username = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Desk " + System.nanoTime(), Level.DESK_OFFICER, username);
		LocalDate thursday = LocalDate.now(ZoneOffset.UTC).plusDays(3);
		Contact contact = this.contacts
			.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
					List.of(new Contacts.StateRead("MEX", null, null, null)), List.of(), List.of(), null,
					"Wants the revised text first", null, thursday, "Call back Thursday with Rev.1"), username)
			.contact();
		FollowUp followUp = this.followUps
			.followUps(campaign.id(), FollowUps.FollowUpFilter.open().withOwner(me.id()), thursday.minusDays(1))
			.get(0);
		assertThat(followUp.title()).isEqualTo("Call back Thursday with Rev.1");
		assertThat(followUp.origin()).isEqualTo(FollowUp.Origin.CONTACT);
		assertThat(followUp.contactId()).isEqualTo(contact.id());
		assertThat(followUp.iso3()).isEqualTo("MEX");
		assertThat(followUp.stateName()).isEqualTo("Mexico");
		assertThat(due(campaign, FollowUps.Due.UPCOMING, thursday.minusDays(1))).containsExactly(followUp.id());
		assertThat(due(campaign, FollowUps.Due.TODAY, thursday)).containsExactly(followUp.id());
		assertThat(due(campaign, FollowUps.Due.OVERDUE, thursday.plusDays(1))).containsExactly(followUp.id());
		assertThat(due(campaign, FollowUps.Due.TODAY, thursday.plusDays(1))).isEmpty();
	}

	@Test
	void openFollowUpsSplitIntoOverdueDueTodayAndUpcoming() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long late = open(campaign, "GHA", "Send the note verbale", MONDAY.minusDays(2), null).id();
		long today = open(campaign, "GHA", "Call the PR", MONDAY, null).id();
		long later = open(campaign, null, "Brief the group", MONDAY.plusDays(1), null).id();
		long done = open(campaign, "SEN", "Done already", MONDAY.minusDays(1), null).id();
		this.followUps.done(campaign.id(), done, "whip-1");
		assertThat(due(campaign, FollowUps.Due.OVERDUE, MONDAY)).containsExactly(late);
		assertThat(due(campaign, FollowUps.Due.TODAY, MONDAY)).containsExactly(today);
		assertThat(due(campaign, FollowUps.Due.UPCOMING, MONDAY)).containsExactly(later);
		assertThat(this.followUps.followUps(campaign.id(), FollowUps.FollowUpFilter.open().withState("gha"), MONDAY))
			.extracting(FollowUp::id)
			.containsExactly(late, today);
		assertThat(this.followUps.followUps(campaign.id(),
				new FollowUps.FollowUpFilter(FollowUp.Status.DONE, null, null, null, 10), MONDAY))
			.extracting(FollowUp::id)
			.containsExactly(done);
		assertThat(this.followUps.recentlyClosed(campaign.id(), FollowUps.FollowUpFilter.open(), 10))
			.extracting(FollowUp::id)
			.containsExactly(done);
		assertThat(FollowUps.Due.of(MONDAY, MONDAY)).isEqualTo(FollowUps.Due.TODAY);
	}

	@Test
	void aChangeOnTopOfAStaleVersionIsRefusedWithTheCurrentFollowUp() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person owner = this.outreach.person("Owner " + System.nanoTime(), Level.AMBASSADOR);
		FollowUp followUp = open(campaign, "IDN", "Démarche in Jakarta", MONDAY, null);
		FollowUp changed = this.followUps.change(campaign.id(), followUp.id(),
				new FollowUps.FollowUpChange("Démarche in Jakarta, with the EU", MONDAY.plusDays(2), owner.id()), 0,
				"whip-2");
		assertThat(changed.version()).isEqualTo(1);
		assertThat(changed.ownerName()).isEqualTo(owner.name());
		assertThat(changed.dueOn()).isEqualTo(MONDAY.plusDays(2));
		assertThatThrownBy(() -> this.followUps.change(campaign.id(), followUp.id(),
				new FollowUps.FollowUpChange("Stale", MONDAY, null), 0, "whip-3"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("now version 1")
			.satisfies((ex) -> assertThat(((ConflictException) ex).current()).isEqualTo(changed));
		assertThat(this.followUps.followUp(campaign.id(), followUp.id()).title())
			.isEqualTo("Démarche in Jakarta, with the EU");
	}

	@Test
	void doneAndDismissedCloseOnceAndCannotBeChanged() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		FollowUp followUp = open(campaign, "ZAF", "Call back", MONDAY, null);
		FollowUp done = this.followUps.done(campaign.id(), followUp.id(), "whip-1");
		assertThat(done.status()).isEqualTo(FollowUp.Status.DONE);
		assertThat(done.closedBy()).isEqualTo("whip-1");
		assertThat(this.followUps.done(campaign.id(), followUp.id(), "whip-2").closedBy())
			.as("done twice: the first stays")
			.isEqualTo("whip-1");
		assertThatThrownBy(() -> this.followUps.dismiss(campaign.id(), followUp.id(), "whip-2"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already closed (done) by whip-1");
		assertThatThrownBy(() -> this.followUps.change(campaign.id(), followUp.id(),
				new FollowUps.FollowUpChange("Later", MONDAY, null), done.version(), "whip-2"))
			.isInstanceOf(ConflictException.class);
		FollowUp other = open(campaign, "ZAF", "Another", MONDAY, null);
		assertThat(this.followUps.dismiss(campaign.id(), other.id(), "whip-1").status())
			.isEqualTo(FollowUp.Status.DISMISSED);
	}

	@Test
	void openingChecksTheStateTheOwnerAndTheCampaign() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		assertThatThrownBy(() -> open(campaign, "XXX", "Call", MONDAY, null)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).field()).isEqualTo("iso3"));
		assertThatThrownBy(() -> open(campaign, "BRA", "Call", MONDAY, Long.MAX_VALUE))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).field()).isEqualTo("ownerId"));
		Person gone = this.outreach.person("Gone " + System.nanoTime(), Level.DESK_OFFICER);
		this.people.change(gone.id(),
				new People.PersonDetails(gone.name(), gone.organisation(), gone.level(), null, null, false),
				gone.version());
		assertThatThrownBy(() -> open(campaign, "BRA", "Call", MONDAY, gone.id()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no longer active");
		assertThatThrownBy(() -> open(campaign, "BRA", " ", MONDAY, null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Say what to do");
		assertThatThrownBy(() -> open(campaign, "BRA", "Call", null, null)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).field()).isEqualTo("dueOn"));
		assertThatThrownBy(() -> this.followUps.open(new FollowUps.NewFollowUp(Long.MAX_VALUE, null, "Call", MONDAY,
				null, null, FollowUp.Origin.MANUAL, null), "whip-1"))
			.isInstanceOf(NotFoundException.class);
		assertThat(open(campaign, "bra", "Call", MONDAY, null).iso3()).isEqualTo("BRA");
	}

	@Test
	void settingsDefaultToSevenDaysAndStayWithinAYear() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		assertThat(this.followUps.settings(campaign.id()).notContactedDays()).isEqualTo(7);
		assertThat(this.followUps.changeSettings(campaign.id(), 3).notContactedDays()).isEqualTo(3);
		assertThat(this.followUps.changeSettings(campaign.id(), 14).notContactedDays()).isEqualTo(14);
		assertThatThrownBy(() -> this.followUps.changeSettings(campaign.id(), 0))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.followUps.changeSettings(campaign.id(), 366))
			.isInstanceOf(InvalidInputException.class);
	}

	private FollowUp open(Campaign campaign, String iso3, String title, LocalDate dueOn, Long ownerId) {
		return this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), iso3, title, dueOn, ownerId, null,
				FollowUp.Origin.MANUAL, null), "whip-1");
	}

	private List<Long> due(Campaign campaign, FollowUps.Due due, LocalDate today) {
		return this.followUps.followUps(campaign.id(), new FollowUps.FollowUpFilter(null, due, null, null, 100), today)
			.stream()
			.map(FollowUp::id)
			.toList();
	}

}
