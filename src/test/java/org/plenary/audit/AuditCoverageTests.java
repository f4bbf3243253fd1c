package org.plenary.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.reports.TalkingPoints;
import org.plenary.system.Acting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table that people change is under the audit trail: a table of the schema without
 * an audit trigger must be one of the few listed here, with why. A table added later
 * without its trigger (and not listed) fails this test, by name.
 */
@SpringBootTest
class AuditCoverageTests {

	/** The tables that no person changes record by record, and why. */
	private static final Map<String, String> EXEMPT = Map.ofEntries(
			// the trail itself, and its head
			Map.entry("audit_event", "the trail"), Map.entry("audit_seal", "the head of the trail's chain"),
			// Flyway's record of the migrations run
			Map.entry("flyway_schema_history", "migrations"),
			// web sessions (Spring Session), sign-in throttling and API rate counters:
			// traffic, not records; sign-ins and sign-outs change no record
			Map.entry("accounts_session", "sessions"), Map.entry("accounts_session_attributes", "sessions"),
			Map.entry("accounts_login_failure", "sign-in throttling"),
			Map.entry("accounts_login_known", "sign-in throttling: the addresses a user signed in from"),
			Map.entry("accounts_api_rate", "rate limits"),
			// the codes a user is given when turning two-factor on: turning it on, off or
			// resetting it is audited on accounts_two_factor; the hashes are secrets
			Map.entry("accounts_recovery_code", "secrets; accounts_two_factor is audited"),
			// an import of roll calls is one audited event (history_import: who, which
			// file, its outcome), not a row per vote of the millions it loads
			Map.entry("history_roll_call", "bulk import"), Map.entry("history_vote", "bulk import"),
			Map.entry("history_roll_call_source", "bulk import"), Map.entry("history_defect", "bulk import"),
			// computed by the forecaster from the board and the roll calls, not written
			// by
			// anyone; a recorded outcome (forecast_outcome) is audited
			Map.entry("forecast_model", "computed"), Map.entry("forecast_model_state", "computed"),
			Map.entry("forecast_snapshot", "computed"),
			// a spreadsheet kept between its preview and its application, deleted after a
			// day: what applying it changes is audited on the board
			Map.entry("reports_upload", "staging"),
			// who has a board open now, refreshed every few seconds
			Map.entry("whip_viewer", "presence"));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TalkingPoints talkingPoints;

	@Test
	void everyTableOfTheSchemaHasAnAuditTriggerOrIsListedAsExempt() {
		List<String> unaudited = this.jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
				  and not exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
				                  where t.tgrelid = c.oid and not t.tgisinternal and p.proname = 'audit_row_change')
				order by 1
				""").query(String.class).list();
		assertThat(unaudited)
			.as("tables without an audit trigger (add one with select audit_table(...) "
					+ "in a migration, or list the table as exempt here, saying why)")
			.containsOnlyElementsOf(EXEMPT.keySet());
		// an exemption for a table that is gone, or that has its trigger now, is stale
		assertThat(EXEMPT.keySet()).as("exempt tables that are gone or audited")
			.containsExactlyInAnyOrderElementsOf(unaudited);
	}

	@Test
	void writingAndRemovingATalkingPointLeavesAuditRows() {
		String whip = this.accounts.user(Role.WHIP, "Talking Mission");
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, whip);
		TalkingPoints.TalkingPoint point = Acting.asUser(whip, () -> this.talkingPoints.write(campaign.id(),
				new TalkingPoints.Write("KEN", null, "Audited point " + System.nanoTime(), null), whip));
		Acting.asUser(whip, () -> {
			this.talkingPoints.remove(campaign.id(), point.id());
			return null;
		});
		List<String> actions = this.jdbc.sql("""
				select action from audit_event where table_name = 'reports_talking_point' and row_key = ? and actor = ?
				order by id""").params(String.valueOf(point.id()), whip).query(String.class).list();
		assertThat(actions).containsExactly("INSERT", "DELETE");
	}

}
