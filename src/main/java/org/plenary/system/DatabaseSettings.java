package org.plenary.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Plenary keeps its data. With no {@code url} (environment {@code PLENARY_DB_URL}),
 * Plenary runs an embedded PostgreSQL whose files live under {@code dataDir}.
 *
 * @param url JDBC URL of an external PostgreSQL (>= 15), or empty for the embedded one
 * @param user user name for the external database
 * @param password password for the external database
 * @param dataDir folder of the embedded database (and later of attachments)
 * @param embeddedPort TCP port of the embedded database on localhost; 0 picks a free one
 */
@ConfigurationProperties("plenary.db")
public record DatabaseSettings(String url, String user, String password, @DefaultValue("plenary-data") Path dataDir,
		@DefaultValue("0") int embeddedPort) {

	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
