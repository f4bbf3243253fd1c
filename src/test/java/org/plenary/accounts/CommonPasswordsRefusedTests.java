package org.plenary.accounts;

import org.junit.jupiter.api.Test;
import org.plenary.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Common passwords are refused wherever a password is set: a new user (the first
 * administrator's {@code PLENARY_ADMIN_PASSWORD} goes the same way), one's own change, an
 * administrator's change; with a message that says why.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommonPasswordsRefusedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts directory;

	@Test
	void aNewUserThroughTheApi() throws Exception {
		String admin = this.accounts.token(this.accounts.user(Role.ADMINISTRATOR));
		this.accounts.organisation("Test Mission");
		MvcResult refused = this.mvc
			.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"common" + System.nanoTime()
						+ "\",\"organisation\":\"Test Mission\",\"role\":\"VIEWER\",\"password\":\"Password12345!\"}"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"password\"")
			.contains("built on 'password', one of the most common passwords");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "            ", "aaaaaaaaaaaa", "abababababab" })
	void aWeakPasswordThroughTheApiAsOnThePages(String weak) throws Exception {
		String admin = this.accounts.token(this.accounts.user(Role.ADMINISTRATOR));
		this.accounts.organisation("Test Mission");
		MvcResult refused = this.mvc
			.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"weak" + System.nanoTime()
						+ "\",\"organisation\":\"Test Mission\",\"role\":\"VIEWER\",\"password\":\"" + weak + "\"}"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"password\"");
		String username = this.accounts.user(Role.WHIP);
		MvcResult own = this.mvc
			.perform(post("/account/password").param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", weak)
				.with(user(username).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		assertThat(own.getFlashMap().get("error").toString()).contains("password must");
	}

	@Test
	void aNewUserAsTheFirstAdministratorIsMade() {
		// as FirstAdministrator creates one with PLENARY_ADMIN_PASSWORD
		assertThatThrownBy(() -> this.directory.createUser(new Accounts.NewUser("first" + System.nanoTime(), null, null,
				this.accounts.organisation("Test Mission"), Role.ADMINISTRATOR, "QAZWSXEDCRFV")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("one of the most common passwords");
	}

	@Test
	void onesOwnNewPassword() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		MvcResult refused = this.mvc
			.perform(post("/account/password").param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", "sunshine2024!!")
				.with(user(username).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString()).contains("built on 'sunshine'");
		// the old password still works
		assertThat(WebSession.redirect(new WebSession(this.mvc).signIn(username, TestAccounts.PASSWORD)))
			.isEqualTo("/");
	}

	@Test
	void anAdministratorsChange() {
		String username = this.accounts.user(Role.VIEWER);
		assertThatThrownBy(() -> this.directory.setPassword(username, "1qaz2wsx3edc"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("one of the most common passwords");
	}

}
