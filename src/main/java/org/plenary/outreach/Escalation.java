package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation suggestions: who should make the next contact with a state, and at what
 * level (the rules are in {@link EscalationRules}). A suggestion is accepted as a
 * follow-up or dismissed; either way it is not suggested again until its basis (the rule,
 * the level, the latest contact, the stance's version) changes.
 */
@Service
public class Escalation {

	private static final String PERSON = """
			p.*, o.name as organisation from outreach_person p join accounts_organisation o on o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final People people;

	private final FollowUps followUps;

	Escalation(JdbcClient jdbc, TransactionTemplate transactions, Campaigns campaigns, WhipCount whip, People people,
			FollowUps followUps) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.whip = whip;
		this.people = people;
		this.followUps = followUps;
	}

	/** The suggestion for a state now, unless there is none or it was dismissed. */
	public Optional<Suggestion> suggestion(long campaignId, String iso3) {
		return suggestion(campaignId, iso3, Instant.now());
	}

	public Optional<Suggestion> suggestion(long campaignId, String iso3, Instant now) {
		this.campaigns.campaign(campaignId);
		Member member = member(campaignId, iso3);
		return Optional.ofNullable(suggestions(campaignId, List.of(member.iso3()), now).get(member.iso3()));
	}

	/**
	 * The suggestions for several states at once (the targeting list's), each as
	 * {@link #suggestion} gives it: the facts of all of them gathered in one pass over
	 * the campaign's owners, contacts and officials, a dozen queries whatever their
	 * number. States outside the body, or without a suggestion, are missing.
	 */
	public Map<String, Suggestion> suggestions(long campaignId, Collection<String> iso3s) {
		return suggestions(campaignId, iso3s, Instant.now());
	}

	Map<String, Suggestion> suggestions(long campaignId, Collection<String> iso3s, Instant now) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		if (campaign.status() == Campaign.Status.VOTED || campaign.status() == Campaign.Status.ARCHIVED) {
			return Map.of(); // the vote is over: nothing left to escalate
		}
		Set<String> wanted = iso3s.stream().map(FollowUps::normalise).collect(Collectors.toSet());
		List<Member> members = this.campaigns.members(campaignId)
			.stream()
			.filter((m) -> wanted.contains(m.iso3()))
			.toList();
		if (members.isEmpty()) {
			return Map.of();
		}
		Gathered facts = gather(campaign, members.stream().map(Member::iso3).toList());
		Map<String, Suggestion> suggestions = new LinkedHashMap<>();
		for (Member member : members) {
			String iso3 = member.iso3();
			CurrentStance stance = facts.stances().getOrDefault(iso3, CurrentStance.unknown(iso3));
			EscalationRules
				.decide(new EscalationRules.Facts(iso3, member.name(), campaign.ask(), stance.stance(),
						stance.version(), facts.contacts().getOrDefault(iso3, List.of()),
						facts.moves().getOrDefault(iso3, List.of()), facts.owners().get(iso3), facts.holders(iso3),
						facts.calledBy().getOrDefault(iso3, Set.of()), facts.notContactedDays(), now))
				.filter((s) -> !facts.handled().getOrDefault(iso3, Set.of()).contains(s.basis()))
				.ifPresent((s) -> suggestions.put(iso3, s));
		}
		return suggestions;
	}

	/**
	 * Accepts the suggestion as a follow-up for the official it names, at its level, due
	 * in two days. {@code basis}, when given, is the suggestion the caller saw: if the
	 * suggestion changed since, nothing is opened.
	 */
	public FollowUp accept(long campaignId, String iso3, String basis, String username) {
		return accept(campaignId, iso3, basis, username, Instant.now());
	}

	FollowUp accept(long campaignId, String iso3, String basis, String username, Instant now) {
		return this.transactions.execute((status) -> {
			Suggestion suggestion = suggestion(campaignId, iso3, now).orElseThrow(() -> new ConflictException(
					"There is no escalation suggestion for " + iso3.toUpperCase(java.util.Locale.ROOT)
							+ " now (it may have been accepted or dismissed by someone else)"));
			if (basis != null && !basis.isBlank() && !basis.equals(suggestion.basis())) {
				throw new ConflictException("The suggestion changed since you read it", suggestion);
			}
			// a concurrent accept of the same suggestion waits here for the first, then
			// finds the basis handled and opens nothing
			if (record(campaignId, suggestion.iso3(), suggestion.basis(), username) == 0) {
				throw new ConflictException("This suggestion was just accepted or dismissed by someone else");
			}
			String stateName = member(campaignId, suggestion.iso3()).name();
			String title = stateName + ": " + EscalationRules.noun(suggestion.channel()) + " at "
					+ suggestion.level().label() + " level" + ((suggestion.official() == null)
							? " (find an official at that level)" : " by " + suggestion.official().name());
			return this.followUps.open(new FollowUps.NewFollowUp(campaignId, suggestion.iso3(), title,
					LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(2),
					(suggestion.official() == null) ? null : suggestion.official().id(), suggestion.level(),
					FollowUp.Origin.ESCALATION, null), username);
		});
	}

	/** Dismisses the suggestion with this basis: hidden until the situation changes. */
	public void dismiss(long campaignId, String iso3, String basis, String username) {
		if (basis == null || basis.isBlank() || basis.length() > 200) {
			throw new InvalidInputException("basis", "Say which suggestion to dismiss (its basis)");
		}
		this.campaigns.campaign(campaignId);
		Member member = member(campaignId, iso3);
		record(campaignId, member.iso3(), basis.trim(), username);
	}

	private int record(long campaignId, String iso3, String basis, String username) {
		return this.jdbc.sql("""
				insert into outreach_escalation_dismissal (campaign_id, iso3, basis, dismissed_by) values (?, ?, ?, ?)
				on conflict do nothing
				""").params(campaignId, iso3, basis, username).update();
	}

	private Member member(long campaignId, String iso3) {
		String code = FollowUps.normalise(iso3);
		return this.campaigns.members(campaignId)
			.stream()
			.filter((m) -> m.iso3().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(iso3 + " is not a member of this campaign's body"));
	}

	/** What the rules look at, for several states of a campaign. */
	private record Gathered(Map<String, CurrentStance> stances, Map<String, List<EscalationRules.Move>> moves,
			Map<String, List<EscalationRules.PastContact>> contacts, Map<String, Set<Long>> calledBy,
			Map<String, Person> owners, Map<Level, List<EscalationRules.Holder>> atLevel,
			Map<String, Map<Level, List<EscalationRules.Holder>>> byState, Map<String, Set<String>> handled,
			int notContactedDays) {

		/**
		 * For each level, who would make the contact with the state, best first: its
		 * owners at that level, those who had the most contacts with it there, then the
		 * officials at that level (ours before a partner's).
		 */
		Map<Level, List<EscalationRules.Holder>> holders(String iso3) {
			Map<Level, List<EscalationRules.Holder>> holders = new EnumMap<>(Level.class);
			this.byState.getOrDefault(iso3, Map.of())
				.forEach((level, list) -> holders.computeIfAbsent(level, (l) -> new ArrayList<>()).addAll(list));
			this.atLevel
				.forEach((level, list) -> holders.computeIfAbsent(level, (l) -> new ArrayList<>()).addAll(list));
			return holders;
		}

	}

	/**
	 * The facts of the states, in a fixed number of queries: the stances and their
	 * changes, the contacts with our participants, the officials they name, the owners,
	 * who holds each state at each level, the dismissed suggestions.
	 */
	private Gathered gather(Campaign campaign, List<String> iso3s) {
		long campaignId = campaign.id();
		Map<String, CurrentStance> stances = this.whip.stances(campaignId);
		Set<String> states = new HashSet<>(iso3s);
		Map<String, List<EscalationRules.Move>> moves = new HashMap<>();
		for (StanceChange c : this.whip.changes(campaignId)) {
			if (states.contains(c.iso3())) {
				moves.computeIfAbsent(c.iso3(), (k) -> new ArrayList<>())
					.add(new EscalationRules.Move(c.version(), c.from(), c.to(), c.recordedAt(), c.contactId()));
			}
		}
		// the campaign's contacts with the states, and our side of each (deleted ones
		// left out; what the acting organisation may not see, the database leaves out)
		record Made(long id, Instant at, Channel channel) {
		}
		Map<Long, Made> made = new HashMap<>();
		Map<String, List<Long>> contactsOf = new HashMap<>();
		this.jdbc.sql("""
				select c.id, c.occurred_at, c.channel, cs.iso3 from outreach_contact c
				join outreach_contact_state cs on cs.contact_id = c.id
				where c.campaign_id = :campaign and c.deleted_at is null and cs.iso3 in (:states)
				""").param("campaign", campaignId).param("states", iso3s).query((rs) -> {
			long id = rs.getLong(1);
			made.putIfAbsent(id, new Made(id, rs.getTimestamp(2).toInstant(), Channel.valueOf(rs.getString(3))));
			contactsOf.computeIfAbsent(rs.getString(4), (k) -> new ArrayList<>()).add(id);
		});
		Map<Long, List<Contact.Participant>> ours = new HashMap<>();
		if (!made.isEmpty()) {
			this.jdbc.sql("""
					select contact_id, person_id, level from outreach_participant
					where side = 'OURS' and contact_id in (:ids) order by contact_id, position
					""").param("ids", made.keySet()).query((rs) -> {
				ours.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new Contact.Participant((Long) rs.getObject(2), null, null,
							(rs.getString(3) == null) ? null : Level.valueOf(rs.getString(3))));
			});
		}
		Set<Long> named = new HashSet<>();
		ours.values().forEach((list) -> list.forEach((p) -> {
			if (p.personId() != null) {
				named.add(p.personId());
			}
		}));
		Map<Long, Person> officials = new HashMap<>();
		if (!named.isEmpty()) {
			this.jdbc.sql("select " + PERSON + " where p.id in (:ids)")
				.param("ids", named)
				.query(People::person)
				.list()
				.forEach((p) -> officials.put(p.id(), p));
		}
		Map<String, List<EscalationRules.PastContact>> contacts = new HashMap<>();
		Map<String, Set<Long>> calledBy = new HashMap<>();
		contactsOf.forEach((iso3, ids) -> {
			for (long id : ids) {
				Made contact = made.get(id);
				List<Contact.Participant> side = ours.getOrDefault(id, List.of());
				Level level = side.stream()
					.map(Contact.Participant::level)
					.filter(java.util.Objects::nonNull)
					.min(Enum::compareTo)
					.orElse(null);
				// our most senior official named in the contact
				Person official = side.stream()
					.filter((p) -> p.personId() != null)
					.min(Comparator.comparing(Contact.Participant::level,
							Comparator.nullsLast(Comparator.naturalOrder())))
					.map((p) -> officials.get(p.personId()))
					.orElse(null);
				contacts.computeIfAbsent(iso3, (k) -> new ArrayList<>())
					.add(new EscalationRules.PastContact(id, contact.at(), contact.channel(), level, official));
				side.stream()
					.filter((p) -> p.personId() != null)
					.forEach((p) -> calledBy.computeIfAbsent(iso3, (k) -> new HashSet<>()).add(p.personId()));
			}
		});
		Map<String, Person> owners = new HashMap<>();
		this.jdbc.sql("select a.iso3 as owned_iso3, " + PERSON + """
				join outreach_assignment_in_effect a on a.person_id = p.id
				where a.campaign_id = :campaign and a.iso3 in (:states) and a.level is null and a.assigned_until is null
				""").param("campaign", campaignId).param("states", iso3s).query((rs) -> {
			owners.put(rs.getString("owned_iso3"), People.person(rs, 0));
		});
		Long own = this.people.ownOrganisation();
		Map<String, Map<Level, List<EscalationRules.Holder>>> byState = new HashMap<>();
		// owners at a level in this campaign first
		this.jdbc.sql("select a.iso3 as owned_iso3, a.level as assigned_level, " + PERSON + """
				join outreach_assignment_in_effect a on a.person_id = p.id
				where a.campaign_id = :campaign and a.iso3 in (:states) and a.level is not null
				  and a.assigned_until is null and p.active
				order by p.id
				""").param("campaign", campaignId).param("states", iso3s).query((rs) -> {
			Person person = People.person(rs, 0);
			holders(byState, rs.getString("owned_iso3"), Level.valueOf(rs.getString("assigned_level")))
				.add(new EscalationRules.Holder(person, EscalationRules.Holder.Source.ASSIGNED, partner(person, own)));
		});
		// then those with the most contacts with the state (any campaign), ours first;
		// only officials that may be picked in the campaign: one's own, those shared
		// with it
		this.jdbc.sql("select cs.iso3 as contacted_iso3, " + PERSON + """
				join outreach_participant pa on pa.person_id = p.id and pa.side = 'OURS'
				join outreach_contact c on c.id = pa.contact_id and c.deleted_at is null
				join outreach_contact_state cs on cs.contact_id = c.id and cs.iso3 in (:states)
				where p.active and outreach_offered('roster', p.organisation_id, :campaign, cast(:own as bigint))
				group by cs.iso3, p.id, o.name
				order by cs.iso3, p.level, (p.organisation_id = :own) desc nulls last, count(distinct c.id) desc, p.id
				""").param("states", iso3s).param("campaign", campaignId).param("own", own).query((rs) -> {
			Person person = People.person(rs, 0);
			holders(byState, rs.getString("contacted_iso3"), person.level()).add(new EscalationRules.Holder(person,
					EscalationRules.Holder.Source.MOST_CONTACTS, partner(person, own)));
		});
		// then anyone at the level, ours first
		Map<Level, List<EscalationRules.Holder>> atLevel = new EnumMap<>(Level.class);
		this.jdbc.sql("select " + PERSON + """
				where p.active and outreach_offered('roster', p.organisation_id, :campaign, cast(:own as bigint))
				order by p.level, (p.organisation_id = :own) desc nulls last, lower(p.name), p.id
				""").param("campaign", campaignId).param("own", own).query(People::person).list().forEach((p) -> {
			atLevel.computeIfAbsent(p.level(), (l) -> new ArrayList<>())
				.add(new EscalationRules.Holder(p, EscalationRules.Holder.Source.AT_LEVEL, partner(p, own)));
		});
		Map<String, Set<String>> handled = new HashMap<>();
		this.jdbc
			.sql("""
					select iso3, basis from outreach_escalation_dismissal where campaign_id = :campaign and iso3 in (:states)
					""")
			.param("campaign", campaignId)
			.param("states", iso3s)
			.query((rs) -> {
				handled.computeIfAbsent(rs.getString(1), (k) -> new HashSet<>()).add(rs.getString(2));
			});
		return new Gathered(stances, moves, contacts, calledBy, owners, atLevel, byState, handled,
				this.followUps.notContactedDays(campaignId));
	}

	private static List<EscalationRules.Holder> holders(Map<String, Map<Level, List<EscalationRules.Holder>>> byState,
			String iso3, Level level) {
		return byState.computeIfAbsent(iso3, (k) -> new EnumMap<>(Level.class))
			.computeIfAbsent(level, (l) -> new ArrayList<>());
	}

	/** Whether an official is a partner's, shared with the campaign. */
	private static boolean partner(Person person, Long own) {
		return own != null && person.organisationId() != own;
	}

}
