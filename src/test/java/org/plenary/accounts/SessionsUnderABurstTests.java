package org.plenary.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More signed-in requests at once than the pool has connections: each loads its session
 * from PostgreSQL, and finding out who acts on a connection must not need a second one
 * while it holds the first. It did: every request held a connection and waited for
 * another until the pool's timeout, and answered 500 (two hundred live boards opened at
 * once, issue 18).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "plenary.db.pool-size=2")
class SessionsUnderABurstTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void moreSignedInRequestsAtOnceThanConnectionsAreAllAnswered() throws Exception {
		String base = "http://localhost:" + this.port;
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();
		assertThat(FormSignIn.signIn(browser, base, this.accounts.user(Role.VIEWER)).statusCode()).isEqualTo(302);
		// one page first, as a browser after sign-in: the burst then finds the session
		// with its attributes (new attributes added by concurrent requests of one session
		// are another matter, Spring Session's)
		assertThat(browser
			.send(HttpRequest.newBuilder(URI.create(base + "/campaigns")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			answers.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/campaigns")).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).isEqualTo(200);
		}
	}

}
