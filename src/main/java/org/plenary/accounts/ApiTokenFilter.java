package org.plenary.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API calls that carry {@code Authorization: Bearer <token>}. A bad token leaves
 * the call anonymous and marked, so that it counts against its address's rate limit and
 * is then refused with a 401 that says why. Tokens are a factor of their own: API calls
 * never ask for a second factor.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/** Request attribute: the id of the token that signed the call in. */
	static final String TOKEN_ID = ApiTokenFilter.class.getName() + ".tokenId";

	/**
	 * Request attribute: the call carried a token that is invalid, expired or revoked.
	 */
	static final String BAD_TOKEN = ApiTokenFilter.class.getName() + ".badToken";

	/**
	 * Request attribute: the organisation of the token's user, as read with the token (so
	 * that the table of rights need not read it again).
	 */
	static final String ORGANISATION_ID = ApiTokenFilter.class.getName() + ".organisationId";

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.TokenUser> user = this.tokens.authenticateToken(header.substring(7).trim());
		if (user.isEmpty()) {
			request.setAttribute(BAD_TOKEN, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		UserAccount account = user.get().user();
		request.setAttribute(TOKEN_ID, user.get().tokenId());
		request.setAttribute(ORGANISATION_ID, account.organisationId());
		var principal = User.withUsername(account.username()).password("").authorities(account.authorities()).build();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, account.authorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
