package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenary.campaigns.Body;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules that open follow-ups by themselves: a stance slipping away from the ask, and
 * a state not contacted for the campaign's number of days.
 */
@SpringBootTest
class FollowUpRulesTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	WhipCount whip;

	@Autowired
	Contacts contacts;

	@Autowired
	FollowUps followUps;

	@Autowired
	FollowUpRules rules;

	@Autowired
	TestOutreach outreach;

	@Autowired
	JdbcClient jdbc;

	/** ask; a first read; a move toward the ask; a slip; a further slip. */
	static Stream<Arguments> asks() {
		return Stream.of(
				arguments(Campaign.Ask.YES, Stance.LEANING_NO, Stance.UNDECIDED, Stance.LEANING_ABSTAIN, Stance.NO),
				arguments(Campaign.Ask.NO, Stance.LEANING_YES, Stance.UNDECIDED, Stance.LEANING_YES, Stance.YES),
				arguments(Campaign.Ask.ABSTAIN, Stance.YES, Stance.LEANING_ABSTAIN, Stance.UNDECIDED, Stance.NO));
	}

	@ParameterizedTest(name = "ask {0}")
	@MethodSource("asks")
	void aStanceSlippingAwayFromTheAskOpensOneFollowUpForTheOwner(Campaign.Ask ask, Stance first, Stance toward,
			Stance slip, Stance furtherSlip) {
		Campaign campaign = campaign(ask);
		Person owner = this.outreach.person("Owner " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		assign(campaign, "PER", owner);
		record(campaign, "PER", first, 0);
		assertThat(slipped(campaign, "PER")).as("a first read never slips").isEmpty();
		record(campaign, "PER", toward, 1);
		assertThat(slipped(campaign, "PER")).as("moving toward the ask").isEmpty();
		record(campaign, "PER", slip, 2);
		List<FollowUp> opened = slipped(campaign, "PER");
		assertThat(opened).singleElement().satisfies((f) -> {
			assertThat(f.ownerId()).isEqualTo(owner.id());
			assertThat(f.status()).isEqualTo(FollowUp.Status.OPEN);
			assertThat(f.title()).isEqualTo("Peru slipped from " + toward.label() + " to " + slip.label());
			assertThat(f.createdBy()).isEqualTo(FollowUps.PLENARY);
			LocalDate created = LocalDate.ofInstant(f.createdAt(), ZoneOffset.UTC);
			assertThat(f.dueOn()).isIn(created.plusDays(1), created.plusDays(2)); // tomorrow
		});
		record(campaign, "PER", furtherSlip, 3);
		assertThat(slipped(campaign, "PER")).as("a second slip while one is open").hasSize(1);
		// once the first is done, a new slip opens a new one
		this.followUps.done(campaign.id(), opened.get(0).id(), "whip-1");
		record(campaign, "PER", toward, 4);
		record(campaign, "PER", slip, 5);
		assertThat(slipped(campaign, "PER")).hasSize(2);
	}

	@Test
	void aSlipReadFromAContactNamesTheContactAndAStateWithoutOwnerGetsAnUnassignedFollowUp() {
		Campaign campaign = campaign(Campaign.Ask.YES);
		record(campaign, "CHL", Stance.YES, 0);
		Contact contact = this.contacts
			.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
					List.of(new Contacts.StateRead("CHL", Stance.UNDECIDED, null, null)), List.of(), List.of(), null,
					"Capital has doubts", null, null, null), "whip-1")
			.contact();
		assertThat(slipped(campaign, "CHL")).singleElement().satisfies((f) -> {
			assertThat(f.contactId()).isEqualTo(contact.id());
			assertThat(f.ownerId()).isNull();
		});
	}

	@Test
	void aStaleEditThatWouldSlipOpensNoFollowUp() {
		// the slip rule runs inside the recording transaction, before the row is written:
		// an edit refused as stale leaves nothing behind
		Campaign campaign = campaign(Campaign.Ask.YES);
		record(campaign, "URY", Stance.YES, 0);
		assertThatThrownBy(() -> record(campaign, "URY", Stance.NO, 0)).isInstanceOf(WhipCount.StaleStance.class);
		assertThat(slipped(campaign, "URY")).isEmpty();
		record(campaign, "URY", Stance.NO, 1);
		assertThat(slipped(campaign, "URY")).hasSize(1);
	}

	@Test
	void aVotedCampaignRaisesNoSlip() {
		Campaign campaign = campaign(Campaign.Ask.YES);
		record(campaign, "CHL", Stance.YES, 0);
		this.campaigns.changeStatus(campaign.id(), Campaign.Status.VOTED, campaign.version());
		record(campaign, "CHL", Stance.NO, 1);
		assertThat(slipped(campaign, "CHL")).isEmpty();
	}

	@Test
	void statesNotContactedForTheCampaignsDaysGetAFollowUpOnce() {
		Campaign campaign = whipping(20);
		Person owner = this.outreach.person("Owner " + System.nanoTime(), Level.DESK_OFFICER);
		assign(campaign, "KEN", owner);
		logAgo(campaign, "BRA", 2);
		logAgo(campaign, "KEN", 9);
		int members = this.campaigns.members(campaign.id()).size();
		Instant now = Instant.now();
		assertThat(this.rules.checkNotContacted(campaign.id(), now)).isEqualTo(members - 1);
		assertThat(this.rules.checkNotContacted(campaign.id(), now)).as("run again").isZero();
		assertThat(notContacted(campaign)).hasSize(members - 1);
		assertThat(notContacted(campaign)).noneMatch((f) -> f.iso3().equals("BRA"));
		FollowUp kenya = notContacted(campaign, "KEN");
		assertThat(kenya.ownerId()).isEqualTo(owner.id());
		assertThat(kenya.dueOn()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
		assertThat(kenya.title()).startsWith("Contact Kenya: last contact on ");
		assertThat(notContacted(campaign, "PER").title())
			.isEqualTo("Contact Peru: not contacted since the campaign opened");
	}

	@Test
	void theNumberOfDaysIsTheCampaigns() {
		Campaign campaign = whipping(20);
		this.followUps.changeSettings(campaign.id(), 10);
		logAgo(campaign, "KEN", 9);
		logAgo(campaign, "BRA", 11);
		this.rules.checkNotContacted(campaign.id(), Instant.now());
		assertThat(notContacted(campaign)).extracting(FollowUp::iso3).doesNotContain("KEN").contains("BRA", "PER");
		Campaign young = whipping(5);
		assertThat(this.rules.checkNotContacted(young.id(), Instant.now())).as("counted from the campaign's start")
			.isZero();
		assertThat(this.rules.checkNotContacted(young.id(), Instant.now().plus(Duration.ofDays(3)))).isPositive();
	}

	@Test
	void severalChecksAtOnceOpenOneFollowUpPerState() throws Exception {
		Campaign campaign = whipping(30);
		int members = this.campaigns.members(campaign.id()).size();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.rules.checkNotContacted(campaign.id(), now);
			}));
		}
		start.countDown();
		int opened = 0;
		for (Future<Integer> result : results) {
			opened += result.get();
		}
		pool.shutdown();
		assertThat(opened).isEqualTo(members);
		assertThat(notContacted(campaign)).hasSize(members);
	}

	@Test
	void onlyWhippingCampaignsAreChecked() {
		Campaign campaign = campaign(Campaign.Ask.YES);
		backdate(campaign, 30);
		assertThat(this.rules.checkNotContacted(campaign.id(), Instant.now())).isZero();
		assertThat(notContacted(campaign)).isEmpty();
	}

	@Test
	void aLoggedContactClosesTheFollowUpAndADismissedOneWaitsForTheDaysAgain() {
		Campaign campaign = whipping(20);
		this.rules.checkNotContacted(campaign.id(), Instant.now());
		FollowUp kenya = notContacted(campaign, "KEN");
		FollowUp uganda = notContacted(campaign, "UGA");
		logAgo(campaign, "KEN", 0);
		FollowUp closed = this.followUps.followUp(campaign.id(), kenya.id());
		assertThat(closed.status()).isEqualTo(FollowUp.Status.DONE);
		assertThat(closed.closedBy()).isEqualTo(FollowUps.PLENARY);
		this.followUps.dismiss(campaign.id(), uganda.id(), "whip-1");
		this.rules.checkNotContacted(campaign.id(), Instant.now());
		assertThat(notContacted(campaign)).extracting(FollowUp::iso3).doesNotContain("KEN", "UGA").contains("PER");
		// a week on, Uganda is due again; Kenya too, since its contact is a week old
		this.rules.checkNotContacted(campaign.id(), Instant.now().plus(Duration.ofDays(8)));
		assertThat(notContacted(campaign)).extracting(FollowUp::iso3).contains("KEN", "UGA");
	}

	@Test
	void anOldContactLoggedLateClosesNothing() {
		Campaign campaign = whipping(20);
		this.rules.checkNotContacted(campaign.id(), Instant.now());
		logAgo(campaign, "KEN", 12);
		assertThat(notContacted(campaign, "KEN").status()).isEqualTo(FollowUp.Status.OPEN);
	}

	private Campaign campaign(Campaign.Ask ask) {
		return this.campaigns.open(new Campaigns.OpenCampaign("Follow-up rules " + System.nanoTime(),
				Body.EMERGENCY_SPECIAL_SESSION, null, DecisionRule.TWO_THIRDS, null, ask, null, null, null, null, null,
				null, List.of(), List.of(), null, null, false), "test");
	}

	/** A whipping campaign opened {@code daysAgo} days ago. */
	private Campaign whipping(int daysAgo) {
		Campaign campaign = campaign(Campaign.Ask.YES);
		campaign = this.campaigns.changeStatus(campaign.id(), Campaign.Status.WHIPPING, campaign.version());
		backdate(campaign, daysAgo);
		return campaign;
	}

	private void backdate(Campaign campaign, int days) {
		this.jdbc.sql("update campaigns_campaign set created_at = now() - make_interval(days => ?) where id = ?")
			.params(days, campaign.id())
			.update();
	}

	private void assign(Campaign campaign, String iso3, Person person) {
		this.jdbc
			.sql("""
					insert into outreach_assignment (campaign_id, iso3, level, person_id, assigned_by) values (?, ?, null, ?, 'test')
					""")
			.params(campaign.id(), iso3, person.id())
			.update();
	}

	private void record(Campaign campaign, String iso3, Stance stance, int version) {
		this.whip.record(
				new WhipCount.RecordStance(campaign.id(), iso3, stance, null, null, null, null, null, version, null),
				"whip-1");
	}

	private void logAgo(Campaign campaign, String iso3, int days) {
		this.contacts.log(new Contacts.LogContact(campaign.id(), Instant.now().minus(Duration.ofDays(days)),
				Channel.CALL, List.of(new Contacts.StateRead(iso3, null, null, null)), List.of(), List.of(), null,
				"Spoke about the draft", null, null, null), "whip-1");
	}

	private List<FollowUp> slipped(Campaign campaign, String iso3) {
		return this.followUps.followUps(campaign.id(), new FollowUps.FollowUpFilter(null, null, null, iso3, 100))
			.stream()
			.filter((f) -> f.origin() == FollowUp.Origin.SLIPPED)
			.toList();
	}

	private List<FollowUp> notContacted(Campaign campaign) {
		return this.followUps.followUps(campaign.id(), FollowUps.FollowUpFilter.open())
			.stream()
			.filter((f) -> f.origin() == FollowUp.Origin.NOT_CONTACTED)
			.toList();
	}

	private FollowUp notContacted(Campaign campaign, String iso3) {
		return this.followUps.followUps(campaign.id(), new FollowUps.FollowUpFilter(null, null, null, iso3, 100))
			.stream()
			.filter((f) -> f.origin() == FollowUp.Origin.NOT_CONTACTED)
			.findFirst()
			.orElseThrow();
	}

}
