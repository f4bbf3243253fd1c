package org.plenary.whip;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load of issue 4: 100 writers updating random states through the API for 60 s (set
 * {@code -Dload.seconds}), with 200 live boards open; afterwards the history holds
 * exactly the accepted writes, the only errors are the expected conflicts, and every
 * board shows the final stance of every state. Run by hand (not part of the build):
 * {@code ./mvnw test -Dtest=LiveBoardLoad -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveBoardLoad {

	private static final Pattern ROW = Pattern.compile("badge stance-([a-z-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	WhipCount whip;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hundredWritersTwoHundredBoards() throws Exception {
		int writers = Integer.getInteger("load.writers", 100);
		int boards = Integer.getInteger("load.boards", 200);
		long seconds = Long.getLong("load.seconds", 60);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		List<Member> members = this.campaignService.members(campaign.id());
		String whipUser = this.accounts.user(Role.WHIP);
		String token = this.accounts.token(whipUser);

		// 200 boards: each keeps the last stance it was sent for each state
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser, whipUser);
		List<Map<String, String>> seen = new ArrayList<>();
		List<HttpResponse<java.io.InputStream>> streams = new ArrayList<>();
		for (int b = 0; b < boards; b++) {
			Map<String, String> board = new ConcurrentHashMap<>();
			seen.add(board);
			HttpResponse<java.io.InputStream> stream = browser
				.send(HttpRequest.newBuilder(URI.create(url("/campaigns/" + campaign.id() + "/board/events")))
					.header("Accept", "text/event-stream")
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			streams.add(stream);
			Thread.ofVirtual().start(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
					String event = null;
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (line.startsWith("event:")) {
							event = line.substring(6);
						}
						else if (line.startsWith("data:") && event != null && event.startsWith("stance-")) {
							Matcher stance = ROW.matcher(line);
							if (stance.find()) {
								board.put(event.substring(7), stance.group(1));
							}
						}
					}
				}
				catch (java.io.IOException ex) {
					// closed at the end
				}
			});
		}

		AtomicLong accepted = new AtomicLong();
		AtomicLong conflicts = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		HttpClient api = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		for (int w = 0; w < writers; w++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					Member member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
					Stance stance = Stance.values()[ThreadLocalRandom.current().nextInt(Stance.values().length)];
					try {
						String path = url("/api/v1/campaigns/" + campaign.id() + "/stances/" + member.iso3());
						HttpResponse<String> current = api.send(HttpRequest.newBuilder(URI.create(path))
							.header("Authorization", "Bearer " + token)
							.build(), HttpResponse.BodyHandlers.ofString());
						String version = current.headers().firstValue("ETag").orElse("\"0\"");
						long start = System.nanoTime();
						HttpResponse<String> put = api.send(HttpRequest.newBuilder(URI.create(path))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.header("If-Match", version)
							.PUT(HttpRequest.BodyPublishers.ofString("{\"stance\":\"" + stance.name() + "\"}"))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (put.statusCode() == 200) {
							accepted.incrementAndGet();
							latencies.add(System.nanoTime() - start);
						}
						else if (put.statusCode() == 409) {
							conflicts.incrementAndGet();
						}
						else {
							errors.incrementAndGet();
							System.out.println("unexpected " + put.statusCode() + ": " + put.body());
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		Thread.sleep(3000); // the last notifications reach the boards

		long history = this.jdbc.sql("select count(*) from whip_stance_change where campaign_id = ?")
			.param(campaign.id())
			.query(Long.class)
			.single();
		Map<String, CurrentStance> finals = this.whip.stances(campaign.id());
		long stale = 0;
		for (Map<String, String> board : seen) {
			for (CurrentStance stance : finals.values()) {
				if (!stance.stance().css().equals(board.get(stance.iso3()))) {
					stale++;
				}
			}
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%d writers, %d boards, %d s: %d accepted (%.0f/s), %d conflicts, %d errors; history %d; "
				+ "PUT median %.1f ms, p95 %.1f ms, p99 %.1f ms; board cells not showing the final stance: %d of %d%n",
				writers, boards, seconds, accepted.get(), accepted.get() / (double) seconds, conflicts.get(),
				errors.get(), history, sorted.get(sorted.size() / 2) / 1e6,
				sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, stale,
				(long) boards * finals.size());
		streams.forEach((s) -> {
			try {
				s.body().close();
			}
			catch (java.io.IOException ex) {
				// closing
			}
		});
		assertThat(history).isEqualTo(accepted.get());
		assertThat(errors.get()).isZero();
		assertThat(stale).isZero();
	}

	private void signIn(HttpClient browser, String username) throws Exception {
		FormSignIn.signIn(browser, "http://localhost:" + this.port, username);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
