package org.plenary.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * One's signed-in web sessions, as Spring Session keeps them in {@code accounts_session}:
 * listed, and signed out one by one or all at once. A session is named by a digest of its
 * id, never the id itself, which is the cookie's secret.
 */
@Service
class UserSessions {

	// there is no session repository in a command-line task, which has no sessions
	private final org.springframework.beans.factory.ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	private final Duration lifetime;

	UserSessions(
			org.springframework.beans.factory.ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
			AccountsSettings settings) {
		this.repository = repository;
		this.lifetime = settings.sessionLifetime();
	}

	private FindByIndexNameSessionRepository<? extends Session> sessions() {
		return this.repository.getObject();
	}

	/**
	 * A web session as its user sees it.
	 *
	 * @param id a name for the session (not its secret id)
	 * @param signedInAt when its sign-in was completed (or it started, waiting for a
	 * code)
	 * @param lastUsedAt the last request
	 * @param endsAt when it ends if unused, or at the latest at the end of its lifetime
	 * @param address the address it signed in from
	 * @param userAgent the browser it signed in with
	 * @param current the session this request came in
	 * @param awaitingSecondFactor the password was right, the second factor not yet given
	 */
	public record WebSession(String id, Instant signedInAt, Instant lastUsedAt, Instant endsAt, String address,
			String userAgent, boolean current, boolean awaitingSecondFactor) {
	}

	/** The user's sessions, the most recently used first. */
	List<WebSession> list(String username, String currentSessionId) {
		return byId(username).entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().isExpired())
			.map((entry) -> view(entry.getValue(), currentSessionId))
			.sorted(Comparator.comparing(WebSession::lastUsedAt).reversed())
			.toList();
	}

	/** Signs one of the user's sessions out; false if the user has no such session. */
	boolean signOut(String username, String id) {
		for (Map.Entry<String, ? extends Session> session : byId(username).entrySet()) {
			if (name(session.getKey()).equals(id)) {
				sessions().deleteById(session.getKey());
				return true;
			}
		}
		return false;
	}

	/** Signs out every session of the user but this one (null: all); returns how many. */
	int signOutAllBut(String username, String currentSessionId) {
		int count = 0;
		for (String sessionId : byId(username).keySet()) {
			if (!sessionId.equals(currentSessionId)) {
				sessions().deleteById(sessionId);
				count++;
			}
		}
		return count;
	}

	private Map<String, ? extends Session> byId(String username) {
		return sessions().findByPrincipalName(Accounts.normalise(username));
	}

	private WebSession view(Session session, String currentSessionId) {
		Instant signedInAt = session.getAttribute(SignInSteps.SIGNED_IN_AT);
		Instant started = (signedInAt != null) ? signedInAt : session.getCreationTime();
		Instant idleEnd = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		Instant lifetimeEnd = started.plus(this.lifetime);
		SecurityContext context = session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		boolean pending = context != null && context.getAuthentication() instanceof TwoFactorPending;
		return new WebSession(name(session.getId()), started, session.getLastAccessedTime(),
				idleEnd.isBefore(lifetimeEnd) ? idleEnd : lifetimeEnd, session.getAttribute(SignInSteps.ADDRESS),
				session.getAttribute(SignInSteps.USER_AGENT), session.getId().equals(currentSessionId), pending);
	}

	/** A digest of the session id: names the session without giving its secret away. */
	static String name(String sessionId) {
		return HexFormat.of().formatHex(ApiTokens.digest("session:" + sessionId), 0, 12);
	}

}
