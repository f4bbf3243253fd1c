package org.plenary.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.plenary.audit.AuditTrail;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.plenary.history.StateVote;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Counterpart;
import org.plenary.outreach.Counterparts;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.FollowUps;
import org.plenary.outreach.Opposition;
import org.plenary.outreach.OppositionActivity;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Stance;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

import org.springframework.stereotype.Service;

/**
 * What a call sheet says about each state: everything an official needs on one page
 * before a call, gathered for one state, for an official's own list or for a selection.
 * Each part is read once for the whole set (the board, the history, the contacts, the
 * forecast...), so 193 sheets cost a handful of queries, not 193 times as many. What is
 * printed is what the user may see: the same reads as the board, the contacts row-level
 * security lets through. Every call sheet taken is recorded in the audit trail.
 */
@Service
public class CallSheets {

	/** How many changes of stance, contacts and reference votes a sheet lists at most. */
	static final int MOVEMENTS = 5;

	static final int CONTACTS = 3;

	static final int REFERENCES = 6;

	/** A state's vote on a reference resolution. */
	public record ReferenceVote(String symbol, LocalDate date, String title, String vote) {
	}

	/**
	 * One state's call sheet.
	 *
	 * @param movements its latest changes of stance, newest first
	 * @param ask what to ask it, in words
	 * @param contacts its latest contacts, newest first
	 * @param forecast its forecast (null: no forecast yet)
	 */
	public record Sheet(WhipCount.BoardRow row, List<StanceChange> movements, String ask, List<Contact> contacts,
			List<Counterpart> counterparts, List<ReferenceVote> references, CampaignForecast.StateForecast forecast,
			List<TalkingPoints.TalkingPoint> talkingPoints, List<FollowUp> followUps,
			List<OppositionActivity> opposition) {

		public String name() {
			return this.row.member().name();
		}

		public String iso3() {
			return this.row.member().iso3();
		}

	}

	/**
	 * A set of call sheets: what it is for, when it was made and the sheets, one per
	 * state.
	 */
	public record CallSheetSet(Campaign campaign, String title, Instant at, List<Sheet> sheets) {
	}

	private final WhipCount whip;

	private final Campaigns campaigns;

	private final Contacts contacts;

	private final Counterparts counterparts;

	private final RollCalls rollCalls;

	private final CampaignForecasts forecasts;

	private final TalkingPoints talkingPoints;

	private final FollowUps followUps;

	private final Opposition opposition;

	private final Assignments assignments;

	private final AuditTrail audit;

	CallSheets(WhipCount whip, Campaigns campaigns, Contacts contacts, Counterparts counterparts, RollCalls rollCalls,
			CampaignForecasts forecasts, TalkingPoints talkingPoints, FollowUps followUps, Opposition opposition,
			Assignments assignments, AuditTrail audit) {
		this.whip = whip;
		this.campaigns = campaigns;
		this.contacts = contacts;
		this.counterparts = counterparts;
		this.rollCalls = rollCalls;
		this.forecasts = forecasts;
		this.talkingPoints = talkingPoints;
		this.followUps = followUps;
		this.opposition = opposition;
		this.assignments = assignments;
		this.audit = audit;
	}

	/**
	 * The call sheets of a selection: {@code mine} the states the user owns (those with a
	 * follow-up overdue or due today first, then the longest without a contact), else the
	 * states named (ISO codes, in the order given), else every member.
	 */
	public CallSheetSet sheets(long campaignId, boolean mine, List<String> states, String username) {
		WhipCount.Board board = this.whip.board(campaignId, null);
		Map<String, WhipCount.BoardRow> rows = new HashMap<>();
		board.rows().forEach((r) -> rows.put(r.member().iso3(), r));
		List<String> chosen;
		String title;
		if (mine) {
			chosen = myCalls(campaignId, username);
			title = "My calls, " + username;
		}
		else if (states != null && !states.isEmpty()) {
			chosen = named(states, rows);
			title = (chosen.size() == 1) ? rows.get(chosen.get(0)).member().name() : chosen.size() + " states";
		}
		else {
			chosen = board.rows().stream().map((r) -> r.member().iso3()).toList();
			title = "Every member";
		}
		CallSheetSet set = new CallSheetSet(board.campaign(), title, Instant.now(),
				build(board.campaign(), chosen, rows));
		this.audit.record("CALL_SHEET", "campaign " + campaignId, set.sheets().size() + " call sheets: "
				+ String.join(" ", chosen.stream().limit(20).toList()) + ((chosen.size() > 20) ? " ..." : ""));
		return set;
	}

