package org.plenary.audit;

import java.util.ArrayList;
import java.util.List;

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

	AuditSealer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${plenary.audit.seal-every:PT5S}", initialDelayString = "PT5S")
	void sealNow() {
		try {
			sealAll();
		}
		catch (RuntimeException ex) {
			log.debug("Sealing the audit trail failed: {}", ex.getMessage());
		}
	}

	/** Seals every row that can be sealed now. @return how many */
	int sealAll() {
		int total = 0;
		int sealed;
		do {
			sealed = sealBatch();
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	// a transaction id at or beyond the snapshot's xmax cannot be one of this database's
	// (it has not been handed out yet): such rows came with a restored backup and are
	// sealed
	private int sealBatch() {
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
				updates.add(new Object[] { ++seq, previous, hash, row.id() });
			}
			this.template.batchUpdate("update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ?", updates);
			this.jdbc.sql("update audit_seal set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
			return rows.size();
		});
		return (sealed == null) ? 0 : sealed;
	}

}
