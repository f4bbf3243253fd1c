package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.plenary.campaigns.Briefing;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Draft;
import org.plenary.campaigns.DraftsAndBriefings;
import org.plenary.campaigns.Member;
import org.plenary.system.NotFoundException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A state's timeline in a campaign: its stance changes, contacts, the opposition's moves
 * concerning it, its co-sponsorship of each draft, its briefing invitations and its
 * follow-ups, in one chronological view, newest first. Days are UTC days, as everywhere
 * on the pages.
 */
@Service
public class Timeline {

	/** More contacts than one state gets in any campaign; the page must stay bounded. */
	private static final int MAX_CONTACTS = 1000;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final Contacts contacts;

	private final Counterparts counterparts;

	private final Opposition opposition;

	private final DraftsAndBriefings work;

	private final JdbcClient jdbc;

	Timeline(Campaigns campaigns, WhipCount whip, Contacts contacts, Counterparts counterparts, Opposition opposition,
			DraftsAndBriefings work, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.whip = whip;
		this.contacts = contacts;
		this.counterparts = counterparts;
		this.opposition = opposition;
		this.work = work;
		this.jdbc = jdbc;
	}

	/** The kinds of entry, in the order they are listed within the same moment. */
	public enum Kind {

		STANCE("Stance changes"), CONTACT("Contacts"), OPPOSITION("Opposition"), COSPONSORSHIP("Co-sponsorship"),
		BRIEFING("Briefings"), FOLLOW_UP("Follow-ups");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * One entry: {@code at} is its moment when known, else only its {@code day} is (a
	 * co-sponsorship, an opposition move, a briefing); a briefing not yet scheduled has
	 * neither. Exactly one of the details is set, the one its kind names.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(Kind kind, LocalDate day, Instant at, StanceEntry stance, Contact contact,
			OppositionActivity opposition, CosponsorshipEntry cosponsorship, BriefingEntry briefing,
			FollowUpEntry followUp) {
	}

	/**
	 * A change of the state's stance; {@code contactDeleted} when the contact it was read
	 * from has since been deleted (the change stays, as on the board).
	 */
	public record StanceEntry(StanceChange change, boolean contactDeleted) {
	}

	public record CosponsorshipEntry(long draftId, String symbol, Action action, LocalDate on) {

		public enum Action {

			JOINED, WITHDREW

		}

	}

	public record BriefingEntry(long briefingId, String title, LocalDate heldOn, Briefing.Status status,
			String addedBy) {
	}

	public record FollowUpEntry(FollowUp followUp, Event event) {

		public enum Event {

			OPENED, DONE, DISMISSED

		}

	}

	/** A day of the timeline ({@code day} null: entries with no date yet). */
	public record Day(LocalDate day, List<Entry> entries) {
	}

	/**
	 * The state's timeline, with what the page's header shows: its current stance, its
	 * overall owner (if assigned) and its counterparts in post.
	 */
	public record StateTimeline(Campaign campaign, String iso3, String name, CurrentStance stance, Person owner,
			List<Counterpart> counterparts, List<Entry> entries) {

		/** The entries grouped by day, newest first. */
		public List<Day> days() {
			Map<LocalDate, List<Entry>> days = new LinkedHashMap<>();
			for (Entry entry : this.entries) {
				days.computeIfAbsent(entry.day(), (d) -> new ArrayList<>()).add(entry);
			}
			return days.entrySet().stream().map((e) -> new Day(e.getKey(), e.getValue())).toList();
		}

	}

	/** The newest first; the undated (briefings not yet scheduled) on top. */
	static final Comparator<Entry> NEWEST_FIRST = Comparator
		.comparing(Entry::day, Comparator.nullsFirst(Comparator.<LocalDate>reverseOrder()))
		.thenComparing(Entry::at, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
		.thenComparing(Entry::kind);

	/**
	 * The timeline of a member of the campaign's body.
	 * @param kinds the kinds of entry to include (empty: all)
	 */
	public StateTimeline timeline(long campaignId, String iso3, Set<Kind> kinds) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		String code = (iso3 == null) ? "" : iso3.trim().toUpperCase(Locale.ROOT);
		Member member = this.campaigns.members(campaignId)
			.stream()
			.filter((m) -> m.iso3().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("'" + iso3 + "' is not a member of this campaign's body"));
		Set<Kind> wanted = (kinds == null || kinds.isEmpty()) ? Set.of(Kind.values()) : kinds;
		List<Entry> entries = new ArrayList<>();
		List<Contact> contacts = this.contacts.contacts(campaignId, Contacts.ContactFilter.ofState(code, MAX_CONTACTS));
		if (wanted.contains(Kind.STANCE)) {
			stances(campaignId, code, contacts, entries);
		}
		if (wanted.contains(Kind.CONTACT)) {
			for (Contact contact : contacts) {
				entries.add(new Entry(Kind.CONTACT, day(contact.occurredAt()), contact.occurredAt(), null, contact,
						null, null, null, null));
			}
		}
		if (wanted.contains(Kind.OPPOSITION)) {
			for (OppositionActivity activity : this.opposition.concerning(campaignId, code)) {
				entries.add(new Entry(Kind.OPPOSITION, activity.occurredOn(), null, null, null, activity, null, null,
						null));
			}
		}
		if (wanted.contains(Kind.COSPONSORSHIP)) {
			cosponsorship(campaignId, code, entries);
		}
		if (wanted.contains(Kind.BRIEFING)) {
			briefings(campaignId, code, entries);
		}
		if (wanted.contains(Kind.FOLLOW_UP)) {
			followUps(campaignId, code, entries);
		}
		entries.sort(NEWEST_FIRST);
		List<Counterpart> current = this.counterparts.of(code).stream().filter(Counterpart::current).toList();
		return new StateTimeline(campaign, code, member.name(), this.whip.stance(campaignId, code),
				owner(campaignId, code).orElse(null), current, entries);
	}

