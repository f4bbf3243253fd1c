package org.plenary.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * trip is made only when the actor or the address changes.
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
		return tell(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return tell(super.getConnection(username, password));
	}

	// set while this thread tells a connection: finding out who acts may itself take a
	// connection (the session is loaded from PostgreSQL), which must not ask again
	private static final ThreadLocal<Boolean> TELLING = new ThreadLocal<>();

	private Connection tell(Connection connection) throws SQLException {
		if (TELLING.get() != null) {
			return connection;
		}
		TELLING.set(Boolean.TRUE);
		try {
			return tellOnce(connection);
		}
		finally {
			TELLING.remove();
		}
	}

	private Connection tellOnce(Connection connection) throws SQLException {
		String actor = Acting.actor();
		String address = Acting.address();
		String key = actor + "\u0000" + Objects.toString(address, "");
		Object physical = connection.unwrap(org.postgresql.PGConnection.class);
		if (!key.equals(this.told.get(physical))) {
			try (PreparedStatement statement = connection.prepareStatement(
					"select set_config('plenary.actor', ?, false), set_config('plenary.address', ?, false)")) {
				statement.setString(1, actor);
				statement.setString(2, Objects.toString(address, ""));
				statement.execute();
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
			this.told.put(physical, key);
		}
		return connection;
	}

}
