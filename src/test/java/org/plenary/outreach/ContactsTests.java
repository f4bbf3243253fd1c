package org.plenary.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ContactsTests {

	@Autowired
	Contacts contacts;

	@Autowired
	WhipCount whip;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aContactWithAStanceReadUpdatesTheBoardAndIsTheSourceInTheHistory() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person pr = this.outreach.person("Jane Roe", Level.PERMANENT_REPRESENTATIVE);
		Counterpart theirs = this.outreach.counterpart("BRA", "Ana Costa", Level.PERMANENT_REPRESENTATIVE);
		Contacts.Logged logged = this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.MESSAGE,
				List.of(new Contacts.StateRead("bra", Stance.LEANING_YES, Confidence.MEDIUM, 0)),
				List.of(new Contact.Participant(pr.id(), null, null, null)),
				List.of(new Contact.Participant(null, theirs.id(), null, null)), "Support the draft",
				"Leaning yes, waiting for capital", "key-1", null, null)
			.visibleTo(org.plenary.campaigns.Visibility.COALITION, List.of(), false), "whip-1");
		assertThat(logged.stored()).isTrue();
		Contact contact = logged.contact();
		assertThat(contact.states()).singleElement().satisfies((s) -> assertThat(s.stanceVersion()).isEqualTo(1));
		assertThat(contact.ourNames()).isEqualTo("Jane Roe (Permanent Representative)");
		assertThat(this.whip.stance(campaign.id(), "BRA").stance()).isEqualTo(Stance.LEANING_YES);
		StanceChange change = this.whip.history(campaign.id(), "BRA").get(0);
		assertThat(change.contactId()).isEqualTo(contact.id());
		assertThat(change.sourceName()).isEqualTo("Ana Costa");
		assertThat(change.sourceLevel()).isEqualTo(Level.PERMANENT_REPRESENTATIVE);
		assertThat(change.sourceChannel()).isEqualTo(Channel.MESSAGE);
		assertThat(change.note()).isEqualTo("Leaning yes, waiting for capital");
	}

	@Test
	void aRetriedContactWithTheSameKeyIsStoredOnce() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Contacts.Logged>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.contacts.log(quick(campaign, "KEN", Stance.YES, "retry-key"), "whip-1");
			}));
		}
		start.countDown();
		List<Long> ids = new ArrayList<>();
		int stored = 0;
		for (Future<Contacts.Logged> result : results) {
			ids.add(result.get().contact().id());
			stored += result.get().stored() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(stored).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from outreach_contact where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.whip.history(campaign.id(), "KEN")).hasSize(1);
	}

	@Test
	void aStaleReadRefusesTheWholeContactAndKeepsNothing() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.contacts.log(quick(campaign, "IND", Stance.ABSTAIN, null), "whip-1");
		assertThatThrownBy(() -> this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("IND", Stance.YES, null, 0)), List.of(), List.of(), null, "Yes now",
				null, null, null), "whip-2"))
			.isInstanceOf(WhipCount.StaleStance.class)
			.hasMessageContaining("Abstain");
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).hasSize(1);
		assertThat(this.whip.stance(campaign.id(), "IND").stance()).isEqualTo(Stance.ABSTAIN);
	}

	@Test
	void aContactWithoutAReadLeavesTheBoardAlone() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.contacts.log(new Contacts.LogContact(campaign.id(), Instant.now().minusSeconds(3600), Channel.BRIEFING,
				List.of(new Contacts.StateRead("FRA", null, null, null),
						new Contacts.StateRead("DEU", null, null, null)),
				List.of(), List.of(), null, "Briefed both on the draft", null, null, null), "whip-1");
		assertThat(this.whip.history(campaign.id(), "FRA")).isEmpty();
		assertThat(this.contacts.lastContacts(campaign.id())).containsOnlyKeys("FRA", "DEU");
	}

	@Test
	void badInputSaysWhatIsWrong() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		assertThatThrownBy(() -> this.contacts.log(quick(campaign, "XXX", Stance.YES, null), "whip-1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'XXX' is not a member");
		assertThatThrownBy(() -> this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("BRA", null, null, null)), List.of(), List.of(), null, " ", null, null,
				null), "whip-1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Write a line");
		Counterpart french = this.outreach.counterpart("FRA", "Jean Dupont", Level.AMBASSADOR);
		assertThatThrownBy(() -> this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("BRA", null, null, null)), List.of(),
				List.of(new Contact.Participant(null, french.id(), null, null)), null, "hello", null, null, null),
				"whip-1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("counterpart of FRA");
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).isEmpty();
	}

	@Test
	void editsKeepEveryVersionAndAStaleEditIsRefused() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Contact contact = this.contacts.log(quick(campaign, "MEX", null, null), "whip-1").contact();
		Contact edited = this.contacts.edit(campaign.id(), contact.id(),
				new Contacts.ContactChange(null, Channel.MEETING, List.of(),
						List.of(new Contact.Participant(null, null, "Deputy PR",
								Level.DEPUTY_PERMANENT_REPRESENTATIVE)),
						null, "Met in the corridor, not a call"),
				1, "whip-2");
		assertThat(edited.version()).isEqualTo(2);
		assertThat(edited.channel()).isEqualTo(Channel.MEETING);
		assertThatThrownBy(() -> this.contacts.edit(campaign.id(), contact.id(),
				new Contacts.ContactChange(null, Channel.CALL, List.of(), List.of(), null, "stale"), 1, "whip-3"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("version 2");
		List<Contacts.Revision> revisions = this.contacts.revisions(campaign.id(), contact.id());
		assertThat(revisions).extracting(Contacts.Revision::action).containsExactly("LOGGED", "EDITED");
		assertThat(revisions.get(0).contact().said()).isEqualTo("first line");
		assertThat(revisions.get(1).contact().theirNames()).contains("Deputy PR");
	}

	@Test
	void aDeletionLeavesATraceAndTheContactLeavesTheLists() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Contact contact = this.contacts.log(quick(campaign, "ARG", Stance.NO, null), "whip-1").contact();
		Contact deleted = this.contacts.delete(campaign.id(), contact.id(), "Logged on the wrong campaign", "admin-1");
		assertThat(deleted.deletion().by()).isEqualTo("admin-1");
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(10))).isEmpty();
		assertThat(this.contacts.revisions(campaign.id(), contact.id())).extracting(Contacts.Revision::action)
			.containsExactly("LOGGED", "DELETED");
		// the board's history is append-only: the read it caused stays, naming its source
		assertThat(this.whip.history(campaign.id(), "ARG").get(0).contactId()).isEqualTo(contact.id());
	}

	@Test
	void attachmentsAreKeptWithTheirHashAndLimited() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Contact contact = this.contacts.log(quick(campaign, "NGA", null, null), "whip-1").contact();
		Contact.Attachment attachment = this.contacts.attach(campaign.id(), contact.id(), "../note verbale.pdf",
				"application/pdf", "%PDF-1.4 test".getBytes(), "whip-1");
		assertThat(attachment.fileName()).isEqualTo(".._note verbale.pdf");
		assertThat(this.contacts.attachment(campaign.id(), attachment.id()).content()).asString()
			.isEqualTo("%PDF-1.4 test");
		assertThatThrownBy(() -> this.contacts.attach(campaign.id(), contact.id(), "big.bin", null,
				new byte[(int) Contacts.MAX_ATTACHMENT_BYTES + 1], "whip-1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 20 MB");
	}

	private static Contacts.LogContact quick(Campaign campaign, String iso3, Stance read, String key) {
		return new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead(iso3, read, null, null)), List.of(), List.of(), null, "first line", key,
				null, null);
	}

}
