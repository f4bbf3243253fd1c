package org.plenary.accounts;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts API calls per token (or per address, for calls without a valid token) in fixed
 * one-minute windows kept in PostgreSQL, so that every instance behind a load balancer
 * counts the same calls: one upsert per call.
 */
@Component
class ApiRateLimits {

	private final JdbcClient jdbc;

	private final int limit;

	private final AtomicLong lastSweep = new AtomicLong();

	ApiRateLimits(JdbcClient jdbc, AccountsSettings settings) {
		this.jdbc = jdbc;
		this.limit = settings.apiRateLimit();
	}

	/**
	 * One call's count in its window.
	 *
	 * @param allowed within the limit
	 * @param limit calls allowed per minute
	 * @param remaining calls left in this window
	 * @param secondsLeft until the window ends (when a refused caller may try again)
	 */
	record Count(boolean allowed, int limit, int remaining, long secondsLeft) {
	}

	boolean enabled() {
		return this.limit > 0;
	}

	/** Counts a call against a bucket ("token:42", "address:192.0.2.7"). */
	Count count(String bucket) {
		Count count = this.jdbc.sql("""
				insert into accounts_api_rate as r (bucket, window_start, requests)
				values (?, date_trunc('minute', now()), 1)
				on conflict (bucket, window_start) do update set requests = r.requests + 1
				returning requests, ceil(extract(epoch from (window_start + interval '1 minute' - now())))::bigint
				""").param(bucket).query((rs, n) -> {
			int requests = rs.getInt(1);
			return new Count(requests <= this.limit, this.limit, Math.max(0, this.limit - requests),
					Math.max(1, rs.getLong(2)));
		}).single();
		sweep();
		return count;
	}

	/** Drops past windows, at most once a minute per instance. */
	private void sweep() {
		long now = System.currentTimeMillis();
		long last = this.lastSweep.get();
		if (now - last > 60_000 && this.lastSweep.compareAndSet(last, now)) {
			this.jdbc.sql("delete from accounts_api_rate where window_start < now() - interval '2 minutes'").update();
		}
	}

}
