package org.plenary.accounts;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_PER_USER} failed sign-ins for one user
 * name, or {@value #MAX_PER_ADDRESS} from one address, within {@link #WINDOW}, further
 * attempts are refused until the window has passed. Kept in PostgreSQL so that every
 * instance behind a load balancer counts the same failures.
 */
@Component
class LoginThrottle {

	static final int MAX_PER_USER = 5;

	static final int MAX_PER_ADDRESS = 30;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	LoginThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How long until this user name from this address may try again; zero when it may
	 * now.
	 */
	Duration waitBeforeAttempt(String username, String address) {
		Long seconds = this.jdbc.sql("""
				select greatest(
				  coalesce((select extract(epoch from (min(failed_at) + make_interval(secs => :window) - now()))
				            from (select failed_at from accounts_login_failure
				                  where username = :username and failed_at > now() - make_interval(secs => :window)
				                  order by failed_at desc limit :maxUser) recent
				            having count(*) >= :maxUser), 0),
				  coalesce((select extract(epoch from (min(failed_at) + make_interval(secs => :window) - now()))
				            from (select failed_at from accounts_login_failure
				                  where remote_address = :address and failed_at > now() - make_interval(secs => :window)
				                  order by failed_at desc limit :maxAddress) recent
				            having count(*) >= :maxAddress), 0))::bigint
				""")
			.param("window", WINDOW.toSeconds())
			.param("username", Accounts.normalise(username))
			.param("address", address)
			.param("maxUser", MAX_PER_USER)
			.param("maxAddress", MAX_PER_ADDRESS)
			.query(Long.class)
			.single();
		return Duration.ofSeconds(Math.max(0, seconds));
	}

	void failed(String username, String address) {
		this.jdbc.sql("insert into accounts_login_failure (username, remote_address) values (?, ?)")
			.params(Accounts.normalise(username), address)
			.update();
		this.jdbc.sql("delete from accounts_login_failure where failed_at < now() - interval '1 day'").update();
	}

	void succeeded(String username) {
		this.jdbc.sql("delete from accounts_login_failure where username = ?")
			.param(Accounts.normalise(username))
			.update();
	}

}
