package org.plenary.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them:
 * HMAC-SHA1 over the number of 30-second steps since the epoch, 6 digits, with a 160-bit
 * secret written in Base32. A code is accepted one step early or late, so that a phone's
 * clock may be off by up to 30 seconds. Plain Java: no Spring, no state.
 */
final class Totp {

	static final int DIGITS = 6;

	static final int STEP_SECONDS = 30;

	/** Steps accepted either side of the current one. */
	static final int WINDOW = 1;

	static final int SECRET_BYTES = 20;

	private static final SecureRandom random = new SecureRandom();

	private Totp() {
	}

	/** A new random 160-bit secret in Base32 (32 characters). */
	static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		return Base32.encode(secret);
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for a step, e.g. "028412". */
	static String code(String base32Secret, long step) {
		return code(Base32.decode(base32Secret), step, DIGITS);
	}

	/** RFC 4226 HOTP with dynamic truncation; the counter is the time step. */
	static String code(byte[] key, long counter, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int code = binary % (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", code);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

	/**
	 * The step whose code this is, looking one step either side of {@code at}; empty when
	 * the code matches none of them.
	 */
	static OptionalLong matchingStep(String base32Secret, String code, Instant at) {
		if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = Base32.decode(base32Secret);
		long now = step(at);
		for (long step = now - WINDOW; step <= now + WINDOW; step++) {
			// compared in constant time, like any secret
			if (MessageDigest.isEqual(code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * The otpauth:// URI that authenticator apps read (Google Authenticator's key URI
	 * format), labelled "issuer:account".
	 */
	static String uri(String issuer, String account, String base32Secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
