package org.plenary.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may reach what. Two chains: {@code /api/**} is stateless and takes bearer tokens;
 * everything else is the web UI with form sign-in, CSRF protection and sessions in
 * PostgreSQL. Every request needs a signed-in user except the sign-in page, static files
 * and the health check; administration needs the administrator role. Finer rules sit on
 * the controllers ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The pages satisfy this policy: no inline script or style anywhere. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

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
		return (username) -> jdbc
			.sql("select username, password_hash, role, enabled from accounts_user where username = ?")
			.param(Accounts.normalise(username))
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/api/v1/users/**", "/api/v1/organisations/**")
						.hasRole("ADMINISTRATOR")
						.anyRequest()
						.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no cookies are read on /api: a bearer token cannot be forged cross-site
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> SecurityProblems.write(response, 401,
						"Sign-in required: send 'Authorization: Bearer <token>' (create a token on your account page)"))
				.accessDeniedHandler((request, response, ex) -> SecurityProblems.write(response, 403,
						"Your role does not allow this")))
			.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain web(HttpSecurity http, UserDetailsService users, LoginThrottle throttle) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder());
		http.authenticationProvider(new ThrottledAuthenticationProvider(passwords, throttle))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMINISTRATOR")
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> response.sendRedirect(
						request.getContextPath() + ((ex instanceof ThrottledAuthenticationProvider.Throttled throttled)
								? "/login?locked=" + throttled.minutes() : "/login?error")))
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedout"))
			.headers(this::headers);
		return http.build();
	}

	private void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.permissionsPolicyHeader((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()"));
	}

}
