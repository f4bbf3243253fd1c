package org.plenary.accounts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The QR code of the two-factor key. Module for module against another implementation
 * (python-qrcode 8.2, byte mode, level M, the same mask); during development every
 * version and mask was also read back with zbarimg.
 */
class QrCodeTests {

	/** python-qrcode's "Plenary", version 1, level M, mask 2. */
	private static final String[] PLENARY_MASK_2 = { "#######....#..#######", "#.....#...#.#.#.....#",
			"#.###.#.#.#...#.###.#", "#.###.#.#####.#.###.#", "#.###.#.#.#.#.#.###.#", "#.....#.#..#..#.....#",
			"#######.#.#.#.#######", "........#............", "#.#####....#..#####..", "#...#...#.######.#..#",
			"###.#.#..##.#.##..##.", "##.##..#.#.####..##..", "#.#..####...#..##....", "........#.#.#...####.",
			"#######..###.#...###.", "#.....#.##.....######", "#.###.#.##.#.#.#...#.", "#.###.#.#..####.##...",
			"#.###.#.#...#.#......", "#.....#...#####..##..", "#######.#.#.#..#...#." };

	@Test
	void drawsWhatAnotherImplementationDraws() {
		QrCode code = QrCode.of("Plenary".getBytes(StandardCharsets.UTF_8), 2);
		assertThat(code.version).isEqualTo(1);
		for (int y = 0; y < code.size; y++) {
			StringBuilder row = new StringBuilder();
			for (int x = 0; x < code.size; x++) {
				row.append(code.dark(x, y) ? '#' : '.');
			}
			assertThat(row.toString()).as("row %d", y).isEqualTo(PLENARY_MASK_2[y]);
		}
	}

	@ParameterizedTest
	@CsvSource({ "1, 7", "15, 8", "63, 9" })
	void fitsEveryKeyUriInAVersionUpToTen(int usernameLength, int version) {
		String uri = Totp.uri("Plenary", "u".repeat(usernameLength), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		QrCode code = QrCode.of(uri);
		assertThat(code.version).isEqualTo(version).isLessThanOrEqualTo(QrCode.MAX_VERSION);
		assertThat(code.size).isEqualTo(code.version * 4 + 17);
		// the three finder patterns
		for (int[] corner : new int[][] { { 0, 0 }, { code.size - 7, 0 }, { 0, code.size - 7 } }) {
			assertThat(code.dark(corner[0], corner[1])).isTrue();
			assertThat(code.dark(corner[0] + 1, corner[1] + 1)).isFalse();
			assertThat(code.dark(corner[0] + 3, corner[1] + 3)).isTrue();
		}
	}

	@Test
	void refusesTextTooLongForVersionTen() {
		assertThatThrownBy(() -> QrCode.of("x".repeat(214))).isInstanceOf(IllegalArgumentException.class);
		assertThat(QrCode.of("x".repeat(213)).version).isEqualTo(10);
	}

	@Test
	void isAnSvgWithoutScriptOrStyle() {
		String svg = QrCode.of("otpauth://totp/Plenary:a?secret=AB").svg("QR code of the key for <you>");
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains("<path d=\"M4,4h1v1h-1z")
			.contains("aria-label=\"QR code of the key for &lt;you&gt;\"")
			.doesNotContain("style")
			.doesNotContain("script");
	}

}
