package org.plenary.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Behind a proxy that ends HTTPS ({@code PLENARY_SECURE_COOKIES=true}) the requests look
 * plain, and Strict-Transport-Security is sent on every answer all the same, with a
 * {@code Secure} session cookie.
 */
@SpringBootTest(properties = "plenary.accounts.secure-cookies=true")
@AutoConfigureMockMvc
class SecurityHeadersBehindHttpsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyAnswerCarriesStrictTransportSecurity() throws Exception {
		for (String path : new String[] { "/login", "/api/v1/me", "/assets/css/plenary.css", "/campaigns" }) {
			MvcResult result = this.mvc.perform(get(path)).andReturn();
			assertThat(result.getResponse().getHeader("Strict-Transport-Security")).as(path)
				.isEqualTo("max-age=31536000 ; includeSubDomains");
			assertThat(result.getResponse().getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie"))
			.contains("PLENARY_SESSION=")
			.contains("Secure");
	}

}
