package org.plenary.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.plenary.PlenaryApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Plenary instances on one PostgreSQL, as behind a load balancer: a user signed in on
 * both is disabled through the other instance, and every one of its sessions ends at its
 * next request, on either instance, with no message between the instances (the account's
 * stamp and the sessions are in PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsEndOnEveryInstanceTests {

	@LocalServerPort
	int portA;

	@Autowired
	TestAccounts accounts;

	@Test
	void disablingAUserOnOneInstanceEndsItsSessionsOnBoth() throws Exception {
		String username = this.accounts.user(Role.COORDINATOR);
		try (ConfigurableApplicationContext instanceB = new SpringApplicationBuilder(PlenaryApplication.class)
			.run("--server.port=0")) {
			int portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
			HttpClient onA = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			HttpClient onB = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			assertThat(FormSignIn.signIn(onA, "http://localhost:" + this.portA, username).statusCode()).isEqualTo(302);
			assertThat(FormSignIn.signIn(onB, "http://localhost:" + portB, username).statusCode()).isEqualTo(302);
			assertThat(get(onA, this.portA).statusCode()).isEqualTo(200);
			assertThat(get(onB, portB).statusCode()).isEqualTo(200);
			// the session made on A works on B too, until the account changes
			assertThat(get(onA, portB).statusCode()).isEqualTo(200);

			// an administrator disables the user through instance B
			Accounts onInstanceB = instanceB.getBean(Accounts.class);
			UserAccount account = onInstanceB.user(username);
			onInstanceB.changeUser(username, new Accounts.UserChange(account.displayName(), null,
					account.organisationName(), account.role(), false, account.version()));

			assertThat(get(onA, this.portA).headers().firstValue("Location").orElse("")).endsWith("/login?ended");
			assertThat(get(onB, portB).headers().firstValue("Location").orElse("")).endsWith("/login?ended");
		}
	}

	private static HttpResponse<String> get(HttpClient browser, int port) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/campaigns")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
