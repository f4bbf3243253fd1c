package org.plenary.system;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's limit on JSON bodies counts what is read, not what the request declares: a
 * body sent in chunks, with no Content-Length, is refused at the limit (413 with a
 * problem detail) instead of being parsed whole, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChunkedBodyLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Test
	void aChunkedBodyOverTheLimitIsRefusedAtTheLimit() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		long campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator).id();
		// 8 MB of JSON, valid to the end, streamed with no Content-Length
		InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
				new ByteArrayInputStream(
						"{\"stance\":\"YES\",\"expectedVersion\":0,\"note\":\"".getBytes(StandardCharsets.UTF_8)),
				new ByteArrayInputStream("x".repeat(8 * 1024 * 1024).getBytes(StandardCharsets.UTF_8)),
				new ByteArrayInputStream("\"}".getBytes(StandardCharsets.UTF_8)))));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/campaigns/" + campaign + "/stances/BRA"))
			.header("Authorization", "Bearer " + this.accounts.token(coordinator))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"detail\"").doesNotContain("Exception");

		HttpResponse<String> stance = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + this.port + "/api/v1/campaigns/" + campaign + "/stances/BRA"))
				.header("Authorization", "Bearer " + this.accounts.token(coordinator))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stance.body()).contains("\"version\":0");
	}

}
