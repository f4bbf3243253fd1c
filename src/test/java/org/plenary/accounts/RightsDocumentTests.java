package org.plenary.accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rights.md} is the table of rights as the code has it. Run with
 * {@code -Drights.write=true} to write it again after changing {@link Rights}.
 */
class RightsDocumentTests {

	static final Path DOCUMENT = Path.of("docs", "rights.md");

	static final String REGENERATE = "./mvnw -o test -Dtest=RightsDocumentTests -Drights.write=true";

	@Test
	void theDocumentIsTheTableInTheCode() throws Exception {
		String written = Rights.markdown();
		if (Boolean.getBoolean("rights.write")) {
			Files.writeString(DOCUMENT, written, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(DOCUMENT)).as("docs/rights.md is missing: write it with " + REGENERATE).isTrue();
		assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
			.as("docs/rights.md differs from the table in org.plenary.accounts.Rights: write it again with "
					+ REGENERATE)
			.isEqualTo(written);
	}

}
