package org.plenary.outreach;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.Visibility;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact log. Logging a contact with a stance read records that read on the whip
 * board in the same transaction, with the contact as its source: one form, one save, and
 * either both are kept or neither. A retried request with the same idempotency key
 * returns the first contact and stores nothing twice. Edits keep every earlier version;
 * only an administrator deletes, and a deletion leaves a trace.
 */
@Service
public class Contacts {

	/** The largest attachment: scans of letters and notes verbales, not videos. */
	public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

	private static final int MAX_STATES = 193;

	private static final int MAX_PARTICIPANTS = 30;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WhipCount whip;

	private final Campaigns campaigns;

	private final People people;

	private final FollowUps followUps;

	private final JsonMapper json;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Counterparts counterparts;

	Contacts(JdbcClient jdbc, TransactionTemplate transactions, WhipCount whip, Campaigns campaigns, People people,
			FollowUps followUps, JsonMapper json, org.springframework.context.ApplicationEventPublisher events,
			Counterparts counterparts) {
		this.events = events;
		this.counterparts = counterparts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.whip = whip;
		this.campaigns = campaigns;
		this.people = people;
		this.followUps = followUps;
		this.json = json;
	}

	/**
	 * A state the contact covered and, optionally, the stance we read from it.
	 *
	 * @param expectedVersion the version of the board's stance the caller saw; a newer
	 * stance refuses the whole contact. Null: record on top of whatever is current.
	 */
	public record StateRead(String iso3, Stance read, Confidence confidence, Integer expectedVersion) {
	}

	/**
	 * A contact to log. Only the campaign, a state, the channel and a line of text are
	 * needed; the rest is optional.
	 *
	 * @param occurredAt when it happened (null: now)
	 * @param ours our participants (empty: the signed-in user's official, if linked)
	 * @param followUpOn a "call back" date: opens a follow-up from this contact
	 */
	public record LogContact(long campaignId, Instant occurredAt, Channel channel, List<StateRead> states,
			List<Contact.Participant> ours, List<Contact.Participant> theirs, String asked, String said,
			String idempotencyKey, LocalDate followUpOn, String followUpTitle, Visibility visibility,
			List<Long> sharedWith, boolean privateReads) {

		/**
		 * A contact kept to the logging organisation, its reads on the coalition's board.
		 */
		public LogContact(long campaignId, Instant occurredAt, Channel channel, List<StateRead> states,
				List<Contact.Participant> ours, List<Contact.Participant> theirs, String asked, String said,
				String idempotencyKey, LocalDate followUpOn, String followUpTitle) {
			this(campaignId, occurredAt, channel, states, ours, theirs, asked, said, idempotencyKey, followUpOn,
					followUpTitle, Visibility.ORGANISATION, List.of(), false);
		}

		/** The same contact, seen by others as given. */
		public LogContact visibleTo(Visibility visibility, List<Long> sharedWith, boolean privateReads) {
			return new LogContact(this.campaignId, this.occurredAt, this.channel, this.states, this.ours, this.theirs,
					this.asked, this.said, this.idempotencyKey, this.followUpOn, this.followUpTitle, visibility,
					sharedWith, privateReads);
		}

	}

	/** The contact, and whether this call stored it (false: a replay of the same key). */
	public record Logged(Contact contact, boolean stored) {
	}

	/** What an edit may change: everything but the states and their reads. */
	public record ContactChange(Instant occurredAt, Channel channel, List<Contact.Participant> ours,
			List<Contact.Participant> theirs, String asked, String said) {
	}

	/** A version of a contact as it was saved, or its deletion. */
	public record Revision(int version, String action, String changedBy, Instant changedAt, Contact contact) {
	}

	/** Which contacts to list; every part is optional. */
	public record ContactFilter(String iso3, Channel channel, String loggedBy, Long personId, int limit, int offset) {

