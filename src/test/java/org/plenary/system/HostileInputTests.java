package org.plenary.system;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile characters sent to every endpoint that takes text, enumerated from the request
 * mappings (so that an endpoint added later is covered too): a NUL byte, half of a
 * surrogate pair and a control character, in every request parameter and in every text
 * field of a JSON body. Each is answered with a 4xx that names no class, library or
 * stack, never with a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	private static final List<String> HOSTILE = List.of("a\u0000b", "a\ud800b", "a\u0007b");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private String coordinator;

	private String token;

	private long campaign;

	@BeforeAll
	void aCoordinatorWithACampaign() {
		this.coordinator = this.accounts.user(Role.COORDINATOR);
		this.token = this.accounts.token(this.coordinator);
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.coordinator).id();
	}

	record Call(HttpMethod method, String pattern, String parameter, String jsonField, Class<?> body) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern + " " + ((this.parameter != null) ? "?" + this.parameter
					: (this.jsonField != null) ? "{" + this.jsonField + "}" : "");
		}

	}

	Stream<Call> calls() {
		List<Call> calls = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			List<HttpMethod> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map((m) -> HttpMethod.valueOf(m.name()))
				.toList();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") && !pattern.startsWith("/campaigns") && !pattern.startsWith("/history")
						&& !pattern.startsWith("/states") && !pattern.startsWith("/account")) {
					continue;
				}
				for (HttpMethod method : methods.isEmpty() ? List.of(HttpMethod.GET) : methods) {
					for (Parameter parameter : mapping.getValue().getMethod().getParameters()) {
						RequestParam param = parameter.getAnnotation(RequestParam.class);
						if (param != null && !parameter.getType().equals(Map.class)) {
							String name = !param.name().isEmpty() ? param.name()
									: !param.value().isEmpty() ? param.value() : parameter.getName();
							calls.add(new Call(method, pattern, name, null, null));
						}
						if (parameter.getAnnotation(RequestBody.class) != null && parameter.getType().isRecord()) {
							for (RecordComponent component : parameter.getType().getRecordComponents()) {
								if (component.getType() == String.class) {
									calls
										.add(new Call(method, pattern, null, component.getName(), parameter.getType()));
								}
							}
						}
					}
				}
			}
		}
		assertThat(calls).as("endpoints taking text").hasSizeGreaterThan(50);
		return calls.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void hostileCharactersGetAClearRefusalNever500(Call call) throws Exception {
		String path = path(call.pattern());
		for (String hostile : HOSTILE) {
			MockHttpServletRequestBuilder builder = request(call.method(), path);
			if (call.parameter() != null) {
				builder.param(call.parameter(), hostile);
			}
			if (call.jsonField() != null) {
				builder.contentType(MediaType.APPLICATION_JSON)
					.content("{\"" + call.jsonField() + "\":\""
							+ hostile.replace("\u0000", "\\u0000")
								.replace("\ud800", "\\ud800")
								.replace("\u0007", "\\u0007")
							+ "\"}");
			}
			if (call.pattern().startsWith("/api/")) {
				builder.header("Authorization", "Bearer " + this.token);
			}
			else {
				builder.with(user(this.coordinator).roles("COORDINATOR")).with(csrf());
			}
			MvcResult result = this.mvc.perform(builder).andReturn();
			String body = result.getResponse().getContentAsString();
			assertThat(result.getResponse().getStatus()).as("%s with %s", call, printable(hostile)).isLessThan(500);
			assertThat(body).as("%s with %s", call, printable(hostile))
				.doesNotContain("Exception", "org.springframework", "java.", "at org.", "postgresql", "PSQL");
		}
	}

	private String path(String pattern) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			String value = switch (name) {
				case "id", "campaignId" -> String.valueOf(this.campaign);
				case "iso3", "code", "state" -> "BRA";
				case "username", "name" -> this.coordinator;
				case "grouping" -> "EU";
				default -> "1";
			};
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString().replace("/**", "");
	}

	private static String printable(String text) {
		return text.replace("\u0000", "<NUL>").replace("\ud800", "<D800>").replace("\u0007", "<BEL>");
	}

}
