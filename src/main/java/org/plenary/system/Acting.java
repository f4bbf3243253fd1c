package org.plenary.system;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting on this thread and from which address, as the audit trail records it: the
 * signed-in user (or API token's user) of the current request and the request's address;
 * for work outside a request (a command, a background task), a name given with
 * {@link #as(String, Supplier)}, else {@code system}.
 */
public final class Acting {

	private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

	// the user an override acts for, when it acts for one (see asUser)
	private static final ThreadLocal<String> USER = new ThreadLocal<>();

	private Acting() {
	}

	/** The actor's name. */
	public static String actor() {
		String override = OVERRIDE.get();
		if (override != null) {
			return override;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) {
			return authentication.getName();
		}
		return "system";
	}

	/**
	 * The user whose organisation's view applies (see ADR 0011): the signed-in user, or
	 * the one given to {@link #asUser}; null for a command or a background task, which
	 * see everything.
	 */
	public static String user() {
		if (OVERRIDE.get() != null) {
			return USER.get();
		}
		String actor = actor();
		return "system".equals(actor) ? null : actor;
	}

	/**
	 * Runs the work as this user would see it, outside the user's request (a live update
	 * rendered for each organisation watching).
	 */
	public static <T> T asUser(String username, Supplier<T> work) {
		return run(username, username, work);
	}

	/** The address of the current request, or null outside one. */
	public static String address() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/**
	 * Runs the work with the given actor (e.g. "./plenary import-votes (alice)"), seeing
	 * everything: no user's view applies.
	 */
	public static <T> T as(String actor, Supplier<T> work) {
		return run(actor, null, work);
	}

	private static <T> T run(String actor, String user, Supplier<T> work) {
		String actorBefore = OVERRIDE.get();
		String userBefore = USER.get();
		OVERRIDE.set(actor);
		set(USER, user);
		try {
			return work.get();
		}
		finally {
			set(OVERRIDE, actorBefore);
			set(USER, userBefore);
		}
	}

	private static void set(ThreadLocal<String> local, String value) {
		if (value == null) {
			local.remove();
		}
		else {
			local.set(value);
		}
	}

}
