package org.plenary.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword password of the first administrator; generated and printed when
 * empty
 * @param adminOrganisation organisation the first administrator belongs to
 * @param secureCookies whether Plenary is served over HTTPS: the session cookie is then
 * {@code Secure} and every answer carries {@code Strict-Transport-Security}
 * @param sessionTimeout how long a web session may sit unused before it must sign in
 * again
 * @param sessionLifetime how long a web session may last in all, however busy, before it
 * must sign in again
 * @param apiRateLimit API calls allowed per minute per token (and per address for calls
 * without a valid token); 0 for no limit
 * @param oidc sign-in with an external OpenID Connect provider, off unless its issuer is
 * set
 */
@ConfigurationProperties("plenary.accounts")
record AccountsSettings(String adminPassword, String adminOrganisation, @DefaultValue("false") boolean secureCookies,
		@DefaultValue("8h") Duration sessionTimeout, @DefaultValue("24h") Duration sessionLifetime,
		@DefaultValue("600") int apiRateLimit, @DefaultValue Oidc oidc) {

	/**
	 * @param issuer the provider's issuer URL (its discovery document is read from
	 * {@code <issuer>/.well-known/openid-configuration} at start); empty: no OIDC sign-in
	 * @param clientId Plenary's client id at the provider
	 * @param clientSecret Plenary's client secret at the provider
	 * @param usernameClaim the ID token claim that names the Plenary user: its value is a
	 * Plenary user name, or for {@code email} the user's email address
	 * @param name what the sign-in page calls the provider ("Sign in with ...")
	 */
	record Oidc(String issuer, String clientId, String clientSecret,
			@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("single sign-on") String name) {

		boolean enabled() {
			return this.issuer != null && !this.issuer.isBlank();
		}

	}

}
