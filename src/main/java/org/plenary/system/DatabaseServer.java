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

	record External(String jdbcUrl, String user, String password) implements DatabaseServer {

		@Override
		public void close() {
			// not ours to stop
		}

	}

}
