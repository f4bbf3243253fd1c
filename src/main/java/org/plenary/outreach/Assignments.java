package org.plenary.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.states.MemberStates;
import org.plenary.states.Membership;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Ago;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.PrivateRead;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who owns each state in a campaign: an overall owner, and optionally an owner at each
 * level (the minister who calls the minister, the PR who sees the PR). A state without an
 * overall owner is unassigned, whatever level owners it has: someone must answer for the
 * whole relationship. A hand-over ends the current assignment and starts the next in one
 * transaction, so who owned a state, from when, and who moved it stay on record.
 * <p>
 * Writes to one state are serialised by locking the state's membership row of the
 * campaign; the unique index on current assignments is the backstop, and a violation of
 * it is answered as a conflict.
 */
@Service
public class Assignments {

	private static final int MAX_STATES = 300;

	// an official another organisation keeps to itself is shown as that organisation
	private static final String SELECT = """
			select a.*, s.short_name, coalesce(p.name, o.name) as person_name, o.name as organisation
			from outreach_assignment a
			join states_state s on s.iso3 = a.iso3
			left join outreach_person p on p.id = a.person_id
			join accounts_organisation o on o.id = outreach_person_organisation(a.person_id)
			""";

	// the assignments in effect: a vote of a chain with none of its own shows its head's
	private static final String IN_EFFECT = SELECT.replace("from outreach_assignment a",
			"from outreach_assignment_in_effect a");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Campaigns campaigns;

	private final MemberStates states;

	private final People people;

	private final WhipCount whip;

	private final Contacts contacts;

