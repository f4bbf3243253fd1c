package org.plenary.accounts;

import java.io.Serial;
import java.util.Optional;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps a person signed in at the OpenID Connect provider to an existing, enabled Plenary
 * user by one claim of the ID token: its value is the user name (e.g.
 * {@code preferred_username}), or, for {@code email}, the user's email address (refused
 * when the provider says the address is not verified). Nobody is created: a person with
 * no Plenary user is refused.
 */
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String UNKNOWN_USER = "plenary_unknown_user";

	private final OidcUserService provider = new OidcUserService();

	private final Accounts accounts;

	private final String claim;

	OidcUsers(Accounts accounts, String claim) {
		this.accounts = accounts;
		this.claim = claim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser person = this.provider.loadUser(request);
		Object value = person.getClaims().get(this.claim);
		if (!(value instanceof String text) || text.isBlank()) {
			throw refused("The sign-in did not say who you are (no '" + this.claim + "' claim)");
		}
		Optional<UserAccount> user;
		if ("email".equals(this.claim)) {
			if (Boolean.FALSE.equals(person.getEmailVerified())) {
				throw refused("Your email address is not verified at the identity provider");
			}
			user = this.accounts.findUserByEmail(text);
		}
		else {
			user = this.accounts.findUser(text);
		}
		UserAccount account = user.filter(UserAccount::enabled)
			.orElseThrow(() -> refused("No Plenary user matches '" + text + "'"));
		return new PlenaryOidcUser(account, person.getIdToken(), person.getUserInfo());
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER, why, null), why);
	}

	/** The provider's person, named by the Plenary user name and holding its role. */
	static final class PlenaryOidcUser extends DefaultOidcUser {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String username;

		PlenaryOidcUser(UserAccount account, OidcIdToken idToken, OidcUserInfo userInfo) {
			super(account.authorities(), idToken, userInfo, "sub");
			this.username = account.username();
		}

		@Override
		public String getName() {
			return this.username;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PlenaryOidcUser user && super.equals(other) && this.username.equals(user.username);
		}

		@Override
		public int hashCode() {
			return super.hashCode() * 31 + this.username.hashCode();
		}

	}

}
