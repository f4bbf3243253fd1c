package org.plenary.accounts;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 Base32 (A-Z, 2-7), the alphabet authenticator apps take secrets in. Encodes
 * without padding; decodes upper or lower case and ignores spaces, hyphens and padding.
 */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	static String encode(byte[] bytes) {
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return text.toString();
	}

	static byte[] decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '=' || c == ' ' || c == '-') {
				continue;
			}
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not a Base32 character: '" + c + "'");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return bytes.toByteArray();
	}

}