		public static ContactFilter all(int limit) {
			return new ContactFilter(null, null, null, null, limit, 0);
		}

		public static ContactFilter ofState(String iso3, int limit) {
			return new ContactFilter(iso3, null, null, null, limit, 0);
		}

	}

	public Logged log(LogContact command, String username) {
		validate(command);
		Optional<Contact> replay = replay(command.campaignId(), command.idempotencyKey());
		if (replay.isPresent()) {
			return new Logged(replay.get(), false);
		}
		try {
			return this.transactions.execute((status) -> new Logged(write(command, username), true));
		}
		catch (DuplicateKeyException ex) {
			// the same key committed meanwhile by a concurrent retry: answer as it did
			return replay(command.campaignId(), command.idempotencyKey()).map((c) -> new Logged(c, false))
				.orElseThrow(() -> ex);
		}
	}

	private void validate(LogContact command) {
		if (command.channel() == null) {
			throw new InvalidInputException("channel", "Say how the contact happened (call, message, meeting, ...)");
		}
		if (command.states() == null || command.states().isEmpty()) {
			throw new InvalidInputException("states", "Say which state the contact was with");
		}
		if (command.states().size() > MAX_STATES) {
			throw new InvalidInputException("states", "A contact covers at most " + MAX_STATES + " states");
		}
		boolean text = !blank(command.said()) || !blank(command.asked());
		boolean read = command.states().stream().anyMatch((s) -> s.read() != null);
		if (!text && !read) {
			throw new InvalidInputException("said", "Write a line on what was said, or record the stance you read");
		}
		Counterparts.limit("asked", command.asked(), 4000);
		Counterparts.limit("said", command.said(), 8000);
		Counterparts.limit("idempotencyKey", command.idempotencyKey(), 200);
		Counterparts.limit("followUpTitle", command.followUpTitle(), 500);
		checkParticipants(command.ours(), "ours");
		checkParticipants(command.theirs(), "theirs");
		if (command.visibility() == Visibility.PARTNERS
				&& (command.sharedWith() == null || command.sharedWith().isEmpty())) {
			throw new InvalidInputException("sharedWith", "Name the partners who may see this contact");
		}
		if (command.sharedWith() != null && command.sharedWith().size() > 100) {
			throw new InvalidInputException("sharedWith", "A contact is shared with at most 100 partners");
		}
		if (command.occurredAt() != null && command.occurredAt().isAfter(Instant.now().plusSeconds(3600))) {
			throw new InvalidInputException("occurredAt", "A contact cannot be logged in the future");
		}
	}

	private static void checkParticipants(List<Contact.Participant> participants, String field) {
		if (participants == null) {
			return;
		}
		if (participants.size() > MAX_PARTICIPANTS) {
			throw new InvalidInputException(field, "At most " + MAX_PARTICIPANTS + " participants per side");
		}
		for (Contact.Participant participant : participants) {
			if (participant.personId() == null && participant.counterpartId() == null && blank(participant.name())) {
				throw new InvalidInputException(field, "Each participant needs a name");
			}
			Counterparts.limit(field, participant.name(), 200);
		}
	}

