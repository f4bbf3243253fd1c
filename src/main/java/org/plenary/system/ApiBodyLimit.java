package org.plenary.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses an API request whose JSON body is larger than any the API takes (1 MB unless
 * {@code plenary.api.max-body} says otherwise): 413 with a problem detail. A declared
 * {@code Content-Length} over the limit is refused before anything is read; a body sent
 * without one ({@code Transfer-Encoding: chunked}) is counted as it is read and refused
 * at the first byte past the limit, so no request makes the server hold more than the
 * limit. File uploads (multipart: imports, attachments) have their own limit.
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
				|| (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			refuse(request, response, "The request body is " + length + " bytes");
			return;
		}
		try {
			chain.doFilter(new Counted(request, this.maxBytes), response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			refuse(request, response, "The request body is over the limit");
		}
	}

	/**
	 * Whether the failure comes from a body read past the limit, however it was wrapped.
	 */
	static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"" + what
					+ "; the API takes at most " + this.maxBytes
					+ " bytes of JSON (files go as uploads)\",\"instance\":\""
					+ HtmlUtils.htmlEscape(request.getRequestURI()).replace("\\", "") + "\"}");
	}

	/** Read past the limit. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes");
		}

	}

	/** The request, its body counted as it is read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream counted;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.counted == null) {
				this.counted = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.counted;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
