package org.plenary.outreach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Channel;
import org.plenary.whip.Stance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Speed of logging a contact with a stance read (write, history, follow-up rules, live
 * update notification) with 50,000 contacts already logged, and the size of the quick-log
 * page. Not a test of the build (its name does not end in Tests): run it by hand and copy
 * the printed figures to docs/benchmarks.md:
 * {@code ./mvnw test -Dtest=ContactBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactBenchmark {

	@Autowired
	Contacts contacts;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void measure() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		List<Member> members = this.campaigns.members(campaign.id());
		Person official = this.outreach.person("Bench Official", org.plenary.whip.Level.PERMANENT_REPRESENTATIVE);
		// 50,000 contacts over three months, each with a state and two participants
		this.jdbc.sql("""
				insert into outreach_contact (campaign_id, occurred_at, channel, said, logged_by)
				select ?, now() - (g * interval '150 seconds'), (array['CALL','MESSAGE','MEETING','EMAIL'])[1 + g % 4],
				  'Seeded contact ' || g, 'bench'
				from generate_series(1, 50000) g
				""").param(campaign.id()).update();
		this.jdbc.sql("""
				insert into outreach_contact_state (contact_id, iso3)
				select c.id, m.iso3 from outreach_contact c
				join lateral (select iso3 from campaigns_member where campaign_id = c.campaign_id
				              order by iso3 offset (c.id % 193) limit 1) m on true
				where c.campaign_id = ?
				""").param(campaign.id()).update();
		this.jdbc
			.sql("""
					insert into outreach_participant (contact_id, side, position, person_id, name, level)
					select id, 'OURS', 0, ?, 'Bench Official', 'PERMANENT_REPRESENTATIVE' from outreach_contact where campaign_id = ?
					union all
					select id, 'THEIRS', 0, null, 'Their PR', 'PERMANENT_REPRESENTATIVE' from outreach_contact where campaign_id = ?
					""")
			.params(official.id(), campaign.id(), campaign.id())
			.update();
		this.jdbc.sql("analyze").update();
		long seeded = this.jdbc.sql("select count(*) from outreach_contact where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		System.out.println("contacts already logged: " + seeded);

		Stance[] reads = { Stance.YES, Stance.LEANING_YES, Stance.UNDECIDED, Stance.LEANING_NO };
		List<Long> service = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			Member member = members.get(i % members.size());
			long start = System.nanoTime();
			this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.MESSAGE,
					List.of(new Contacts.StateRead(member.iso3(), reads[i % reads.length], null, null)),
					List.of(new Contact.Participant(official.id(), null, null, null)),
					List.of(new Contact.Participant(null, null, "Their PR", null)), null, "Bench line " + i,
					"bench-" + campaign.id() + "-" + i, null, null), "bench");
			if (i >= 100) {
				service.add(System.nanoTime() - start);
			}
		}
		report("log a contact with a stance read (service: write, history, rules, notify)", service);

		List<Long> api = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			Member member = members.get((i * 7) % members.size());
			String body = "{\"channel\":\"CALL\",\"states\":[{\"iso3\":\"" + member.iso3() + "\",\"read\":\""
					+ reads[i % reads.length].name() + "\"}],\"said\":\"API bench " + i + "\"}";
			long start = System.nanoTime();
			this.mvc
				.perform(post("/api/v1/campaigns/" + campaign.id() + "/contacts").with(user("bench").roles("WHIP"))
					.header("Idempotency-Key", "api-" + campaign.id() + "-" + i)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andReturn();
			if (i >= 100) {
				api.add(System.nanoTime() - start);
			}
		}
		report("POST /api/v1/campaigns/{id}/contacts with a read (server, MockMvc)", api);

		List<Long> quick = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Member member = members.get((i * 11) % members.size());
			long start = System.nanoTime();
			this.mvc
				.perform(post("/campaigns/" + campaign.id() + "/quick-log").with(user("bench").roles("WHIP"))
					.with(csrf())
					.param("key", "quick-" + campaign.id() + "-" + i)
					.param("states", member.iso3())
					.param("channel", "MESSAGE")
					.param("read", "LEANING_YES"))
				.andReturn();
			if (i >= 50) {
				quick.add(System.nanoTime() - start);
			}
		}
		report("quick log form POST (server, MockMvc)", quick);

		int withState = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/quick-log").param("state", "BRA")
				.with(user("bench").roles("WHIP")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray().length;
		int withoutState = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/quick-log").with(user("bench").roles("WHIP")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray().length;
		System.out.printf("quick-log page HTML: %d bytes with the state chosen, %d bytes with the state list%n",
				withState, withoutState);
	}

	private static void report(String what, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: median %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)%n", what,
				sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
				sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size());
	}

}
