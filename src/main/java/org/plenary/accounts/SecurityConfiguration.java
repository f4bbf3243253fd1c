package org.plenary.accounts;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may reach what. Two chains: {@code /api/**} is stateless, takes bearer tokens and
 * is rate-limited; everything else is the web UI with form sign-in (and, when configured,
 * OpenID Connect sign-in), a second factor where the user has one, CSRF protection and
 * sessions in PostgreSQL. Every request needs a signed-in user except the sign-in pages,
 * static files and the health check; administration needs the administrator role, and
 * what belongs to the installation (organisations) the authority {@code OPERATOR}. Finer
 * rules sit on the controllers ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The pages satisfy this policy: no inline script or style anywhere. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** One year, as HSTS preload lists ask. */
	static final long HSTS_SECONDS = 31_536_000;

	/** The OpenID Connect provider's registration id, in its URLs. */
	static final String OIDC = "oidc";

	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The session cookie: not readable by scripts, not sent on cross-site requests, and
	 * {@code Secure} when {@code PLENARY_SECURE_COOKIES=true} (behind HTTPS).
	 */
	@Bean
	CookieSerializer sessionCookie(@Value("${plenary.accounts.secure-cookies:false}") boolean secure) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("PLENARY_SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseSecureCookie(secure);
		return cookie;
	}

	/**
	 * No observations of the security filters, authentication and authorisation. They
	 * were already turned off (application.properties), yet each filter of the chain was
	 * still wrapped in one that did nothing, at a cost the profile of issue 18 showed on
	 * every request.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMINISTRATOR")
			.implies("COORDINATOR")
			.role("COORDINATOR")
			.implies("WHIP")
			.role("WHIP")
			.implies("VIEWER")
			.build();
	}

	@Bean
	UserDetailsService userDetailsService(JdbcClient jdbc) {
		// an operator's session carries OPERATOR beside its role
		return (username) -> jdbc
			.sql("select username, password_hash, role, enabled, operator from accounts_user where username = ?")
			.param(Accounts.normalise(username))
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.authorities(UserAccount.authorities(Role.valueOf(rs.getString("role")), rs.getBoolean("operator")))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiRateLimits limits, AccountsSettings settings)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/api/v1/users/**", "/api/v1/organisations/**")
						.hasRole("ADMINISTRATOR")
						.anyRequest()
						.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// a token's call is answered, never saved to replay after a sign-in, and
			// there is no sign-out: no filters for them on every call
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			// no cookies are read on /api: a bearer token cannot be forged cross-site
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			// after the token is known, before anything else is done
			.addFilterAfter(new ApiRateLimitFilter(limits), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((errors) -> errors.authenticationEntryPoint((request, response, ex) -> SecurityProblems
				.write(response, 401, (request.getAttribute(ApiTokenFilter.BAD_TOKEN) != null)
						? "The API token is invalid, expired or revoked"
						: "Sign-in required: send 'Authorization: Bearer <token>' (create a token on your account page)"))
				.accessDeniedHandler((request, response, ex) -> SecurityProblems.write(response, 403,
						"Your role does not allow this")))
			.headers((headers) -> headers(headers, settings.secureCookies()));
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain web(HttpSecurity http, UserDetailsService users, LoginThrottle throttle, SignInSteps signIn,
			Accounts accounts, AccountsSettings settings, JdbcClient jdbc) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder());
		http.authenticationProvider(new ThrottledAuthenticationProvider(passwords, throttle))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/login/two-factor", "/login/two-factor/setup", "/assets/**", "/webjars/**",
						"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMINISTRATOR")
				// a session waiting for its second factor is not authenticated
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(signIn)
				.failureHandler((request, response, ex) -> response.sendRedirect(
						request.getContextPath() + ((ex instanceof ThrottledAuthenticationProvider.Throttled throttled)
								? "/login?locked=" + throttled.minutes() : "/login?error")))
				.permitAll())
			.exceptionHandling((errors) -> errors.accessDeniedHandler(secondFactorFirst()))
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedout"))
			.addFilterAfter(new SessionLifetimeFilter(settings.sessionLifetime(), Clock.systemUTC()),
					SecurityContextHolderFilter.class)
			.addFilterAfter(new AccessStampFilter(jdbc), SessionLifetimeFilter.class)
			.headers((headers) -> headers(headers, settings.secureCookies()));
		if (settings.oidc().enabled()) {
			http.oauth2Login((oidc) -> oidc.loginPage("/login")
				.clientRegistrationRepository(new InMemoryClientRegistrationRepository(oidcRegistration(settings)))
				.authorizedClientRepository(NO_AUTHORIZED_CLIENTS)
				.userInfoEndpoint((userInfo) -> userInfo
					.oidcUserService(new OidcUsers(accounts, settings.oidc().usernameClaim())))
				.successHandler(signIn)
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + ((ex instanceof OAuth2AuthenticationException oauth
							&& OidcUsers.UNKNOWN_USER.equals(oauth.getError().getErrorCode())) ? "/login?unknown"
									: "/login?oidcerror"))));
		}
		return http.build();
	}

	/**
	 * A session waiting for its second factor is sent to give it, rather than refused.
	 */
	private static AccessDeniedHandler secondFactorFirst() {
		AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof TwoFactorPending pending) {
				String step = request.getContextPath() + pending.stepUrl();
				if ("true".equals(request.getHeader("HX-Request"))) {
					response.setHeader("HX-Redirect", step);
					response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				}
				else {
					response.sendRedirect(step);
				}
				return;
			}
			refuse.handle(request, response, ex);
		};
	}

	/**
	 * Reads the provider's discovery document at start: Plenary does not start if the
	 * provider cannot be reached.
	 */
	private static ClientRegistration oidcRegistration(AccountsSettings settings) {
		AccountsSettings.Oidc oidc = settings.oidc();
		return ClientRegistrations.fromIssuerLocation(oidc.issuer().trim())
			.registrationId(OIDC)
			.clientId(oidc.clientId())
			.clientSecret(oidc.clientSecret())
			.clientName(oidc.name())
			.scope("openid", "profile", "email")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
	}

	/**
	 * Plenary calls no API of the provider: the access token it is given is not kept.
	 */
	private static final OAuth2AuthorizedClientRepository NO_AUTHORIZED_CLIENTS = new OAuth2AuthorizedClientRepository() {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	};

	/**
	 * The same headers on every answer, pages, API, errors and static files alike. Spring
	 * Security adds {@code X-Content-Type-Options: nosniff} and
	 * {@code Cache-Control: no-cache, no-store} by default.
	 */
	private static void headers(HeadersConfigurer<HttpSecurity> headers, boolean https) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY));
		if (https) {
			// behind a proxy that ends HTTPS the request itself looks plain: send it
			// always
			headers.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
				.maxAgeInSeconds(HSTS_SECONDS)
				.includeSubDomains(true));
		}
		else {
			headers.httpStrictTransportSecurity((hsts) -> hsts.disable());
		}
	}

}
