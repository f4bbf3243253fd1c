package org.plenary.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a request whose parameters (query or form) hold a character no text of Plenary
 * can hold: a NUL, another control character than tab and line breaks, or half of a
 * surrogate pair. PostgreSQL refuses a NUL in text, and Java would store half a pair as
 * {@code ?}: either way the user's text would not be what was sent. 400 with a problem
 * detail naming the parameter, after sign-in is checked and before any controller reads
 * it.
 */
@Component
class HostileCharacters extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// a multipart body is read by the upload's own code, which checks what it takes
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String problem = problem(parameter.getKey());
			for (String value : parameter.getValue()) {
				problem = (problem != null) ? problem : problem(value);
			}
			if (problem != null) {
				refuse(request, response, "The parameter '" + printable(parameter.getKey()) + "' " + problem);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** What is wrong with the text, or null. */
	static String problem(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "holds a NUL character, which no text may hold";
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return "holds a control character (U+" + String.format("%04X", (int) c) + ")";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "holds half of a surrogate pair, which is not a character";
			}
			if (Character.isLowSurrogate(c)) {
				return "holds half of a surrogate pair, which is not a character";
			}
		}
		return null;
	}

	static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints()
			.limit(60)
			.forEach((c) -> out.append((c < 0x20 || Character.isSurrogate((char) c)) ? "?" : Character.toString(c)));
		return out.toString();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\""
						+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write("Invalid input: " + HtmlUtils.htmlEscape(detail));
		}
	}

}
