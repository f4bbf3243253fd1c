package org.plenary.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a cookie-keeping HTTP client in through the real sign-in form, CSRF token and
 * all.
 */
public final class FormSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private FormSignIn() {
	}

	/**
	 * Returns the answer to the form's POST (302 to the page asked for, or to
	 * /login?error).
	 */
	public static HttpResponse<String> signIn(HttpClient browser, String baseUrl, String username) throws Exception {
		String login = browser
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		return browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ TestAccounts.PASSWORD.replace(" ", "+") + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
