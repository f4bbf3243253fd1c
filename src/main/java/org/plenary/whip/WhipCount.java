package org.plenary.whip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records stances and reads the board. A stance is changed only on top of the version the
 * caller saw: an edit based on a stale version is refused with the current stance, never
 * applied silently. A retried request with the same idempotency key returns the first
 * result and records nothing twice.
 */
@Service
public class WhipCount {

	static final String CHANNEL = "plenary_whip";

	// the contact a read came from is named only to those who see that contact: the
	// board's rows are the coalition's, the contact may be one organisation's (a partner
	// that left takes its contacts along)
	private static final String STANCE = """
			select w.campaign_id, w.iso3, w.stance, w.confidence, w.source_name, w.source_level, w.source_channel,
			  w.note, w.recorded_by, w.recorded_at, w.version,
			  (select c.id from outreach_contact c where c.id = w.contact_id) as contact_id
			from whip_stance w""";

	private static final String CHANGE = """
			select w.id, w.campaign_id, w.iso3, w.version, w.from_stance, w.to_stance, w.confidence, w.source_name,
			  w.source_level, w.source_channel, w.note, w.recorded_by, w.recorded_at, w.idempotency_key,
			  (select c.id from outreach_contact c where c.id = w.contact_id) as contact_id
			from whip_stance_change w""";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final org.plenary.campaigns.DraftsAndBriefings drafts;

	private final org.springframework.beans.factory.ObjectProvider<BoardAnnotations> annotations;

	private final org.plenary.campaigns.Coalitions coalitions;

