package org.plenary.outreach;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open board shows a state's new owner and its last contact without a reload: a hand
 * over and a contact logged without a read push the state's row, like a stance does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutreachLiveBoardTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Test
	void aHandOverAndAContactWithoutAReadReachAnOpenBoard() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person official = this.outreach.person("Rotating Official", Level.DESK_OFFICER);
		String viewer = this.accounts.user(Role.VIEWER);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(FormSignIn.signIn(browser, "http://localhost:" + this.port, viewer).statusCode()).isEqualTo(302);
		HttpResponse<InputStream> stream = browser.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/campaigns/" + campaign.id() + "/board/events"))
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		assertThat(events.readLine()).isEqualTo("event:connected");
		CompletableFuture<String> owner = until(events, "event:stance-GHA", "Rotating Official");
		this.assignments.assign(campaign.id(), "GHA", official.id(), null, "coordinator");
		assertThat(owner.get(10, TimeUnit.SECONDS)).contains("Rotating Official");
		CompletableFuture<String> contacted = until(events, "event:stance-GHA", "just now");
		this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("GHA", null, null, null)), List.of(), List.of(), null,
				"Briefed the desk officer", null, null, null), "whip");
		assertThat(contacted.get(10, TimeUnit.SECONDS)).contains("just now");
		stream.body().close();
	}

	/** Reads the stream until an event of this name carries the text. */
	private static CompletableFuture<String> until(BufferedReader events, String event, String text) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				boolean named = false;
				for (String line = events.readLine(); line != null; line = events.readLine()) {
					if (line.startsWith("event:")) {
						named = line.equals(event);
					}
					else if (named && line.startsWith("data:") && line.contains(text)) {
						return line;
					}
				}
				return "closed";
			}
			catch (java.io.IOException ex) {
				return "closed: " + ex.getMessage();
			}
		});
	}

}
