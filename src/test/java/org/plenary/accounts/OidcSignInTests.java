package org.plenary.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in through an OpenID Connect provider run inside the test
 * ({@link TestOidcProvider}): discovery at start, the authorization code flow, an RS256
 * ID token checked against the provider's keys and nonce; the person is mapped to an
 * existing Plenary user by a claim, and nobody is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInTests {

	static final TestOidcProvider provider = TestOidcProvider.start();

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry properties) {
		properties.add("plenary.accounts.oidc.issuer", provider::issuer);
		properties.add("plenary.accounts.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
		properties.add("plenary.accounts.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
		properties.add("plenary.accounts.oidc.name", () -> "Test Identity");
	}

	@AfterAll
	static void stop() {
		provider.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestTwoFactor twoFactor;

	@Autowired
	Accounts directory;

	@Test
	void theSignInPageOffersTheProvider() throws Exception {
		assertThat(send(browser(), "/login").body()).contains("Sign in with Test Identity")
			.contains("href=\"/oauth2/authorization/oidc\"");
	}

	@Test
	void aPersonSignedInAtTheProviderIsSignedInAsTheirPlenaryUser() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		provider.signedIn(Map.of("sub", "person-1", "preferred_username", username.toUpperCase()));
		HttpClient browser = browser();
		HttpResponse<String> landed = send(browser, "/oauth2/authorization/oidc");
		assertThat(landed.uri().getPath()).isEqualTo("/campaigns");
		assertThat(landed.statusCode()).isEqualTo(200);
		// signed in as the Plenary user, with the Plenary role
		assertThat(send(browser, "/account").body()).contains("<dd>" + username + "</dd>").contains("<dd>Whip</dd>");
	}

	@Test
	void nobodyIsCreatedForAPersonWithNoPlenaryUser() throws Exception {
		String stranger = "stranger" + System.nanoTime();
		provider.signedIn(Map.of("sub", "person-2", "preferred_username", stranger));
		HttpClient browser = browser();
		HttpResponse<String> refused = send(browser, "/oauth2/authorization/oidc");
		assertThat(refused.uri().toString()).endsWith("/login?unknown");
		assertThat(refused.body()).contains("no Plenary user matches you");
		assertThat(this.directory.findUser(stranger)).isEmpty();
		assertThat(send(browser, "/campaigns").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void aDisabledUserIsRefused() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		UserAccount user = this.directory.user(username);
		this.directory.changeUser(username, new Accounts.UserChange(user.displayName(), null, user.organisationName(),
				user.role(), false, user.version()));
		provider.signedIn(Map.of("sub", "person-3", "preferred_username", username));
		assertThat(send(browser(), "/oauth2/authorization/oidc").uri().toString()).endsWith("/login?unknown");
	}

	@Test
	void aUserWithTwoFactorStillGivesTheCode() throws Exception {
		String username = this.accounts.user(Role.WHIP);
		this.twoFactor.enable(username);
		provider.signedIn(Map.of("sub", "person-4", "preferred_username", username));
		HttpClient browser = browser();
		assertThat(send(browser, "/oauth2/authorization/oidc").uri().getPath()).isEqualTo("/login/two-factor");
		assertThat(send(browser, "/campaigns").uri().getPath()).isEqualTo("/login/two-factor");
	}

	@Test
	void byEmailAVerifiedAddressFindsTheUser() {
		String username = this.accounts.user(Role.VIEWER);
		UserAccount user = this.directory.user(username);
		String email = username + "@mission.example";
		this.directory.changeUser(username, new Accounts.UserChange(user.displayName(), email, user.organisationName(),
				user.role(), true, user.version()));
		OidcUsers byEmail = new OidcUsers(this.directory, "email");
		assertThat(byEmail.loadUser(request(Map.of("sub", "p5", "email", email.toUpperCase(), "email_verified", true)))
			.getName()).isEqualTo(username);
		assertThatThrownBy(
				() -> byEmail.loadUser(request(Map.of("sub", "p6", "email", email, "email_verified", false))))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageContaining("not verified");
		assertThatThrownBy(() -> byEmail.loadUser(request(Map.of("sub", "p7"))))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageContaining("no 'email' claim");
	}

	private static OidcUserRequest request(Map<String, Object> claims) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("oidc")
			.clientId("x")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("http://localhost/authorize")
			.tokenUri("http://localhost/token")
			.jwkSetUri("http://localhost/jwks")
			.scope("openid")
			.build();
		Instant now = Instant.now();
		return new OidcUserRequest(registration,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token", now, now.plusSeconds(60)),
				new OidcIdToken("id-token", now, now.plusSeconds(60), claims));
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	private HttpResponse<String> send(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
