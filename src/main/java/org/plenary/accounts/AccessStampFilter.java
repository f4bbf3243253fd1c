package org.plenary.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session whose account's access changed after it signed in: disabled, given
 * another role or organisation, a new password, two-factor turned off. The account's
 * {@code access_stamp} (moved by a trigger in PostgreSQL) is kept in the session at
 * sign-in and compared on every request, so a session never acts with rights older than
 * the account, on whichever instance it arrives. One indexed read per request.
 */
class AccessStampFilter extends OncePerRequestFilter {

	/** The account's stamp when the session signed in. */
	static final String STAMP = "plenary.accessStamp";

	private final JdbcClient jdbc;

	AccessStampFilter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object signedIn = (session == null) ? null : session.getAttribute(STAMP);
		if (signedIn == null || authentication == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Long> current = current(this.jdbc, authentication.getName());
		if (current.isPresent() && current.get().equals(signedIn)) {
			chain.doFilter(request, response);
			return;
		}
		session.invalidate();
		SecurityContextHolder.clearContext();
		String login = request.getContextPath() + "/login?ended";
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(login);
	}

	/** The account's stamp, if it exists and is enabled. */
	static Optional<Long> current(JdbcClient jdbc, String username) {
		return jdbc.sql("select access_stamp from accounts_user where username = ? and enabled")
			.param(username)
			.query(Long.class)
			.optional();
	}

	/**
	 * Keeps the account's stamp now in the session: at sign-in, and after one's own
	 * change.
	 */
	static void remember(JdbcClient jdbc, HttpSession session, String username) {
		current(jdbc, username).ifPresent((stamp) -> session.setAttribute(STAMP, stamp));
	}

}
