package org.plenary.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that seals the audit trail, kept outside the database so that someone who can
 * write to the database cannot forge a seal: 32 random bytes in a file readable by its
 * owner only, by default {@code audit.key} in the data folder (made on first use), or the
 * file an operator names with {@code PLENARY_AUDIT_KEY_FILE} (every instance of an
 * installation on an external PostgreSQL must be given the same one).
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	private static final int BYTES = 32;

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path file;

	private volatile SecretKeySpec key;

	AuditKey(@Value("${plenary.audit.key-file:}") String keyFile,
			@Value("${plenary.db.data-dir:plenary-data}") Path dataDir) {
		this.file = keyFile.isBlank() ? dataDir.resolve("audit.key") : Path.of(keyFile);
	}

	Path file() {
		return this.file;
	}

	/** HMAC-SHA-256 of a row's hash under the key. */
	byte[] seal(byte[] hash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return mac.doFinal(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

	private SecretKeySpec key() {
		if (this.key == null) {
			synchronized (this) {
				if (this.key == null) {
					this.key = new SecretKeySpec(readOrCreate(), "HmacSHA256");
				}
			}
		}
		return this.key;
	}

	private byte[] readOrCreate() {
		try {
			if (!Files.exists(this.file)) {
				create();
			}
			byte[] bytes = Files.readAllBytes(this.file);
			if (bytes.length != BYTES) {
				throw new IllegalStateException("The audit key " + this.file + " holds " + bytes.length + " bytes, not "
						+ BYTES + ": restore it from your backup");
			}
			tighten();
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audit key " + this.file, ex);
		}
	}

	private void create() throws IOException {
		byte[] bytes = new byte[BYTES];
		new SecureRandom().nextBytes(bytes);
		Path parent = this.file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path fresh = Files.createTempFile(parent, "audit", ".key");
		try {
			tighten(fresh);
			Files.write(fresh, bytes, StandardOpenOption.WRITE);
			try {
				// two processes starting at once: the first one's key stays
				Files.createLink(this.file, fresh);
				log.info("Made the audit trail's key {} (owner-only): keep a copy with your backups", this.file);
			}
			catch (FileAlreadyExistsException ex) {
				// made meanwhile by another process
			}
			catch (UnsupportedOperationException | IOException ex) {
				if (!Files.exists(this.file)) {
					Files.move(fresh, this.file);
				}
			}
		}
		finally {
			Files.deleteIfExists(fresh);
		}
	}

	private void tighten() {
		tighten(this.file);
	}

	private static void tighten(Path path) {
		try {
			if (!Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(path, OWNER_ONLY);
			}
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.warn("Could not make {} readable by its owner only: {}", path, ex.getMessage());
		}
	}

}
