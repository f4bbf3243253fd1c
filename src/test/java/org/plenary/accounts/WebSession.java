package org.plenary.accounts;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One browser's session cookie over MockMvc: sends it with each request and keeps the
 * newest one (the session id changes at sign-in). Sign-in goes through the real form,
 * sessions through Spring Session in PostgreSQL.
 */
final class WebSession {

	private final MockMvc mvc;

	private Cookie cookie;

	private String userAgent = "Test browser";

	private String address = "127.0.0.1";

	WebSession(MockMvc mvc) {
		this.mvc = mvc;
	}

	WebSession from(String address, String userAgent) {
		this.address = address;
		this.userAgent = userAgent;
		return this;
	}

	/** Posts the sign-in form; answers with where it sends the browser. */
	MvcResult signIn(String username, String password) throws Exception {
		return post("/login", "username", username, "password", password);
	}

	MvcResult get(String path) throws Exception {
		return perform(MockMvcRequestBuilders.get(path));
	}

	MvcResult post(String path, String... params) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return perform(request);
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.header("User-Agent", this.userAgent).with((r) -> {
			r.setRemoteAddr(this.address);
			return r;
		});
		if (this.cookie != null) {
			request.cookie(this.cookie);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		Cookie fresh = result.getResponse().getCookie("PLENARY_SESSION");
		if (fresh != null) {
			this.cookie = (fresh.getMaxAge() == 0) ? null : fresh;
		}
		return result;
	}

	Cookie cookie() {
		return this.cookie;
	}

	static String redirect(MvcResult result) {
		return result.getResponse().getRedirectedUrl();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

}
