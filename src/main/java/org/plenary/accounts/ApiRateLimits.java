package org.plenary.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts API calls per token (or per address, for calls without a valid token) in fixed
 * one-minute windows shared by every instance through PostgreSQL, without a write per
 * call (ADR 0014). Each instance counts its calls in memory and adds them to the shared
 * row of the bucket in batches: at once when its unshared calls reach a twentieth of the
 * limit (or, near the limit, at every call), and otherwise within a second. Each flush
 * reads the shared total back, so an instance decides on every instance's calls as of its
 * last flush plus its own since. Several instances together therefore admit at most the
 * limit plus, for each other instance, the calls it has not shared yet: under a twentieth
 * of the limit each.
 */
@Component
class ApiRateLimits {

	private static final Logger log = LoggerFactory.getLogger(ApiRateLimits.class);

	private static final long WINDOW_MILLIS = 60_000;

	private final JdbcClient jdbc;

	private final int limit;

	// unshared calls that make an instance flush at once: a twentieth of the limit
	private final int batch;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong lastSweep = new AtomicLong();

	@Autowired
	ApiRateLimits(JdbcClient jdbc, AccountsSettings settings) {
		this(jdbc, settings.apiRateLimit(), Clock.systemUTC());
	}

	ApiRateLimits(JdbcClient jdbc, int limit, Clock clock) {
		this.jdbc = jdbc;
		this.limit = limit;
		this.batch = Math.max(1, limit / 20);
		this.clock = clock;
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
		long now = this.clock.millis();
		long window = now - Math.floorMod(now, WINDOW_MILLIS);
		Bucket counts = this.buckets.computeIfAbsent(bucket, (name) -> new Bucket());
		long known;
		long flush;
		synchronized (counts) {
			if (counts.window != window) {
				// a new minute: what was not shared of the last one no longer counts
				counts.window = window;
				counts.shared = 0;
				counts.unshared = 0;
			}
			counts.unshared++;
			known = counts.shared + counts.unshared;
			// near the limit every call is shared at once, so that this instance's
			// refusals start on the whole count
			flush = (counts.unshared >= this.batch || known >= this.limit - this.batch) ? counts.unshared : 0;
			if (flush > 0) {
				counts.unshared = 0;
			}
		}
		if (flush > 0) {
			known = share(bucket, counts, window, flush);
		}
		long secondsLeft = Math.max(1, (window + WINDOW_MILLIS - now + 999) / 1000);
		return new Count(known <= this.limit, this.limit, (int) Math.max(0, this.limit - known), secondsLeft);
	}

	/**
	 * Adds calls to the shared count of the bucket's window; returns the total known now
	 * (every instance's shared calls, and this one's not yet shared).
	 */
	private long share(String bucket, Bucket counts, long window, long calls) {
		long total = this.jdbc.sql("""
				insert into accounts_api_rate as r (bucket, window_start, requests) values (?, ?, ?)
				on conflict (bucket, window_start) do update set requests = r.requests + excluded.requests
				returning requests
				""").params(bucket, new java.sql.Timestamp(window), calls).query(Long.class).single();
		synchronized (counts) {
			if (counts.window == window) {
				counts.shared = Math.max(counts.shared, total);
				return counts.shared + counts.unshared;
			}
			return total;
		}
	}

	/**
	 * Shares what each bucket counted since its last flush, so that other instances see
	 * it within a second; and drops past windows, in memory and (once a minute) in
	 * PostgreSQL.
	 */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void shareAll() {
		long now = this.clock.millis();
		long window = now - Math.floorMod(now, WINDOW_MILLIS);
		for (Map.Entry<String, Bucket> entry : this.buckets.entrySet()) {
			Bucket counts = entry.getValue();
			long calls;
			long at;
			synchronized (counts) {
				at = counts.window;
				calls = counts.unshared;
				counts.unshared = 0;
			}
			try {
				if (calls > 0) {
					share(entry.getKey(), counts, at, calls);
				}
				else if (at < window) {
					this.buckets.remove(entry.getKey(), counts);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Could not share the API calls of {}: {}", entry.getKey(), ex.getMessage());
			}
		}
		sweep(now);
	}

	/** Drops past windows from PostgreSQL, at most once a minute per instance. */
	private void sweep(long now) {
		long last = this.lastSweep.get();
		if (now - last > WINDOW_MILLIS && this.lastSweep.compareAndSet(last, now)) {
			this.jdbc.sql("delete from accounts_api_rate where window_start < now() - interval '2 minutes'").update();
		}
	}

	/** One bucket's window on this instance. Guarded by itself. */
	private static final class Bucket {

		long window;

		// the shared total as of this instance's last flush
		long shared;

		// this instance's calls since
		long unshared;

	}

}
