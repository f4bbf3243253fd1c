package org.plenary.accounts;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person who signs in to Plenary. Never carries the password hash. An {@code operator}
 * (an administrator named on the command line or at the first start) administers the
 * installation: its organisations and the users of every one of them.
 */
public record UserAccount(long id, String username, String displayName, String email, long organisationId,
		String organisationName, Role role, boolean enabled, int version, Instant createdAt, boolean operator) {

	/** The authority an operator's session and API tokens carry, beside its role. */
	public static final String OPERATOR = "OPERATOR";

	/** What the user's session or API token may do: its role, and operator if one. */
	public List<GrantedAuthority> authorities() {
		return authorities(this.role, this.operator);
	}

	static List<GrantedAuthority> authorities(Role role, boolean operator) {
		return operator ? List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority(OPERATOR))
				: List.of(new SimpleGrantedAuthority(role.authority()));
	}

}