	private List<String> myCalls(long campaignId, String username) {
		Assignments.MyStates mine = this.assignments.mine(campaignId, username);
		if (mine.official() == null) {
			throw new InvalidInputException("for",
					"Your account is not linked to an official of this campaign, so you own no states: "
							+ "choose the states instead");
		}
		return mine.states()
			.stream()
			.sorted(Comparator.comparing((Assignments.MyState s) -> s.overdueFollowUps() == 0)
				.thenComparing(Assignments.MyState::lastContact, Comparator.nullsFirst(Comparator.naturalOrder())))
			.map(Assignments.MyState::iso3)
			.toList();
	}

	private static List<String> named(List<String> states, Map<String, WhipCount.BoardRow> rows) {
		Set<String> chosen = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String given : states) {
			for (String part : given.split("[,\\s]+")) {
				if (part.isBlank()) {
					continue;
				}
				String code = part.trim().toUpperCase(Locale.ROOT);
				if (rows.containsKey(code)) {
					chosen.add(code);
				}
				else {
					unknown.add(part.trim());
				}
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("states",
					"Not members of this campaign's body: " + String.join(", ", unknown.stream().limit(10).toList()));
		}
		if (chosen.isEmpty()) {
			throw new InvalidInputException("states", "Choose at least one state");
		}
		return List.copyOf(chosen);
	}

	private List<Sheet> build(Campaign campaign, List<String> chosen, Map<String, WhipCount.BoardRow> rows) {
		long campaignId = campaign.id();
		Set<String> wanted = Set.copyOf(chosen);
		// a few states: each one's history; many: the campaign's history once
		Map<String, List<StanceChange>> movements = new HashMap<>();
		List<StanceChange> changes = new ArrayList<>();
		if (chosen.size() <= 10) {
			chosen.forEach((iso3) -> changes.addAll(this.whip.history(campaignId, iso3)));
		}
		else {
			changes.addAll(this.whip.changes(campaignId));
		}
		for (StanceChange change : changes) {
			if (wanted.contains(change.iso3())) {
				movements.computeIfAbsent(change.iso3(), (k) -> new ArrayList<>()).add(change);
			}
		}
		Map<String, List<Contact>> contactsByState = contactsByState(campaignId, chosen);
		Map<String, List<Counterpart>> counterpartsByState = this.counterparts.currentOf(chosen);
		List<RollCall> references = this.campaigns.references(campaignId)
			.stream()
			.map(this.rollCalls::rollCall)
			.sorted(Comparator.comparing(RollCall::date).reversed())
			.limit(REFERENCES)
			.toList();
		Map<Long, Map<String, String>> votes = new HashMap<>();
		for (RollCall reference : references) {
			Map<String, String> byState = new HashMap<>();
			this.rollCalls.votes(reference.id()).forEach((vote, states) -> {
				for (StateVote state : states) {
					byState.put(state.iso3(), vote.label());
				}
			});
			votes.put(reference.id(), byState);
		}
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		Map<String, CampaignForecast.StateForecast> forecastByState = new HashMap<>();
		forecast.states().forEach((s) -> forecastByState.put(s.iso3(), s));
		List<TalkingPoints.TalkingPoint> points = this.talkingPoints.all(campaignId);
		Map<String, Set<String>> groupings = points.stream().anyMatch((p) -> p.grouping() != null)
				? this.talkingPoints.groupingsByState() : Map.of();
		Map<String, List<FollowUp>> followUpsByState = new HashMap<>();
		for (FollowUp followUp : this.followUps.followUps(campaignId, FollowUps.FollowUpFilter.open())) {
			followUpsByState.computeIfAbsent(followUp.iso3(), (k) -> new ArrayList<>()).add(followUp);
		}
		Map<String, List<OppositionActivity>> oppositionByState = this.opposition.byState(campaignId);
		List<Sheet> sheets = new ArrayList<>(chosen.size());
		for (String iso3 : chosen) {
			WhipCount.BoardRow row = rows.get(iso3);
			List<StanceChange> moved = new ArrayList<>(movements.getOrDefault(iso3, List.of()));
			moved.sort(Comparator.comparing(StanceChange::recordedAt).reversed());
			List<ReferenceVote> referenceVotes = new ArrayList<>();
			for (RollCall reference : references) {
				referenceVotes.add(new ReferenceVote(reference.symbol(), reference.date(), reference.title(),
						votes.get(reference.id()).getOrDefault(iso3, "Not a member then")));
			}
			List<Contact> latest = contactsByState.getOrDefault(iso3, List.of())
				.stream()
				.sorted(Comparator.comparing(Contact::occurredAt).reversed())
				.limit(CONTACTS)
				.toList();
			sheets.add(new Sheet(row, List.copyOf(moved.subList(0, Math.min(MOVEMENTS, moved.size()))),
					ask(campaign, row, latest), latest, counterpartsByState.getOrDefault(iso3, List.of()),
					referenceVotes, forecastByState.get(iso3),
					TalkingPoints.forState(points, iso3, groupings.getOrDefault(iso3, Set.of())),
					followUpsByState.getOrDefault(iso3, List.of()),
					oppositionByState.getOrDefault(iso3, List.of()).stream().limit(3).toList()));
		}
		return sheets;
	}

