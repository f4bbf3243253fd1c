package org.plenary.accounts;

import java.time.Instant;

/** A person who signs in to Plenary. Never carries the password hash. */
public record UserAccount(long id, String username, String displayName, String email, long organisationId,
		String organisationName, Role role, boolean enabled, int version, Instant createdAt) {
}
