package org.plenary.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The head of the audit chain anchored outside the database: the last sealed row's
 * number, hash and seal, in a file of the data folder ({@code audit.checkpoint}, or
 * {@code PLENARY_AUDIT_CHECKPOINT_FILE}) that the sealer moves forward. Someone with
 * database access who deletes the last rows and moves the head back cannot move this file
 * back; {@code ./plenary audit checkpoint} prints it as a digest to keep elsewhere too.
 */
@Component
class AuditCheckpoint {

	/** A checkpoint: the chain's head at a moment. */
	record Head(long seq, byte[] hash, byte[] seal, Instant at) {

		String digest() {
			return "seq " + this.seq + " hash " + HexFormat.of().formatHex(this.hash) + " seal "
					+ HexFormat.of().formatHex(this.seal);
		}

	}

	private final Path file;

	AuditCheckpoint(@Value("${plenary.audit.checkpoint-file:}") String checkpointFile,
			@Value("${plenary.db.data-dir:plenary-data}") Path dataDir) {
		this.file = checkpointFile.isBlank() ? dataDir.resolve("audit.checkpoint") : Path.of(checkpointFile);
	}

	Path file() {
		return this.file;
	}

	Optional<Head> read() {
		if (!Files.exists(this.file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(this.file, StandardCharsets.US_ASCII);
			String seq = value(lines, "seq");
			String hash = value(lines, "hash");
			String seal = value(lines, "seal");
			String at = value(lines, "at");
			if (seq == null || hash == null || seal == null || at == null) {
				throw new IllegalStateException("The audit checkpoint " + this.file + " is damaged");
			}
			return Optional.of(new Head(Long.parseLong(seq), HexFormat.of().parseHex(hash),
					HexFormat.of().parseHex(seal), Instant.parse(at)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audit checkpoint " + this.file, ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The audit checkpoint " + this.file + " is damaged", ex);
		}
	}

	void write(Head head) {
		try {
			Path parent = this.file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path fresh = Files.createTempFile(parent, "audit", ".checkpoint");
			Files.writeString(fresh,
					"# The head of Plenary's audit chain; `./plenary audit verify` checks the database against it.\n"
							+ "seq=" + head.seq() + "\nhash=" + HexFormat.of().formatHex(head.hash()) + "\nseal="
							+ HexFormat.of().formatHex(head.seal()) + "\nat=" + head.at() + "\n",
					StandardCharsets.US_ASCII);
			Files.move(fresh, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the audit checkpoint " + this.file, ex);
		}
	}

	private static String value(List<String> lines, String name) {
		return lines.stream()
			.filter((line) -> line.startsWith(name + "="))
			.map((line) -> line.substring(name.length() + 1).trim())
			.findFirst()
			.orElse(null);
	}

}
