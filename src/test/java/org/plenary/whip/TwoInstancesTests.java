package org.plenary.whip;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.plenary.PlenaryApplication;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Plenary instances on one PostgreSQL, as behind a load balancer: a user signs in on
 * A, opens a board on B with the same session, and a stance recorded through A reaches
 * the board on B within a second or two, through LISTEN/NOTIFY.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesTests {

	@LocalServerPort
	int portA;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Test
	void aStanceRecordedOnOneInstanceReachesABoardOnTheOther() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		String token = this.accounts.token(whip);
		// a command-line argument: it outranks application.properties'
		// server.port=${PLENARY_PORT:8080}
		try (ConfigurableApplicationContext instanceB = new SpringApplicationBuilder(PlenaryApplication.class)
			.run("--server.port=0")) {
			int portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			signIn(browser, this.portA, whip);

			// the session made on A opens the board on B
			HttpResponse<InputStream> stream = browser.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + portB + "/campaigns/" + campaign.id() + "/board/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(stream.statusCode()).isEqualTo(200);
			BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
			assertThat(events.readLine()).isEqualTo("event:connected");

			CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
				try {
					StringBuilder seen = new StringBuilder();
					for (String line = events.readLine(); line != null; line = events.readLine()) {
						seen.append(line).append('\n');
						if (line.startsWith("data:") && seen.indexOf("event:stance-KEN") >= 0
								&& line.contains("Leaning yes")) {
							return seen.toString();
						}
					}
					return seen.toString();
				}
				catch (java.io.IOException ex) {
					return "closed: " + ex.getMessage();
				}
			});
			long sent = System.nanoTime();
			HttpResponse<String> put = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create(
							"http://localhost:" + this.portA + "/api/v1/campaigns/" + campaign.id() + "/stances/KEN"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"stance\":\"LEANING_YES\",\"expectedVersion\":0}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
			String seen = received.get(10, TimeUnit.SECONDS);
			long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
			assertThat(seen).contains("event:stance-KEN").contains("Leaning yes");
			System.out.println("Stance recorded on instance A reached the board on instance B in " + millis + " ms");
			stream.body().close();
		}
	}

	private static void signIn(HttpClient browser, int port, String username) throws Exception {
		HttpResponse<String> signedIn = FormSignIn.signIn(browser, "http://localhost:" + port, username);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

}
