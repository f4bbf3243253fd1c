package org.plenary.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API calls beyond the limit per minute with 429 and {@code Retry-After}: a
 * token's calls count against the token, other calls (none or a bad token) against the
 * caller's address. Every answer says the limit and what is left of it.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	private final ApiRateLimits limits;

	ApiRateLimitFilter(ApiRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.limits.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		Object token = request.getAttribute(ApiTokenFilter.TOKEN_ID);
		String bucket = (token != null) ? "token:" + token : "address:" + request.getRemoteAddr();
		ApiRateLimits.Count count = this.limits.count(bucket);
		response.setHeader("X-RateLimit-Limit", String.valueOf(count.limit()));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(count.remaining()));
		response.setHeader("X-RateLimit-Reset", String.valueOf(count.secondsLeft()));
		if (!count.allowed()) {
			response.setHeader("Retry-After", String.valueOf(count.secondsLeft()));
			SecurityProblems.write(response, 429,
					"Too many requests: at most " + count.limit() + " a minute "
							+ (token != null ? "per token" : "from one address without a token") + ". Try again in "
							+ count.secondsLeft() + " s.");
			return;
		}
		chain.doFilter(request, response);
	}

}
