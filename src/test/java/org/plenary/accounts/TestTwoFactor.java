package org.plenary.accounts;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two-factor sign-in for tests: turns it on for a user and computes the codes an
 * authenticator app would show, for tests of any module (a browser test signs in with
 * it).
 */
@Component
public class TestTwoFactor {

	private final TwoFactor twoFactor;

	private final JdbcClient jdbc;

	TestTwoFactor(TwoFactor twoFactor, JdbcClient jdbc) {
		this.twoFactor = twoFactor;
		this.jdbc = jdbc;
	}

	/** A user's two-factor secret and recovery codes, once turned on. */
	public record Enabled(String secret, java.util.List<String> recoveryCodes) {
	}

	/** Turns two-factor sign-in on for a user, as the account page does. */
	public Enabled enable(String username) {
		String secret = this.twoFactor.setup(username).secret();
		java.util.List<String> codes = this.twoFactor.confirm(username, code(secret));
		// as if set up long ago: the current code is not used yet
		this.jdbc.sql("""
				update accounts_two_factor set last_used_step = null
				where user_id = (select id from accounts_user where username = ?)
				""").param(username).update();
		return new Enabled(secret, codes);
	}

	/** The code an authenticator app shows now. */
	public static String code(String secret) {
		return Totp.code(secret, Totp.step(Instant.now()));
	}

	/** The code for the next 30-second step, still accepted now (one step of leeway). */
	public static String nextCode(String secret) {
		return Totp.code(secret, Totp.step(Instant.now()) + 1);
	}

	/** A six-digit code that is not any of the accepted ones now. */
	public static String wrongCode(String secret) {
		long step = Totp.step(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (Totp.matchingStep(secret, code, Instant.now()).isEmpty() && !code.equals(Totp.code(secret, step + 1))
					&& !code.equals(Totp.code(secret, step - 1)) && !code.equals(Totp.code(secret, step + 2))) {
				return code;
			}
		}
	}

	/** Requires (or not) two-factor of an organisation. */
	public void require(String organisation, boolean required) {
		this.jdbc.sql("update accounts_organisation set two_factor_required = ? where lower(name) = lower(?)")
			.params(required, organisation)
			.update();
	}

}
