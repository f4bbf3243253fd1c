package org.plenary.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are bounded before they are read, over a real socket as an attacker sends them:
 * a declared length over the endpoint's limit is refused before a byte of the body is
 * sent, an upload with no length is refused, and a caller without the right is refused
 * while its body is still on the way (the server never waited for it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsTests {

	private static final String BOUNDARY = "----plenary-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	private String organisation;

	private String coordinator;

	private long campaign;

	@BeforeEach
	void aCampaign() {
		this.organisation = this.accounts.organisation("Upload Mission " + System.nanoTime());
		this.coordinator = this.accounts.user(Role.COORDINATOR, this.organisation);
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.coordinator).id();
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
		String answer = send("POST", "/api/v1/campaigns/" + this.campaign + "/imports",
				this.accounts.token(this.coordinator), 50L * 1024 * 1024, true, 0);
		assertThat(answer).startsWith("HTTP/1.1 413")
			.contains("application/problem+json")
			.contains("a whip spreadsheet of at most 10 MB")
			.doesNotContain("Exception");
	}

	@Test
	void anAttachmentOverItsLimitIsRefusedOnTheApiAndThePages() throws Exception {
		String api = send("POST", "/api/v1/campaigns/" + this.campaign + "/contacts/1/attachments",
				this.accounts.token(this.coordinator), 30L * 1024 * 1024, true, 0);
		assertThat(api).startsWith("HTTP/1.1 413").contains("one file of at most 20 MB");
		String page = send("POST", "/campaigns/" + this.campaign + "/contacts", null, 200L * 1024 * 1024, true, 0);
		assertThat(page).startsWith("HTTP/1.1 413").contains("at most 5 files of 20 MB each");
	}

	@Test
	void aMultipartBodyToAnEndpointThatTakesNoFileIsBoundedLikeAForm() throws Exception {
		String answer = send("PUT", "/api/v1/campaigns/" + this.campaign + "/stances/BRA",
				this.accounts.token(this.coordinator), 5L * 1024 * 1024, true, 0);
		assertThat(answer).startsWith("HTTP/1.1 413").contains("no file, only a form of at most 1 MB");
	}

	@Test
	void anUploadWithoutALengthIsRefused() throws Exception {
		String answer = send("POST", "/api/v1/campaigns/" + this.campaign + "/imports",
				this.accounts.token(this.coordinator), -1, true, 0);
		assertThat(answer).startsWith("HTTP/1.1 411").contains("Content-Length");
	}

	@Test
	void aCallerWithoutTheRightIsRefusedBeforeItsUploadIsRead() throws Exception {
		String viewer = this.accounts.user(Role.VIEWER, this.organisation);
		String outsider = this.accounts.user(Role.COORDINATOR, this.accounts.organisation("Upload Outsiders"));
		// 5 MB declared, 1 KB sent: the answer must come while the rest is awaited
		String refusedRole = send("POST", "/api/v1/campaigns/" + this.campaign + "/imports",
				this.accounts.token(viewer), 5L * 1024 * 1024, false, 1024);
		assertThat(refusedRole).startsWith("HTTP/1.1 403");
		String notSeen = send("POST", "/api/v1/campaigns/" + this.campaign + "/imports", this.accounts.token(outsider),
				5L * 1024 * 1024, false, 1024);
		assertThat(notSeen).startsWith("HTTP/1.1 404");
	}

	@Test
	void anUploadWithinItsLimitIsTaken() throws Exception {
		byte[] csv = "Country,Stance\nBrazil,Yes\n".getBytes(StandardCharsets.UTF_8);
		byte[] body = multipart("file", "whip.csv", csv);
		String answer = exchange("POST", "/api/v1/campaigns/" + this.campaign + "/imports",
				this.accounts.token(this.coordinator), body);
		assertThat(answer).startsWith("HTTP/1.1 201").contains("whip.csv");
	}

	/**
	 * Sends the headers of a multipart request, then {@code sent} bytes of its body, and
	 * reads the answer. {@code length} is the declared Content-Length (-1: chunked).
	 */
	private String send(String method, String path, String token, long length, boolean headersOnly, int sent)
			throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			head.append("Host: localhost:").append(this.port).append("\r\n");
			head.append("Content-Type: multipart/form-data; boundary=").append(BOUNDARY).append("\r\n");
			if (token != null) {
				head.append("Authorization: Bearer ").append(token).append("\r\n");
			}
			head.append((length >= 0) ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n");
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
			if (!headersOnly) {
				byte[] start = ("--" + BOUNDARY
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""
						+ "\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII);
				out.write(start);
				out.write(new byte[Math.max(0, sent - start.length)]);
			}
			out.flush();
			return readHead(socket.getInputStream());
		}
	}

	private String exchange(String method, String path, String token, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nAuthorization: Bearer "
					+ token + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static byte[] multipart(String field, String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/**
	 * The answer's status line, headers and body (by its Content-Length, or to its last
	 * chunk). A server still waiting for the body sends nothing: the read times out and
	 * the test fails on what came, or did not.
	 */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		try {
			int b;
			while ((b = in.read()) >= 0) {
				answer.write(b);
				String text = answer.toString(StandardCharsets.ISO_8859_1);
				int end = text.indexOf("\r\n\r\n");
				if (end < 0) {
					continue;
				}
				java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
					.matcher(text.substring(0, end));
				if (length.find() ? text.length() >= end + 4 + Integer.parseInt(length.group(1))
						: text.endsWith("\r\n0\r\n\r\n")) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			// what came is the answer
		}
		return answer.toString(StandardCharsets.UTF_8);
	}

}
