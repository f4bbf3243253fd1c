package org.plenary.accounts;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsInWithTheRightPasswordAndKeepsTheSessionInPostgres() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		MvcResult result = this.mvc.perform(formLogin().user(username).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		assertThat(this.jdbc.sql("select count(*) from accounts_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the session cookie alone (no server-side memory of this JVM's) signs the next
		// request in
		Cookie session = result.getResponse().getCookie("PLENARY_SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(result.getResponse().getHeader("Set-Cookie")).contains("SameSite=Lax");
		this.mvc.perform(get("/states").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/states")).andExpect(status().is3xxRedirection());
	}

	@Test
	void refusesAWrongPassword() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		this.mvc.perform(formLogin().user(username).password("not the password"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void slowsDownRepeatedFailuresFromOneAddressEvenWithTheRightPassword() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
			this.mvc.perform(signIn(username, "guess " + i, "192.0.2.10")).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "192.0.2.10"))
			.andExpect(redirectedUrl("/login?locked=1"));
	}

	@Test
	void anAttackerAtOneAddressCannotKeepTheRightfulUserOutAtAnother() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		for (int i = 0; i < 3 * LoginThrottle.FREE_PER_PAIR; i++) {
			this.mvc.perform(signIn(username, "guess " + i, "198.51.100.66"));
		}
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "198.51.100.66"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "203.0.113.7")).andExpect(redirectedUrl("/"));
	}

	@Test
	void aSpreadOutAttackSlowsNewAddressesButNotTheOnesTheUserSignsInFrom() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "203.0.113.8")).andExpect(redirectedUrl("/"));
		for (int i = 0; i < LoginThrottle.MAX_PER_USER; i++) {
			this.mvc.perform(signIn(username, "guess " + i, "10.9." + (i / 200) + "." + (i % 200 + 1)));
		}
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "10.8.0.1"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "203.0.113.8")).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdministratorSeesTheFailuresAndLetsTheRightfulUserTryAgainAtOnce() throws Exception {
		String organisation = this.accounts.organisation("Throttled Mission " + System.nanoTime());
		String username = this.accounts.user(Role.WHIP, organisation);
		String administrator = this.accounts.user(Role.ADMINISTRATOR, organisation);
		String otherAdministrator = this.accounts.user(Role.ADMINISTRATOR,
				this.accounts.organisation("Another Mission " + System.nanoTime()));
		// the attempt after the free ones is refused unchecked, and not counted
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR + 1; i++) {
			this.mvc.perform(signIn(username, "guess " + i, "192.0.2.44"));
		}
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "192.0.2.44"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));

		String token = this.accounts.token(administrator);
		this.mvc
			.perform(get("/api/v1/users/" + username + "/sign-in-failures").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].address")
				.value("192.0.2.44"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].count")
				.value(LoginThrottle.FREE_PER_PAIR))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].waitSeconds")
				.value(org.hamcrest.Matchers.greaterThan(0)));
		this.mvc
			.perform(get("/admin/users/" + username)
				.with(user(administrator).authorities(UserAccount.authorities(Role.ADMINISTRATOR, false))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("192.0.2.44")));
		// another organisation's administrator neither sees nor releases them
		String otherToken = this.accounts.token(otherAdministrator);
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/users/" + username + "/sign-in-failures")
				.header("Authorization", "Bearer " + otherToken))
			.andExpect(status().isNotFound());
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "192.0.2.44"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/users/" + username + "/sign-in-failures")
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		this.mvc.perform(signIn(username, TestAccounts.PASSWORD, "192.0.2.44")).andExpect(redirectedUrl("/"));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILURES_FORGOTTEN' and actor = ?")
			.param(administrator)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** The sign-in form sent from an address. */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String username,
			String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	@Test
	void theSignInPageSaysHowLongToWaitAndNothingElse() throws Exception {
		assertThat(this.mvc.perform(get("/login?locked=7")).andReturn().getResponse().getContentAsString())
			.contains("Try again in 7 minute(s).");
		assertThat(this.mvc.perform(get("/login?locked=%3Cb%3Eforged%3C/b%3E"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Try again in 15 minute(s).").doesNotContain("forged");
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() throws Exception {
		// an operator, who may create organisations
		String username = this.accounts.operator("Test Mission");
		this.mvc
			.perform(post("/admin/organisations").param("name", "Forged")
				.with(user(username).authorities(UserAccount.authorities(Role.ADMINISTRATOR, true))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/organisations").param("name", "Allowed " + System.nanoTime())
				.with(user(username).authorities(UserAccount.authorities(Role.ADMINISTRATOR, true)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void theHealthCheckIsOpenAndReportsTheDatabase() throws Exception {
		String body = this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"db\":{\"status\":\"UP\"}");
	}

	@Test
	void aBadBearerTokenGetsAClear401() throws Exception {
		String body = this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer pln_forged"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("invalid, expired or revoked");
	}

}