	private void stances(long campaignId, String iso3, List<Contact> contacts, List<Entry> entries) {
		Set<Long> kept = new HashSet<>(contacts.stream().map(Contact::id).toList());
		for (StanceChange change : this.whip.history(campaignId, iso3)) {
			// a contact the viewer does not see is neither named nor refused: the
			// board's history names only contacts the viewer sees (WhipCount)
			boolean deleted = change.contactId() != null && !kept.contains(change.contactId())
					&& this.contacts.deleted(campaignId, change.contactId());
			entries.add(new Entry(Kind.STANCE, day(change.recordedAt()), change.recordedAt(),
					new StanceEntry(change, deleted), null, null, null, null, null));
		}
	}

	private void cosponsorship(long campaignId, String iso3, List<Entry> entries) {
		for (Draft draft : this.work.drafts(campaignId)) {
			for (Draft.Cosponsor cosponsor : draft.cosponsors()) {
				if (!cosponsor.iso3().equals(iso3)) {
					continue;
				}
				entries.add(cosponsorship(draft, CosponsorshipEntry.Action.JOINED, cosponsor.joinedOn()));
				if (cosponsor.withdrewOn() != null) {
					entries.add(cosponsorship(draft, CosponsorshipEntry.Action.WITHDREW, cosponsor.withdrewOn()));
				}
			}
		}
	}

	private static Entry cosponsorship(Draft draft, CosponsorshipEntry.Action action, LocalDate on) {
		return new Entry(Kind.COSPONSORSHIP, on, null, null, null, null,
				new CosponsorshipEntry(draft.id(), draft.symbol(), action, on), null, null);
	}

	private void briefings(long campaignId, String iso3, List<Entry> entries) {
		for (Briefing briefing : this.work.briefings(campaignId)) {
			briefing.invitations()
				.stream()
				.filter((i) -> i.iso3().equals(iso3))
				.findFirst()
				.ifPresent((i) -> entries.add(new Entry(Kind.BRIEFING, briefing.heldOn(), null, null, null, null, null,
						new BriefingEntry(briefing.id(), briefing.title(), briefing.heldOn(), i.status(), i.addedBy()),
						null)));
		}
	}

	private void followUps(long campaignId, String iso3, List<Entry> entries) {
		// read here rather than through FollowUps, which another part of the module
		// extends
		List<FollowUp> followUps = this.jdbc.sql(FollowUps.SELECT + " where f.campaign_id = ? and f.iso3 = ?")
			.params(campaignId, iso3)
			.query(FollowUps::followUp)
			.list();
		for (FollowUp followUp : followUps) {
			entries.add(new Entry(Kind.FOLLOW_UP, day(followUp.createdAt()), followUp.createdAt(), null, null, null,
					null, null, new FollowUpEntry(followUp, FollowUpEntry.Event.OPENED)));
			if (followUp.closedAt() != null) {
				FollowUpEntry.Event event = (followUp.status() == FollowUp.Status.DISMISSED)
						? FollowUpEntry.Event.DISMISSED : FollowUpEntry.Event.DONE;
				entries.add(new Entry(Kind.FOLLOW_UP, day(followUp.closedAt()), followUp.closedAt(), null, null, null,
						null, null, new FollowUpEntry(followUp, event)));
			}
		}
	}

	/** The official who owns the state overall in this campaign, if any. */
	private Optional<Person> owner(long campaignId, String iso3) {
		return this.jdbc.sql("""
				select p.*, o.name as organisation from outreach_assignment_in_effect a
				join outreach_person p on p.id = a.person_id
				join accounts_organisation o on o.id = p.organisation_id
				where a.campaign_id = ? and a.iso3 = ? and a.level is null and a.assigned_until is null
				""").params(campaignId, iso3).query(People::person).optional();
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
