package org.plenary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.plenary.system.DatabaseServer;
import org.plenary.system.EmbeddedDatabase;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL per test JVM: the one named by {@code PLENARY_TEST_DB_URL} (with
 * {@code PLENARY_TEST_DB_USER} and {@code PLENARY_TEST_DB_PASSWORD}), else an embedded
 * one in a fresh temporary folder, stopped and deleted when the JVM ends. Registered for
 * every Spring test context in {@code META-INF/spring.factories}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static DatabaseServer server;

	public static synchronized DatabaseServer server() {
		if (server == null) {
			String url = System.getenv("PLENARY_TEST_DB_URL");
			if (url != null && !url.isBlank()) {
				server = new DatabaseServer.External(url, System.getenv("PLENARY_TEST_DB_USER"),
						System.getenv("PLENARY_TEST_DB_PASSWORD"));
			}
			else {
				server = startEmbedded();
			}
		}
		return server;
	}

	private static DatabaseServer startEmbedded() {
		try {
			Path folder = Files.createTempDirectory("plenary-test-db");
			// a throw-away database: speed over durability, chosen here and nowhere else
			EmbeddedDatabase embedded = EmbeddedDatabase.startOrAdopt(folder, 0,
					EmbeddedDatabase.Durability.FAST_FOR_TESTS_ONLY);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				embedded.stop();
				deleteQuietly(folder);
			}, "test-database-stop"));
			return embedded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		DatabaseServer database = server();
		TestPropertyValues
			.of("plenary.db.url=" + database.jdbcUrl(), "plenary.db.user=" + nullToEmpty(database.user()),
					"plenary.db.password=" + nullToEmpty(database.password()),
					// the audit trail's key and checkpoint belong with this database
					"plenary.audit.key-file=" + auditFiles().resolve("audit.key"),
					"plenary.audit.checkpoint-file=" + auditFiles().resolve("audit.checkpoint"))
			.applyTo(context);
	}

	private static Path auditFiles;

	private static synchronized Path auditFiles() {
		if (auditFiles == null) {
			try {
				auditFiles = Files.createTempDirectory("plenary-test-audit");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Path folder = auditFiles;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "test-audit-files"));
		}
		return auditFiles;
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder: the OS cleans it up eventually
		}
	}

}
