package org.plenary.system;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded PostgreSQL's superuser, kept in a file of the data folder
 * that only its owner can read: whoever can read it can do anything to the database, so
 * the secret itself is never logged or printed, only the file's name.
 */
final class SuperuserPassword {

	private static final Logger log = LoggerFactory.getLogger(SuperuserPassword.class);

	private static final int BYTES = 32;

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private SuperuserPassword() {
	}

	/** The password in {@code file}, or an empty string when there is no such file. */
	static String readIfPresent(Path file) throws IOException {
		return Files.exists(file) ? read(file) : "";
	}

	/**
	 * The password in {@code file}, made (32 random bytes, base64url) when there is none.
	 * The caller holds the data folder's startup lock, so no other process makes one at
	 * the same time.
	 */
	static String readOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			return read(file);
		}
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Path fresh = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(fresh);
		createOwnerOnly(fresh);
		try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
			// one line: initdb --pwfile reads the first line of the file
			channel.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.US_ASCII)));
			// on disk before it is named: a crash never leaves an empty password file
			channel.force(true);
		}
		try {
			Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(fresh, file);
		}
		log.info("Made the password of the embedded PostgreSQL, {} (owner-only)", file);
		return secret;
	}

	private static String read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		String secret = lines.isEmpty() ? "" : lines.get(0).strip();
		if (secret.isEmpty()) {
			throw new IllegalStateException("The password file of the embedded PostgreSQL, " + file
					+ ", is empty: restore it from your backup of the data folder");
		}
		keepOwnerOnly(file);
		return secret;
	}

	/**
	 * Creates an empty file that only its owner can read and write from the start, so
	 * that there is no moment at which others may open it. Where the file system knows no
	 * POSIX permissions, the best it offers.
	 */
	static void createOwnerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			// the umask can only take permissions away, so rw------- is what the file
			// gets
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			return;
		}
		Files.createFile(file);
		File plain = file.toFile();
		boolean ownerOnly = plain.setReadable(false, false) && plain.setWritable(false, false)
				&& plain.setReadable(true, true) && plain.setWritable(true, true);
		if (!ownerOnly) {
			log.warn("Could not make {} readable by its owner only: keep the data folder private", file);
		}
	}

	private static void keepOwnerOnly(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (!permissions.equals(OWNER_ONLY)) {
				// loosened by hand or by a copy: the secret may have been read meanwhile
				log.warn("{} was {}; made it readable by its owner only again", file,
						PosixFilePermissions.toString(permissions));
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system: createOwnerOnly did what it could
		}
	}

}
