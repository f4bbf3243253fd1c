package org.plenary.outreach;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.system.PlenaryCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./plenary demo} brings outreach alive too: owners, contacts, follow-ups. */
@SpringBootTest
class OutreachDemoTests {

	@Autowired
	List<PlenaryCommand> commands;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDemoCampaignHasOwnersContactsAndFollowUps() throws Exception {
		PlenaryCommand demo = this.commands.stream().filter((c) -> c.name().equals("demo")).findFirst().orElseThrow();
		assertThat(demo.run(List.of(), new PrintStream(new ByteArrayOutputStream()))).isZero();
		Campaign campaign = this.campaigns.campaigns().stream().filter(Campaign::demo).findFirst().orElseThrow();
		Assignments.Overview overview = this.assignments.overview(campaign.id());
		assertThat(overview.assignments()).extracting(Assignment::iso3).contains("KEN", "BRA", "IDN");
		assertThat(overview.unassigned()).contains("USA", "RUS").doesNotContain("KEN");
		List<Contact> logged = this.contacts.contacts(campaign.id(), Contacts.ContactFilter.all(50));
		assertThat(logged).hasSizeGreaterThanOrEqualTo(4);
		assertThat(logged).allSatisfy((c) -> assertThat(c.ourNames()).startsWith("DEMO "));
		assertThat(this.jdbc.sql("select count(*) from outreach_follow_up where campaign_id = ? and status = 'OPEN'")
			.param(campaign.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

}
