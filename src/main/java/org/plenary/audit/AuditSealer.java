package org.plenary.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the trail: gives the rows whose transactions have all ended their place in the
 * chain ({@code seq}, {@code prev_hash}, {@code hash}) and moves the head
 * ({@code audit_seal}). Every instance runs it every few seconds; an advisory lock lets
 * one at a time do it. A row waits unsealed only while an older transaction is still
 * open, so that a row committed late can never be chained before one committed earlier.
 */
@Component
class AuditSealer {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private static final int LOCK_SPACE = 0x41756469; // "Audi"

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final AuditKey key;

	private final AuditCheckpoint checkpoint;

	// whether this process has written the checkpoint: a checkpoint that disappears
	// after that was deleted, and is not made anew
	private final AtomicBoolean checkpointWritten = new AtomicBoolean();

	AuditSealer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, AuditKey key,
			AuditCheckpoint checkpoint) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.key = key;
		this.checkpoint = checkpoint;
	}

	@Scheduled(fixedDelayString = "${plenary.audit.seal-every:PT5S}", initialDelayString = "PT5S")
	void sealNow() {
		try {
			sealAll();
		}
		catch (RuntimeException ex) {
			log.warn("Sealing the audit trail failed (it is tried again in a few seconds): {}", ex.getMessage());
		}
	}

	/** Seals every row that can be sealed now. @return how many */
	int sealAll() {
		int total = 0;
		int sealed;
		boolean[] keyedNow = { false };
		long before = head().seq();
		do {
			sealed = sealBatch(keyedNow);
			total += sealed;
		}
		while (sealed == BATCH);
		if (total > 0 || keyedNow[0]) {
			moveCheckpoint(before, keyedNow[0]);
		}
		return total;
	}

	/** The chain's head as the database holds it. */
	AuditCheckpoint.Head head() {
		return this.jdbc.sql("""
				select s.last_seq, s.last_hash, e.mac from audit_seal s left join audit_event e on e.seq = s.last_seq
				 where s.id = 1""")
			.query((rs, n) -> new AuditCheckpoint.Head(rs.getLong(1), rs.getBytes(2),
					(rs.getBytes(3) == null) ? new byte[0] : rs.getBytes(3), Instant.now()))
			.single();
	}

	/**
	 * Moves the checkpoint outside the database to the new head, but only on top of a
	 * chain that still holds the checkpoint's row as it was: a database whose tail was
	 * cut or whose chain was rewritten does not get a checkpoint that would hide it.
	 */
	private void moveCheckpoint(long seqBefore, boolean keyedNow) {
		AuditCheckpoint.Head head = head();
		Optional<AuditCheckpoint.Head> anchored = this.checkpoint.read();
		if (anchored.isEmpty()) {
			if (this.checkpointWritten.get() || (seqBefore > 0 && !keyedNow)) {
				log.error("The audit trail's checkpoint {} is missing: it is not made anew. Run "
						+ "'./plenary audit verify', then './plenary audit checkpoint' once the trail is found intact",
						this.checkpoint.file());
				return;
			}
		}
		else if (!holds(anchored.get())) {
			log.error("The audit trail no longer holds the row of its checkpoint (seq {}): the checkpoint is kept. "
					+ "Run './plenary audit verify'", anchored.get().seq());
			return;
		}
		this.checkpoint.write(head);
		this.checkpointWritten.set(true);
	}

	/** Whether the chain holds the checkpoint's row as it was anchored. */
	boolean holds(AuditCheckpoint.Head anchored) {
		if (anchored.seq() == 0) {
			return true;
		}
		return this.jdbc.sql("select hash from audit_event where seq = ?")
			.param(anchored.seq())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map((hash) -> Arrays.equals(hash, anchored.hash()))
			.orElse(false);
	}

	// a transaction id at or beyond the snapshot's xmax cannot be one of this database's
	// (it has not been handed out yet): such rows came with a restored backup and are
	// sealed
	private int sealBatch(boolean[] keyedNow) {
		Integer sealed = this.transactions.execute((status) -> {
			boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(?, 1)")
				.param(LOCK_SPACE)
				.query(Boolean.class)
				.single();
			if (!locked) {
				return 0;
			}
			this.jdbc.sql("select set_config('plenary.sealing', 'on', true)").query(String.class).single();
			Object[] head = this.jdbc.sql("select last_seq, last_hash from audit_seal where id = 1 for update")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) })
				.single();
			long seq = (Long) head[0];
			byte[] hash = (byte[]) head[1];
			keyedNow[0] |= sealOlderRows();
			List<AuditRow> rows = this.jdbc.sql("select " + AuditRow.COLUMNS + """
					 from audit_event where seq is null
					  and (xact < pg_snapshot_xmin(pg_current_snapshot())
					       or xact >= pg_snapshot_xmax(pg_current_snapshot()))
					order by id limit ?""").param(BATCH).query((rs, n) -> AuditRow.read(rs)).list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<Object[]> updates = new ArrayList<>(rows.size());
			for (AuditRow row : rows) {
				byte[] previous = hash;
				hash = row.hash(previous);
				updates.add(new Object[] { ++seq, previous, hash, this.key.seal(hash), row.id() });
			}
			this.template.batchUpdate("update audit_event set seq = ?, prev_hash = ?, hash = ?, mac = ? where id = ?",
					updates);
			this.jdbc.sql("update audit_seal set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
			return rows.size();
		});
		return (sealed == null) ? 0 : sealed;
	}

	/**
	 * The first time a key seals the trail, the rows chained before it get their seal
	 * too; only then ({@code audit_seal.keyed}), never again. @return whether it did
	 */
	private boolean sealOlderRows() {
		boolean keyed = this.jdbc.sql("select keyed from audit_seal where id = 1").query(Boolean.class).single();
		if (keyed) {
			return false;
		}
		List<Object[]> seals = new ArrayList<>();
		this.jdbc.sql("select id, hash from audit_event where seq is not null and mac is null").query((rs) -> {
			seals.add(new Object[] { this.key.seal(rs.getBytes(2)), rs.getLong(1) });
		});
		this.template.batchUpdate("update audit_event set mac = ? where id = ?", seals);
		this.jdbc.sql("update audit_seal set keyed = true where id = 1").update();
		return true;
	}

}