	WhipCount(JdbcClient jdbc, Campaigns campaigns, TransactionTemplate transactions, ApplicationEventPublisher events,
			org.plenary.campaigns.DraftsAndBriefings drafts,
			org.springframework.beans.factory.ObjectProvider<BoardAnnotations> annotations,
			org.plenary.campaigns.Coalitions coalitions) {
		this.annotations = annotations;
		this.coalitions = coalitions;
		this.drafts = drafts;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * A stance to record.
	 *
	 * @param expectedVersion the version of the stance the caller saw (0 for a state
	 * never read)
	 * @param idempotencyKey optional; the same key again returns the first result
	 */
	public record RecordStance(long campaignId, String iso3, Stance stance, Confidence confidence, String sourceName,
			Level sourceLevel, Channel sourceChannel, String note, int expectedVersion, String idempotencyKey,
			Long contactId) {

		/** A read typed on the board, not drawn from a logged contact. */
		public RecordStance(long campaignId, String iso3, Stance stance, Confidence confidence, String sourceName,
				Level sourceLevel, Channel sourceChannel, String note, int expectedVersion, String idempotencyKey) {
			this(campaignId, iso3, stance, confidence, sourceName, sourceLevel, sourceChannel, note, expectedVersion,
					idempotencyKey, null);
		}

	}

	/**
	 * The stance after recording, and whether this call changed anything (false on a
	 * replay).
	 */
	public record Recorded(CurrentStance stance, boolean changed) {
	}

	/** A stale edit: the stance was changed by someone else since the caller read it. */
	public static class StaleStance extends ConflictException {

		StaleStance(CurrentStance current) {
			super("The stance of " + current.iso3() + " was changed by " + current.recordedBy() + " to "
					+ current.stance().label() + " (version " + current.version() + ") since you read it", current);
		}

	}

	public Recorded record(RecordStance command, String username) {
		validate(command);
		String iso3 = command.iso3().toUpperCase(java.util.Locale.ROOT);
		Optional<Recorded> replay = replay(command.campaignId(), iso3, command.idempotencyKey());
		if (replay.isPresent()) {
			return replay.get();
		}
		try {
			Recorded recorded = this.transactions.execute((status) -> write(command, iso3, username));
			return recorded;
		}
		catch (DuplicateKeyException ex) {
			// the same key committed by a concurrent retry: answer as the first did
			return replay(command.campaignId(), iso3, command.idempotencyKey()).orElseThrow(() -> ex);
		}
	}

	private static void validate(RecordStance command) {
		if (command.stance() == null) {
			throw new InvalidInputException("stance", "A stance is required");
		}
		if (command.note() != null && command.note().length() > 4000) {
			throw new InvalidInputException("note", "A note has at most 4,000 characters");
		}
		if (command.sourceName() != null && command.sourceName().length() > 200) {
			throw new InvalidInputException("sourceName", "A source's name has at most 200 characters");
		}
		if (command.idempotencyKey() != null && command.idempotencyKey().length() > 200) {
			throw new InvalidInputException("idempotencyKey", "An idempotency key has at most 200 characters");
		}
	}

	private Recorded write(RecordStance command, String iso3, String username) {
		// read without a lock: a stale edit is refused here, without waiting on anyone
		Before before = this.jdbc.sql(BEFORE)
			.param("campaign", command.campaignId())
			.param("iso3", iso3)
			.query((rs, n) -> new Before(rs.getBoolean("member"),
					(rs.getObject("version") == null) ? CurrentStance.unknown(iso3) : current(rs, n)))
			.single();
		if (!before.member()) {
			this.campaigns.campaign(command.campaignId()); // 404 for an unknown campaign
			throw new InvalidInputException("iso3", iso3 + " is not a member of this campaign's body");
		}
		if (before.stance().version() != command.expectedVersion()) {
			throw new StaleStance(before.stance());
		}
		int version = command.expectedVersion() + 1;
		// published before the row is written, so that what the listeners do inside this
		// transaction (outreach's follow-up on a slip) is not done while the row is
		// locked; if the write below is refused, all of it is rolled back together
		this.events.publishEvent(new StanceRecorded(command.campaignId(), iso3, before.stance().stance(),
				command.stance(), version, username, command.contactId()));
		// the locked part: one statement checks the version, writes the stance and its
		// change and tells the boards (on commit); the caller commits at once after it.
		// Under READ COMMITTED a concurrent writer of the same state waits for this row
		// and then finds its version moved: it writes nothing (a stale edit, never a lost
		// update)
		Optional<CurrentStance> written = this.jdbc
			.sql(((command.expectedVersion() == 0) ? FIRST_WRITE : NEXT_WRITE) + AND_ITS_CHANGE)
			.param("campaign", command.campaignId())
			.param("iso3", iso3)
			.param("stance", command.stance().name())
			.param("confidence", name(command.confidence()))
			.param("sourceName", blankToNull(command.sourceName()))
			.param("sourceLevel", name(command.sourceLevel()))
			.param("sourceChannel", name(command.sourceChannel()))
			.param("note", blankToNull(command.note()))
			.param("by", username)
			.param("at", java.sql.Timestamp.from(Instant.now()))
			.param("contact", command.contactId(), java.sql.Types.BIGINT)
			.param("expected", command.expectedVersion())
			.param("key", blankToNull(command.idempotencyKey()))
			.param("channel", CHANNEL)
			.param("payload", command.campaignId() + ":" + iso3)
			.query(WhipCount::current)
			.optional();
		if (written.isEmpty()) {
			// changed between the read above and the write: refused, and rolled back
			throw new StaleStance(stance(command.campaignId(), iso3));
		}
		return new Recorded(written.get(), true);
	}

	private record Before(boolean member, CurrentStance stance) {
	}

	private static final String BEFORE = """
			select exists (select 1 from campaigns_member m where m.campaign_id = :campaign and m.iso3 = :iso3) as member,
			  w.campaign_id, w.iso3, w.stance, w.confidence, w.source_name, w.source_level, w.source_channel,
			  w.note, w.recorded_by, w.recorded_at, w.version,
			  (select c.id from outreach_contact c where c.id = w.contact_id) as contact_id
			from (values (1)) one left join whip_stance w on w.campaign_id = :campaign and w.iso3 = :iso3""";

	// a state never written has no row yet (or a row of version 0)
	private static final String FIRST_WRITE = """
			with w as (
			  insert into whip_stance as w (campaign_id, iso3, stance, confidence, source_name, source_level, source_channel,
			    note, recorded_by, recorded_at, version, contact_id)
			  values (:campaign, :iso3, :stance, :confidence, :sourceName, :sourceLevel, :sourceChannel, :note, :by, :at, 1,
			    :contact)
			  on conflict (campaign_id, iso3) do update set stance = excluded.stance, confidence = excluded.confidence,
			    source_name = excluded.source_name, source_level = excluded.source_level,
			    source_channel = excluded.source_channel, note = excluded.note, recorded_by = excluded.recorded_by,
			    recorded_at = excluded.recorded_at, version = 1, contact_id = excluded.contact_id
			  where w.version = 0
			  returning coalesce(old.stance, 'UNKNOWN') as from_stance, new.*
			)""";

	private static final String NEXT_WRITE = """
			with w as (
			  update whip_stance w set stance = :stance, confidence = :confidence, source_name = :sourceName,
			    source_level = :sourceLevel, source_channel = :sourceChannel, note = :note, recorded_by = :by,
			    recorded_at = :at, version = w.version + 1, contact_id = :contact
			  where w.campaign_id = :campaign and w.iso3 = :iso3 and w.version = :expected
			  returning old.stance as from_stance, new.*
			)""";

	private static final String AND_ITS_CHANGE = """
			, change as (
			  insert into whip_stance_change (campaign_id, iso3, version, from_stance, to_stance, confidence, source_name,
			    source_level, source_channel, note, recorded_by, recorded_at, idempotency_key, contact_id)
			  select campaign_id, iso3, version, from_stance, stance, confidence, source_name, source_level, source_channel,
			    note, recorded_by, recorded_at, :key, contact_id from w
			)
			select w.campaign_id, w.iso3, w.stance, w.confidence, w.source_name, w.source_level, w.source_channel,
			  w.note, w.recorded_by, w.recorded_at, w.version,
			  (select c.id from outreach_contact c where c.id = w.contact_id) as contact_id,
			  pg_notify(:channel, :payload)
			from w""";

	/**
	 * Tells every open board of the campaign, on every instance, to render this member's
	 * row again when the caller's transaction commits: for what another module shows on
	 * the row (its owner, its last contact).
	 */
	public void refreshRow(long campaignId, String iso3) {
		refreshRow(campaignId, iso3, null);
	}

	/**
	 * Like {@link #refreshRow(long, String)}, for the boards of these organisations alone
	 * (null: every board): what changed is seen by them alone (a private read, a contact
	 * kept from the coalition), and others must not even learn that something did.
	 */
	public void refreshRow(long campaignId, String iso3, java.util.Collection<Long> organisations) {
		String payload = campaignId + ":" + iso3.toUpperCase(java.util.Locale.ROOT);
		if (organisations != null) {
			payload += ":" + String.join(",",
					organisations.stream().filter(java.util.Objects::nonNull).distinct().map(String::valueOf).toList());
		}
		this.jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleRow();
	}

	/** The first result of a request with this key: the stance as that change left it. */
	private Optional<Recorded> replay(long campaignId, String iso3, String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		Optional<StanceChange> first = this.jdbc.sql(CHANGE + " where w.campaign_id = ? and w.idempotency_key = ?")
			.params(campaignId, key)
			.query(WhipCount::change)
			.optional();
		if (first.isPresent() && !first.get().iso3().equals(iso3)) {
			throw new InvalidInputException("Idempotency-Key",
					"This idempotency key was used for " + first.get().iso3() + "; use a new key for each change");
		}
		return first.map((change) -> new Recorded(new CurrentStance(change.iso3(), change.to(), change.confidence(),
				change.sourceName(), change.sourceLevel(), change.sourceChannel(), change.note(), change.recordedBy(),
				change.recordedAt(), change.version(), change.contactId()), false));
	}

	public CurrentStance stance(long campaignId, String iso3) {
		return this.jdbc.sql(STANCE + " where w.campaign_id = ? and w.iso3 = ?")
			.params(campaignId, iso3.toUpperCase(java.util.Locale.ROOT))
			.query(WhipCount::current)
			.optional()
			.orElse(CurrentStance.unknown(iso3.toUpperCase(java.util.Locale.ROOT)));
	}

	public Map<String, CurrentStance> stances(long campaignId) {
		Map<String, CurrentStance> stances = new HashMap<>();
		this.jdbc.sql(STANCE + " where w.campaign_id = ?").param(campaignId).query((rs) -> {
			CurrentStance stance = current(rs, 0);
			stances.put(stance.iso3(), stance);
		});
		return stances;
	}

	/** Every change of every member's stance in the campaign, oldest first. */
	public List<StanceChange> changes(long campaignId) {
		return this.jdbc.sql(CHANGE + " where w.campaign_id = ? order by w.recorded_at, w.id")
			.param(campaignId)
			.query(WhipCount::change)
			.list();
	}

	/**
	 * The changes of every member's stance recorded since an instant, oldest first: what
	 * moved lately, without reading a long campaign's whole history.
	 */
	public List<StanceChange> changesSince(long campaignId, Instant since) {
		return this.jdbc.sql(CHANGE + " where w.campaign_id = ? and w.recorded_at > ? order by w.recorded_at, w.id")
			.params(campaignId, java.sql.Timestamp.from(since))
			.query(WhipCount::change)
			.list();
	}

	/** The full history of one member's stance, newest first. */
	public List<StanceChange> history(long campaignId, String iso3) {
		return this.jdbc.sql(CHANGE + " where w.campaign_id = ? and w.iso3 = ? order by w.version desc")
			.params(campaignId, iso3.toUpperCase(java.util.Locale.ROOT))
			.query(WhipCount::change)
			.list();
	}

	/** A line of the board. */
	public record BoardRow(Member member, CurrentStance stance, Stance before, boolean cosponsor, String owner,
			Instant lastContact, PrivateRead privateRead, List<BoardAnnotations.ContactedBy> contactedBy) {

		public boolean moved() {
			return this.before != null && this.before != this.stance.stance();
		}

		/** "3 d ago", a date, or "never". */
		public String lastContactAgo() {
			return Ago.text(this.lastContact);
		}

	}

	/**
	 * The board: each member with its stance, and the tally; {@code ownTally}, when the
	 * viewer's organisation holds private reads, counts them in place of the coalition's.
	 */
	public record Board(Campaign campaign, List<BoardRow> rows, Tally tally, Instant since, Tally ownTally) {

		/**
		 * The map of the members coloured by their reads (classes {@code stance-...}), as
		 * SVG.
		 */
		public String map() {
			Map<Integer, String> classes = new HashMap<>();
			Map<Integer, String> titles = new HashMap<>();
			for (BoardRow row : this.rows) {
				if (row.member().m49() != null) {
					classes.put(row.member().m49(), "stance-" + row.stance().stance().css());
					titles.put(row.member().m49(), row.member().name() + ": " + row.stance().stance().label());
				}
			}
			return org.plenary.states.WorldMap.natural()
				.svg(classes, titles, "Members coloured by our read of their vote");
		}

	}

	/**
	 * The board, with each member's stance as it was at {@code since} for the "movement
	 * since" view (null: no comparison).
	 */
	public Board board(long campaignId, Instant since) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		List<Member> members = this.campaigns.members(campaignId);
		Map<String, CurrentStance> stances = stances(campaignId);
		Map<String, Stance> before = (since == null) ? Map.of() : stancesAt(campaignId, since);
		java.util.Set<String> cosponsors = this.drafts.currentCosponsors(campaignId);
		Map<String, BoardAnnotations.RowAnnotation> annotations = annotations(campaignId);
		Map<String, PrivateRead> privateReads = privateReads(campaignId);
		List<BoardRow> rows = new ArrayList<>(members.size());
		for (Member member : members) {
			rows.add(new BoardRow(member, stances.getOrDefault(member.iso3(), CurrentStance.unknown(member.iso3())),
					(since == null) ? null : before.getOrDefault(member.iso3(), Stance.UNKNOWN),
					cosponsors.contains(member.iso3()), annotation(annotations, member.iso3()).owner(),
					annotation(annotations, member.iso3()).lastContact(), privateReads.get(member.iso3()),
					annotation(annotations, member.iso3()).contactedBy()));
		}
		return new Board(campaign, rows, Tally.of(campaign, members, stances), since,
				privateReads.isEmpty() ? null : Tally.of(campaign, members, ownView(stances, privateReads)));
	}

