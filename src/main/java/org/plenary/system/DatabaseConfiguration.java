package org.plenary.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the whole application, on the external PostgreSQL when
 * {@code plenary.db.url} is set, else on the embedded one. The pool depends on the server
 * bean, so on shutdown the pool closes before the embedded server is asked to stop.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseServer databaseServer(DatabaseSettings settings) {
		if (settings.embedded()) {
			return EmbeddedDatabase.startOrAdopt(settings.dataDir(), settings.embeddedPort());
		}
		return new DatabaseServer.External(settings.url(), settings.user(), settings.password());
	}

	/**
	 * The pool, wrapped so that PostgreSQL knows who acts on each connection (see
	 * {@link ActingDataSource}). The pool is not a bean of its own, so that the
	 * application has one DataSource.
	 */
	@Bean(destroyMethod = "close")
	javax.sql.DataSource dataSource(DatabaseServer server,
			@org.springframework.beans.factory.annotation.Value("${plenary.db.pool-size}") int poolSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(server.jdbcUrl());
		pool.setUsername(server.user());
		pool.setPassword(server.password());
		pool.setPoolName("plenary");
		pool.setMaximumPoolSize(poolSize);
		return new ActingDataSource(pool);
	}

}
