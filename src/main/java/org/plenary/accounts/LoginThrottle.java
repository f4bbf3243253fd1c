package org.plenary.accounts;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock the rightful user out. Three
 * counts, kept in PostgreSQL so that every instance behind a load balancer sees the same
 * failures:
 * <ul>
 * <li>one user name from one address: after {@value #FREE_PER_PAIR} failures within
 * {@link #WINDOW}, each further failure doubles the wait (from 30 seconds up to 15
 * minutes). The user at another address is not slowed;</li>
 * <li>one address, whatever the user names: {@value #MAX_PER_ADDRESS} failures within the
 * window and it waits until the window has passed;</li>
 * <li>one user name from many addresses (a spread-out attack): {@value #MAX_PER_USER}
 * failures within the window slow down every address <em>that has never signed in as that
 * user</em>; the addresses its owner signed in from stay open.</li>
 * </ul>
 */
@Component
class LoginThrottle {

	static final int FREE_PER_PAIR = 5;

	static final int MAX_PER_ADDRESS = 30;

	static final int MAX_PER_USER = 100;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

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
				with pair as (
				  select count(*) as failures, max(failed_at) as last from accounts_login_failure
				   where username = :username and remote_address = :address
				     and failed_at > now() - make_interval(secs => :window))
				select greatest(
				  -- the pair: 30 s after the 6th failure, doubling, at most the window
				  coalesce((select extract(epoch from (last + make_interval(secs =>
				              least(:window, :first * power(2, failures - :freePerPair - 1))) - now()))
				            from pair where failures > :freePerPair), 0),
				  -- the address, whatever the names
				  coalesce((select extract(epoch from (min(failed_at) + make_interval(secs => :window) - now()))
				            from (select failed_at from accounts_login_failure
				                  where remote_address = :address and failed_at > now() - make_interval(secs => :window)
				                  order by failed_at desc limit :maxAddress) recent
				            having count(*) >= :maxAddress), 0),
				  -- the name from everywhere, for an address its owner never signed in from
				  coalesce((select extract(epoch from (min(failed_at) + make_interval(secs => :window) - now()))
				            from (select failed_at from accounts_login_failure
				                  where username = :username and failed_at > now() - make_interval(secs => :window)
				                  order by failed_at desc limit :maxUser) recent
				            where not exists (select 1 from accounts_login_known k
				                               where k.username = :username and k.remote_address = :address)
				            having count(*) >= :maxUser), 0))::bigint
				""")
			.param("window", WINDOW.toSeconds())
			.param("first", FIRST_WAIT.toSeconds())
			.param("username", Accounts.normalise(username))
			.param("address", address)
			.param("freePerPair", FREE_PER_PAIR - 1)
			.param("maxAddress", MAX_PER_ADDRESS)
			.param("maxUser", MAX_PER_USER)
			.query(Long.class)
			.single();
		return Duration.ofSeconds(Math.max(0, seconds));
	}

	/**
	 * The failed sign-ins of a user name within the window, one line per address, with
	 * how long that address still waits: what an administrator sees on the user's page.
	 */
	java.util.List<Failures> failures(String username) {
		return this.jdbc.sql("""
				select remote_address, count(*) as failures, max(failed_at) as last
				  from accounts_login_failure
				 where username = ? and failed_at > now() - make_interval(secs => ?)
				 group by remote_address order by max(failed_at) desc
				""").params(Accounts.normalise(username), WINDOW.toSeconds()).query((rs, row) -> {
			String address = rs.getString("remote_address");
			return new Failures(address, rs.getInt("failures"),
					rs.getObject("last", java.time.OffsetDateTime.class).toInstant(),
					waitBeforeAttempt(username, address).toSeconds());
		}).list();
	}

	/**
	 * Forgets the failed sign-ins of a user name, from every address: the administrator
	 * who has made sure the rightful user is the one trying lets it try again at once.
	 * The failures of its addresses under other names still count for those addresses.
	 */
	int forget(String username) {
		return this.jdbc.sql("delete from accounts_login_failure where username = ?")
			.param(Accounts.normalise(username))
			.update();
	}

	/** Failed sign-ins of one user name from one address. */
	record Failures(String address, int count, java.time.Instant last, long waitSeconds) {
	}

	void failed(String username, String address) {
		this.jdbc.sql("insert into accounts_login_failure (username, remote_address) values (?, ?)")
			.params(Accounts.normalise(username), address)
			.update();
		this.jdbc.sql("delete from accounts_login_failure where failed_at < now() - interval '1 day'").update();
	}

	/**
	 * Sign-in completed from this address: its failures are forgotten and the address
	 * known.
	 */
	void succeeded(String username, String address) {
		this.jdbc.sql("delete from accounts_login_failure where username = ? and remote_address = ?")
			.params(Accounts.normalise(username), address)
			.update();
		this.jdbc.sql("""
				insert into accounts_login_known (username, remote_address) values (?, ?)
				on conflict (username, remote_address) do update set last_at = now()
				""").params(Accounts.normalise(username), address).update();
	}

}
