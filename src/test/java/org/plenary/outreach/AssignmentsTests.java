package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.states.MemberStates;
import org.plenary.states.Membership;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AssignmentsTests {

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Autowired
	FollowUps followUps;

	@Autowired
	People people;

	@Autowired
	WhipCount whip;

	@Autowired
	Campaigns campaignService;

	@Autowired
	MemberStates states;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHandOverEndsTheFirstAssignmentAndKeepsIt() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person first = this.outreach.person("First Owner", Level.DESK_OFFICER);
		Person second = this.outreach.person("Second Owner", Level.PERMANENT_REPRESENTATIVE);
		this.assignments.assign(campaign.id(), "bra", first.id(), null, "coordinator-1");
		Assignment handedOver = this.assignments.assign(campaign.id(), "BRA", second.id(), null, "coordinator-2");
		// the same owner again is no new row
		this.assignments.assign(campaign.id(), "BRA", second.id(), null, "coordinator-3");

		List<Assignment> history = this.assignments.history(campaign.id(), "BRA");
		assertThat(history).hasSize(2);
		Assignment now = history.get(0);
		Assignment before = history.get(1);
		assertThat(now.id()).isEqualTo(handedOver.id());
		assertThat(now.personId()).isEqualTo(second.id());
		assertThat(now.current()).isTrue();
		assertThat(now.assignedBy()).isEqualTo("coordinator-2");
		assertThat(before.personId()).isEqualTo(first.id());
		assertThat(before.current()).isFalse();
		assertThat(before.assignedBy()).isEqualTo("coordinator-1");
		assertThat(before.endedBy()).isEqualTo("coordinator-2");
		assertThat(before.assignedUntil()).isEqualTo(now.assignedFrom());
		assertThat(this.assignments.ofState(campaign.id(), "BRA").owner().personName()).isEqualTo("Second Owner");
	}

	@Test
	void anOwnerAtALevelIsKeptApartFromTheOverallOwner() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person desk = this.outreach.person("Desk", Level.DESK_OFFICER);
		Person minister = this.outreach.person("Minister", Level.MINISTER);
		this.assignments.assign(campaign.id(), "IND", desk.id(), null, "c");
		this.assignments.assign(campaign.id(), "IND", minister.id(), Level.MINISTER, "c");
		Assignments.StateAssignments india = this.assignments.ofState(campaign.id(), "IND");
		assertThat(india.owner().personId()).isEqualTo(desk.id());
		assertThat(india.byLevel()).singleElement().satisfies((a) -> {
			assertThat(a.level()).isEqualTo(Level.MINISTER);
			assertThat(a.personId()).isEqualTo(minister.id());
		});
		assertThat(this.assignments.unassign(campaign.id(), "IND", Level.MINISTER, "c")).isPresent();
		assertThat(this.assignments.unassign(campaign.id(), "IND", Level.MINISTER, "c")).isEmpty();
		india = this.assignments.ofState(campaign.id(), "IND");
		assertThat(india.owner().personId()).isEqualTo(desk.id());
		assertThat(india.byLevel()).isEmpty();
	}

	@Test
	void concurrentAssignsOfOneStateLeaveExactlyOneCurrentOwner() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		List<Person> officials = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			officials.add(this.outreach.person("Racer " + i, Level.DESK_OFFICER));
		}
		ExecutorService pool = Executors.newFixedThreadPool(officials.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Assignment>> results = new ArrayList<>();
		for (Person official : officials) {
			results.add(pool.submit(() -> {
				start.await();
				return this.assignments.assign(campaign.id(), "KEN", official.id(), null, "coordinator");
			}));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Assignment> result : results) {
			try {
				result.get();
				succeeded++;
			}
			catch (ExecutionException ex) {
				// a refused race is a conflict, never anything else
				assertThat(ex.getCause()).isInstanceOf(ConflictException.class);
			}
		}
		pool.shutdown();
		assertThat(this.jdbc.sql("""
				select count(*) from outreach_assignment
				where campaign_id = ? and iso3 = 'KEN' and level is null and assigned_until is null
				""").param(campaign.id()).query(Long.class).single()).isEqualTo(1);
		// the state's lock serialises them: each is a hand-over from the one before
		assertThat(succeeded).isEqualTo(officials.size());
		List<Assignment> history = this.assignments.history(campaign.id(), "KEN");
		assertThat(history).hasSize(succeeded);
		assertThat(history).filteredOn(Assignment::current).hasSize(1);
		assertThat(history).filteredOn((a) -> !a.current()).allSatisfy((a) -> assertThat(a.endedBy()).isNotNull());
	}

	@Test
	void aBulkAssignmentByRegionalGroupTakesExactlyItsMembersInTheBody() {
		Campaign council = this.testCampaigns
			.securityCouncil(List.of("ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ", "ARE", "CHE"));
		Person official = this.outreach.person("Eastern Desk", Level.DESK_OFFICER);
		Set<String> inBody = this.campaignService.members(council.id())
			.stream()
			.map(Member::iso3)
			.collect(Collectors.toSet());
		Set<String> expected = this.states.membersOf("EASTERN_EUROPEAN", LocalDate.now())
			.stream()
			.map(Membership::iso3)
			.filter(inBody::contains)
			.collect(Collectors.toSet());
		assertThat(expected).containsExactlyInAnyOrder("ALB", "RUS");

		Assignments.BulkResult result = this.assignments.bulk(council.id(),
				new Assignments.Bulk("eastern_european", null, official.id(), null, false), "coordinator");

		assertThat(result.assigned()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.assignments.current(council.id())).extracting(Assignment::iso3)
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.assignments.unassigned(council.id())).hasSize(15 - expected.size());
	}

	@Test
	void aBulkAssignmentOfOnlyUnassignedStatesLeavesOwnedOnesAlone() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person owner = this.outreach.person("Owner", Level.AMBASSADOR);
		Person newcomer = this.outreach.person("Newcomer", Level.DESK_OFFICER);
		this.assignments.assign(campaign.id(), "FRA", owner.id(), null, "c");
		Assignments.BulkResult result = this.assignments.bulk(campaign.id(),
				new Assignments.Bulk(null, List.of("fra", "DEU", "ITA"), newcomer.id(), null, true), "c");
		assertThat(result.assigned()).containsExactly("DEU", "ITA");
		assertThat(result.skipped()).containsExactly("FRA");
		assertThat(this.assignments.ofState(campaign.id(), "FRA").owner().personId()).isEqualTo(owner.id());
		// without the flag, owned states are handed over
		result = this.assignments.bulk(campaign.id(),
				new Assignments.Bulk(null, List.of("FRA", "DEU"), newcomer.id(), null, false), "c");
		assertThat(result.assigned()).containsExactly("FRA");
		assertThat(result.skipped()).containsExactly("DEU");
		assertThat(this.assignments.history(campaign.id(), "FRA")).hasSize(2);
	}

	@Test
	void aRefusedBulkAssignmentChangesNothing() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person active = this.outreach.person("Active", Level.DESK_OFFICER);
		Person retired = this.outreach.person("Retired", Level.DESK_OFFICER);
		this.people.change(retired.id(),
				new People.PersonDetails(retired.name(), retired.organisation(), retired.level(), null, null, false),
				retired.version());
		assertThatThrownBy(() -> this.assignments.bulk(campaign.id(),
				new Assignments.Bulk("AFRICAN", null, retired.id(), null, false), "c"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no longer active")
			.extracting((ex) -> ((InvalidInputException) ex).field())
			.isEqualTo("personId");
		assertThatThrownBy(() -> this.assignments.bulk(campaign.id(),
				new Assignments.Bulk("AFRICAN", null, 999_999_999L, null, false), "c"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("No official");
		assertThatThrownBy(() -> this.assignments.bulk(campaign.id(),
				new Assignments.Bulk(null, List.of("KEN", "XXX", "GHA"), active.id(), null, false), "c"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'XXX' is not a member");
		assertThatThrownBy(() -> this.assignments.bulk(campaign.id(),
				new Assignments.Bulk("NOWHERE", null, active.id(), null, false), "c"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("No group or bloc");
		assertThatThrownBy(() -> this.assignments.bulk(campaign.id(),
				new Assignments.Bulk("AFRICAN", List.of("KEN"), active.id(), null, false), "c"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("either");
		assertThatThrownBy(() -> this.assignments.assign(campaign.id(), "KEN", retired.id(), null, "c"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.assignments.assign(campaign.id(), "XYZ", active.id(), null, "c"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> Assignments.level("GENERAL")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Unknown level");
		assertThat(this.assignments.current(campaign.id())).isEmpty();
		assertThat(this.assignments.unassigned(campaign.id())).hasSize(193);
	}

	@Test
	void membersWithoutAnOverallOwnerAreFlagged() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person official = this.outreach.person("Flag Owner", Level.DESK_OFFICER);
		this.assignments.assign(campaign.id(), "CHL", official.id(), null, "c");
		this.assignments.assign(campaign.id(), "PER", official.id(), null, "c");
		// an owner at a level only: someone must still answer for the whole relationship
		this.assignments.assign(campaign.id(), "COL", official.id(), Level.AMBASSADOR, "c");

		List<Member> unassigned = this.assignments.unassigned(campaign.id());
		assertThat(unassigned).hasSize(191);
		assertThat(unassigned).extracting(Member::iso3).contains("COL").doesNotContain("CHL", "PER");
		assertThat(this.assignments.byState(campaign.id())).hasSize(193)
			.filteredOn(Assignments.StateAssignments::unassigned)
			.hasSize(191);
		assertThat(this.assignments.overview(campaign.id()).unassigned()).hasSize(191).contains("COL");
		assertThat(this.assignments.workload(campaign.id()).unassigned()).isEqualTo(191);
	}

	@Test
	void theWorkloadCountsTheContactsAndFollowUpsOfEachOfficialAndOrganisation() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String organisation = this.accounts.organisation("Workload Mission " + System.nanoTime());
		Person busy = this.people
			.add(new People.PersonDetails("Busy", organisation, Level.DESK_OFFICER, null, null, true));
		Person colleague = this.people
			.add(new People.PersonDetails("Colleague", organisation, Level.AMBASSADOR, null, null, true));
		this.assignments.assign(campaign.id(), "MEX", busy.id(), null, "c");
		this.assignments.assign(campaign.id(), "ARG", busy.id(), null, "c");
		this.assignments.assign(campaign.id(), "ARG", colleague.id(), Level.AMBASSADOR, "c");
		log(campaign, "MEX", Instant.now().minus(Duration.ofHours(2)), busy, colleague);
		log(campaign, "ARG", Instant.now().minus(Duration.ofDays(1)), busy);
		log(campaign, "MEX", Instant.now().minus(Duration.ofDays(10)), busy);
		Contact deleted = log(campaign, "MEX", Instant.now(), busy);
		this.contacts.delete(campaign.id(), deleted.id(), "Logged twice", "admin");
		this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), "MEX", "Call back", LocalDate.now().minusDays(1),
				busy.id(), null, FollowUp.Origin.MANUAL, null), "c");
		this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), "ARG", "Send the text",
				LocalDate.now().plusDays(2), busy.id(), null, FollowUp.Origin.MANUAL, null), "c");

		Assignments.Workload workload = this.assignments.workload(campaign.id());
		Assignments.OfficialLoad load = workload.officials()
			.stream()
			.filter((o) -> o.personId() == busy.id())
			.findFirst()
			.orElseThrow();
		assertThat(load.states()).isEqualTo(2);
		assertThat(load.overall()).isEqualTo(2);
		assertThat(load.contactsLastWeek()).isEqualTo(2);
		assertThat(load.contacts()).isEqualTo(3);
		assertThat(load.openFollowUps()).isEqualTo(2);
		assertThat(load.overdue()).isEqualTo(1);
		Assignments.OfficialLoad other = workload.officials()
			.stream()
			.filter((o) -> o.personId() == colleague.id())
			.findFirst()
			.orElseThrow();
		assertThat(other.states()).isEqualTo(1);
		assertThat(other.overall()).isZero();
		assertThat(other.contacts()).isEqualTo(1);
		Assignments.OrganisationLoad mission = workload.organisations()
			.stream()
			.filter((o) -> o.organisation().equals(organisation))
			.findFirst()
			.orElseThrow();
		// ARG is owned by both officials and the first contact had both: each counts once
		assertThat(mission.officials()).isEqualTo(2);
		assertThat(mission.states()).isEqualTo(2);
		assertThat(mission.contactsLastWeek()).isEqualTo(2);
		assertThat(mission.contacts()).isEqualTo(3);
		assertThat(mission.openFollowUps()).isEqualTo(2);
		assertThat(mission.overdue()).isEqualTo(1);
	}

	@Test
	void theBoardShowsTheOverallOwnerAndTheLastContact() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person official = this.outreach.person("Board Owner", Level.DESK_OFFICER);
		Person minister = this.outreach.person("Level Owner", Level.MINISTER);
		this.assignments.assign(campaign.id(), "NGA", official.id(), null, "c");
		this.assignments.assign(campaign.id(), "ZAF", minister.id(), Level.MINISTER, "c");
		Instant earlier = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Instant later = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		log(campaign, "NGA", earlier, official);
		log(campaign, "NGA", later, official);
		Contact deleted = log(campaign, "ZAF", later, minister);
		this.contacts.delete(campaign.id(), deleted.id(), "Wrong state", "admin");

		WhipCount.Board board = this.whip.board(campaign.id(), null);
		WhipCount.BoardRow nigeria = row(board, "NGA");
		assertThat(nigeria.owner()).isEqualTo("Board Owner");
		assertThat(nigeria.lastContact()).isEqualTo(later);
		assertThat(nigeria.lastContactAgo()).isEqualTo("1 d ago");
		WhipCount.BoardRow southAfrica = row(board, "ZAF");
		assertThat(southAfrica.owner()).isNull();
		assertThat(southAfrica.lastContact()).isNull();
		assertThat(southAfrica.lastContactAgo()).isEqualTo("never");
	}

	@Test
	void myStatesAreTheStatesOfTheOfficialTheUserIs() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String username = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Me", Level.PERMANENT_REPRESENTATIVE, username);
		Person someoneElse = this.outreach.person("Someone else", Level.DESK_OFFICER);
		this.assignments.assign(campaign.id(), "PRY", me.id(), null, "c");
		this.assignments.assign(campaign.id(), "PRY", me.id(), Level.PERMANENT_REPRESENTATIVE, "c");
		this.assignments.assign(campaign.id(), "URY", me.id(), Level.PERMANENT_REPRESENTATIVE, "c");
		this.assignments.assign(campaign.id(), "BOL", someoneElse.id(), null, "c");
		this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("PRY", Stance.LEANING_YES, null, null)), List.of(), List.of(), null,
				"Leaning our way", null, null, null), username);
		this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), "URY", "Call back", LocalDate.now().minusDays(2),
				me.id(), null, FollowUp.Origin.MANUAL, null), "c");

		Assignments.MyStates mine = this.assignments.mine(campaign.id(), username);
		assertThat(mine.official().id()).isEqualTo(me.id());
		// the longest without a contact first: Uruguay, never contacted, before Paraguay
		assertThat(mine.states()).extracting(Assignments.MyState::iso3).containsExactly("URY", "PRY");
		Assignments.MyState paraguay = mine.states().get(1);
		assertThat(paraguay.roles()).containsExactly("Overall", "Permanent Representative");
		assertThat(paraguay.stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(paraguay.lastContact()).isNotNull();
		Assignments.MyState uruguay = mine.states().get(0);
		assertThat(uruguay.lastContact()).isNull();
		assertThat(uruguay.openFollowUps()).isEqualTo(1);
		assertThat(uruguay.overdueFollowUps()).isEqualTo(1);

		assertThat(this.assignments.mine(campaign.id(), this.accounts.user(Role.WHIP)).official()).isNull();
	}

	private Contact log(Campaign campaign, String iso3, Instant at, Person... ours) {
		List<Contact.Participant> participants = new ArrayList<>();
		for (Person person : ours) {
			participants.add(new Contact.Participant(person.id(), null, null, null));
		}
		return this.contacts
			.log(new Contacts.LogContact(campaign.id(), at, Channel.CALL,
					List.of(new Contacts.StateRead(iso3, null, null, null)), participants, List.of(), null,
					"A word on the draft", null, null, null), "whip")
			.contact();
	}

	private static WhipCount.BoardRow row(WhipCount.Board board, String iso3) {
		return board.rows().stream().filter((r) -> r.member().iso3().equals(iso3)).findFirst().orElseThrow();
	}

}
