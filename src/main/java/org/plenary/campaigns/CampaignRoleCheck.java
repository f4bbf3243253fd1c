package org.plenary.campaigns;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.plenary.system.ForbiddenException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds every page and API call of a campaign to the caller's role in that campaign: the
 * role a controller asks for ({@code @PreAuthorize("hasRole('WHIP')")}) is checked again
 * against the lower role the caller's organisation may have set for the campaign
 * ({@link CampaignRoles}). One check for every controller, so that a new one obeys it
 * too.
 */
@Configuration(proxyBeanMethods = false)
class CampaignRoleCheck implements WebMvcConfigurer, HandlerInterceptor {

	private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\('([A-Z]+)'\\)");

	private static final List<String> ORDER = List.of("ADMINISTRATOR", "COORDINATOR", "WHIP", "VIEWER");

	private final CampaignRoles roles;

	CampaignRoleCheck(CampaignRoles roles) {
		this.roles = roles;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/campaigns/*/**", "/api/v1/campaigns/*/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		Matcher required = (rule == null) ? null : HAS_ROLE.matcher(rule.value());
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (required == null || !required.find() || variables == null || authentication == null) {
			return true;
		}
		long campaignId;
		try {
			campaignId = Long.parseLong(variables.getOrDefault("id", ""));
		}
		catch (NumberFormatException ex) {
			return true;
		}
		String own = authentication.getAuthorities()
			.stream()
			.map((a) -> a.getAuthority().replace("ROLE_", ""))
			.filter(ORDER::contains)
			.findFirst()
			.orElse("VIEWER");
		CampaignRoles.CampaignRole set = this.roles.roleIn(campaignId, authentication.getName()).orElse(null);
		String applies = CampaignRoles.applies(own, set);
		if (ORDER.indexOf(applies) > ORDER.indexOf(required.group(1))) {
			throw new ForbiddenException("In this campaign you are a " + applies.toLowerCase(java.util.Locale.ROOT)
					+ " (set by your organisation's coordinators): this needs a "
					+ required.group(1).toLowerCase(java.util.Locale.ROOT));
		}
		return true;
	}

}
