package org.plenary.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in with a second factor through the real forms: the password, then a code; codes
 * used once; recovery codes; wrong codes throttled; organisations that require it; the
 * account page and the administrator's reset.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TwoFactorSignInTests {

	private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7 ]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestTwoFactor twoFactor;

	@Autowired
	TwoFactor service;

	@Autowired
	Accounts directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUserWithTwoFactorIsNotSignedInUntilTheCodeIsGiven() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		WebSession browser = new WebSession(this.mvc);

		assertThat(WebSession.redirect(browser.signIn(username, TestAccounts.PASSWORD))).isEqualTo("/login/two-factor");
		// the password alone reaches nothing: every page sends the browser back to the
		// code
		assertThat(WebSession.redirect(browser.get("/campaigns"))).isEqualTo("/login/two-factor");
		assertThat(WebSession.redirect(browser.get("/account"))).isEqualTo("/login/two-factor");
		assertThat(browser.post("/account/tokens", "name", "sneaky").getResponse().getRedirectedUrl())
			.isEqualTo("/login/two-factor");
		assertThat(this.jdbc
			.sql("select count(*) from accounts_api_token t join accounts_user u on u.id = t.user_id "
					+ "where u.username = ?")
			.param(username)
			.query(Integer.class)
			.single()).isZero();
		MvcResult page = browser.get("/login/two-factor");
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(WebSession.body(page)).contains("Code from your authenticator app")
			.doesNotContain("href=\"/campaigns\"");

		String before = browser.cookie().getValue();
		assertThat(WebSession.redirect(browser.post("/login/two-factor", "code", TestTwoFactor.code(secret))))
			.isEqualTo("/");
		// a new session id once the session is signed in
		assertThat(browser.cookie().getValue()).isNotEqualTo(before);
		assertThat(browser.get("/campaigns").getResponse().getStatus()).isEqualTo(200);
		// the session in PostgreSQL holds no password hash
		assertThat(this.jdbc.sql("""
				select count(*) from accounts_session_attributes a
				join accounts_session s on s.primary_id = a.session_primary_id
				where s.principal_name = ? and position(convert_to('{bcrypt}', 'UTF8') in a.attribute_bytes) > 0
				""").param(username).query(Integer.class).single()).isZero();
		// the second step is done: its page sends a signed-in browser home
		assertThat(WebSession.redirect(browser.get("/login/two-factor"))).isEqualTo("/");
	}

	@Test
	void aWrongCodeIsRefusedWithAClearMessage() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		WebSession browser = new WebSession(this.mvc);
		browser.signIn(username, TestAccounts.PASSWORD);

		MvcResult wrong = browser.post("/login/two-factor", "code", TestTwoFactor.wrongCode(secret));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
		assertThat(WebSession.body(wrong)).contains("That code is not right");
		assertThat(WebSession.redirect(browser.get("/campaigns"))).isEqualTo("/login/two-factor");
		assertThat(WebSession.redirect(browser.post("/login/two-factor", "code", TestTwoFactor.code(secret))))
			.isEqualTo("/");
	}

	@Test
	void aCodeIsAcceptedOnceOnly() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		String secret = this.twoFactor.enable(username).secret();
		String code = TestTwoFactor.code(secret);
		WebSession first = new WebSession(this.mvc);
		first.signIn(username, TestAccounts.PASSWORD);
		assertThat(WebSession.redirect(first.post("/login/two-factor", "code", code))).isEqualTo("/");

		// someone who saw the code over the shoulder, within the same 30 seconds
		WebSession second = new WebSession(this.mvc);
		second.signIn(username, TestAccounts.PASSWORD);
		assertThat(WebSession.body(second.post("/login/two-factor", "code", code))).contains("used already");
		// the next code, still within the window, works
		assertThat(WebSession.redirect(second.post("/login/two-factor", "code", TestTwoFactor.nextCode(secret))))
			.isEqualTo("/");
	}

	@Test
	void aRecoveryCodeSignsInOnceAndIsUsedUp() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		TestTwoFactor.Enabled enabled = this.twoFactor.enable(username);
		assertThat(enabled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(enabled.recoveryCodes()).allMatch((code) -> code.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
		// only digests are stored
		assertThat(this.jdbc
			.sql("select count(*) from accounts_recovery_code c join accounts_user u on u.id = c.user_id "
					+ "where u.username = ? and octet_length(c.code_hash) = 32")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(10);
		String recovery = enabled.recoveryCodes().get(3);

		WebSession browser = new WebSession(this.mvc);
		browser.signIn(username, TestAccounts.PASSWORD);
		assertThat(WebSession.redirect(browser.post("/login/two-factor", "code", recovery.toUpperCase())))
			.isEqualTo("/");
		assertThat(this.service.status(username).recoveryCodesLeft()).isEqualTo(9);

		WebSession again = new WebSession(this.mvc);
		again.signIn(username, TestAccounts.PASSWORD);
		assertThat(WebSession.body(again.post("/login/two-factor", "code", recovery)))
			.contains("That code is not right");
	}

	@Test
	void wrongCodesAreThrottledLikeWrongPasswords() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		WebSession browser = new WebSession(this.mvc);
		browser.signIn(username, TestAccounts.PASSWORD);
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
			assertThat(WebSession.body(browser.post("/login/two-factor", "code", TestTwoFactor.wrongCode(secret))))
				.contains("That code is not right");
		}
		// now even the right code is refused, and so is the password
		assertThat(WebSession.body(browser.post("/login/two-factor", "code", TestTwoFactor.code(secret))))
			.contains("Too many failed sign-ins. Try again in 1 minute.");
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/login?locked=1");
	}

	@Test
	void theRightPasswordDoesNotForgiveWrongCodes() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		// guess codes, sign in with the password again, guess again: all failures count
		for (int round = 0; round < LoginThrottle.FREE_PER_PAIR; round++) {
			WebSession browser = new WebSession(this.mvc);
			assertThat(WebSession.redirect(browser.signIn(username, TestAccounts.PASSWORD)))
				.isEqualTo("/login/two-factor");
			browser.post("/login/two-factor", "code", TestTwoFactor.wrongCode(secret));
		}
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/login?locked=1");
	}

	@Test
	void anOrganisationThatRequiresTwoFactorSendsItsUsersToSetItUpBeforeAnythingElse() throws Exception {
		String organisation = this.accounts.organisation("Strict Mission " + System.nanoTime());
		String username = "strict" + System.nanoTime();
		this.directory
			.createUser(new Accounts.NewUser(username, null, null, organisation, Role.WHIP, TestAccounts.PASSWORD));
		long id = this.directory.organisations()
			.stream()
			.filter((o) -> o.name().equals(organisation))
			.findFirst()
			.orElseThrow()
			.id();
		// the organisation's own administrator sets its rule
		String admin = this.accounts.user(Role.ADMINISTRATOR, organisation);
		this.mvc
			.perform(post("/admin/organisations/" + id + "/two-factor").param("required", "true")
				.with(user(admin).roles("ADMINISTRATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.directory.organisation(id).twoFactorRequired()).isTrue();

		WebSession browser = new WebSession(this.mvc);
		assertThat(WebSession.redirect(browser.signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/login/two-factor/setup");
		assertThat(WebSession.redirect(browser.get("/campaigns"))).isEqualTo("/login/two-factor/setup");
		assertThat(WebSession.redirect(browser.get("/login/two-factor"))).isEqualTo("/login/two-factor/setup");
		String page = WebSession.body(browser.get("/login/two-factor/setup"));
		assertThat(page).contains("Your organisation requires a second factor")
			.contains("otpauth://totp/Plenary:" + username + "?secret=");
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).isTrue();
		String secret = shown.group(1).replace(" ", "");
		// reloading shows the same secret
		assertThat(WebSession.body(browser.get("/login/two-factor/setup"))).contains(shown.group(1));

		assertThat(WebSession.body(browser.post("/login/two-factor/setup", "code", TestTwoFactor.wrongCode(secret))))
			.contains("That code is not right");
		MvcResult done = browser.post("/login/two-factor/setup", "code", TestTwoFactor.code(secret));
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(WebSession.body(done)).contains("Your recovery codes").contains("will not be shown again");
		assertThat(browser.get("/campaigns").getResponse().getStatus()).isEqualTo(200);

		// the next sign-in asks for a code
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/login/two-factor");
		// and the user cannot turn it off while the organisation requires it
		assertThat(this.service.status(username).required()).isTrue();
		MvcResult refused = this.mvc
			.perform(post("/account/two-factor/disable").param("code", TestTwoFactor.nextCode(secret))
				.with(user(username).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString()).contains("requires two-factor sign-in");
		assertThat(this.service.status(username).enabled()).isTrue();
	}

	@Test
	void aUserTurnsTwoFactorOnAndOffOnTheAccountPage() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		var signedIn = user(username).roles("VIEWER");
		assertThat(this.mvc.perform(get("/account").with(signedIn)).andReturn().getResponse().getContentAsString())
			.contains("Set up two-factor sign-in");
		this.mvc.perform(post("/account/two-factor/setup").with(signedIn).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/account/two-factor").with(signedIn))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).isTrue();
		String secret = shown.group(1).replace(" ", "");
		assertThat(page).contains("otpauth://totp/Plenary:" + username + "?secret=" + secret
				+ "&amp;issuer=Plenary&amp;algorithm=SHA1&amp;digits=6&amp;period=30");
		assertThat(page).contains("<p id=\"two-factor-qr\"><svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains(QrCode.of(Totp.uri("Plenary", username, secret))
				.svg("QR code of the key, for an authenticator app to scan"));

		String codes = this.mvc
			.perform(post("/account/two-factor/confirm").param("code", TestTwoFactor.code(secret))
				.with(signedIn)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Pattern.compile("<code>[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}</code>")
			.matcher(codes)
			.results()
			.count()).isEqualTo(10);
		assertThat(this.mvc.perform(get("/account").with(signedIn)).andReturn().getResponse().getContentAsString())
			.contains("On since")
			.contains("10 recovery code(s) left");

		MvcResult wrong = this.mvc
			.perform(post("/account/two-factor/disable").param("code", TestTwoFactor.wrongCode(secret))
				.with(signedIn)
				.with(csrf()))
			.andReturn();
		assertThat(wrong.getFlashMap().get("error").toString()).contains("still on");
		assertThat(this.service.status(username).enabled()).isTrue();
		this.mvc
			.perform(post("/account/two-factor/disable").param("code", TestTwoFactor.nextCode(secret))
				.with(signedIn)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.service.status(username).enabled()).isFalse();
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/");
	}

	@Test
	void anAdministratorResetsTwoFactorOnThePageOrThroughTheApi() throws Exception {
		String admin = this.accounts.user(Role.ADMINISTRATOR);
		String username = this.accounts.user(Role.WHIP);
		this.twoFactor.enable(username);
		// a whip may not
		this.mvc
			.perform(post("/admin/users/" + username + "/two-factor/reset").with(user(username).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete("/api/v1/users/" + username + "/two-factor").header("Authorization",
					"Bearer " + this.accounts.token(username)))
			.andExpect(status().isForbidden());
		assertThat(this.service.status(username).enabled()).isTrue();

		this.mvc
			.perform(post("/admin/users/" + username + "/two-factor/reset").with(user(admin).roles("ADMINISTRATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.service.status(username).enabled()).isFalse();
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/");

		this.twoFactor.enable(username);
		this.mvc
			.perform(delete("/api/v1/users/" + username + "/two-factor").header("Authorization",
					"Bearer " + this.accounts.token(admin)))
			.andExpect(status().isNoContent());
		assertThat(this.service.status(username).enabled()).isFalse();
	}

	@Test
	void anAdministratorRequiresTwoFactorOfAnOrganisationThroughTheApi() throws Exception {
		String organisation = this.accounts.organisation("Api Mission " + System.nanoTime());
		long id = this.directory.organisations()
			.stream()
			.filter((o) -> o.name().equals(organisation))
			.findFirst()
			.orElseThrow()
			.id();
		// the organisation's own administrator sets its rule
		String admin = this.accounts.token(this.accounts.user(Role.ADMINISTRATOR, organisation));
		String body = this.mvc
			.perform(put("/api/v1/organisations/" + id + "/two-factor").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"required\":true}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"twoFactorRequired\":true");
		assertThat(this.directory.organisation(id).twoFactorRequired()).isTrue();
		this.mvc
			.perform(put("/api/v1/organisations/" + id + "/two-factor")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.COORDINATOR)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"required\":false}"))
			.andExpect(status().isForbidden());
		assertThat(this.directory.organisation(id).twoFactorRequired()).isTrue();
	}

	@Test
	void apiTokensNeedNoSecondFactor() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		this.twoFactor.enable(username);
		String body = this.mvc
			.perform(get("/api/v1/me/two-factor").header("Authorization", "Bearer " + this.accounts.token(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"enabled\":true").contains("\"recoveryCodesLeft\":10");
	}

	@Test
	void theAuditTrailRecordsTwoFactorChangesButNeverTheSecret() {
		String username = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(username).secret();
		this.service.reset(username);
		String userId = String.valueOf(this.directory.user(username).id());
		var events = this.jdbc
			.sql("select action, coalesce(after::text, before::text) from audit_event "
					+ "where table_name = 'accounts_two_factor' and row_key = ? order by id")
			.param(userId)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
		assertThat(events).hasSizeGreaterThanOrEqualTo(3)
			.anyMatch((e) -> e.startsWith("INSERT"))
			.anyMatch((e) -> e.startsWith("UPDATE") && e.contains("confirmed_at"))
			.anyMatch((e) -> e.startsWith("DELETE"))
			.noneMatch((e) -> e.contains(secret) || e.contains("last_used_step"));
	}

	@Test
	void aSessionWaitingForItsCodeExpiresAfterTenMinutes() {
		java.time.Instant start = java.time.Instant.parse("2031-01-01T10:00:00Z");
		TwoFactorPending pending = new TwoFactorPending("someone", false, start);
		assertThat(pending.isAuthenticated()).isFalse();
		assertThat(pending.getAuthorities()).isEmpty();
		assertThat(pending.expired(start.plusSeconds(599))).isFalse();
		assertThat(pending.expired(start.plusSeconds(601))).isTrue();
	}

}
