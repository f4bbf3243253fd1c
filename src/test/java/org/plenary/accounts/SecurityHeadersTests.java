package org.plenary.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers, checked over real HTTP against a running
 * server: a signed-in page, an API call, errors (a page, the API's 404 and 401), the
 * sign-in page and a static file. Strict-Transport-Security is sent only when Plenary
 * says it is behind HTTPS ({@code PLENARY_SECURE_COOKIES=true}): see
 * {@link SecurityHeadersBehindHttpsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void aSignedInPage() throws Exception {
		HttpClient browser = signedIn();
		HttpResponse<String> page = send(browser, request("/campaigns"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertSecurityHeaders(page);
		assertNotStored(page);
	}

	@Test
	void anApiCall() throws Exception {
		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		HttpResponse<String> answer = send(HttpClient.newHttpClient(),
				request("/api/v1/me").header("Authorization", "Bearer " + token));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertSecurityHeaders(answer);
		assertNotStored(answer);
	}

	@Test
	void errors() throws Exception {
		HttpClient browser = signedIn();
		HttpResponse<String> missingPage = send(browser, request("/campaigns/987654321"));
		assertThat(missingPage.statusCode()).isEqualTo(404);
		assertSecurityHeaders(missingPage);
		assertNotStored(missingPage);

		// no handler at all: the servlet container's error dispatch
		HttpResponse<String> nowhere = send(browser, request("/no-such-page"));
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertSecurityHeaders(nowhere);

		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		HttpResponse<String> missing = send(HttpClient.newHttpClient(),
				request("/api/v1/campaigns/987654321").header("Authorization", "Bearer " + token));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertSecurityHeaders(missing);

		HttpResponse<String> anonymous = send(HttpClient.newHttpClient(), request("/api/v1/me"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertSecurityHeaders(anonymous);
	}

	@Test
	void theSignInPage() throws Exception {
		HttpResponse<String> login = send(HttpClient.newHttpClient(), request("/login"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertSecurityHeaders(login);
	}

	@Test
	void aStaticFile() throws Exception {
		HttpResponse<String> css = send(HttpClient.newHttpClient(), request("/assets/css/plenary.css"));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> type.startsWith("text/css"));
		assertSecurityHeaders(css);
	}

	@Test
	void noStrictTransportSecurityWithoutHttps() throws Exception {
		assertThat(
				send(HttpClient.newHttpClient(), request("/login")).headers().firstValue("Strict-Transport-Security"))
			.isEmpty();
	}

	private static void assertSecurityHeaders(HttpResponse<String> response) {
		String what = response.request().uri().getPath();
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
		assertThat(response.headers().firstValue("Permissions-Policy")).as(what)
			.hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
		assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
	}

	private static void assertNotStored(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Cache-Control")).as(response.request().uri().getPath())
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
	}

	private HttpClient signedIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> answer = FormSignIn.signIn(browser, "http://localhost:" + this.port,
				this.accounts.user(Role.VIEWER));
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("login"));
		return browser;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
