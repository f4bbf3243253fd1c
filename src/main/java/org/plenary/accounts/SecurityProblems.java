package org.plenary.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the API's 401, 403 and 429 answers as problem details, like every other API
 * error.
 */
final class SecurityProblems {

	private SecurityProblems() {
	}

	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		String title = switch (status) {
			case 401 -> "Unauthorized";
			case 429 -> "Too Many Requests";
			default -> "Forbidden";
		};
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"plenary\"");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

}
