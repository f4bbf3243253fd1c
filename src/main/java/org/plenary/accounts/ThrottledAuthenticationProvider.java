package org.plenary.accounts;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in, refused while {@link LoginThrottle} says the caller must wait. Wrong
 * passwords count as failures.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		Duration wait = this.throttle.waitBeforeAttempt(username, address);
		if (!wait.isZero()) {
			long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
			throw new Throttled(minutes);
		}
		try {
			// failures are forgotten only when sign-in completes (SignInSteps): a right
			// password must not wipe out the wrong second-factor codes before it
			return this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
	}

	/** Sign-in refused for now; says for how many more minutes. */
	static final class Throttled extends LockedException {

		private final long minutes;

		Throttled(long minutes) {
			super("Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
			this.minutes = minutes;
		}

		long minutes() {
			return this.minutes;
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
