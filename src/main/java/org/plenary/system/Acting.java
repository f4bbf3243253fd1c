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

	/** The address of the current request, or null outside one. */
	public static String address() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/** Runs the work with the given actor (e.g. "./plenary import-votes (alice)"). */
	public static <T> T as(String actor, Supplier<T> work) {
		String before = OVERRIDE.get();
		OVERRIDE.set(actor);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				OVERRIDE.remove();
			}
			else {
				OVERRIDE.set(before);
			}
		}
	}

}
