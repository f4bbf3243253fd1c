package org.plenary.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * What happens after the first factor (a password, or single sign-on) has passed: either
 * the user is signed in, or the session waits for the second factor
 * ({@link TwoFactorPending}) and the browser is sent to ask for it. Signing in records,
 * in the session, when and from where, for the list of one's sessions and the session's
 * absolute lifetime.
 */
@Component
class SignInSteps implements AuthenticationSuccessHandler {

	static final String SIGNED_IN_AT = "plenary.signedInAt";

	static final String ADDRESS = "plenary.address";

	static final String USER_AGENT = "plenary.userAgent";

	private final TwoFactor twoFactor;

	private final LoginThrottle throttle;

	private final UserDetailsService users;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();

	private final Clock clock = Clock.systemUTC();

	private final JdbcClient jdbc;

	SignInSteps(TwoFactor twoFactor, LoginThrottle throttle, UserDetailsService users, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.twoFactor = twoFactor;
		this.throttle = throttle;
		this.users = users;
		this.landing.setDefaultTargetUrl("/");
	}

	/** The first factor passed. */
	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		String username = authentication.getName();
		TwoFactor.Requirement requirement = this.twoFactor.requirement(username);
		if (requirement == TwoFactor.Requirement.NONE) {
			signIn(request, response, username);
			return;
		}
		TwoFactorPending pending = new TwoFactorPending(username, requirement == TwoFactor.Requirement.SET_UP,
				this.clock.instant());
		save(pending, request, response);
		// where from, already: a stranger with the password shows in the user's sessions
		recordWhereFrom(request.getSession(), request);
		response.sendRedirect(request.getContextPath() + pending.stepUrl());
	}

	/** Signs the user in and sends the browser where it was going (or home). */
	void signIn(HttpServletRequest request, HttpServletResponse response, String username)
			throws IOException, ServletException {
		Authentication authentication = establish(request, response, username);
		this.landing.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Signs the user in without answering; returns where the browser was going before
	 * sign-in, or "/".
	 */
	String signInAndStay(HttpServletRequest request, HttpServletResponse response, String username) {
		SavedRequest saved = this.requests.getRequest(request, response);
		establish(request, response, username);
		if (saved == null) {
			return "/";
		}
		this.requests.removeRequest(request, response);
		return saved.getRedirectUrl();
	}

	/** Ends a session that waited too long for its second factor. */
	void abandon(HttpServletRequest request, HttpServletResponse response) {
		this.holder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private Authentication establish(HttpServletRequest request, HttpServletResponse response, String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		if (!user.isEnabled() || !user.isAccountNonLocked()) {
			throw new org.springframework.security.authentication.DisabledException("This user may not sign in");
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		authentication.setDetails(new WebAuthenticationDetails(request));
		// the session keeps the user, never the password hash the lookup brought
		authentication.eraseCredentials();
		// a new session id whenever the session gains power: no fixation
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		save(authentication, request, response);
		HttpSession session = request.getSession();
		session.setAttribute(SIGNED_IN_AT, this.clock.instant());
		AccessStampFilter.remember(this.jdbc, session, username);
		recordWhereFrom(session, request);
		this.throttle.succeeded(username, request.getRemoteAddr());
		return authentication;
	}

	private static void recordWhereFrom(HttpSession session, HttpServletRequest request) {
		session.setAttribute(ADDRESS, request.getRemoteAddr());
		String agent = request.getHeader("User-Agent");
		session.setAttribute(USER_AGENT, (agent == null) ? "" : agent.substring(0, Math.min(agent.length(), 300)));
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	static Instant signedInAt(HttpSession session) {
		Object at = session.getAttribute(SIGNED_IN_AT);
		return (at instanceof Instant instant) ? instant : Instant.ofEpochMilli(session.getCreationTime());
	}

	/**
	 * After the user changed its own access (its password, two-factor off), this session
	 * goes on while the others end.
	 */
	void keepThisSession(HttpServletRequest request, String username) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			AccessStampFilter.remember(this.jdbc, session, username);
		}
	}

}