	/** A few states: each one's contacts; many: the whole log once. */
	private Map<String, List<Contact>> contactsByState(long campaignId, List<String> chosen) {
		Map<String, List<Contact>> byState = new HashMap<>();
		List<Contact> found = new ArrayList<>();
		if (chosen.size() <= 10) {
			for (String iso3 : chosen) {
				found.addAll(this.contacts.contacts(campaignId, Contacts.ContactFilter.ofState(iso3, CONTACTS)));
			}
		}
		else {
			found.addAll(this.contacts.contacts(campaignId, Contacts.ContactFilter.all(100_000)));
		}
		for (Contact contact : found) {
			if (contact.isDeleted()) {
				continue;
			}
			for (Contact.ContactState state : contact.states()) {
				List<Contact> list = byState.computeIfAbsent(state.iso3(), (k) -> new ArrayList<>());
				if (!list.contains(contact)) {
					list.add(contact);
				}
			}
		}
		return byState;
	}

	/**
	 * What to ask, from where the state stands: hold a commitment that matches the ask,
	 * firm up a leaning one, otherwise ask for the vote; and to co-sponsor, for a state
	 * that votes with us and has not yet.
	 */
	static String ask(Campaign campaign, WhipCount.BoardRow row, List<Contact> latest) {
		Campaign.Ask ask = (campaign.ask() == null) ? Campaign.Ask.YES : campaign.ask();
		String vote = switch (ask) {
			case YES -> "vote Yes";
			case NO -> "vote No";
			case ABSTAIN -> "abstain";
		};
		String on = (campaign.draftSymbol() != null) ? " on " + campaign.draftSymbol() : "";
		Stance stance = row.stance().stance();
		Stance wanted = switch (ask) {
			case YES -> Stance.YES;
			case NO -> Stance.NO;
			case ABSTAIN -> Stance.ABSTAIN;
		};
		Stance leaning = switch (ask) {
			case YES -> Stance.LEANING_YES;
			case NO -> Stance.LEANING_NO;
			case ABSTAIN -> Stance.LEANING_ABSTAIN;
		};
		StringBuilder text = new StringBuilder();
		if (stance == wanted) {
			text.append("Hold the commitment to ").append(vote).append(on).append(": thank, confirm the instructions");
		}
		else if (stance == leaning) {
			text.append("Firm up: ask it to confirm it will ").append(vote).append(on);
		}
		else {
			text.append("Ask it to ").append(vote).append(on);
		}
		if (ask == Campaign.Ask.YES && stance.projection() == Stance.Projection.YES && !row.cosponsor()
				&& campaign.draftSymbol() != null) {
			text.append("; and to co-sponsor");
		}
		text.append('.');
		latest.stream()
			.map(Contact::asked)
			.filter((a) -> a != null && !a.isBlank())
			.findFirst()
			.ifPresent((a) -> text.append(" Last asked: ").append(a.strip()));
		return text.toString();
	}

}
