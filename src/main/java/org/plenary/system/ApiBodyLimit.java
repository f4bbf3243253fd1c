package org.plenary.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request whose JSON body is larger than any the API takes (1 MB unless
 * {@code plenary.api.max-body} says otherwise) before it is read: 413 with a problem
 * detail. File uploads (multipart: imports, attachments) have their own limit.
 */
@Component
class ApiBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	ApiBodyLimit(@Value("${plenary.api.max-body:1048576}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":"
						+ "\"The request body is " + length + " bytes; the API takes at most " + this.maxBytes
						+ " bytes of JSON (files go as uploads)\",\"instance\":\""
						+ org.springframework.web.util.HtmlUtils.htmlEscape(request.getRequestURI()).replace("\\", "")
						+ "\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