	private Map<String, BoardAnnotations.RowAnnotation> annotations(long campaignId) {
		BoardAnnotations provider = this.annotations.getIfAvailable();
		return (provider == null) ? Map.of() : provider.annotations(campaignId);
	}

	private static BoardAnnotations.RowAnnotation annotation(Map<String, BoardAnnotations.RowAnnotation> annotations,
			String iso3) {
		return annotations.getOrDefault(iso3, NO_ANNOTATION);
	}

	private static final BoardAnnotations.RowAnnotation NO_ANNOTATION = new BoardAnnotations.RowAnnotation(null, null);

	public Tally tally(long campaignId) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		return Tally.of(campaign, this.campaigns.members(campaignId), stances(campaignId));
	}

	/**
	 * The tally as it stood at an instant, from each member's stance then (the daily
	 * report's "since yesterday"); members on today's Art. 19 list count as they do now.
	 */
	public Tally tallyAt(long campaignId, Instant at) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		Map<String, CurrentStance> then = new HashMap<>();
		stancesAt(campaignId, at).forEach((iso3, stance) -> then.put(iso3,
				new CurrentStance(iso3, stance, null, null, null, null, null, null, null, 1, null)));
		return Tally.of(campaign, this.campaigns.members(campaignId), then);
	}

	/**
	 * Each member's stance as it stood at an instant (the last change at or before it).
	 */
	Map<String, Stance> stancesAt(long campaignId, Instant at) {
		Map<String, Stance> stances = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (iso3) iso3, to_stance from whip_stance_change
				where campaign_id = ? and recorded_at <= ? order by iso3, version desc
				""").params(campaignId, java.sql.Timestamp.from(at)).query((rs) -> {
			stances.put(rs.getString(1), Stance.valueOf(rs.getString(2)));
		});
		return stances;
	}

	/**
	 * Records a read the acting organisation keeps to itself ({@code sharedWith} empty)
	 * or shares with named partners: the coalition's board does not change. A retry with
	 * the same idempotency key returns the first read.
	 */
	public PrivateRead recordPrivately(RecordStance command, List<Long> sharedWith, String username) {
		validate(command);
		String iso3 = command.iso3().toUpperCase(java.util.Locale.ROOT);
		return this.transactions.execute((status) -> {
			Long organisation = this.coalitions.actingOrganisation();
			if (organisation == null || organisation < 0) {
				throw new InvalidInputException("visibility",
						"A private read belongs to an organisation; you act for none");
			}
			if (command.idempotencyKey() != null && !command.idempotencyKey().isBlank()) {
				Optional<PrivateRead> first = privateReadWhere("r.campaign_id = ? and r.idempotency_key = ?",
						command.campaignId(), command.idempotencyKey())
					.stream()
					.findFirst();
				if (first.isPresent()) {
					return first.get();
				}
			}
			boolean member = this.jdbc.sql("select count(*) from campaigns_member where campaign_id = ? and iso3 = ?")
				.params(command.campaignId(), iso3)
				.query(Long.class)
				.single() > 0;
			if (!member) {
				this.campaigns.campaign(command.campaignId());
				throw new InvalidInputException("iso3", iso3 + " is not a member of this campaign's body");
			}
			Long[] shared = sharedWith == null ? new Long[0]
					: sharedWith.stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new);
			// the stance the organisation's own view showed before this read
			PrivateRead own = privateReads(command.campaignId()).get(iso3);
			Stance before = (own != null && own.organisationId() == organisation) ? own.stance()
					: stance(command.campaignId(), iso3).stance();
			long id = this.jdbc.sql("""
					insert into whip_private_read (campaign_id, iso3, organisation_id, shared_with, stance, confidence,
					  source_name, source_level, source_channel, note, contact_id, recorded_by, idempotency_key)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(command.campaignId(), iso3, organisation, shared, command.stance().name(),
						name(command.confidence()), blankToNull(command.sourceName()), name(command.sourceLevel()),
						name(command.sourceChannel()), blankToNull(command.note()), command.contactId(), username,
						blankToNull(command.idempotencyKey()))
				.query(Long.class)
				.single();
			List<Long> audience = new ArrayList<>(List.of(organisation));
			audience.addAll(List.of(shared));
			refreshRow(command.campaignId(), iso3, audience);
			this.events.publishEvent(new PrivateReadRecorded(command.campaignId(), iso3, before, command.stance(),
					organisation, List.of(shared), username, command.contactId()));
			return privateRead(id);
		});
	}

	/**
	 * Publishes a private read to the coalition's board, on top of the board's
	 * {@code expectedVersion} (a stale publish is refused like a stale edit). Only its
	 * organisation publishes it; publishing twice changes nothing.
	 */
	public Recorded publish(long campaignId, long readId, int expectedVersion, String username) {
		return this.transactions.execute((status) -> {
			PrivateRead read = privateReadWhere("r.id = ? and r.campaign_id = ?", readId, campaignId).stream()
				.findFirst()
				.orElseThrow(() -> new org.plenary.system.NotFoundException(NOT_FOUND));
			if (read.publishedVersion() != null) {
				return new Recorded(stance(campaignId, read.iso3()), false);
			}
			if (!java.util.Objects.equals(this.coalitions.actingOrganisation(), read.organisationId())) {
				throw new org.plenary.system.ForbiddenException(
						"Only " + read.organisation() + " publishes its own private read");
			}
			// a read from a contact the coalition does not see goes on the board bare:
			// not who said it, what was said, at which level, by which channel nor from
			// which contact (the contact stays private, and so does all it tells)
			boolean bare = read.contactId() != null && !sharedContact(read.contactId());
			Recorded recorded = write(bare
					? new RecordStance(campaignId, read.iso3(), read.stance(), read.confidence(), null, null, null,
							null, expectedVersion, "publish-" + readId, null)
					: new RecordStance(campaignId, read.iso3(), read.stance(), read.confidence(), read.sourceName(),
							read.sourceLevel(), read.sourceChannel(), read.note(), expectedVersion, "publish-" + readId,
							read.contactId()),
					read.iso3(), username);
			this.jdbc.sql("""
					update whip_private_read set published_at = now(), published_by = ?, published_version = ?
					where id = ? and published_at is null""")
				.params(username, recorded.stance().version(), readId)
				.update();
			return recorded;
		});
	}

	/**
	 * Whether the contact is the coalition's to see (shared with it, or of no
	 * organisation). Read by SQL: outreach depends on whip, not the other way.
	 */
	private boolean sharedContact(long contactId) {
		return this.jdbc
			.sql("""
					select count(*) from outreach_contact where id = ? and (organisation_id is null or visibility = 'COALITION')
					""")
			.param(contactId)
			.query(Long.class)
			.single() > 0;
	}

	/** What a caller is told of a record it does not see, or that does not exist. */
	static final String NOT_FOUND = "Not found";

	private PrivateRead privateRead(long readId) {
		return privateReadWhere("r.id = ?", readId).stream()
			.findFirst()
			.orElseThrow(() -> new org.plenary.system.NotFoundException(NOT_FOUND));
	}

	/**
	 * The latest unpublished private read of each state that the viewer's organisation
	 * holds or was shared; none for a viewer of no organisation (a command), whose view
	 * is the coalition's.
	 */
	public Map<String, PrivateRead> privateReads(long campaignId) {
		Map<String, PrivateRead> latest = new HashMap<>();
		for (PrivateRead read : privateReadWhere(
				"r.campaign_id = ? and plenary_organisation() is not null order by r.recorded_at desc", campaignId)) {
			latest.putIfAbsent(read.iso3(), read);
		}
		latest.values().removeIf(PrivateRead::published);
		return latest;
	}

	/** Every private read of a state the viewer's organisation may see, newest first. */
	public List<PrivateRead> privateHistory(long campaignId, String iso3) {
		return privateReadWhere(
				"r.campaign_id = ? and r.iso3 = ? and plenary_organisation() is not null order by r.recorded_at desc",
				campaignId, iso3.toUpperCase(java.util.Locale.ROOT));
	}

	private List<PrivateRead> privateReadWhere(String where, Object... params) {
		return this.jdbc.sql("""
				select r.*, o.name as organisation, r.organisation_id = plenary_organisation() as mine
				from whip_private_read r
				join accounts_organisation o on o.id = r.organisation_id where """ + " " + where)
			.params(params)
			.query((rs, n) -> new PrivateRead(rs.getLong("id"), rs.getString("iso3"), rs.getLong("organisation_id"),
					rs.getString("organisation"),
					java.util.Arrays.asList((Long[]) rs.getArray("shared_with").getArray()),
					Stance.valueOf(rs.getString("stance")), parse(Confidence.class, rs.getString("confidence")),
					rs.getString("source_name"), parse(Level.class, rs.getString("source_level")),
					parse(Channel.class, rs.getString("source_channel")), rs.getString("note"),
					(Long) rs.getObject("contact_id"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant(),
					rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
					rs.getString("published_by"), (Integer) rs.getObject("published_version"), rs.getBoolean("mine")))
			.list();
	}

	/**
	 * The tally on the organisation's own view (its private reads in place of the
	 * coalition's reads), or null when it holds none.
	 */
	public Tally ownTally(long campaignId) {
		Map<String, PrivateRead> privateReads = privateReads(campaignId);
		if (privateReads.isEmpty()) {
			return null;
		}
		return Tally.of(this.campaigns.campaign(campaignId), this.campaigns.members(campaignId),
				ownView(stances(campaignId), privateReads));
	}

	/**
	 * The stances of the organisation's own view (its private reads in place of the
	 * coalition's reads), or null when it holds none: the forecast's input for that view.
	 */
	public Map<String, CurrentStance> ownStances(long campaignId) {
		Map<String, PrivateRead> privateReads = privateReads(campaignId);
		return privateReads.isEmpty() ? null : ownView(stances(campaignId), privateReads);
	}

	/** The coalition's stances with the organisation's private reads in their place. */
	private static Map<String, CurrentStance> ownView(Map<String, CurrentStance> stances,
			Map<String, PrivateRead> privateReads) {
		Map<String, CurrentStance> own = new HashMap<>(stances);
		privateReads.forEach((iso3, read) -> {
			CurrentStance shared = stances.getOrDefault(iso3, CurrentStance.unknown(iso3));
			own.put(iso3,
					new CurrentStance(iso3, read.stance(), read.confidence(), read.sourceName(), read.sourceLevel(),
							read.sourceChannel(), read.note(), read.recordedBy(), read.recordedAt(), shared.version(),
							read.contactId()));
		});
		return own;
	}

	/** The projection after a change: a point of the trend chart. */
	public record TrendPoint(Instant at, int yes, int no, int abstain, int open) {
	}

	/**
	 * How the projected tally moved, change by change (at most {@code points} points,
	 * evenly thinned), replayed from the history; members without a vote are left out as
	 * in the tally.
	 */
	public List<TrendPoint> trend(long campaignId, int points) {
		// replaying thousands of changes on every page view is the page's largest cost:
		// keep the
		// result until the campaign's history grows (the latest change id says so, in any
		// instance)
		String latest = this.jdbc.sql("""
				select (select coalesce(max(id), 0) from whip_stance_change where campaign_id = :id) || '|'
				  || coalesce((select string_agg(iso3, ',' order by iso3) from campaigns_member_in_effect
				               where campaign_id = :id and without_vote), '')
				""").param("id", campaignId).query(String.class).single();
		CachedTrend cached = this.trends.get(campaignId);
		if (cached != null && cached.latest().equals(latest) && cached.points() == points) {
			return cached.trend();
		}
		List<TrendPoint> trend = replayTrend(campaignId, points);
		this.trends.put(campaignId, new CachedTrend(latest, points, trend));
		return trend;
	}

	private record CachedTrend(String latest, int points, List<TrendPoint> trend) {
	}

	private final Map<Long, CachedTrend> trends = new java.util.concurrent.ConcurrentHashMap<>();

	private List<TrendPoint> replayTrend(long campaignId, int points) {
		List<Member> members = this.campaigns.members(campaignId);
		Map<String, Boolean> voting = new HashMap<>();
		for (Member member : members) {
			voting.put(member.iso3(), !member.withoutVote());
		}
		Map<String, Stance> now = new HashMap<>();
		int[] counts = new int[5]; // yes, no, abstain, non-voting, open
		counts[4] = (int) voting.values().stream().filter((v) -> v).count();
		List<TrendPoint> trend = new ArrayList<>();
		this.jdbc
			.sql("""
					select iso3, to_stance, recorded_at from whip_stance_change where campaign_id = ? order by recorded_at, id
					""")
			.param(campaignId)
			.query((rs) -> {
				String iso3 = rs.getString(1);
				if (!voting.getOrDefault(iso3, false)) {
					return;
				}
				counts[slot(now.getOrDefault(iso3, Stance.UNKNOWN))]--;
				Stance to = Stance.valueOf(rs.getString(2));
				now.put(iso3, to);
				counts[slot(to)]++;
				trend.add(new TrendPoint(rs.getTimestamp(3).toInstant(), counts[0], counts[1], counts[2], counts[4]));
			});
		if (trend.size() <= points) {
			return trend;
		}
		List<TrendPoint> thinned = new ArrayList<>(points);
		for (int i = 0; i < points; i++) {
			thinned.add(trend.get((int) ((long) i * (trend.size() - 1) / (points - 1))));
		}
		return thinned;
	}

	private static int slot(Stance stance) {
		return switch (stance.projection()) {
			case YES -> 0;
			case NO -> 1;
			case ABSTAIN -> 2;
			case NON_VOTING -> 3;
			case OPEN -> 4;
		};
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		return text == null ? null : Enum.valueOf(type, text);
	}

	static CurrentStance current(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp("recorded_at");
		return new CurrentStance(rs.getString("iso3"), Stance.valueOf(rs.getString("stance")),
				parse(Confidence.class, rs.getString("confidence")), rs.getString("source_name"),
				parse(Level.class, rs.getString("source_level")), parse(Channel.class, rs.getString("source_channel")),
				rs.getString("note"), rs.getString("recorded_by"), at == null ? null : at.toInstant(),
				rs.getInt("version"), (Long) rs.getObject("contact_id"));
	}

	static StanceChange change(ResultSet rs, int row) throws SQLException {
		return new StanceChange(rs.getLong("id"), rs.getString("iso3"), rs.getInt("version"),
				Stance.valueOf(rs.getString("from_stance")), Stance.valueOf(rs.getString("to_stance")),
				parse(Confidence.class, rs.getString("confidence")), rs.getString("source_name"),
				parse(Level.class, rs.getString("source_level")), parse(Channel.class, rs.getString("source_channel")),
				rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
				(Long) rs.getObject("contact_id"));
	}

}
