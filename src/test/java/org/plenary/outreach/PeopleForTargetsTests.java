package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.forecast.TargetPeople;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targeting list's owner and caller of each state, decided for all of its states in
 * one pass: on a campaign seeded with every escalation rule, the answers are those the
 * ladder gave one state at a time before (the expected callers below were checked against
 * that code), and those it gives one state at a time now.
 */
@SpringBootTest
class PeopleForTargetsTests {

	@Autowired
	TargetPeople targetPeople;

	@Autowired
	Escalation escalation;

	@Autowired
	Contacts contacts;

	@Autowired
	Assignments assignments;

	@Autowired
	WhipCount whip;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Test
	void everyStatesCallerInOnePassIsTheOneTheLadderGivesItAlone() {
		String run = "T" + System.nanoTime();
		String organisation = this.accounts.organisation("Targets " + run);
		String whipUser = this.accounts.user(Role.WHIP, organisation);
		long id = this.campaigns
			.generalAssembly(DecisionRule.TWO_THIRDS, this.accounts.user(Role.COORDINATOR, organisation))
			.id();
		Person desk = this.outreach.person(organisation, "Desk " + run, Level.DESK_OFFICER);
		Person pr = this.outreach.person(organisation, "PR " + run, Level.PERMANENT_REPRESENTATIVE);
		Person assistant = this.outreach.person(organisation, "Assistant " + run, Level.ASSISTANT_SECRETARY);
		Person minister = this.outreach.person(organisation, "Minister " + run, Level.MINISTER);
		Acting.asUser(whipUser, () -> {
			// owned, never contacted: a first contact by its owner
			this.assignments.assign(id, "BRA", pr.id(), null, whipUser);
			this.assignments.assign(id, "BOL", desk.id(), null, whipUser);
			// slipped since our last contact: a level up
			log(id, "CHL", pr, 5, Stance.LEANING_YES, whipUser);
			this.whip.record(
					new WhipCount.RecordStance(id, "CHL", Stance.LEANING_NO, null, null, null, null, null, 1, null),
					whipUser);
			// two contacts at PR level, no movement: a level up
			log(id, "PER", pr, 10, Stance.UNDECIDED, whipUser);
			log(id, "PER", pr, 4, null, whipUser);
			// moving our way: consolidate with the desk officer
			log(id, "COL", desk, 10, Stance.UNDECIDED, whipUser);
			log(id, "COL", desk, 2, Stance.LEANING_YES, whipUser);
			// the minister's call ten days ago: time to recontact
			log(id, "MEX", minister, 10, null, whipUser);
			// firm at our ask, contacted lately, or dismissed: nothing
			log(id, "FRA", pr, 3, Stance.YES, whipUser);
			log(id, "ECU", pr, 2, null, whipUser);
			this.escalation.dismiss(id, "URY", this.escalation.suggestion(id, "URY").orElseThrow().basis(), whipUser);
			return null;
		});
		List<String> states = List.of("BRA", "BOL", "ARG", "CHL", "PER", "COL", "MEX", "FRA", "ECU", "URY");

		Map<String, TargetPeople.People> people = Acting.asUser(whipUser, () -> this.targetPeople.people(id, states));

		Map<String, String> callers = new LinkedHashMap<>();
		people.forEach((iso3, p) -> callers.put(iso3, p.caller() + " at " + p.level()));
		assertThat(callers).containsOnly(Map.entry("BRA", pr.name() + " at Permanent Representative"),
				Map.entry("BOL", desk.name() + " at Desk officer or expert"),
				Map.entry("ARG", pr.name() + " at Permanent Representative"),
				Map.entry("CHL", assistant.name() + " at Assistant secretary or political director"),
				Map.entry("PER", assistant.name() + " at Assistant secretary or political director"),
				Map.entry("COL", desk.name() + " at Desk officer or expert"),
				Map.entry("MEX", minister.name() + " at Minister"));
		assertThat(people.get("BRA").owner()).isNotNull();
		for (String iso3 : states) {
			Suggestion alone = asUser(whipUser, () -> this.escalation.suggestion(id, iso3)).orElse(null);
			assertThat((alone == null) ? null : alone.official().name() + " at " + alone.level().label()).as(iso3)
				.isEqualTo(callers.get(iso3));
		}
	}

	private static <T> T asUser(String username, Supplier<T> work) {
		return Acting.asUser(username, work);
	}

	private void log(long campaignId, String iso3, Person ours, int daysAgo, Stance read, String username) {
		this.contacts.log(new Contacts.LogContact(campaignId, Instant.now().minus(Duration.ofDays(daysAgo)),
				Channel.CALL, List.of(new Contacts.StateRead(iso3, read, null, null)),
				List.of(new Contact.Participant(ours.id(), null, null, null)), List.of(), null,
				"Talked about the draft", null, null, null)
			.visibleTo(org.plenary.campaigns.Visibility.COALITION, List.of(), false), username);
	}

}
