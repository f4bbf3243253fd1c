package org.plenary.whip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Speed of the board and of recording a stance, and concurrent writers. Not a test of the
 * build (its name does not end in Tests): run it by hand and copy the printed figures to
 * docs/benchmarks.md:
 * {@code ./mvnw test -Dtest=BoardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardBenchmark {

	@Autowired
	WhipCount whip;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void measure() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		List<Member> members = this.campaigns.members(campaign.id());
		// 20,000 changes of history, spread over the members and two weeks
		this.jdbc.sql("""
				insert into whip_stance (campaign_id, iso3, stance, version, recorded_by, recorded_at)
				select ?, iso3, 'UNDECIDED', 0, 'bench', now() from campaigns_member where campaign_id = ?
				""").params(campaign.id(), campaign.id()).update();
		this.jdbc
			.sql("""
					insert into whip_stance_change (campaign_id, iso3, version, from_stance, to_stance, recorded_by, recorded_at)
					select m.campaign_id, m.iso3, g.v, 'UNDECIDED',
					  (array['YES','LEANING_YES','UNDECIDED','ABSTAIN','NO'])[1 + (g.v + length(m.iso3)) % 5], 'bench',
					  now() - interval '14 days' + (g.v * interval '1 hour')
					from campaigns_member m cross join generate_series(1, 104) g(v) where m.campaign_id = ?
					""")
			.param(campaign.id())
			.update();
		this.jdbc.sql("""
				update whip_stance s set version = 104 where campaign_id = ?
				""").param(campaign.id()).update();
		long changes = this.jdbc.sql("select count(*) from whip_stance_change where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		System.out.println("history: " + changes + " changes");

		List<Long> page = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			long start = System.nanoTime();
			this.mvc.perform(get("/campaigns/" + campaign.id()).with(user("bench").roles("VIEWER"))).andReturn();
			if (i >= 50) {
				page.add(System.nanoTime() - start);
			}
		}
		report("board page, 193 members, " + changes + " changes (server, MockMvc)", page);

		List<Long> writes = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			Member member = members.get(i % members.size());
			int version = this.whip.stance(campaign.id(), member.iso3()).version();
			long start = System.nanoTime();
			this.whip.record(
					new WhipCount.RecordStance(campaign.id(), member.iso3(),
							Stance.values()[i % Stance.values().length], null, null, null, null, null, version, null),
					"bench");
			if (i >= 100) {
				writes.add(System.nanoTime() - start);
			}
		}
		report("record a stance (write, history, notify, event)", writes);

		int writers = 100;
		long seconds = Long.getLong("bench.seconds", 20);
		AtomicLong accepted = new AtomicLong();
		AtomicLong conflicts = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long before = this.jdbc.sql("select count(*) from whip_stance_change where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		for (int w = 0; w < writers; w++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					Member member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
					int version = this.whip.stance(campaign.id(), member.iso3()).version();
					long start = System.nanoTime();
					try {
						this.whip.record(new WhipCount.RecordStance(campaign.id(), member.iso3(),
								Stance.values()[ThreadLocalRandom.current().nextInt(9)], null, null, null, null, null,
								version, null), "bench");
						accepted.incrementAndGet();
						latencies.add(System.nanoTime() - start);
					}
					catch (WhipCount.StaleStance ex) {
						conflicts.incrementAndGet();
					}
					catch (RuntimeException ex) {
						errors.incrementAndGet();
						ex.printStackTrace();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		long history = this.jdbc.sql("select count(*) from whip_stance_change where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		System.out.printf("%d writers for %d s: %d accepted (%.0f/s), %d conflicts, %d errors; history grew by %d%n",
				writers, seconds, accepted.get(), accepted.get() / (double) seconds, conflicts.get(), errors.get(),
				history - before);
		report("record a stance under 100 concurrent writers", latencies);
		assertThat(history - before).isEqualTo(accepted.get());
		assertThat(errors.get()).isZero();
	}

	private static void report(String what, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: median %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)%n", what,
				sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
				sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size());
	}

}