	private Contact write(LogContact command, String username) {
		long campaignId = command.campaignId();
		Map<String, Member> members = members(campaignId);
		Map<String, StateRead> reads = new LinkedHashMap<>();
		for (StateRead read : command.states()) {
			String iso3 = (read.iso3() == null) ? "" : read.iso3().trim().toUpperCase(Locale.ROOT);
			if (!members.containsKey(iso3)) {
				throw new InvalidInputException("states",
						"'" + read.iso3() + "' is not a member of this campaign's body");
			}
			if (reads.put(iso3, read) != null) {
				throw new InvalidInputException("states", iso3 + " is listed twice");
			}
		}
		List<Contact.Participant> ours = resolveOurs(campaignId, command.ours(), username);
		List<Contact.Participant> theirs = resolveTheirs(campaignId, command.theirs(), reads.keySet());
		Instant occurredAt = (command.occurredAt() == null) ? Instant.now() : command.occurredAt();
		Stored stored = this.jdbc
			.sql("""
					insert into outreach_contact (campaign_id, occurred_at, channel, asked, said, logged_by, idempotency_key,
					  organisation_id, visibility, shared_with)
					values (?, ?, ?, ?, ?, ?, ?, plenary_owner(), ?, ?) returning id, organisation_id
					""")
			.params(campaignId, Timestamp.from(occurredAt), command.channel().name(),
					People.blankToNull(command.asked()), People.blankToNull(command.said()), username,
					People.blankToNull(command.idempotencyKey()), visibility(command).name(), sharedWith(command))
			.query((rs, n) -> new Stored(rs.getLong(1), (Long) rs.getObject(2)))
			.single();
		long id = stored.id();
		// a contact of no organisation (logged by an administrator or a command) is seen
		// by everyone taking part, like one shared with the coalition
		boolean contactShared = stored.organisation() == null || visibility(command) == Visibility.COALITION;
		// who may see what changed on the board's rows: everyone, or the contact's
		// audience (its organisation and the partners it names)
		List<Long> audience = contactShared ? null : audience(stored.organisation(), command);
		insertParticipants(id, ours, theirs);
		String sourceName = sourceName(theirs);
		Level sourceLevel = theirs.stream()
			.map(Contact.Participant::level)
			.filter((l) -> l != null)
			.min(Enum::compareTo)
			.orElse(null);
		for (Map.Entry<String, StateRead> entry : reads.entrySet()) {
			String iso3 = entry.getKey();
			StateRead read = entry.getValue();
			Integer stanceVersion = null;
			// a read is as private as its contact, or more (ADR 0011): a read kept to
			// the organisation, or read in a contact the coalition does not see, is a
			// private read of the organisation (shared with the partners the contact
			// names, unless kept to the organisation); the board does not move until the
			// organisation publishes it
			boolean privateRead = read.read() != null && (command.privateReads() || !contactShared);
			if (privateRead) {
				this.whip.recordPrivately(
						new WhipCount.RecordStance(campaignId, iso3, read.read(), read.confidence(), sourceName,
								sourceLevel, command.channel(), note(command), 0, null, id),
						(!command.privateReads() && visibility(command) == Visibility.PARTNERS) ? command.sharedWith()
								: List.of(),
						username);
			}
			else if (read.read() != null) {
				int expected = (read.expectedVersion() != null) ? read.expectedVersion()
						: this.whip.stance(campaignId, iso3).version();
				// the contact is the coalition's to see: the read goes on the board with
				// what was said and who said it
				CurrentStance recorded = this.whip
					.record(new WhipCount.RecordStance(campaignId, iso3, read.read(), read.confidence(), sourceName,
							sourceLevel, command.channel(), note(command), expected, null, id), username)
					.stance();
				stanceVersion = recorded.version();
			}
			// a private read lives in whip_private_read alone, whose policy keeps it to
			// its audience; the contact's state row, seen by all who see the contact,
			// does not repeat it (the contact shows it to that audience from there)
			this.jdbc.sql("""
					insert into outreach_contact_state (contact_id, iso3, stance_read, confidence, stance_version)
					values (?, ?, ?, ?, ?)
					""")
				.params(id, iso3, (read.read() == null || privateRead) ? null : read.read().name(),
						(read.confidence() == null || privateRead) ? null : read.confidence().name(), stanceVersion)
				.update();
		}
		if (command.followUpOn() != null) {
			String title = blank(command.followUpTitle())
					? "Follow up on the " + command.channel().label().toLowerCase(Locale.ROOT) + " of "
							+ LocalDate.ofInstant(occurredAt, java.time.ZoneOffset.UTC)
					: command.followUpTitle();
			Long owner = ours.stream()
				.map(Contact.Participant::personId)
				.filter((p) -> p != null)
				.findFirst()
				.orElse(null);
			this.followUps
				.open(new FollowUps.NewFollowUp(campaignId, reads.size() == 1 ? reads.keySet().iterator().next() : null,
						title, command.followUpOn(), owner, null, FollowUp.Origin.CONTACT, id), username);
		}
		Contact contact = contact(campaignId, id);
		revision(contact, "LOGGED", username);
		this.events.publishEvent(new ContactLogged(campaignId, id, List.copyOf(reads.keySet()), username));
		// open boards show each state's last contact: re-render the rows of the states
		// without a read too (a read notified already), on every instance
		for (Map.Entry<String, StateRead> entry : reads.entrySet()) {
			if (entry.getValue().read() == null) {
				this.whip.refreshRow(campaignId, entry.getKey(), audience);
			}
		}
		return contact;
	}

