package org.plenary.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser signed in before its account's access changed is signed out at its next
 * request: disabled, given a lower role or another organisation, a password reset by an
 * administrator or changed by the user (the session that changed it goes on), two-factor
 * turned off. An attacker holding an open session keeps nothing the account lost.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsFollowTheAccountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts directory;

	@Autowired
	TestTwoFactor twoFactor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void disablingAUserEndsItsOpenSessions() throws Exception {
		String username = this.accounts.user(Role.COORDINATOR);
		WebSession laptop = signedIn(username);
		WebSession phone = signedIn(username);
		change(username, Role.COORDINATOR, false);
		assertEnded(laptop);
		assertEnded(phone);
		// and it cannot act through a form either
		assertThat(WebSession.redirect(laptop.post("/campaigns", "title", "Opened by a disabled user", "body",
				"GA_PLENARY", "rule", "TWO_THIRDS")))
			.endsWith("/login");
		assertThat(this.jdbc.sql("select count(*) from campaigns_campaign where title = 'Opened by a disabled user'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aLowerRoleEndsTheSessionsSignedInWithTheHigherOne() throws Exception {
		String username = this.accounts.user(Role.COORDINATOR);
		WebSession browser = signedIn(username);
		change(username, Role.VIEWER, true);
		assertEnded(browser);
		WebSession again = signedIn(username);
		assertThat(again.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anAdministratorsPasswordResetEndsEverySession() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession browser = signedIn(username);
		this.directory.setPassword(username, "a fresh long passphrase 7");
		assertEnded(browser);
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsOnly() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		WebSession here = signedIn(username);
		WebSession stolen = signedIn(username);
		assertThat(WebSession.redirect(here.post("/account/password", "currentPassword", TestAccounts.PASSWORD,
				"newPassword", "another long passphrase 9")))
			.isEqualTo("/account");
		assertEnded(stolen);
		assertThat(here.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void turningTwoFactorOffEndsTheOtherSessions() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		WebSession here = new WebSession(this.mvc);
		here.signIn(username, TestAccounts.PASSWORD);
		here.post("/login/two-factor", "code", TestTwoFactor.code(secret));
		WebSession other = new WebSession(this.mvc);
		other.signIn(username, TestAccounts.PASSWORD);
		other.post("/login/two-factor", "code", TestTwoFactor.nextCode(secret));
		assertThat(other.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		this.jdbc
			.sql("delete from accounts_two_factor where user_id = (select id from accounts_user where username = ?)")
			.param(username)
			.update();
		assertEnded(other);
	}

	private void change(String username, Role role, boolean enabled) {
		UserAccount account = this.directory.user(username);
		this.directory.changeUser(username, new Accounts.UserChange(account.displayName(), null,
				account.organisationName(), role, enabled, account.version()));
	}

	private WebSession signedIn(String username) throws Exception {
		WebSession browser = new WebSession(this.mvc);
		assertThat(WebSession.redirect(browser.signIn(username, TestAccounts.PASSWORD))).isEqualTo("/");
		assertThat(browser.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		return browser;
	}

	private static void assertEnded(WebSession browser) throws Exception {
		assertThat(WebSession.redirect(browser.get("/campaigns"))).endsWith("/login?ended");
		assertThat(WebSession.redirect(browser.get("/campaigns"))).endsWith("/login");
	}

}
