package org.plenary.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session that signed in longer ago than the absolute lifetime, however busy
 * it has been (the idle timeout ends quiet ones): the browser is sent to sign in again.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration lifetime;

	private final Clock clock;

	SessionLifetimeFilter(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !signedIn(session)
				|| !SignInSteps.signedInAt(session).plus(this.lifetime).isBefore(this.clock.instant())) {
			chain.doFilter(request, response);
			return;
		}
		session.invalidate();
		SecurityContextHolder.clearContext();
		String login = request.getContextPath() + "/login?expired";
		if ("true".equals(request.getHeader("HX-Request"))) {
			// htmx would swap the sign-in page into the fragment: make it load the page
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(login);
	}

	private static boolean signedIn(HttpSession session) {
		return session.getAttribute(SignInSteps.SIGNED_IN_AT) != null
				|| session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
	}

}
