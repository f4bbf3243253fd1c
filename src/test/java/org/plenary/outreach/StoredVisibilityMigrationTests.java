package org.plenary.outreach;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records stored before visibility was derived one way, as the earlier rules left
 * them, and what migration V29_2 makes of them: the partners' view loses what a private
 * contact told, and rule-made follow-ups become their source's audience's.
 */
@SpringBootTest
class StoredVisibilityMigrationTests {

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void storedRecordsOfPrivateContactsKeepToTheirOrganisation() throws Exception {
		String organisation = "Stored Mission " + System.nanoTime();
		String whip = this.accounts.user(Role.WHIP, organisation);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS,
				this.accounts.user(Role.COORDINATOR, organisation));
		long id = campaign.id();
		long organisationId = this.jdbc.sql("select organisation_id from accounts_user where username = ?")
			.param(whip)
			.query(Long.class)
			.single();
		// a contact kept to the organisation, whose read of Kenya reached the shared
		// board
		// with its level, channel, logger and id; and a read of Ghana kept private, also
		// written on the contact's state row
		long contact = this.jdbc
			.sql("""
					insert into outreach_contact (campaign_id, occurred_at, channel, said, logged_by, organisation_id, visibility)
					values (?, now(), 'CALL', 'Kept', ?, ?, 'ORGANISATION') returning id""")
			.params(id, whip, organisationId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into outreach_contact_state (contact_id, iso3, stance_read, confidence, stance_version)
				values (?, 'KEN', 'NO', null, 1), (?, 'GHA', 'YES', 'HIGH', null)""").params(contact, contact).update();
		this.jdbc
			.sql("""
					insert into whip_stance (campaign_id, iso3, stance, source_level, source_channel, recorded_by, recorded_at,
					  version, contact_id) values (?, 'KEN', 'NO', 'MINISTER', 'CALL', ?, now(), 1, ?)""")
			.params(id, whip, contact)
			.update();
		this.jdbc
			.sql("""
					insert into whip_stance_change (campaign_id, iso3, version, from_stance, to_stance, source_level,
					  source_channel, recorded_by, contact_id) values (?, 'KEN', 1, 'UNKNOWN', 'NO', 'MINISTER', 'CALL', ?, ?)""")
			.params(id, whip, contact)
			.update();
		this.jdbc
			.sql("""
					insert into whip_private_read (campaign_id, iso3, organisation_id, stance, confidence, contact_id, recorded_by)
					values (?, 'GHA', ?, 'YES', 'HIGH', ?, ?)""")
			.params(id, organisationId, contact, whip)
			.update();
		// follow-ups the rules made for everyone: a slip from the private read, a
		// not-contacted one still open, and one the whip closed by hand
		this.jdbc
			.sql("""
					insert into outreach_follow_up (campaign_id, iso3, title, due_on, origin, contact_id, created_by, status,
					  closed_by, closed_at)
					values (?, 'KEN', 'Kenya slipped', current_date, 'SLIPPED', ?, 'plenary', 'OPEN', null, null),
					       (?, 'MLI', 'Contact Mali: last contact on 2 Dec 2026', current_date, 'NOT_CONTACTED', null, 'plenary',
					        'OPEN', null, null),
					       (?, 'SEN', 'Contact Senegal: last contact on 2 Dec 2026', current_date, 'NOT_CONTACTED', null,
					        'plenary', 'DISMISSED', ?, now())""")
			.params(id, contact, id, id, whip)
			.update();

		String migration = new ClassPathResource("db/migration/outreach/V29_2__visibility_of_stored_records.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		this.transactions.executeWithoutResult((status) -> this.template.execute(migration));

		Map<String, Object> stance = this.jdbc.sql("select * from whip_stance where campaign_id = ? and iso3 = 'KEN'")
			.param(id)
			.query()
			.singleRow();
		assertThat(stance).containsEntry("stance", "NO")
			.containsEntry("source_level", null)
			.containsEntry("source_channel", null)
			.containsEntry("contact_id", null)
			.containsEntry("recorded_by", organisation);
		Map<String, Object> change = this.jdbc
			.sql("select * from whip_stance_change where campaign_id = ? and iso3 = 'KEN'")
			.param(id)
			.query()
			.singleRow();
		assertThat(change).containsEntry("source_level", null)
			.containsEntry("contact_id", null)
			.containsEntry("recorded_by", organisation);
		assertThat(this.jdbc.sql("select * from outreach_contact_state where contact_id = ? and iso3 = 'GHA'")
			.param(contact)
			.query()
			.singleRow()).containsEntry("stance_read", null).containsEntry("confidence", null);
		assertThat(this.jdbc.sql("select stance_read from outreach_contact_state where contact_id = ? and iso3 = 'KEN'")
			.param(contact)
			.query(String.class)
			.single()).isEqualTo("NO");
		Map<String, Object> slipped = this.jdbc
			.sql("select * from outreach_follow_up where campaign_id = ? and origin = 'SLIPPED'")
			.param(id)
			.query()
			.singleRow();
		assertThat(slipped).containsEntry("organisation_id", organisationId)
			.containsEntry("visibility", "ORGANISATION");
		assertThat(this.jdbc.sql("select count(*) from outreach_follow_up where campaign_id = ? and iso3 = 'MLI'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		Map<String, Object> dismissed = this.jdbc
			.sql("select * from outreach_follow_up where campaign_id = ? and iso3 = 'SEN'")
			.param(id)
			.query()
			.singleRow();
		assertThat(dismissed).containsEntry("organisation_id", organisationId)
			.containsEntry("visibility", "ORGANISATION");
	}

}
