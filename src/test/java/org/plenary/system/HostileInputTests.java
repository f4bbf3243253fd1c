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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input sent to every endpoint that takes text, enumerated from the request
 * mappings (so that an endpoint added later is covered too): a NUL byte, half of a
 * surrogate pair and a control character, in every request parameter, in every text field
 * of a JSON body and in every field of an upload, are refused with a 4xx (never stored
 * changed, never a 500); an over-long text and a body of the wrong content type get a 4xx
 * or are taken whole. No answer names a class, library or stack.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	private static final List<String> HOSTILE = List.of("a\u0000b", "a\ud800b", "a\udc00b", "a\u0007b");

	/** Longer than any text Plenary keeps, well within the 1 MB a body may have. */
	private static final String OVERLONG = "x".repeat(300_000);

	private static final String[] INTERNALS = { "Exception", "org.springframework", "java.", "at org.", "postgresql",
			"PSQL", "jackson", "tomcat", "apache" };

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

	record Call(HttpMethod method, String pattern, String parameter, String jsonField, Class<?> body, boolean upload) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern + " "
					+ ((this.parameter != null) ? (this.upload ? "upload " : "?") + this.parameter
							: (this.jsonField != null) ? "{" + this.jsonField + "}" : "(wrong content type)");
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
					Parameter[] parameters = mapping.getValue().getMethod().getParameters();
					boolean upload = Stream.of(parameters).anyMatch(HostileInputTests::isFile);
					boolean hasBody = false;
					for (Parameter parameter : parameters) {
						RequestParam param = parameter.getAnnotation(RequestParam.class);
						if (param != null && !parameter.getType().equals(Map.class) && !isFile(parameter)) {
							String name = !param.name().isEmpty() ? param.name()
									: !param.value().isEmpty() ? param.value() : parameter.getName();
							calls.add(new Call(method, pattern, name, null, null, upload));
						}
						if (parameter.getAnnotation(RequestBody.class) != null) {
							hasBody = true;
						}
						if (parameter.getAnnotation(RequestBody.class) != null && parameter.getType().isRecord()) {
							for (RecordComponent component : parameter.getType().getRecordComponents()) {
								if (component.getType() == String.class) {
									calls.add(new Call(method, pattern, null, component.getName(), parameter.getType(),
											false));
								}
							}
						}
					}
					if (hasBody || upload) {
						calls.add(new Call(method, pattern, null, null, null, upload));
					}
				}
			}
		}
		assertThat(calls).as("endpoints taking text").hasSizeGreaterThan(50);
		return calls.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void hostileInputGetsAClearRefusalNever500(Call call) throws Exception {
		String path = path(call.pattern());
		if (call.parameter() == null && call.jsonField() == null) {
			// a body of the wrong content type: text where JSON or an upload is expected
			MvcResult result = this.mvc
				.perform(authenticated(call,
						request(call.method(), path).contentType(MediaType.TEXT_PLAIN)
							.content(call.upload() ? "{\"file\":\"x\"}" : "stance=YES")))
				.andReturn();
			// the API refuses it; a page shows its form again with what is missing
			assertThat(result.getResponse().getStatus()).as("%s", call)
				.isBetween(call.pattern().startsWith("/api/") ? 400 : 200, 499);
			assertThat(result.getResponse().getContentAsString()).as("%s", call).doesNotContain(INTERNALS);
			return;
		}
		for (String hostile : HOSTILE) {
			MvcResult result = this.mvc.perform(authenticated(call, hostile(call, path, hostile))).andReturn();
			assertThat(result.getResponse().getStatus()).as("%s with %s", call, printable(hostile)).isBetween(400, 499);
			assertThat(result.getResponse().getContentAsString()).as("%s with %s", call, printable(hostile))
				.doesNotContain(INTERNALS);
		}
		MvcResult result = this.mvc.perform(authenticated(call, hostile(call, path, OVERLONG))).andReturn();
		assertThat(result.getResponse().getStatus()).as("%s with 300,000 characters", call).isLessThan(500);
		assertThat(result.getResponse().getContentAsString()).as("%s with 300,000 characters", call)
			.doesNotContain(INTERNALS);
	}

	private static boolean isFile(Parameter parameter) {
		return MultipartFile.class.isAssignableFrom(parameter.getType())
				|| (List.class.isAssignableFrom(parameter.getType())
						&& parameter.getParameterizedType().getTypeName().contains(MultipartFile.class.getName()));
	}

	private AbstractMockHttpServletRequestBuilder<?> hostile(Call call, String path, String text) {
		if (call.upload()) {
			// a field of an upload, with a file beside it
			return multipart(call.method(), path)
				.file(new MockMultipartFile("file", "whip.csv", "text/csv", "Country,Stance\nBrazil,Yes\n".getBytes()))
				.param(call.parameter(), text);
		}
		MockHttpServletRequestBuilder builder = request(call.method(), path);
		if (call.parameter() != null) {
			builder.param(call.parameter(), text);
		}
		if (call.jsonField() != null) {
			builder.contentType(MediaType.APPLICATION_JSON)
				.content("{\"" + call.jsonField() + "\":\""
						+ text.replace("\u0000", "\\u0000")
							.replace("\ud800", "\\ud800")
							.replace("\udc00", "\\udc00")
							.replace("\u0007", "\\u0007")
						+ "\"}");
		}
		return builder;
	}

	private AbstractMockHttpServletRequestBuilder<?> authenticated(Call call,
			AbstractMockHttpServletRequestBuilder<?> builder) {
		if (call.pattern().startsWith("/api/")) {
			return builder.header("Authorization", "Bearer " + this.token);
		}
		return builder.with(user(this.coordinator).roles("COORDINATOR")).with(csrf());
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
		return text.replace("\u0000", "<NUL>")
			.replace("\ud800", "<D800>")
			.replace("\udc00", "<DC00>")
			.replace("\u0007", "<BEL>");
	}

}