	private record Stored(long id, Long organisation) {
	}

	/** The organisations that see a contact kept from the coalition. */
	private static List<Long> audience(long organisation, LogContact command) {
		List<Long> audience = new ArrayList<>();
		audience.add(organisation);
		audience.addAll(List.of(sharedWith(command)));
		return audience;
	}

	private static Visibility visibility(LogContact command) {
		return command.visibility() == null ? Visibility.ORGANISATION : command.visibility();
	}

	private static Long[] sharedWith(LogContact command) {
		if (visibility(command) != Visibility.PARTNERS || command.sharedWith() == null) {
			return new Long[0];
		}
		return command.sharedWith().stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new);
	}

	/** The stance's note: what they said, or else what we asked. */
	private static String note(LogContact command) {
		String text = blank(command.said()) ? command.asked() : command.said();
		if (text == null) {
			return null;
		}
		return (text.length() > 4000) ? text.substring(0, 3999) + "…" : text;
	}

	private static String sourceName(List<Contact.Participant> theirs) {
		if (theirs.isEmpty()) {
			return null;
		}
		String names = String.join(", ", theirs.stream().map(Contact.Participant::name).toList());
		return (names.length() > 200) ? names.substring(0, 199) + "…" : names;
	}

	/**
	 * Our participants: as given, with officials' names and levels filled in; an official
	 * must be one that may be picked in the campaign (one's own, or shared with it).
	 */
	private List<Contact.Participant> resolveOurs(long campaignId, List<Contact.Participant> given, String username) {
		List<Contact.Participant> ours = new ArrayList<>();
		if (given == null || given.isEmpty()) {
			this.people.forUser(username)
				.ifPresent((p) -> ours.add(new Contact.Participant(p.id(), null, p.name(), p.level())));
			return ours;
		}
		for (Contact.Participant participant : given) {
			if (participant.counterpartId() != null) {
				throw new InvalidInputException("ours", "A counterpart is on their side, not ours");
			}
			if (participant.personId() != null) {
				Person person = this.people.offered(campaignId, participant.personId(), "ours");
				ours.add(new Contact.Participant(person.id(), null, person.name(),
						participant.level() == null ? person.level() : participant.level()));
			}
			else {
				ours.add(new Contact.Participant(null, null, participant.name().trim(), participant.level()));
			}
		}
		return ours;
	}

	/**
	 * Their participants: counterparts must belong to one of the contact's states, and be
	 * in the actor's directory or one shared with the campaign.
	 */
	private List<Contact.Participant> resolveTheirs(long campaignId, List<Contact.Participant> given,
			Set<String> states) {
		List<Contact.Participant> theirs = new ArrayList<>();
		if (given == null) {
			return theirs;
		}
		for (Contact.Participant participant : given) {
			if (participant.personId() != null) {
				throw new InvalidInputException("theirs", "An official of ours is on our side, not theirs");
			}
			if (participant.counterpartId() != null) {
				Counterpart counterpart = this.counterparts.offered(campaignId, participant.counterpartId(), "theirs");
				if (!states.contains(counterpart.iso3())) {
					throw new InvalidInputException("theirs", counterpart.name() + " is a counterpart of "
							+ counterpart.iso3() + ", not of this contact's states");
				}
				theirs.add(new Contact.Participant(null, counterpart.id(), counterpart.name(),
						participant.level() == null ? counterpart.level() : participant.level()));
			}
			else {
				theirs.add(new Contact.Participant(null, null, participant.name().trim(), participant.level()));
			}
		}
		return theirs;
	}

	private void insertParticipants(long contactId, List<Contact.Participant> ours, List<Contact.Participant> theirs) {
		this.jdbc.sql("delete from outreach_participant where contact_id = ?").param(contactId).update();
		insertSide(contactId, "OURS", ours);
		insertSide(contactId, "THEIRS", theirs);
	}

	private void insertSide(long contactId, String side, List<Contact.Participant> participants) {
		for (int i = 0; i < participants.size(); i++) {
			Contact.Participant p = participants.get(i);
			this.jdbc
				.sql("""
						insert into outreach_participant (contact_id, side, position, person_id, counterpart_id, name, level)
						values (?, ?, ?, ?, ?, ?, ?)
						""")
				.params(contactId, side, i, p.personId(), p.counterpartId(), p.name(),
						p.level() == null ? null : p.level().name())
				.update();
		}
	}

	private Map<String, Member> members(long campaignId) {
		Map<String, Member> members = new HashMap<>();
		for (Member member : this.campaigns.members(campaignId)) {
			members.put(member.iso3(), member);
		}
		if (members.isEmpty()) {
			this.campaigns.campaign(campaignId); // 404 for an unknown campaign
		}
		return members;
	}

	private Optional<Contact> replay(long campaignId, String key) {
		if (blank(key)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from outreach_contact where campaign_id = ? and idempotency_key = ?")
			.params(campaignId, key.trim())
			.query(Long.class)
			.optional()
			.map((id) -> contact(campaignId, id));
	}

	/**
	 * Changes a contact on top of the version the caller saw; the earlier version is
	 * kept.
	 */
	public Contact edit(long campaignId, long id, ContactChange change, int expectedVersion, String username) {
		if (change.channel() == null) {
			throw new InvalidInputException("channel", "Say how the contact happened");
		}
		Counterparts.limit("asked", change.asked(), 4000);
		Counterparts.limit("said", change.said(), 8000);
		checkParticipants(change.ours(), "ours");
		checkParticipants(change.theirs(), "theirs");
		return this.transactions.execute((status) -> {
			Contact current = contact(campaignId, id);
			requireOwn(id, "edits it");
			if (current.isDeleted()) {
				throw new ConflictException("This contact was deleted by " + current.deletion().by(), current);
			}
			List<Contact.Participant> ours = resolveOurs(campaignId, change.ours(), username);
			List<Contact.Participant> theirs = resolveTheirs(campaignId, change.theirs(),
					new LinkedHashSet<>(current.states().stream().map(Contact.ContactState::iso3).toList()));
			int updated = this.jdbc.sql("""
					update outreach_contact set occurred_at = ?, channel = ?, asked = ?, said = ?, version = version + 1
					where id = ? and campaign_id = ? and version = ? and deleted_at is null
					""")
				.params(Timestamp.from(change.occurredAt() == null ? current.occurredAt() : change.occurredAt()),
						change.channel().name(), People.blankToNull(change.asked()), People.blankToNull(change.said()),
						id, campaignId, expectedVersion)
				.update();
			if (updated == 0) {
				throw new ConflictException("This contact was changed by someone else since you opened it (now version "
						+ current.version() + ")", current);
			}
			insertParticipants(id, ours, theirs);
			Contact edited = contact(campaignId, id);
			revision(edited, "EDITED", username);
			return edited;
		});
	}

	/**
	 * Deletes a contact (administrators only: the caller checks the role). The row stays,
	 * marked with who deleted it, when and why, and out of every list; the stance changes
	 * it caused stay in the board's history.
	 */
	public Contact delete(long campaignId, long id, String reason, String username) {
		if (blank(reason) || reason.length() > 1000) {
			throw new InvalidInputException("reason", "Say why the contact is deleted (1 to 1,000 characters)");
		}
		return this.transactions.execute((status) -> {
			Contact current = contact(campaignId, id);
			requireOwn(id, "deletes it");
			if (current.isDeleted()) {
				return current;
			}
			this.jdbc.sql("""
					update outreach_contact set deleted_at = now(), deleted_by = ?, deleted_reason = ? where id = ?
					""").params(username, reason.trim(), id).update();
			Contact deleted = contact(campaignId, id);
			revision(deleted, "DELETED", username);
			return deleted;
		});
	}

	private void revision(Contact contact, String action, String username) {
		this.jdbc.sql("""
				insert into outreach_contact_revision (contact_id, version, action, snapshot, changed_by)
				values (?, ?, ?, ?::jsonb, ?)
				""")
			.params(contact.id(), contact.version(), action, this.json.writeValueAsString(contact), username)
			.update();
	}

	/** Every saved version of a contact and its deletion, oldest first. */
	public List<Revision> revisions(long campaignId, long id) {
		contact(campaignId, id);
		return this.jdbc.sql("""
				select version, action, changed_by, changed_at, snapshot::text as snapshot
				from outreach_contact_revision where contact_id = ? order by changed_at, version
				""")
			.param(id)
			.query((rs, row) -> new Revision(rs.getInt("version"), rs.getString("action"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant(),
					this.json.readValue(rs.getString("snapshot"), Contact.class)))
			.list();
	}

	/** One contact, deleted or not. */
	public Contact contact(long campaignId, long id) {
		List<Contact> found = load("where c.campaign_id = :campaign and c.id = :id",
				Map.of("campaign", campaignId, "id", id));
		if (found.isEmpty()) {
			// the same words for a contact hidden from the caller and for none at all
			throw new NotFoundException(NOT_FOUND);
		}
		return found.get(0);
	}

	/**
	 * Whether a contact the caller sees was deleted; false for one it does not see, which
	 * it must not learn of.
	 */
	public boolean deleted(long campaignId, long id) {
		return this.jdbc
			.sql("select count(*) from outreach_contact where campaign_id = ? and id = ? and deleted_at is not null")
			.params(campaignId, id)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the caller sees this contact of the campaign. */
	public boolean visible(long campaignId, long id) {
		return this.jdbc.sql("select count(*) from outreach_contact where campaign_id = ? and id = ?")
			.params(campaignId, id)
			.query(Long.class)
			.single() > 0;
	}

	/** What a caller is told of a record it does not see, or that does not exist. */
	static final String NOT_FOUND = "Not found";

	/** Contacts of a campaign, newest first, without the deleted ones. */
	public List<Contact> contacts(long campaignId, ContactFilter filter) {
		this.campaigns.campaign(campaignId); // 404 for a campaign the caller does not
												// take part in
		StringBuilder where = new StringBuilder("where c.campaign_id = :campaign and c.deleted_at is null");
		Map<String, Object> params = new HashMap<>();
		params.put("campaign", campaignId);
		if (!blank(filter.iso3())) {
			where.append(
					" and exists (select 1 from outreach_contact_state s where s.contact_id = c.id and s.iso3 = :iso3)");
			params.put("iso3", filter.iso3().trim().toUpperCase(Locale.ROOT));
		}
		if (filter.channel() != null) {
			where.append(" and c.channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (!blank(filter.loggedBy())) {
			where.append(" and c.logged_by = :loggedBy");
			params.put("loggedBy", filter.loggedBy());
		}
		if (filter.personId() != null) {
			where.append(" and exists (select 1 from outreach_participant p where p.contact_id = c.id"
					+ " and p.person_id = :person)");
			params.put("person", filter.personId());
		}
		where.append(" order by c.occurred_at desc, c.id desc limit :limit offset :offset");
		params.put("limit", Math.max(1, Math.min(filter.limit(), 1000)));
		params.put("offset", Math.max(0, filter.offset()));
		return load(where.toString(), params);
	}

	/** When each state was last contacted in a campaign. */
	public Map<String, Instant> lastContacts(long campaignId) {
		Map<String, Instant> last = new HashMap<>();
		this.jdbc
			.sql("""
					select s.iso3, max(c.occurred_at) from outreach_contact c join outreach_contact_state s on s.contact_id = c.id
					where c.campaign_id = ? and c.deleted_at is null group by s.iso3
					""")
			.param(campaignId)
			.query((rs) -> {
				last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
			});
		return last;
	}

	private List<Contact> load(String where, Map<String, Object> params) {
		List<Row> rows = this.jdbc.sql(
				"select c.*, (select o.name from accounts_organisation o where o.id = c.organisation_id) as organisation"
						+ " from outreach_contact c " + where)
			.params(params)
			.query(Contacts::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Contact.ContactState>> states = new HashMap<>();
		// a read kept private is shown from the private read itself, which its policy
		// shows to the read's audience alone
		this.jdbc
			.sql("""
					select cs.contact_id, cs.iso3, cs.stance_version, s.short_name,
					  coalesce(cs.stance_read, r.stance) as stance_read,
					  case when cs.stance_read is null then r.confidence else cs.confidence end as confidence
					from outreach_contact_state cs join states_state s on s.iso3 = cs.iso3
					left join lateral (select r.stance, r.confidence from whip_private_read r
					                   where r.contact_id = cs.contact_id and r.iso3 = cs.iso3 order by r.id limit 1) r on true
					where cs.contact_id in (:ids) order by s.short_name
					""")
			.param("ids", ids)
			.query((rs) -> {
				states.computeIfAbsent(rs.getLong("contact_id"), (k) -> new ArrayList<>())
					.add(new Contact.ContactState(rs.getString("iso3"), rs.getString("short_name"),
							parse(Stance.class, rs.getString("stance_read")),
							parse(Confidence.class, rs.getString("confidence")),
							(Integer) rs.getObject("stance_version")));
			});
		Map<Long, List<Contact.Participant>> ours = new HashMap<>();
		Map<Long, List<Contact.Participant>> theirs = new HashMap<>();
		this.jdbc
			.sql("select * from outreach_participant where contact_id in (:ids) order by contact_id, side, position")
			.param("ids", ids)
			.query((rs) -> {
				Contact.Participant participant = new Contact.Participant((Long) rs.getObject("person_id"),
						(Long) rs.getObject("counterpart_id"), rs.getString("name"),
						parse(Level.class, rs.getString("level")));
				("OURS".equals(rs.getString("side")) ? ours : theirs)
					.computeIfAbsent(rs.getLong("contact_id"), (k) -> new ArrayList<>())
					.add(participant);
			});
		Map<Long, List<Contact.Attachment>> attachments = new HashMap<>();
		this.jdbc.sql("""
				select id, contact_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from outreach_attachment where contact_id in (:ids) order by id
				""").param("ids", ids).query((rs) -> {
			attachments.computeIfAbsent(rs.getLong("contact_id"), (k) -> new ArrayList<>()).add(attachment(rs));
		});
		List<Contact> contacts = new ArrayList<>(rows.size());
		for (Row row : rows) {
			contacts.add(new Contact(row.id(), row.campaignId(), row.occurredAt(), row.channel(),
					states.getOrDefault(row.id(), List.of()), ours.getOrDefault(row.id(), List.of()),
					theirs.getOrDefault(row.id(), List.of()), row.asked(), row.said(), row.loggedBy(), row.loggedAt(),
					row.version(), row.deleted(), attachments.getOrDefault(row.id(), List.of()), row.organisation(),
					row.visibility(), row.sharedWith()));
		}
		return contacts;
	}

	/**
	 * Refuses a contact of another organisation: only the organisation that logged it
	 * edits it, deletes it or attaches files to it. The database refuses the change too
	 * (V28); this says why.
	 */
	private void requireOwn(long contactId, String what) {
		this.jdbc.sql("""
				select o.name from outreach_contact c join accounts_organisation o on o.id = c.organisation_id
				where c.id = ? and plenary_organisation() is not null and c.organisation_id <> plenary_organisation()
				""").param(contactId).query(String.class).optional().ifPresent((owner) -> {
			throw new ForbiddenException("This contact belongs to " + owner + ": only its own organisation " + what);
		});
	}

	/** A file attached to a contact, with its content. */
	public record AttachmentContent(Contact.Attachment attachment, byte[] content) {
	}

	public Contact.Attachment attach(long campaignId, long contactId, String fileName, String contentType,
			byte[] content, String username) {
		Contact contact = contact(campaignId, contactId);
		requireOwn(contactId, "attaches files to it");
		if (contact.isDeleted()) {
			throw new ConflictException("This contact was deleted by " + contact.deletion().by());
		}
		String name = (fileName == null) ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
		if (name.isEmpty() || name.length() > 255) {
			throw new InvalidInputException("file", "The file needs a name of 1 to 255 characters");
		}
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "The file " + name + " is empty");
		}
		if (content.length > MAX_ATTACHMENT_BYTES) {
			throw new InvalidInputException("file", "The file " + name + " is " + (content.length / (1024 * 1024))
					+ " MB; an attachment has at most " + (MAX_ATTACHMENT_BYTES / (1024 * 1024)) + " MB");
		}
		String type = (contentType == null || contentType.isBlank() || contentType.length() > 200)
				? "application/octet-stream" : contentType;
		long id = this.jdbc.sql("""
				insert into outreach_attachment (contact_id, file_name, content_type, size_bytes, sha256, content,
				  uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(contactId, name, type, content.length, sha256(content), content, username)
			.query(Long.class)
			.single();
		return attachment(campaignId, id).attachment();
	}

	public AttachmentContent attachment(long campaignId, long attachmentId) {
		return this.jdbc.sql("""
				select a.* from outreach_attachment a join outreach_contact c on c.id = a.contact_id
				where a.id = ? and c.campaign_id = ? and c.deleted_at is null
				""")
			.params(attachmentId, campaignId)
			.query((rs, row) -> new AttachmentContent(attachment(rs), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	private static Contact.Attachment attachment(ResultSet rs) throws SQLException {
		return new Contact.Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(long id, long campaignId, Instant occurredAt, Channel channel, String asked, String said,
			String loggedBy, Instant loggedAt, int version, Contact.Deletion deleted, String organisation,
			Visibility visibility, List<Long> sharedWith) {
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		Timestamp deletedAt = rs.getTimestamp("deleted_at");
		return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getTimestamp("occurred_at").toInstant(),
				Channel.valueOf(rs.getString("channel")), rs.getString("asked"), rs.getString("said"),
				rs.getString("logged_by"), rs.getTimestamp("logged_at").toInstant(), rs.getInt("version"),
				deletedAt == null ? null
						: new Contact.Deletion(rs.getString("deleted_by"), deletedAt.toInstant(),
								rs.getString("deleted_reason")),
				rs.getString("organisation"), Visibility.valueOf(rs.getString("visibility")),
				java.util.Arrays.asList((Long[]) rs.getArray("shared_with").getArray()));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		return (text == null) ? null : Enum.valueOf(type, text);
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
