package org.plenary.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, telling PostgreSQL who acts whenever a connection is taken from it: the
 * settings {@code plenary.actor} and {@code plenary.address} of the connection's session,
 * which the audit triggers read. A connection keeps what it was last told, so the round
 * trip is made only when the actor or the address changes. It also tells the acting
 * user's organisation ({@code plenary.organisation}), which PostgreSQL's row-level
 * security policies read to decide what the connection sees (ADR 0011).
 */
class ActingDataSource extends DelegatingDataSource {

	// physical connection -> the actor and address it was last told
	private final Map<Object, String> told = java.util.Collections.synchronizedMap(new WeakHashMap<>());

	ActingDataSource(DataSource pool) {
		super(pool);
	}

	/** Closes the pool it wraps. */
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return tell(super::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return tell(() -> super.getConnection(username, password));
	}

	// set while this thread finds out who acts: that may itself take a connection (the
	// session is loaded from PostgreSQL), which must not ask again
	private static final ThreadLocal<Boolean> TELLING = new ThreadLocal<>();

	private interface Pool {

		Connection take() throws SQLException;

	}

	private Connection tell(Pool pool) throws SQLException {
		if (TELLING.get() != null) {
			return pool.take();
		}
		String actor;
		String address;
		String user;
		TELLING.set(Boolean.TRUE);
		try {
			// who acts is found before a connection is taken: finding out may load the
			// session with a connection of its own, and threads that each held one while
			// waiting for another held the whole pool until its timeout (two hundred live
			// boards opened at once did, issue 18)
			actor = Acting.actor();
			address = Acting.address();
			user = Acting.user();
		}
		finally {
			TELLING.remove();
		}
		return tellOnce(pool.take(), actor, address, user);
	}

	private Connection tellOnce(Connection connection, String actor, String address, String user) throws SQLException {
		try {
			Long organisation = organisationOf(user, connection);
			String key = actor + "\u0000" + Objects.toString(address, "") + "\u0000" + organisation;
			Object physical = connection.unwrap(org.postgresql.PGConnection.class);
			if (!key.equals(this.told.get(physical))) {
				boolean switchRole = organisation != null && bypassesRowSecurity(connection);
				try (PreparedStatement statement = connection.prepareStatement("""
						select set_config('plenary.actor', ?, false), set_config('plenary.address', ?, false),
						  set_config('plenary.organisation', ?, false), set_config('role', ?, false)""")) {
					statement.setString(1, actor);
					statement.setString(2, Objects.toString(address, ""));
					statement.setString(3, organisation == null ? "" : organisation.toString());
					statement.setString(4, switchRole ? "plenary_app" : "none");
					statement.execute();
				}
				this.told.put(physical, key);
			}
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * The organisation whose view applies to this user: null for no user (a command, a
	 * background task), which sees everything; -1 for a name that is not a user. Every
	 * user acts as its organisation, administrators and operators too: administering an
	 * organisation or the installation is no right to read another organisation's
	 * records. Kept for a few seconds, so that a moved user's view follows soon.
	 */
	private Long organisationOf(String user, Connection connection) throws SQLException {
		if (user == null) {
			return null;
		}
		Known known = this.organisations.get(user);
		long now = System.nanoTime();
		if (known == null || now - known.at() > ORGANISATION_KEPT_NANOS) {
			Long organisation = -1L;
			try (PreparedStatement statement = connection
				.prepareStatement("select organisation_id from accounts_user where username = ?")) {
				statement.setString(1, user);
				try (ResultSet row = statement.executeQuery()) {
					if (row.next()) {
						organisation = row.getLong(1);
					}
				}
			}
			known = new Known(organisation, now);
			this.organisations.put(user, known);
		}
		return known.organisation();
	}

	private static final long ORGANISATION_KEPT_NANOS = 10_000_000_000L;

	private record Known(Long organisation, long at) {
	}

	private final Map<String, Known> organisations = new java.util.concurrent.ConcurrentHashMap<>();

	// whether the pool's database user escapes row-level security (a superuser, as the
	// embedded server's is): it then takes the role plenary_app while a user acts
	private volatile Boolean bypasses;

	private boolean bypassesRowSecurity(Connection connection) throws SQLException {
		if (this.bypasses == null) {
			try (PreparedStatement statement = connection
				.prepareStatement("select rolsuper or rolbypassrls from pg_roles where rolname = session_user");
					ResultSet row = statement.executeQuery()) {
				this.bypasses = row.next() && row.getBoolean(1);
			}
		}
		return this.bypasses;
	}

}
