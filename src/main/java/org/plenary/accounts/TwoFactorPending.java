package org.plenary.accounts;

import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A session whose user has passed the first factor (password or single sign-on) but not
 * yet the second: it is not authenticated, holds no role and reaches nothing but the
 * second step's pages, for at most {@link #TIME_TO_FINISH}.
 */
final class TwoFactorPending extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	static final Duration TIME_TO_FINISH = Duration.ofMinutes(10);

	private final String username;

	private final boolean setUp;

	private final Instant since;

	TwoFactorPending(String username, boolean setUp, Instant since) {
		super(List.of());
		this.username = username;
		this.setUp = setUp;
		this.since = since;
		super.setAuthenticated(false);
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public Object getPrincipal() {
		return this.username;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("A session waiting for its second factor is not authenticated");
		}
		super.setAuthenticated(false);
	}

	/**
	 * The user must set up two-factor (the organisation requires it), not just type a
	 * code.
	 */
	boolean setUp() {
		return this.setUp;
	}

	boolean expired(Instant now) {
		return this.since.plus(TIME_TO_FINISH).isBefore(now);
	}

	/** The page that asks for the second step. */
	String stepUrl() {
		return this.setUp ? "/login/two-factor/setup" : "/login/two-factor";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TwoFactorPending pending && super.equals(other) && this.setUp == pending.setUp
				&& this.since.equals(pending.since);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.since.hashCode();
	}

}
