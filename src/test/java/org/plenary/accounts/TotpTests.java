package org.plenary.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6238 and RFC 4648 against their own test vectors. */
class TotpTests {

	/** RFC 6238 appendix B's SHA-1 seed, "12345678901234567890" in ASCII. */
	private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final String SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void computesTheRfc6238TestVectors(long seconds, String eightDigits) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(SEED, step, 8)).isEqualTo(eightDigits);
		// six digits are the last six of the same truncation
		assertThat(Totp.code(SEED_BASE32, step)).isEqualTo(eightDigits.substring(2));
	}

	@ParameterizedTest
	@CsvSource(value = { "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void encodesBase32AsRfc4648WithoutPadding(String text, String base32) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encode(bytes)).isEqualTo(base32);
		assertThat(Base32.decode(base32)).isEqualTo(bytes);
		assertThat(Base32.decode(base32.toLowerCase() + "======")).isEqualTo(bytes);
	}

	@Test
	void readsTheSecretAsPeopleTypeIt() {
		assertThat(Base32.encode(SEED)).isEqualTo(SEED_BASE32);
		assertThat(Base32.decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SEED);
		assertThatThrownBy(() -> Base32.decode("GEZ1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void makesSecretsOf160Bits() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(Base32.decode(secret)).hasSize(20);
		assertThat(Totp.newSecret()).isNotEqualTo(secret);
	}

	@Test
	void acceptsACodeOneStepEarlyOrLateButNoMore() {
		Instant now = Instant.ofEpochSecond(1_700_000_015L);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(SEED_BASE32, Totp.code(SEED_BASE32, step), now)).hasValue(step);
		assertThat(Totp.matchingStep(SEED_BASE32, Totp.code(SEED_BASE32, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(SEED_BASE32, Totp.code(SEED_BASE32, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(SEED_BASE32, Totp.code(SEED_BASE32, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(SEED_BASE32, Totp.code(SEED_BASE32, step + 2), now)).isEmpty();
		assertThat(Totp.matchingStep(SEED_BASE32, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED_BASE32, "abcdef", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED_BASE32, null, now)).isEmpty();
	}

	@Test
	void writesTheKeyUriThatAuthenticatorAppsRead() {
		assertThat(Totp.uri("Plenary", "whip-7", SEED_BASE32)).isEqualTo("otpauth://totp/Plenary:whip-7?secret="
				+ SEED_BASE32 + "&issuer=Plenary&algorithm=SHA1&digits=6&period=30");
		assertThat(Totp.uri("Plenary UN", "a b", SEED_BASE32)).startsWith("otpauth://totp/Plenary%20UN:a%20b?");
	}

}
