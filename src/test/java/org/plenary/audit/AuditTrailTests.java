package org.plenary.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.system.Acting;
import org.plenary.system.PlenaryCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail records who changed what from where, keeps no secret, refuses to be
 * changed, and {@code ./plenary audit verify} finds a row altered or deleted in SQL,
 * naming it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	List<PlenaryCommand> commands;

	@Test
	void aChangeIsRecordedWithWhoWhereAndBeforeAndAfter() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String title = "Audited campaign " + System.nanoTime();
		this.mvc.perform(post("/campaigns").param("title", title)
			.param("body", "GA_PLENARY")
			.param("rule", "TWO_THIRDS")
			.with(user(coordinator).roles("COORDINATOR"))
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			})).andExpect(status().is3xxRedirection());
		Map<String, Object> row = this.jdbc.sql("""
				select actor, address, action, after ->> 'title' as title from audit_event
				where table_name = 'campaigns_campaign' and after ->> 'title' = ?
				""").param(title).query().singleRow();
		assertThat(row).containsEntry("actor", coordinator)
			.containsEntry("address", "203.0.113.7")
			.containsEntry("action", "INSERT");
		// a change shows what it was before and after
		long id = this.jdbc.sql("select id from campaigns_campaign where title = ?")
			.param(title)
			.query(Long.class)
			.single();
		this.jdbc.sql("update campaigns_campaign set goal_text = 'More than 100 Yes' where id = ?").param(id).update();
		Map<String, Object> update = this.jdbc.sql("""
				select actor, before ->> 'goal_text' as before, after ->> 'goal_text' as after from audit_event
				where table_name = 'campaigns_campaign' and row_key = ? and action = 'UPDATE' order by id desc limit 1
				""").param(String.valueOf(id)).query().singleRow();
		assertThat(update.get("before")).isNull();
		assertThat(update).containsEntry("after", "More than 100 Yes").containsEntry("actor", "system");
	}

	@Test
	void secretsAndFileContentsStayOutOfTheTrail() {
		String user = this.accounts.user(Role.VIEWER);
		this.accounts.token(user);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where table_name in ('accounts_user', 'accounts_api_token')
				  and (after -> 'password_hash' is not null or after -> 'token_hash' is not null
				       or before -> 'password_hash' is not null)
				""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where after ->> 'username' = ?")
			.param(user)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theTrailIsAppendOnly() {
		this.trail.record("EXPORT", "test", "an event to try to change");
		long id = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		assertThatThrownBy(
				() -> this.jdbc.sql("update audit_event set actor = 'mallory' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_event").update()).hasMessageContaining("append-only");
	}

	@Test
	void verifyFindsARowAlteredOrDeletedInSqlAndNamesIt() throws Exception {
		this.trail.record("EXPORT", "test", "a row to tamper with");
		assertThat(verify()).as("before tampering").startsWith("The audit trail is intact");
		long id = this.jdbc.sql("select max(id) from audit_event where detail = 'a row to tamper with'")
			.query(Long.class)
			.single();
		long seq = this.jdbc.sql("select seq from audit_event where id = ?").param(id).query(Long.class).single();
		String actor = this.jdbc.sql("select actor from audit_event where id = ?")
			.param(id)
			.query(String.class)
			.single();
		// someone with the database's keys changes a row, getting round the triggers
		tamper((sql) -> sql.sql("update audit_event set actor = 'mallory' where id = ?").param(id).update());
		assertThat(verify()).contains("NOT intact").contains("row id " + id).contains("altered");
		assertThat(this.trail.verify().intact()).isFalse();
		tamper((sql) -> sql.sql("update audit_event set actor = ? where id = ?").params(actor, id).update());
		assertThat(verify()).startsWith("The audit trail is intact");
		// and deletes one
		Map<String, Object> kept = this.jdbc.sql("select * from audit_event where id = ?")
			.param(id)
			.query()
			.singleRow();
		tamper((sql) -> sql.sql("delete from audit_event where id = ?").param(id).update());
		assertThat(verify()).contains("NOT intact").contains("seq " + seq).contains("missing");
		tamper((sql) -> sql
			.sql("""
					insert into audit_event (id, at, xact, actor, address, action, table_name, row_key, before, after, detail,
					  seq, prev_hash, hash, mac) overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(kept.get("id"), kept.get("at"), kept.get("xact"), kept.get("actor"), kept.get("address"),
					kept.get("action"), kept.get("table_name"), kept.get("row_key"), kept.get("before"),
					kept.get("after"), kept.get("detail"), kept.get("seq"), kept.get("prev_hash"), kept.get("hash"),
					kept.get("mac"))
			.update());
		assertThat(verify()).startsWith("The audit trail is intact");
	}

	@Test
	void verifyFindsAChainRecomputedWithoutTheKey() throws Exception {
		this.trail.record("EXPORT", "test", "a row to rewrite");
		this.trail.record("EXPORT", "test", "a row after it");
		assertThat(verify()).as("before tampering").startsWith("The audit trail is intact");
		long id = this.jdbc.sql("select max(id) from audit_event where detail = 'a row to rewrite'")
			.query(Long.class)
			.single();
		long seq = this.jdbc.sql("select seq from audit_event where id = ?").param(id).query(Long.class).single();
		List<Map<String, Object>> original = this.jdbc
			.sql("select id, actor, prev_hash, hash from audit_event" + " where seq >= ? order by seq")
			.param(seq)
			.query()
			.listOfRows();
		Map<String, Object> head = this.jdbc.sql("select last_seq, last_hash from audit_seal").query().singleRow();
		// someone with the database's keys alters a row and recomputes every hash after
		// it
		tamper((sql) -> {
			sql.sql("update audit_event set actor = 'mallory' where id = ?").param(id).update();
			byte[] previous = sql.sql("select prev_hash from audit_event where id = ?")
				.param(id)
				.query((rs, n) -> rs.getBytes(1))
				.single();
			long last = 0;
			for (AuditRow row : sql.sql("select " + AuditRow.COLUMNS + " from audit_event where seq >= ? order by seq")
				.param(seq)
				.query((rs, n) -> AuditRow.read(rs))
				.list()) {
				byte[] hash = row.hash(previous);
				sql.sql("update audit_event set prev_hash = ?, hash = ? where id = ?")
					.params(previous, hash, row.id())
					.update();
				previous = hash;
				last = sql.sql("select seq from audit_event where id = ?").param(row.id()).query(Long.class).single();
			}
			sql.sql("update audit_seal set last_seq = ?, last_hash = ?").params(last, previous).update();
		});
		assertThat(verify()).contains("NOT intact").contains("row id " + id).contains("without the key");
		tamper((sql) -> {
			for (Map<String, Object> row : original) {
				sql.sql("update audit_event set actor = ?, prev_hash = ?, hash = ? where id = ?")
					.params(row.get("actor"), row.get("prev_hash"), row.get("hash"), row.get("id"))
					.update();
			}
			sql.sql("update audit_seal set last_seq = ?, last_hash = ?")
				.params(head.get("last_seq"), head.get("last_hash"))
				.update();
		});
		assertThat(verify()).startsWith("The audit trail is intact");
	}

	@Test
	void verifyFindsATruncatedTailByTheCheckpointOutsideTheDatabase() throws Exception {
		this.trail.record("EXPORT", "test", "the last row but one");
		this.trail.record("EXPORT", "test", "the last row");
		assertThat(verify()).as("before tampering").startsWith("The audit trail is intact");
		List<Map<String, Object>> tail = this.jdbc
			.sql("select * from audit_event where seq is not null order by seq desc limit 2")
			.query()
			.listOfRows();
		Map<String, Object> head = this.jdbc.sql("select last_seq, last_hash from audit_seal").query().singleRow();
		long cut = ((Number) tail.get(1).get("seq")).longValue();
		// the last two rows deleted and the head moved back onto the row before them
		tamper((sql) -> {
			sql.sql("delete from audit_event where seq >= ?").param(cut).update();
			sql.sql("update audit_seal set last_seq = ?, last_hash = (select hash from audit_event where seq = ?)")
				.params(cut - 1, cut - 1)
				.update();
		});
		assertThat(verify()).contains("NOT intact").contains("missing").contains("checkpoint");
		tamper((sql) -> {
			for (Map<String, Object> row : tail) {
				sql.sql("""
						insert into audit_event (id, at, xact, actor, address, action, table_name, row_key, before, after,
						  detail, seq, prev_hash, hash, mac)
						overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(row.get("id"), row.get("at"), row.get("xact"), row.get("actor"), row.get("address"),
							row.get("action"), row.get("table_name"), row.get("row_key"), row.get("before"),
							row.get("after"), row.get("detail"), row.get("seq"), row.get("prev_hash"), row.get("hash"),
							row.get("mac"))
					.update();
			}
			sql.sql("update audit_seal set last_seq = ?, last_hash = ?")
				.params(head.get("last_seq"), head.get("last_hash"))
				.update();
		});
		assertThat(verify()).startsWith("The audit trail is intact");
	}

	@Test
	void verifyFailsWithoutItsCheckpointUntilAnOperatorWritesANewOne() throws Exception {
		this.trail.record("EXPORT", "test", "a row before the checkpoint goes");
		assertThat(verify()).as("before").startsWith("The audit trail is intact");
		java.nio.file.Path checkpoint = java.nio.file.Path
			.of(this.environment.getProperty("plenary.audit.checkpoint-file"));
		java.nio.file.Files.delete(checkpoint);
		assertThat(verify()).contains("NOT intact").contains("checkpoint").contains("missing");
		assertThat(run("audit checkpoint")).contains("Checkpoint written").contains("seq ");
		assertThat(verify()).startsWith("The audit trail is intact");
	}

	/**
	 * Runs SQL with the triggers off, as someone with direct access to the database
	 * could.
	 */
	private void tamper(java.util.function.Consumer<JdbcClient> sql) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			sql.accept(this.jdbc);
		});
	}

	private String verify() throws Exception {
		return run("audit verify");
	}

	private String run(String name) throws Exception {
		PlenaryCommand command = this.commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	@Autowired
	org.springframework.core.env.Environment environment;

	@Test
	void administratorsReadTheTrailOthersDoNot() throws Exception {
		// made by a user of the administrator's organisation, whose rows it reads
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Acting.asUser(coordinator, () -> {
			this.trail.record("EXPORT", "call sheets", "campaign 1: <script>alert(1)</script>");
			return null;
		});
		String page = this.mvc
			.perform(get("/admin/audit").param("action", "EXPORT")
				.with(user(this.accounts.user(Role.ADMINISTRATOR)).roles("ADMINISTRATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Audit trail")
			.contains("call sheets")
			.contains("&lt;script&gt;")
			.doesNotContain("<script>alert");
		this.mvc.perform(get("/admin/audit").with(user(this.accounts.user(Role.COORDINATOR)).roles("COORDINATOR")))
			.andExpect(status().isForbidden());
	}

}
