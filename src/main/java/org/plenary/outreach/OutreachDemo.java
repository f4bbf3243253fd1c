package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.plenary.accounts.Accounts;
import org.plenary.whip.Channel;
import org.plenary.whip.DemoCampaignLoaded;
import org.plenary.whip.Level;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outreach part of {@code ./plenary demo}: a demo organisation with four invented
 * officials, owners for three regional groups, a few contacts, counterparts, an
 * opposition letter and follow-ups, so that a newcomer sees every outreach page alive.
 * Every name says DEMO. The officials and counterparts are the demo organisation's roster
 * and directory, which no other organisation sees (unless it joins the demo
 * organisation).
 */
@Component
class OutreachDemo {

	static final String ORGANISATION = "DEMO mission";

	private final Accounts accounts;

	private final People people;

	private final Counterparts counterparts;

	private final Assignments assignments;

	private final Contacts contacts;

	private final Opposition opposition;

	private final FollowUps followUps;

	OutreachDemo(Accounts accounts, People people, Counterparts counterparts, Assignments assignments,
			Contacts contacts, Opposition opposition, FollowUps followUps) {
		this.accounts = accounts;
		this.people = people;
		this.counterparts = counterparts;
		this.assignments = assignments;
		this.contacts = contacts;
		this.opposition = opposition;
		this.followUps = followUps;
	}

	@EventListener
	void load(DemoCampaignLoaded demo) {
		long id = demo.campaignId();
		String user = demo.username();
		long organisation = this.accounts.findOrganisation(ORGANISATION)
			.orElseGet(() -> this.accounts.createOrganisation(ORGANISATION))
			.id();
		Person minister = official("DEMO Jane Roe", Level.MINISTER, "Minister for Foreign Affairs");
		Person pr = official("DEMO Lena Hoffmann", Level.PERMANENT_REPRESENTATIVE, "Permanent Representative");
		Person dpr = official("DEMO Amara Diallo", Level.DEPUTY_PERMANENT_REPRESENTATIVE, "Deputy PR");
		Person desk = official("DEMO Tom Keller", Level.DESK_OFFICER, "Desk officer, Asia");
		this.assignments.bulk(id, new Assignments.Bulk("AFRICAN", null, dpr.id(), null, false), user);
		this.assignments.bulk(id, new Assignments.Bulk("GRULAC", null, pr.id(), null, false), user);
		this.assignments.bulk(id, new Assignments.Bulk("ASIA_PACIFIC", null, desk.id(), null, false), user);
		this.assignments.bulk(id,
				new Assignments.Bulk(null, List.of("BRA", "NGA", "IDN", "IND"), minister.id(), Level.MINISTER, false),
				user);
		Counterpart brazil = counterpart(organisation, "BRA", "DEMO Ana Costa", Level.PERMANENT_REPRESENTATIVE);
		Counterpart kenya = counterpart(organisation, "KEN", "DEMO John Mwangi", Level.PERMANENT_REPRESENTATIVE);
		Instant now = Instant.now();
		contact(id, now.minus(6, ChronoUnit.DAYS), Channel.MEETING, "BRA", pr, brazil,
				"Brazil wants the humanitarian focus kept; will report to capital.", user);
		contact(id, now.minus(2, ChronoUnit.DAYS), Channel.MEETING, "BRA", pr, brazil,
				"No instructions yet from Brasília.", user);
		contact(id, now.minus(1, ChronoUnit.DAYS), Channel.MESSAGE, "KEN", dpr, kenya,
				"Leaning yes; asks for the revised text.", user);
		contact(id, now.minus(3, ChronoUnit.HOURS), Channel.CALL, "IDN", desk, null,
				"Cautious: worried about the operative paragraph on accountability.", user);
		this.opposition.record(new Opposition.RecordActivity(id, LocalDate.now().minusDays(2),
				OppositionActivity.Kind.LETTER, "DEMO: the other side's mission",
				"Letter to all PRs urging a No vote, calling the draft one-sided.", List.of("NGA", "IDN", "EGY")),
				user);
		this.followUps.open(new FollowUps.NewFollowUp(id, "KEN", "Send Kenya the revised text", LocalDate.now(),
				dpr.id(), null, FollowUp.Origin.MANUAL, null), user);
		this.followUps.open(new FollowUps.NewFollowUp(id, "BRA", "Ask Brasília for instructions",
				LocalDate.now().minusDays(1), minister.id(), Level.MINISTER, FollowUp.Origin.MANUAL, null), user);
	}

	private Person official(String name, Level level, String title) {
		return this.people.add(new People.PersonDetails(name, ORGANISATION, level, title, null, true));
	}

	private Counterpart counterpart(long organisation, String iso3, String name, Level level) {
		return this.counterparts.add(organisation, iso3, new Counterparts.CounterpartDetails(name,
				"Permanent Representative", level, null, null, null, "English", "Invented for the demo", null, null));
	}

	private void contact(long id, Instant at, Channel channel, String iso3, Person ours, Counterpart theirs,
			String said, String user) {
		this.contacts
			.log(new Contacts.LogContact(id, at, channel, List.of(new Contacts.StateRead(iso3, null, null, null)),
					List.of(new Contact.Participant(ours.id(), null, null, null)),
					(theirs == null) ? List.of() : List.of(new Contact.Participant(null, theirs.id(), null, null)),
					null, said, null, null, null), user);
	}

}
