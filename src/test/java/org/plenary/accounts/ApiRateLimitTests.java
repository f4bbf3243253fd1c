package org.plenary.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API's rate limit, here 5 calls a minute: per token, and per address for calls
 * without a valid token; counted in PostgreSQL, in batches shared by every instance;
 * refused with 429, problem details and {@code Retry-After}.
 */
@SpringBootTest(properties = "plenary.accounts.api-rate-limit=5")
@AutoConfigureMockMvc
class ApiRateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	/** The windows are calendar minutes: start each test well inside one. */
	@BeforeEach
	void notAtTheEndOfAMinute() throws InterruptedException {
		int second = this.jdbc.sql("select extract(second from now())::int").query(Integer.class).single();
		if (second >= 50) {
			Thread.sleep((61 - second) * 1000L);
		}
	}

	@Test
	void aTokenMakesItsCallsForTheMinuteThenIsToldWhenToComeBack() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		String token = this.accounts.token(username);
		for (int i = 1; i <= 5; i++) {
			MvcResult ok = call(get("/api/v1/me").header("Authorization", "Bearer " + token));
			assertThat(ok.getResponse().getStatus()).isEqualTo(200);
			assertThat(ok.getResponse().getHeader("X-RateLimit-Limit")).isEqualTo("5");
			assertThat(ok.getResponse().getHeader("X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
		}
		MvcResult refused = call(get("/api/v1/me").header("Authorization", "Bearer " + token));
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(refused.getResponse().getContentAsString()).contains("\"status\":429")
			.contains("\"title\":\"Too Many Requests\"")
			.contains("at most 5 a minute per token");
		assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
		// the security headers are there on a refusal too
		assertThat(refused.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		// another token of the same user has its own count
		assertThat(
				call(get("/api/v1/me").header("Authorization", "Bearer " + this.accounts.token(username))).getResponse()
					.getStatus())
			.isEqualTo(200);
	}

	@Test
	void theCountIsKeptInPostgresForEveryInstance() throws Exception {
		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		call(get("/api/v1/me").header("Authorization", "Bearer " + token));
		call(get("/api/v1/me").header("Authorization", "Bearer " + token));
		long tokenId = this.jdbc.sql("select id from accounts_api_token where token_hash = ?")
			.param(ApiTokens.digest(token))
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				select requests from accounts_api_rate
				where bucket = ? and window_start = date_trunc('minute', now())
				""").param("token:" + tokenId).query(Integer.class).single()).isEqualTo(2);
		// another instance counting the same token's calls: this one sees them
		this.jdbc.sql("""
				update accounts_api_rate set requests = 5
				where bucket = ? and window_start = date_trunc('minute', now())
				""").param("token:" + tokenId).update();
		assertThat(call(get("/api/v1/me").header("Authorization", "Bearer " + token)).getResponse().getStatus())
			.isEqualTo(429);
	}

	@Test
	void twoInstancesTogetherAdmitTheLimitWithinTheStatedSlackWithoutAWritePerCall() {
		// two instances' counters on the one database, at one instant of a window
		java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T10:15:20Z"),
				java.time.ZoneOffset.UTC);
		ApiRateLimits a = new ApiRateLimits(this.jdbc, 100, clock);
		ApiRateLimits b = new ApiRateLimits(this.jdbc, 100, clock);
		String bucket = "token:test-" + System.nanoTime();
		int admitted = 0;
		for (int i = 0; i < 22; i++) {
			admitted += a.count(bucket).allowed() ? 1 : 0;
			admitted += b.count(bucket).allowed() ? 1 : 0;
		}
		// far from the limit each instance shares its calls in batches of 5 (a
		// twentieth):
		// 2 of each are not written yet
		assertThat(shared(bucket, clock)).isEqualTo(40);
		for (int i = 0; i < 100; i++) {
			admitted += a.count(bucket).allowed() ? 1 : 0;
			admitted += b.count(bucket).allowed() ? 1 : 0;
		}
		// at most the limit, plus what the other instance had not shared yet (under 5)
		assertThat(admitted).isBetween(100, 100 + 4);
		// and once refused, refused on both for the rest of the window
		assertThat(a.count(bucket).allowed()).isFalse();
		assertThat(b.count(bucket).allowed()).isFalse();
	}

	@Test
	void callsAreSharedWithTheOtherInstancesWithinASecond() {
		java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T10:15:20Z"),
				java.time.ZoneOffset.UTC);
		ApiRateLimits a = new ApiRateLimits(this.jdbc, 600, clock);
		ApiRateLimits b = new ApiRateLimits(this.jdbc, 600, clock);
		String bucket = "token:test-" + System.nanoTime();
		for (int i = 0; i < 7; i++) {
			a.count(bucket);
		}
		// under a batch (30): nothing written yet, one write for all of them on the tick
		assertThat(shared(bucket, clock)).isZero();
		a.shareAll();
		assertThat(shared(bucket, clock)).isEqualTo(7);
		// the other instance counts them as soon as it shares its own
		b.count(bucket);
		b.shareAll();
		assertThat(b.count(bucket).remaining()).isEqualTo(600 - 9);
	}

	private long shared(String bucket, java.time.Clock clock) {
		return this.jdbc
			.sql("select coalesce(sum(requests), 0) from accounts_api_rate where bucket = ? and window_start = ?")
			.params(bucket, new java.sql.Timestamp(clock.millis() - clock.millis() % 60_000))
			.query(Long.class)
			.single();
	}

	@Test
	void callsWithoutAValidTokenCountAgainstTheirAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(call(get("/api/v1/me"), "192.0.2.50").getResponse().getStatus()).isEqualTo(401);
		}
		for (int i = 0; i < 2; i++) {
			MvcResult bad = call(get("/api/v1/me").header("Authorization", "Bearer pln_guess" + i), "192.0.2.50");
			assertThat(bad.getResponse().getStatus()).isEqualTo(401);
			assertThat(bad.getResponse().getContentAsString()).contains("invalid, expired or revoked");
		}
		MvcResult refused = call(get("/api/v1/me").header("Authorization", "Bearer pln_guess9"), "192.0.2.50");
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentAsString()).contains("from one address without a token");
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
		// another address is not affected
		assertThat(call(get("/api/v1/me"), "192.0.2.51").getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void webPagesAreNotCounted() throws Exception {
		for (int i = 0; i < 7; i++) {
			assertThat(call(get("/login"), "192.0.2.52").getResponse().getStatus()).isEqualTo(200);
		}
	}

	private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
		return call(request, "192.0.2.1");
	}

	private MvcResult call(MockHttpServletRequestBuilder request, String address) throws Exception {
		return this.mvc.perform(request.with((r) -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn();
	}

}
