package org.plenary.accounts;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plenary.system.ForbiddenException;
import org.plenary.system.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces the table of rights ({@link Rights}) on every page and API call, before the
 * controller runs and before any body is read: the endpoint's row is found by method and
 * mapping pattern, and an endpoint without one is refused. On a campaign's endpoint, a
 * campaign the caller's organisation does not take part in is not found, with the same
 * answer as one that does not exist; what belongs to the owner is refused to partners,
 * with the reason; and the role that applies is the one the caller has in that campaign
 * ({@link CampaignStandings}). The controllers' {@code @PreAuthorize} say the same roles
 * again, as a second line.
 */
@Configuration(proxyBeanMethods = false)
class RightsCheck implements WebMvcConfigurer, HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RightsCheck.class);

	/** The authority an installation operator's session and tokens carry. */
	static final String OPERATOR = "OPERATOR";

	private final JdbcClient jdbc;

	private final ObjectProvider<CampaignStandings> standings;

	// whether this installation names its operators (accounts_user.operator): until it
	// does, every administrator operates the installation, as before operators existed
	private volatile Boolean operatorsNamed;

	RightsCheck(JdbcClient jdbc, ObjectProvider<CampaignStandings> standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			// static files and the like: no controller
			return true;
		}
		String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
		Rights.Right right = (pattern == null) ? null : Rights.find(method, pattern).orElse(null);
		if (right == null) {
			logger.warn("Refused {} {}: the table of rights (accounts.Rights) has no row \"{} {}\"",
					request.getMethod(), request.getRequestURI(), method, pattern);
			throw new ForbiddenException("No right is written for this endpoint: it is refused");
		}
		if (right.who() == Rights.Who.PUBLIC) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new ForbiddenException("Sign in first");
		}
		Role own = ownRole(authentication);
		switch (right.who()) {
			case SIGNED_IN -> requireRole(own, right.role(), false, false);
			case ORGANISATION_ADMINISTRATOR -> {
				if (own != Role.ADMINISTRATOR && !operator(authentication, own)) {
					throw new ForbiddenException("This is for the organisation's administrators");
				}
			}
			case OPERATOR -> {
				if (!operator(authentication, own)) {
					throw new ForbiddenException("This is for the installation's operators");
				}
			}
			default -> {
				if (right.campaignScoped()) {
					checkCampaign(right, request, authentication.getName(), own);
				}
				else {
					requireRole(own, right.role(), false, false);
				}
			}
		}
		return true;
	}

	private void checkCampaign(Rights.Right right, HttpServletRequest request, String username, Role own) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = (variables == null) ? "" : variables.getOrDefault("id", "");
		long campaignId;
		try {
			campaignId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw notFound(id);
		}
		CampaignStandings campaigns = this.standings.getIfAvailable();
		CampaignStandings.Standing standing = (campaigns == null) ? CampaignStandings.Standing.none(own)
				: campaigns.standing(campaignId, organisationOf(request, username), username, own);
		CampaignStandings.Party party = standing.party();
		if (party == CampaignStandings.Party.NONE
				|| (party == CampaignStandings.Party.INVITED && right.who() != Rights.Who.INVITED)) {
			throw notFound(id);
		}
		if (right.who() == Rights.Who.OWNER && party != CampaignStandings.Party.OWNER) {
			throw new ForbiddenException("Only " + standing.owner() + ", which owns this campaign, may do this ("
					+ right.what().toLowerCase(Locale.ROOT) + "); a partner may suggest it to the owner");
		}
		requireRole(standing.applies(), right.role(), standing.lowered(), true);
		request.setAttribute(CampaignAccess.MAY_RECORD, standing.applies().ordinal() <= Role.WHIP.ordinal());
	}

	// the same answer whether the campaign exists or not
	private static NotFoundException notFound(String id) {
		return new NotFoundException("No campaign " + id);
	}

	private static void requireRole(Role applies, Role least, boolean lowered, boolean inCampaign) {
		if (least == null || applies.ordinal() <= least.ordinal()) {
			return;
		}
		String needs = least.label().toLowerCase(Locale.ROOT);
		String is = applies.label().toLowerCase(Locale.ROOT);
		if (applies == Role.VIEWER && inCampaign) {
			// the true reason first: a viewer reads and records nothing, whoever made it
			// one
			throw new ForbiddenException("Viewers can read this campaign but not record in it"
					+ (lowered ? ". In this campaign you are a viewer (set by your organisation's coordinators)" : "")
					+ ": this needs a " + needs);
		}
		if (lowered) {
			throw new ForbiddenException("In this campaign you are a " + is
					+ " (set by your organisation's coordinators): this needs a " + needs);
		}
		throw new ForbiddenException("Your role does not allow this: it needs a " + needs + ", you are a " + is);
	}

	/** The highest role among the caller's authorities; a viewer without one. */
	private static Role ownRole(Authentication authentication) {
		Role own = Role.VIEWER;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority()) && role.ordinal() < own.ordinal()) {
					own = role;
				}
			}
		}
		return own;
	}

	private boolean operator(Authentication authentication, Role own) {
		if (authentication.getAuthorities().stream().anyMatch((a) -> OPERATOR.equals(a.getAuthority()))) {
			return true;
		}
		return own == Role.ADMINISTRATOR && !operatorsNamed();
	}

	private boolean operatorsNamed() {
		Boolean named = this.operatorsNamed;
		if (named == null) {
			named = this.jdbc
				.sql("""
						select exists (select 1 from information_schema.columns
						  where table_schema = current_schema() and table_name = 'accounts_user' and column_name = 'operator')""")
				.query(Boolean.class)
				.single();
			this.operatorsNamed = named;
		}
		return named;
	}

	private Long organisationOf(HttpServletRequest request, String username) {
		// an API call's token was read with its user's organisation, in this request
		if (request.getAttribute(ApiTokenFilter.ORGANISATION_ID) instanceof Long organisation) {
			return organisation;
		}
		return this.jdbc.sql("select organisation_id from accounts_user where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
