package org.plenary.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One's web sessions: listed with where they signed in from, signed out one by one or
 * everywhere else, on the account page and through the API; the idle timeout and the
 * absolute lifetime.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestTwoFactor twoFactor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void theAccountPageListsOnesSessionsWithWhereTheySignedInFrom() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession laptop = signedIn(username, "192.0.2.10", "Laptop Firefox");
		signedIn(username, "198.51.100.20", "Phone Safari");
		String page = WebSession.body(laptop.get("/account"));
		assertThat(page).contains("192.0.2.10")
			.contains("Laptop Firefox")
			.contains("198.51.100.20")
			.contains("Phone Safari");
		assertThat(page.split("this browser", -1)).hasSize(2);
		// the cookie's secret is never shown: sessions are named by a digest
		assertThat(page).doesNotContain(sessionId(laptop));
		assertThat(page).contains("/account/sessions/" + UserSessions.name(sessionId(laptop)) + "/sign-out");
	}

	@Test
	void sessionsEndAfterTheConfiguredIdleTimeoutOfEightHours() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		signedIn(username, "192.0.2.11", "Browser");
		assertThat(this.jdbc.sql("select max_inactive_interval from accounts_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo((int) Duration.ofHours(8).toSeconds());
	}

	@Test
	void signsOutOneSessionFromAnother() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession laptop = signedIn(username, "192.0.2.12", "Laptop");
		WebSession lostPhone = signedIn(username, "192.0.2.13", "Lost phone");
		assertThat(WebSession
			.redirect(laptop.post("/account/sessions/" + UserSessions.name(sessionId(lostPhone)) + "/sign-out")))
			.isEqualTo("/account");
		assertThat(WebSession.redirect(lostPhone.get("/campaigns"))).endsWith("/login");
		assertThat(laptop.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		// a session of someone else's cannot be named
		String other = this.accounts.user(Role.WHIP);
		WebSession theirs = signedIn(other, "192.0.2.14", "Theirs");
		laptop.post("/account/sessions/" + UserSessions.name(sessionId(theirs)) + "/sign-out");
		assertThat(theirs.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void signsOutEverywhereElse() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession here = signedIn(username, "192.0.2.15", "Here");
		WebSession office = signedIn(username, "192.0.2.16", "Office");
		WebSession home = signedIn(username, "192.0.2.17", "Home");
		here.post("/account/sessions/sign-out-others");
		assertThat(WebSession.redirect(office.get("/campaigns"))).endsWith("/login");
		assertThat(WebSession.redirect(home.get("/campaigns"))).endsWith("/login");
		assertThat(here.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from accounts_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theApiListsAndSignsOutWebSessions() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		String token = "Bearer " + this.accounts.token(username);
		WebSession one = signedIn(username, "192.0.2.18", "One");
		WebSession two = signedIn(username, "192.0.2.19", "Two");
		String list = this.mvc.perform(get("/api/v1/me/sessions").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("\"address\":\"192.0.2.18\"")
			.contains("\"userAgent\":\"Two\"")
			.contains("\"id\":\"" + UserSessions.name(sessionId(one)) + "\"")
			.doesNotContain(sessionId(one));

		this.mvc
			.perform(delete("/api/v1/me/sessions/" + UserSessions.name(sessionId(one))).header("Authorization", token))
			.andExpect(status().isNoContent());
		assertThat(WebSession.redirect(one.get("/campaigns"))).endsWith("/login");
		this.mvc.perform(delete("/api/v1/me/sessions/0123456789abcdef01234567").header("Authorization", token))
			.andExpect(status().isNotFound());

		assertThat(this.mvc.perform(delete("/api/v1/me/sessions").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo("{\"signedOut\":1}");
		assertThat(WebSession.redirect(two.get("/campaigns"))).endsWith("/login");
		// the token itself goes on working
		this.mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
	}

	@Test
	void aSessionWaitingForItsSecondFactorIsListedAsSuch() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		WebSession mine = new WebSession(this.mvc).from("192.0.2.21", "Mine");
		mine.signIn(username, TestAccounts.PASSWORD);
		mine.post("/login/two-factor", "code", TestTwoFactor.code(secret));
		// someone else has the password, not the phone
		new WebSession(this.mvc).from("203.0.113.66", "Intruder").signIn(username, TestAccounts.PASSWORD);
		String page = WebSession.body(mine.get("/account"));
		assertThat(page).contains("203.0.113.66").contains("waiting for a code");
	}

	@Test
	void aSessionMustSignInAgainAfterItsLifetimeHowEverBusy() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession browser = signedIn(username, "192.0.2.22", "Busy");
		assertThat(browser.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		signedInAgo(sessionId(browser), Duration.ofHours(23));
		assertThat(browser.get("/campaigns").getResponse().getStatus()).isEqualTo(200);

		signedInAgo(sessionId(browser), Duration.ofHours(25));
		String id = sessionId(browser);
		assertThat(WebSession.redirect(browser.get("/campaigns"))).isEqualTo("/login?expired");
		assertThat(this.sessions.findById(id)).isNull();
		assertThat(WebSession.body(browser.get("/login?expired"))).contains("Your session has ended");
		assertThat(WebSession.redirect(browser.get("/campaigns"))).endsWith("/login");
	}

	private WebSession signedIn(String username, String address, String userAgent) throws Exception {
		WebSession browser = new WebSession(this.mvc).from(address, userAgent);
		assertThat(WebSession.redirect(browser.signIn(username, TestAccounts.PASSWORD))).isEqualTo("/");
		return browser;
	}

	/** The session id inside the cookie (Spring Session writes it in Base64). */
	private static String sessionId(WebSession browser) {
		return new String(Base64.getDecoder().decode(browser.cookie().getValue()), StandardCharsets.UTF_8);
	}

	private void signedInAgo(String sessionId, Duration ago) {
		age(this.sessions, sessionId, Instant.now().minus(ago));
	}

	private static <S extends Session> void age(FindByIndexNameSessionRepository<S> repository, String id,
			Instant signedInAt) {
		S session = repository.findById(id);
		session.setAttribute(SignInSteps.SIGNED_IN_AT, signedInAt);
		repository.save(session);
	}

}
