package org.plenary.system;

/**
 * The PostgreSQL server Plenary talks to: an external one given by URL, or the embedded
 * one.
 */
public sealed interface DatabaseServer extends AutoCloseable permits EmbeddedDatabase, DatabaseServer.External {

	String jdbcUrl();

	String user();

	String password();

	@Override
	void close();

	/**
	 * A connection of its own, outside the pool, for work that needs a session to itself:
	 * a LISTEN that never ends, or an import that sets its own memory settings.
	 * @param applicationName shown in pg_stat_activity, e.g. "plenary import"
	 * @param options server settings for the session (the "options" connection property),
	 * or null
	 */
	default java.sql.Connection openConnection(String applicationName, String options) throws java.sql.SQLException {
		java.util.Properties properties = new java.util.Properties();
		if (user() != null && !user().isEmpty()) {
			properties.setProperty("user", user());
		}
		if (password() != null && !password().isEmpty()) {
			properties.setProperty("password", password());
		}
		if (options != null) {
			properties.setProperty("options", options);
		}
		properties.setProperty("ApplicationName", applicationName);
		return java.sql.DriverManager.getConnection(jdbcUrl(), properties);
	}

	record External(String jdbcUrl, String user, String password) implements DatabaseServer {

		@Override
		public void close() {
			// not ours to stop
		}

	}

}