	Assignments(JdbcClient jdbc, TransactionTemplate transactions, Campaigns campaigns, MemberStates states,
			People people, WhipCount whip, Contacts contacts) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.states = states;
		this.people = people;
		this.whip = whip;
		this.contacts = contacts;
	}

	/**
	 * A member of the campaign's body with its current owners.
	 *
	 * @param owner the overall owner (null: unassigned)
	 * @param byLevel the owners at each level, most senior first
	 */
	public record StateAssignments(Member member, Assignment owner, List<Assignment> byLevel) {

		public boolean unassigned() {
			return this.owner == null;
		}

		/** The overall owner (if any) and then the level owners. */
		public List<Assignment> all() {
			List<Assignment> all = new ArrayList<>();
			if (this.owner != null) {
				all.add(this.owner);
			}
			all.addAll(this.byLevel);
			return all;
		}

	}

	/** The current assignments of a campaign and the members without an overall owner. */
	public record Overview(List<Assignment> assignments, List<String> unassigned) {
	}

	/**
	 * States to assign to one official: the members of a regional group or bloc (today)
	 * that sit in the campaign's body, or a list of ISO3 codes.
	 *
	 * @param level null: the overall owner
	 * @param onlyUnassigned leave states that already have an owner (at this level) alone
	 */
	public record Bulk(String grouping, List<String> states, Long personId, Level level, boolean onlyUnassigned) {
	}

	/**
	 * @param assigned the states now assigned to the official by this call
	 * @param skipped the states left as they were: owned by someone else (only unassigned
	 * ones were asked for) or already the official's
	 */
	public record BulkResult(List<String> assigned, List<String> skipped) {
	}

	/** "Overall" (or blank) is the overall owner; otherwise a level's code. */
	public static Level level(String text) {
		if (text == null || text.isBlank() || "OVERALL".equalsIgnoreCase(text.trim())) {
			return null;
		}
		try {
			return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("level", "Unknown level '" + text + "'; use one of "
					+ Arrays.stream(Level.values()).map(Level::name).collect(Collectors.joining(", ")));
		}
	}

	// ---- reads

	/** Every current assignment of a campaign, by state name then seniority. */
	public List<Assignment> current(long campaignId) {
		this.campaigns.campaign(campaignId);
		return sorted(this.jdbc.sql(IN_EFFECT + " where a.campaign_id = ? and a.assigned_until is null")
			.param(campaignId)
			.query(Assignments::assignment)
			.list());
	}

	public Overview overview(long campaignId) {
		List<Assignment> current = current(campaignId);
		return new Overview(current, unassigned(campaignId).stream().map(Member::iso3).toList());
	}

	/** Each member of the campaign's body with its owners, in the order of the board. */
	public List<StateAssignments> byState(long campaignId) {
		List<Assignment> current = current(campaignId);
		Map<String, List<Assignment>> byState = new HashMap<>();
		for (Assignment assignment : current) {
			byState.computeIfAbsent(assignment.iso3(), (k) -> new ArrayList<>()).add(assignment);
		}
		List<StateAssignments> rows = new ArrayList<>();
		for (Member member : this.campaigns.members(campaignId)) {
			rows.add(of(member, byState.getOrDefault(member.iso3(), List.of())));
		}
		return rows;
	}

	/** One member and its owners. */
	public StateAssignments ofState(long campaignId, String iso3) {
		String code = code(iso3);
		Member member = this.campaigns.members(campaignId)
			.stream()
			.filter((m) -> m.iso3().equals(code))
			.findFirst()
			.orElseThrow(() -> notAMember(iso3));
		return of(member,
				sorted(this.jdbc.sql(IN_EFFECT + " where a.campaign_id = ? and a.iso3 = ? and a.assigned_until is null")
					.params(campaignId, code)
					.query(Assignments::assignment)
					.list()));
	}

	private static StateAssignments of(Member member, List<Assignment> assignments) {
		Assignment owner = assignments.stream().filter((a) -> a.level() == null).findFirst().orElse(null);
		return new StateAssignments(member, owner, assignments.stream().filter((a) -> a.level() != null).toList());
	}

	/** The members of the campaign's body without an overall owner. */
	public List<Member> unassigned(long campaignId) {
		Set<String> owned = new java.util.HashSet<>(this.jdbc
			.sql("""
					select iso3 from outreach_assignment_in_effect where campaign_id = ? and level is null and assigned_until is null
					""")
			.param(campaignId)
			.query(String.class)
			.list());
		return this.campaigns.members(campaignId).stream().filter((m) -> !owned.contains(m.iso3())).toList();
	}

	/** Every assignment one state ever had in the campaign, the latest first. */
	public List<Assignment> history(long campaignId, String iso3) {
		this.campaigns.campaign(campaignId);
		String code = code(iso3);
		if (!isMember(campaignId, code)) {
			throw notAMember(iso3);
		}
		return this.jdbc
			.sql(IN_EFFECT + " where a.campaign_id = ? and a.iso3 = ? order by a.assigned_from desc, a.id desc")
			.params(campaignId, code)
			.query(Assignments::assignment)
			.list();
	}

	// ---- writes

	/**
	 * Makes an official the owner of a state (overall, or at a level). Assigning the
	 * current owner again changes nothing; another owner is a hand-over.
	 */
	public Assignment assign(long campaignId, String iso3, long personId, Level level, String username) {
		this.campaigns.campaign(campaignId);
		String code = code(iso3);
		// one's own official, or one shared with the campaign (People.offered)
		activePerson(campaignId, personId);
		try {
			return this.transactions.execute((status) -> {
				if (lock(campaignId, List.of(code)).isEmpty()) {
					throw notAMember(iso3);
				}
				return assignment(write(campaignId, code, personId, level, username, false).id());
			});
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(code + " was assigned by someone else at the same moment; reload and retry",
					currentAt(campaignId, code, level).orElse(null));
		}
	}

	/**
	 * Ends the current assignment of a state at a level (null: overall), if there is one.
	 * @return the ended assignment
	 */
	public Optional<Assignment> unassign(long campaignId, String iso3, Level level, String username) {
		this.campaigns.campaign(campaignId);
		String code = code(iso3);
		return this.transactions.execute((status) -> {
			if (lock(campaignId, List.of(code)).isEmpty()) {
				throw notAMember(iso3);
			}
			heldByAnother(campaignId, code, level).ifPresent((holder) -> {
				throw new ForbiddenException(code + " is assigned to an official of " + holder
						+ ": only that organisation or the campaign's owner ends it");
			});
			return this.jdbc.sql("""
					update outreach_assignment set assigned_until = now(), ended_by = ?
					where campaign_id = ? and iso3 = ? and coalesce(level, '') = coalesce(cast(? as text), '')
					  and assigned_until is null
					returning id
					""").params(username, campaignId, code, name(level)).query(Long.class).optional().map((id) -> {
				if (level == null) {
					this.whip.refreshRow(campaignId, code);
				}
				return assignment(id);
			});
		});
	}

	/** Assigns many states to one official: all of them, or none when one is refused. */
	public BulkResult bulk(long campaignId, Bulk command, String username) {
		this.campaigns.campaign(campaignId);
		if (command.personId() == null) {
			throw new InvalidInputException("personId", "Say which official gets the states");
		}
		activePerson(campaignId, command.personId());
		Set<String> targets = targets(campaignId, command);
		try {
			return this.transactions.execute((status) -> {
				lock(campaignId, targets);
				List<String> assigned = new ArrayList<>();
				List<String> skipped = new ArrayList<>();
				for (String code : targets) {
					Written written = write(campaignId, code, command.personId(), command.level(), username,
							command.onlyUnassigned());
					(written.changed() ? assigned : skipped).add(code);
				}
				return new BulkResult(assigned, skipped);
			});
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Some of these states were assigned by someone else at the same moment; "
					+ "nothing was changed: reload and retry");
		}
	}

	private Set<String> targets(long campaignId, Bulk command) {
		boolean byGrouping = command.grouping() != null && !command.grouping().isBlank();
		boolean byList = command.states() != null && !command.states().isEmpty();
		if (byGrouping == byList) {
			throw new InvalidInputException("grouping",
					"Give either a regional group or bloc, or a list of states (ISO3 codes)");
		}
		Set<String> members = this.campaigns.members(campaignId).stream().map(Member::iso3).collect(Collectors.toSet());
		Set<String> targets = new TreeSet<>();
		if (byGrouping) {
			String grouping = command.grouping().trim();
			this.states.findGrouping(grouping)
				.orElseThrow(() -> new InvalidInputException("grouping", "No group or bloc '" + grouping + "'"));
			for (Membership membership : this.states.membersOf(grouping, LocalDate.now())) {
				if (members.contains(membership.iso3())) {
					targets.add(membership.iso3());
				}
			}
			if (targets.isEmpty()) {
				throw new InvalidInputException("grouping",
						"No member of " + grouping.toUpperCase(Locale.ROOT) + " sits in this campaign's body");
			}
			return targets;
		}
		if (command.states().size() > MAX_STATES) {
			throw new InvalidInputException("states", "At most " + MAX_STATES + " states at once");
		}
		for (String iso3 : command.states()) {
			String code = (iso3 == null) ? "" : iso3.trim().toUpperCase(Locale.ROOT);
			if (!members.contains(code)) {
				throw new InvalidInputException("states", "'" + iso3 + "' is not a member of this campaign's body");
			}
			targets.add(code);
		}
		return targets;
	}

	private record Written(long id, boolean changed) {
	}

	/** One state's assignment, its membership row already locked. */
	private Written write(long campaignId, String code, long personId, Level level, String username,
			boolean onlyUnassigned) {
		Optional<String> holder = heldByAnother(campaignId, code, level);
		if (holder.isPresent()) {
			if (onlyUnassigned) {
				return new Written(-1, false);
			}
			throw new ForbiddenException(code + " is assigned to an official of " + holder.get()
					+ ": ask the campaign's owner to hand it over");
		}
		Optional<long[]> current = this.jdbc.sql("""
				select id, person_id from outreach_assignment
				where campaign_id = ? and iso3 = ? and coalesce(level, '') = coalesce(cast(? as text), '')
				  and assigned_until is null
				for update
				""")
			.params(campaignId, code, name(level))
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
		if (current.isPresent() && (onlyUnassigned || current.get()[1] == personId)) {
			return new Written(current.get()[0], false);
		}
		current.ifPresent((row) -> this.jdbc
			.sql("update outreach_assignment set assigned_until = now(), ended_by = ? where id = ?")
			.params(username, row[0])
			.update());
		long id = this.jdbc.sql("""
				insert into outreach_assignment (campaign_id, iso3, level, person_id, assigned_by)
				values (?, ?, ?, ?, ?) returning id
				""").params(campaignId, code, name(level), personId, username).query(Long.class).single();
		if (level == null) {
			// the board shows the overall owner
			this.whip.refreshRow(campaignId, code);
		}
		return new Written(id, true);
	}

	/**
	 * Locks the membership rows of these states in the campaign, in one order (no
	 * deadlock between two bulk assignments); returns the codes that are members.
	 */
	private List<String> lock(long campaignId, java.util.Collection<String> codes) {
		// an advisory lock per state, not a row lock on the membership: a partner may not
		// write (so not lock) the campaign's members, which are the owner's (V28)
		List<String> members = this.jdbc.sql("""
				select iso3 from campaigns_member where campaign_id = ? and iso3 = any(?) order by iso3
				""").params(campaignId, codes.toArray(String[]::new)).query(String.class).list();
		for (String code : members) {
			this.jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?, 0))) l")
				.param("outreach_assignment:" + campaignId + ":" + code)
				.query(Long.class)
				.single();
		}
		return members;
	}

	/**
	 * The organisation of the official holding the state at this level, when the acting
	 * organisation may not end that assignment: it is another's and the campaign is not
	 * the acting organisation's.
	 */
	private Optional<String> heldByAnother(long campaignId, String code, Level level) {
		return this.jdbc.sql("""
				select coalesce(o.name, 'another organisation') from outreach_assignment a
				left join accounts_organisation o on o.id = plenary_person_organisation(a.person_id)
				where a.campaign_id = ? and a.iso3 = ? and coalesce(a.level, '') = coalesce(cast(? as text), '')
				  and a.assigned_until is null and not plenary_owns_campaign(a.campaign_id)
				  and plenary_person_organisation(a.person_id) is distinct from plenary_organisation()
				""").params(campaignId, code, name(level)).query(String.class).optional();
	}

	/** An official that may be picked in the campaign: one's own, or shared with it. */
	private Person activePerson(long campaignId, long personId) {
		Person person = this.people.offered(campaignId, personId, "personId");
		if (!person.active()) {
			throw new InvalidInputException("personId",
					person.name() + " is no longer active: choose an active official");
		}
		return person;
	}

	private boolean isMember(long campaignId, String code) {
		return this.jdbc.sql("select count(*) from campaigns_member where campaign_id = ? and iso3 = ?")
			.params(campaignId, code)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<Assignment> currentAt(long campaignId, String code, Level level) {
		return this.jdbc.sql(SELECT + """
				 where a.campaign_id = ? and a.iso3 = ? and coalesce(a.level, '') = coalesce(cast(? as text), '')
				   and a.assigned_until is null
				""").params(campaignId, code, name(level)).query(Assignments::assignment).optional();
	}

	private Assignment assignment(long id) {
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query(Assignments::assignment).single();
	}

	// ---- workload

	/**
	 * One official's load in a campaign.
	 *
	 * @param states the states they own, at any level
	 * @param overall the states they own overall
	 * @param contactsLastWeek contacts of the last 7 days they took part in
	 * @param openFollowUps their open follow-ups, of which {@code overdue} are past due
	 */
	public record OfficialLoad(long personId, String name, String organisation, Level level, boolean active, int states,
			int overall, int contactsLastWeek, int contacts, int openFollowUps, int overdue) {
	}

	/**
	 * An organisation's load: a state or a contact counts once however many took part.
	 */
	public record OrganisationLoad(String organisation, int officials, int states, int contactsLastWeek, int contacts,
			int openFollowUps, int overdue) {
	}

	/**
	 * @param unassigned members without an overall owner
	 */
	public record Workload(List<OfficialLoad> officials, List<OrganisationLoad> organisations, int unassigned) {
	}

	// %1$s: the key of a row, applied to an official's id: the id itself, or the
	// official's organisation (outreach_person_organisation, which also counts the work
	// of
	// officials the actor may not see under their organisation)
	private static final String LOAD = """
			with owned as (
			  select %1$s(a.person_id) as key, count(distinct a.iso3) as states,
			    count(distinct a.iso3) filter (where a.level is null) as overall
			  from outreach_assignment_in_effect a
			  where a.campaign_id = :campaign and a.assigned_until is null group by 1),
			took_part as (
			  select %1$s(pa.person_id) as key, count(distinct c.id) as contacts,
			    count(distinct c.id) filter (where c.occurred_at >= now() - interval '7 days') as recent
			  from outreach_participant pa
			  join outreach_contact c on c.id = pa.contact_id
			  where c.campaign_id = :campaign and c.deleted_at is null and pa.side = 'OURS' and pa.person_id is not null
			  group by 1),
			follow as (
			  select %1$s(f.owner_id) as key, count(*) as open, count(*) filter (where %2$s) as overdue
			  from outreach_follow_up f
			  where f.campaign_id = :campaign and f.status = 'OPEN' and f.owner_id is not null group by 1)
			""";

	/**
	 * Every active official (and any inactive one still holding work), and every
	 * organisation, with what they carry in the campaign: the busiest first.
	 */
	public Workload workload(long campaignId) {
		this.campaigns.campaign(campaignId);
		Long own = this.people.ownOrganisation();
		// the officials that may be picked in the campaign (one's own, those shared with
		// it), and any other the actor reads that holds work in it
		List<OfficialLoad> officials = this.jdbc.sql(LOAD.formatted("", FollowUps.OVERDUE_SQL) + """
				select p.id, p.name, o.name as organisation, p.level, p.active,
				  coalesce(ow.states, 0) as states, coalesce(ow.overall, 0) as overall,
				  coalesce(t.recent, 0) as recent, coalesce(t.contacts, 0) as contacts,
				  coalesce(f.open, 0) as open, coalesce(f.overdue, 0) as overdue
				from outreach_person p join accounts_organisation o on o.id = p.organisation_id
				left join owned ow on ow.key = p.id left join took_part t on t.key = p.id
				left join follow f on f.key = p.id
				where (p.active and outreach_offered('roster', p.organisation_id, :campaign, cast(:own as bigint)))
				   or ow.key is not null or t.key is not null or f.key is not null
				order by coalesce(ow.states, 0) desc, coalesce(t.contacts, 0) desc, lower(p.name), p.id
				""")
			.param("campaign", campaignId)
			.param("own", own)
			.query((rs, row) -> new OfficialLoad(rs.getLong("id"), rs.getString("name"), rs.getString("organisation"),
					Level.valueOf(rs.getString("level")), rs.getBoolean("active"), rs.getInt("states"),
					rs.getInt("overall"), rs.getInt("recent"), rs.getInt("contacts"), rs.getInt("open"),
					rs.getInt("overdue")))
			.list();
		List<OrganisationLoad> organisations = this.jdbc
			.sql(LOAD.formatted("outreach_person_organisation", FollowUps.OVERDUE_SQL)
					+ """
							, staff as (select organisation_id as key, count(*) as officials from outreach_person
							  where active and outreach_offered('roster', organisation_id, :campaign, cast(:own as bigint)) group by 1)
							select o.name, coalesce(s.officials, 0) as officials, coalesce(ow.states, 0) as states,
							  coalesce(t.recent, 0) as recent, coalesce(t.contacts, 0) as contacts,
							  coalesce(f.open, 0) as open, coalesce(f.overdue, 0) as overdue
							from accounts_organisation o
							left join staff s on s.key = o.id left join owned ow on ow.key = o.id
							left join took_part t on t.key = o.id left join follow f on f.key = o.id
							where s.key is not null or ow.key is not null or t.key is not null or f.key is not null
							order by coalesce(ow.states, 0) desc, coalesce(t.contacts, 0) desc, lower(o.name)
							""")
			.param("campaign", campaignId)
			.param("own", own)
			.query((rs, row) -> new OrganisationLoad(rs.getString("name"), rs.getInt("officials"), rs.getInt("states"),
					rs.getInt("recent"), rs.getInt("contacts"), rs.getInt("open"), rs.getInt("overdue")))
			.list();
		return new Workload(officials, organisations, unassigned(campaignId).size());
	}

	// ---- my states

	/**
	 * A state the signed-in official owns.
	 *
	 * @param roles "Overall" and/or the levels at which they own it, most senior first
	 * @param stance the read on the coalition's board
	 * @param privateRead the read the user's organisation keeps to itself, not yet on the
	 * board (null: none)
	 */
	public record MyState(String iso3, String name, List<String> roles, Stance stance, Stance privateRead,
			Instant lastContact, int openFollowUps, int overdueFollowUps) {

		public String lastContactAgo() {
			return Ago.text(this.lastContact);
		}

	}

	/**
	 * @param official the official the user is (null: the user is not linked to one)
	 */
	public record MyStates(Person official, List<MyState> states) {
	}

	/**
	 * The states a signed-in user owns in a campaign, through the official they are: the
	 * longest without a contact first (never contacted before all), then by name.
	 */
	public MyStates mine(long campaignId, String username) {
		this.campaigns.campaign(campaignId);
		Optional<Person> official = this.people.forUser(username);
		if (official.isEmpty()) {
			return new MyStates(null, List.of());
		}
		Map<String, String> names = new HashMap<>();
		Map<String, List<Level>> levels = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("""
					select a.iso3, s.short_name, a.level from outreach_assignment_in_effect a join states_state s on s.iso3 = a.iso3
					where a.campaign_id = ? and a.person_id = ? and a.assigned_until is null order by s.short_name
					""")
			.params(campaignId, official.get().id())
			.query((rs) -> {
				String iso3 = rs.getString(1);
				names.put(iso3, rs.getString(2));
				String level = rs.getString(3);
				levels.computeIfAbsent(iso3, (k) -> new ArrayList<>()).add(level == null ? null : Level.valueOf(level));
			});
		if (levels.isEmpty()) {
			return new MyStates(official.get(), List.of());
		}
		Map<String, CurrentStance> stances = this.whip.stances(campaignId);
		Map<String, Instant> lastContacts = this.contacts.lastContacts(campaignId);
		// the organisation's own reads only: a partner's shared read is not the user's
		Map<String, PrivateRead> privateReads = this.whip.privateReads(campaignId);
		Map<String, int[]> followUps = new HashMap<>();
		this.jdbc.sql("select iso3, count(*), count(*) filter (where " + FollowUps.OVERDUE_SQL + """
				) from outreach_follow_up
				where campaign_id = ? and status = 'OPEN' and iso3 = any(?) group by iso3
				""").params(campaignId, levels.keySet().toArray(String[]::new)).query((rs) -> {
			followUps.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
		});
		List<MyState> mine = new ArrayList<>();
		for (Map.Entry<String, List<Level>> entry : levels.entrySet()) {
			String iso3 = entry.getKey();
			List<String> roles = entry.getValue()
				.stream()
				.sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
				.map((l) -> l == null ? "Overall" : l.label())
				.toList();
			CurrentStance stance = stances.get(iso3);
			int[] open = followUps.getOrDefault(iso3, new int[2]);
			PrivateRead own = privateReads.get(iso3);
			mine.add(new MyState(iso3, names.get(iso3), roles, stance == null ? Stance.UNKNOWN : stance.stance(),
					(own == null || !own.mine()) ? null : own.stance(), lastContacts.get(iso3), open[0], open[1]));
		}
		mine.sort(Comparator.comparing(MyState::lastContact, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new MyStates(official.get(), mine);
	}

	// ---- helpers

	private static List<Assignment> sorted(List<Assignment> assignments) {
		return assignments.stream()
			.sorted(Comparator.comparing(Assignment::stateName)
				.thenComparing(Assignment::level, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	private static String code(String iso3) {
		return (iso3 == null) ? "" : iso3.trim().toUpperCase(Locale.ROOT);
	}

	private static NotFoundException notAMember(String iso3) {
		return new NotFoundException("'" + iso3 + "' is not a member of this campaign's body");
	}

	private static String name(Level level) {
		return (level == null) ? null : level.name();
	}

	static Assignment assignment(ResultSet rs, int row) throws SQLException {
		String level = rs.getString("level");
		Timestamp until = rs.getTimestamp("assigned_until");
		return new Assignment(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("iso3"),
				rs.getString("short_name"), level == null ? null : Level.valueOf(level), rs.getLong("person_id"),
				rs.getString("person_name"), rs.getString("organisation"), rs.getTimestamp("assigned_from").toInstant(),
				rs.getString("assigned_by"), until == null ? null : until.toInstant(), rs.getString("ended_by"));
	}

}
