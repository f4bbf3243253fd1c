package org.plenary.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.plenary.system.Acting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail: what other modules add to it (events that change no record, such as a
 * read of a sensitive export), the search the audit page shows, and the check of the
 * chain that {@code ./plenary audit verify} runs.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final AuditSealer sealer;

	private final AuditKey key;

	private final AuditCheckpoint checkpoint;

	private final org.springframework.transaction.support.TransactionTemplate snapshot;

	AuditTrail(JdbcClient jdbc, AuditSealer sealer, AuditKey key, AuditCheckpoint checkpoint,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		// the chain and its head are read in one snapshot: the sealer, running meanwhile,
		// would otherwise move the head past the rows already read
		this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.snapshot
			.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.key = key;
		this.checkpoint = checkpoint;
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/**
	 * Records an event by the acting user from the current address, e.g.
	 * {@code record("EXPORT", "call sheets", "campaign 4: 193 states")}.
	 */
	public void record(String action, String subject, String detail) {
		this.jdbc.sql("""
				insert into audit_event (actor, address, action, table_name, detail) values (?, ?, ?, ?, ?)
				""").params(Acting.actor(), Acting.address(), action, subject, detail).update();
	}

	/** One entry of the trail. */
	public record Entry(long id, Long seq, Instant at, String actor, String address, String action, String table,
			String key, String before, String after, String detail) {
	}

	/** What to look for; every part optional. */
	public record Query(String actor, String table, String action, String key, Instant from, Instant to, int page) {
	}

	public static final int PAGE_SIZE = 100;

	/**
	 * Whose part of the trail a reader reads. The trail copies every record changed, an
	 * organisation's private contacts and reads included, so that no administrator reads
	 * another organisation's records through it.
	 */
	public enum Reader {

		/**
		 * An organisation's administrator: the changes made by its organisation's users,
		 * and the changes to its organisation and its users (by an operator too).
		 */
		ORGANISATION,

		/**
		 * An operator: what an organisation's administrator reads of the operator's own
		 * organisation, and the installation's records: organisations, users, API tokens,
		 * two-factor settings, the member states and groupings, the imports of roll
		 * calls. No campaign's records.
		 */
		OPERATOR,

		/** The command line: everything. */
		ALL

	}

	/**
	 * The tables whose rows belong to the installation rather than to an organisation.
	 */
	static final List<String> INSTALLATION_TABLES = List.of("accounts_organisation", "accounts_user",
			"accounts_api_token", "accounts_two_factor", "states_state", "states_state_name", "states_grouping",
			"states_grouping_member", "history_import", "states_name_not_a_state");

	// the reading organisation is the one the connection acts for (ActingDataSource): a
	// reader of no organisation reads nothing of an organisation's
	private static final String OWN_ORGANISATION = """
			and (actor in (select username from accounts_user where organisation_id = plenary_organisation())
			     or (table_name = 'accounts_user'
			         and plenary_organisation()::text in (before ->> 'organisation_id', after ->> 'organisation_id'))
			     or (table_name = 'accounts_organisation' and row_key = plenary_organisation()::text)""";

	/** The entries that match, newest first, a page of {@value #PAGE_SIZE}. */
	public List<Entry> search(Query query) {
		return search(query, Reader.ALL);
	}

	/**
	 * The entries that match and that this reader may read, newest first, a page of
	 * {@value #PAGE_SIZE}.
	 */
	public List<Entry> search(Query query, Reader reader) {
		StringBuilder sql = new StringBuilder("""
				select id, seq, at, actor, address, action, table_name, row_key, before::text, after::text, detail
				from audit_event where true""");
		List<Object> params = new ArrayList<>();
		if (reader != Reader.ALL) {
			sql.append(" ").append(OWN_ORGANISATION);
			if (reader == Reader.OPERATOR) {
				sql.append(" or table_name in ('").append(String.join("', '", INSTALLATION_TABLES)).append("')");
			}
			sql.append(")");
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" and actor = ?");
			params.add(query.actor().trim());
		}
		if (query.table() != null && !query.table().isBlank()) {
			sql.append(" and table_name = ?");
			params.add(query.table().trim());
		}
		if (query.action() != null && !query.action().isBlank()) {
			sql.append(" and action = ?");
			params.add(query.action().trim().toUpperCase(java.util.Locale.ROOT));
		}
		if (query.key() != null && !query.key().isBlank()) {
			// a literal search: LIKE's own wildcards in the text are escaped
			sql.append(" and row_key like ? escape '\\'");
			params.add("%" + query.key().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.from() != null) {
			sql.append(" and at >= ?");
			params.add(java.sql.Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and at < ?");
			params.add(java.sql.Timestamp.from(query.to()));
		}
		sql.append(" order by id desc limit ? offset ?");
		params.add(PAGE_SIZE + 1);
		params.add(Math.max(0, query.page()) * PAGE_SIZE);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong(1), (Long) rs.getObject(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11)))
			.list();
	}

	/** The tables and actions the trail holds, for the page's filters. */
	public List<String> tables() {
		return this.jdbc.sql("select distinct table_name from audit_event where table_name is not null order by 1")
			.query(String.class)
			.list();
	}

	/** What {@link #verify()} found. */
	public record Verification(boolean intact, long sealed, long unsealed, String problem) {
	}

	/**
	 * Seals what can be sealed, then checks the whole chain: the sealed rows are numbered
	 * 1, 2, 3... without a gap, each row's hash is the hash of its predecessor's and its
	 * own content, and the last one is the head. The first problem found is named.
	 */
	public Verification verify() {
		this.sealer.sealAll();
		// read before the snapshot is taken, the checkpoint names a row the snapshot
		// holds
		Optional<AuditCheckpoint.Head> anchored = this.checkpoint.read();
		return this.snapshot.execute((status) -> verify(anchored));
	}

	private Verification verify(Optional<AuditCheckpoint.Head> anchored) {
		long unsealed = this.jdbc.sql("select count(*) from audit_event where seq is null").query(Long.class).single();
		byte[][] previous = { new byte[32] };
		long[] expected = { 1 };
		String[] problem = { null };
		this.jdbc
			.sql("select seq, prev_hash, hash, " + AuditRow.COLUMNS + ", mac from audit_event where seq is not null"
					+ " order by seq")
			.query((rs) -> {
				if (problem[0] != null) {
					return;
				}
				long seq = rs.getLong(1);
				byte[] prevHash = rs.getBytes(2);
				byte[] hash = rs.getBytes(3);
				AuditRow row = new AuditRow(rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
						rs.getString(13));
				if (seq != expected[0]) {
					problem[0] = "rows " + expected[0] + (seq - 1 > expected[0] ? " to " + (seq - 1) : "")
							+ " of the chain are missing (deleted) before row id " + row.id() + " (seq " + seq + ")";
					return;
				}
				if (!java.util.Arrays.equals(prevHash, previous[0])) {
					problem[0] = "row id " + row.id() + " (seq " + seq
							+ ") does not follow the row before it: the chain was cut or rewritten there";
					return;
				}
				if (!java.util.Arrays.equals(hash, row.hash(prevHash))) {
					problem[0] = "row id " + row.id() + " (seq " + seq
							+ ") was altered after it was sealed: its content no longer gives its hash";
					return;
				}
				byte[] seal = rs.getBytes(14);
				if (seal == null || !java.security.MessageDigest.isEqual(seal, this.key.seal(hash))) {
					problem[0] = "row id " + row.id() + " (seq " + seq + ") "
							+ ((seal == null) ? "has no seal" : "has a seal that the audit key did not make")
							+ ": the chain was rewritten from there by someone without the key";
					return;
				}
				previous[0] = hash;
				expected[0]++;
			});
		long sealed = expected[0] - 1;
		if (problem[0] == null) {
			Optional<Object[]> head = this.jdbc.sql("select last_seq, last_hash from audit_seal where id = 1")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) })
				.optional();
			if (head.isEmpty()) {
				problem[0] = "the head of the chain (audit_seal) is missing";
			}
			else if ((Long) head.get()[0] != sealed || !java.util.Arrays.equals((byte[]) head.get()[1], previous[0])) {
				long headSeq = (Long) head.get()[0];
				problem[0] = (headSeq > sealed)
						? "rows seq " + (sealed + 1) + (headSeq > sealed + 1 ? " to " + headSeq : "")
								+ " are missing (deleted) at the end of the chain, which ends at seq " + sealed
						: "the head of the chain says seq " + headSeq + " but the chain ends at seq " + sealed;
			}
		}
		if (problem[0] == null) {
			problem[0] = checkpointProblem(sealed, anchored);
		}
		return new Verification(problem[0] == null, sealed, unsealed, problem[0]);
	}

	/**
	 * What the checkpoint outside the database says of a chain that ends at seq
	 * {@code sealed}.
	 */
	private String checkpointProblem(long sealed, Optional<AuditCheckpoint.Head> anchored) {
		if (anchored.isEmpty()) {
			return (sealed == 0) ? null : "the checkpoint " + this.checkpoint.file()
					+ " is missing (deleted?): the end of the chain cannot be checked; once the trail is found intact"
					+ " otherwise, './plenary audit checkpoint' makes a new one";
		}
		AuditCheckpoint.Head head = anchored.get();
		if (head.seq() > sealed) {
			return "rows seq " + (sealed + 1) + ((head.seq() > sealed + 1) ? " to " + head.seq() : "")
					+ " are missing (deleted) at the end of the chain: the checkpoint of " + head.at() + " names seq "
					+ head.seq() + " but the chain ends at seq " + sealed;
		}
		if (!this.sealer.holds(head)) {
			return "the row seq " + head.seq() + " named by the checkpoint of " + head.at()
					+ " is not the row it was: the chain was rewritten up to there";
		}
		return null;
	}

	/**
	 * Checks the chain, then anchors its head in the checkpoint file and returns it, as a
	 * digest an operator keeps elsewhere. Refused (null) when the chain is not intact.
	 */
	public String checkpoint() {
		Verification verification = verify();
		boolean missingOnly = !verification.intact() && verification.problem().startsWith("the checkpoint ")
				&& verification.problem().contains("is missing");
		if (!verification.intact() && !missingOnly) {
			return null;
		}
		AuditCheckpoint.Head head = this.sealer.head();
		this.checkpoint.write(head);
		return head.digest();
	}

	static String hex(byte[] bytes) {
		return (bytes == null) ? null : HexFormat.of().formatHex(bytes);
	}

}
