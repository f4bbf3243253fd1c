package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
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

	private final Contacts contacts;

	private final People people;

	private final FollowUps followUps;

	Escalation(JdbcClient jdbc, TransactionTemplate transactions, Campaigns campaigns, WhipCount whip,
			Contacts contacts, People people, FollowUps followUps) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.whip = whip;
		this.contacts = contacts;
		this.people = people;
		this.followUps = followUps;
	}

	/** The suggestion for a state now, unless there is none or it was dismissed. */
	public Optional<Suggestion> suggestion(long campaignId, String iso3) {
		return suggestion(campaignId, iso3, Instant.now());
	}

	public Optional<Suggestion> suggestion(long campaignId, String iso3, Instant now) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		Member member = member(campaignId, iso3);
		if (campaign.status() == Campaign.Status.VOTED || campaign.status() == Campaign.Status.ARCHIVED) {
			return Optional.empty(); // the vote is over: nothing left to escalate
		}
		Optional<Suggestion> suggestion = EscalationRules.decide(facts(campaign, member, now));
		return suggestion.filter((s) -> !handled(campaignId, member.iso3()).contains(s.basis()));
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

	private Set<String> handled(long campaignId, String iso3) {
		return new HashSet<>(
				this.jdbc.sql("select basis from outreach_escalation_dismissal where campaign_id = ? and iso3 = ?")
					.params(campaignId, iso3)
					.query(String.class)
					.list());
	}

	private Member member(long campaignId, String iso3) {
		String code = FollowUps.normalise(iso3);
		return this.campaigns.members(campaignId)
			.stream()
			.filter((m) -> m.iso3().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(iso3 + " is not a member of this campaign's body"));
	}

	private EscalationRules.Facts facts(Campaign campaign, Member member, Instant now) {
		long campaignId = campaign.id();
		String iso3 = member.iso3();
		CurrentStance stance = this.whip.stance(campaignId, iso3);
		List<EscalationRules.Move> moves = this.whip.history(campaignId, iso3)
			.stream()
			.map((c) -> new EscalationRules.Move(c.version(), c.from(), c.to(), c.recordedAt(), c.contactId()))
			.toList();
		Map<Long, Person> officials = new HashMap<>();
		List<EscalationRules.PastContact> past = this.contacts
			.contacts(campaignId, Contacts.ContactFilter.ofState(iso3, 1000))
			.stream()
			.map((c) -> new EscalationRules.PastContact(c.id(), c.occurredAt(), c.channel(), c.ourLevel(),
					official(c, officials)))
			.toList();
		return new EscalationRules.Facts(iso3, member.name(), campaign.ask(), stance.stance(), stance.version(), past,
				moves, owner(campaignId, iso3), holders(campaignId, iso3), this.followUps.notContactedDays(campaignId),
				now);
	}

	/** Our most senior official named in a contact. */
	private Person official(Contact contact, Map<Long, Person> officials) {
		return contact.ours()
			.stream()
			.filter((p) -> p.personId() != null)
			.min(Comparator.comparing(Contact.Participant::level, Comparator.nullsLast(Comparator.naturalOrder())))
			.map((p) -> officials.computeIfAbsent(p.personId(), (id) -> this.people.find(id).orElse(null)))
			.orElse(null);
	}

	private Person owner(long campaignId, String iso3) {
		return this.jdbc.sql("select " + PERSON + """
				join outreach_assignment_in_effect a on a.person_id = p.id
				where a.campaign_id = ? and a.iso3 = ? and a.level is null and a.assigned_until is null
				""").params(campaignId, iso3).query(People::person).optional().orElse(null);
	}

	/**
	 * For each level, who holds the relationship with the state: its owner at that level
	 * in this campaign; else the active official at that level with the most contacts
	 * with the state (any campaign); else any active official at that level.
	 */
	private Map<Level, EscalationRules.Holder> holders(long campaignId, String iso3) {
		Map<Level, EscalationRules.Holder> holders = new EnumMap<>(Level.class);
		Long own = this.people.ownOrganisation();
		// only officials that may be picked in the campaign: one's own, those shared with
		// it
		this.jdbc
			.sql("select distinct on (p.level) " + PERSON + " where p.active"
					+ " and outreach_offered('roster', p.organisation_id, ?, cast(? as bigint))"
					+ " order by p.level, lower(p.name), p.id")
			.params(campaignId, own)
			.query(People::person)
			.list()
			.forEach((p) -> holders.put(p.level(),
					new EscalationRules.Holder(p, EscalationRules.Holder.Source.AT_LEVEL)));
		this.jdbc.sql("select distinct on (p.level) " + PERSON + """
				join outreach_participant pa on pa.person_id = p.id and pa.side = 'OURS'
				join outreach_contact c on c.id = pa.contact_id and c.deleted_at is null
				join outreach_contact_state cs on cs.contact_id = c.id and cs.iso3 = ?
				where p.active and outreach_offered('roster', p.organisation_id, ?, cast(? as bigint))
				group by p.id, o.name
				order by p.level, count(distinct c.id) desc, p.id
				""")
			.params(iso3, campaignId, own)
			.query(People::person)
			.list()
			.forEach((p) -> holders.put(p.level(),
					new EscalationRules.Holder(p, EscalationRules.Holder.Source.MOST_CONTACTS)));
		this.jdbc.sql("select a.level as assigned_level, " + PERSON + """
				join outreach_assignment_in_effect a on a.person_id = p.id
				where a.campaign_id = ? and a.iso3 = ? and a.level is not null and a.assigned_until is null and p.active
				""").params(campaignId, iso3).query((rs, row) -> {
			Person person = People.person(rs, row);
			holders.put(Level.valueOf(rs.getString("assigned_level")),
					new EscalationRules.Holder(person, EscalationRules.Holder.Source.ASSIGNED));
			return person;
		}).list();
		return holders;
	}

}
