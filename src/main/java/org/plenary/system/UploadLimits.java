package org.plenary.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds every file upload before a byte of it is read. A multipart request must say its
 * length ({@code Content-Length}): without one (411) it could only be bounded while it is
 * parsed, and the servlet container parses uploads with its own reader, which no filter
 * can count. A declared length over the endpoint's {@link UploadLimit} is refused at once
 * (413); a request within it cannot send more, since the container ends the body at that
 * length. Files over 1 MB are then written to a temporary file as they arrive, never held
 * whole in memory. Runs before sign-in is checked, so a refusal costs the server nothing;
 * it names no account and no campaign.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimits extends OncePerRequestFilter {

	private record Compiled(PathPattern pattern, UploadLimit limit) {
	}

	private final List<Compiled> limits;

	UploadLimits(List<UploadLimit> limits) {
		this.limits = limits.stream()
			.map((limit) -> new Compiled(PathPatternParser.defaultInstance.parse(limit.pattern()), limit))
			.toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		// a request that arrives already parsed (only the test suite's mock requests do)
		// has no body left to bound
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
				|| request instanceof org.springframework.web.multipart.MultipartHttpServletRequest;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UploadLimit limit = limitOf(request);
		long length = request.getContentLengthLong();
		if (length < 0) {
			refuse(request, response, HttpStatus.LENGTH_REQUIRED,
					"An upload must say its length (Content-Length); it was sent without one");
			return;
		}
		if (length > limit.maxBytes()) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"The upload is " + megabytes(length) + "; this takes " + limit.what());
			return;
		}
		chain.doFilter(request, response);
	}

	UploadLimit limitOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		for (Compiled compiled : this.limits) {
			if (compiled.pattern().matches(container)) {
				return compiled.limit();
			}
		}
		return new UploadLimit("/**", UploadLimit.FORM_FIELDS, "no file, only a form of at most 1 MB");
	}

	private static String megabytes(long bytes) {
		return (bytes < 1024 * 1024) ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}

	/**
	 * Answers at once and flushes: the client may still be sending, and should not wait
	 * for the end of a body the server will only discard.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Connection", "close");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
						+ status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
						+ "\"}");
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(HtmlUtils.htmlEscape(detail));
		}
		response.flushBuffer();
	}

	/** Words for an upload the container itself found too large while reading it. */
	static String describe(MaxUploadSizeExceededException ex) {
		long max = ex.getMaxUploadSize();
		return (max > 0) ? "at most " + (max / (1024 * 1024)) + " MB" : "see PLENARY_MAX_UPLOAD";
	}

}
