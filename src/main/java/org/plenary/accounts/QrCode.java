package org.plenary.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code (ISO/IEC 18004) for the two-factor key, drawn as SVG on the server: byte
 * mode, error correction level M, versions 1 to 10 (up to 213 bytes, enough for any
 * otpauth:// URI Plenary writes). Plain Java, after Project Nayuki's reference
 * implementation; the page needs no script and no style.
 */
final class QrCode {

	static final int MAX_VERSION = 10;

	// error correction level M, versions 1..10 (index 0 unused)
	private static final int[] ECC_CODEWORDS_PER_BLOCK = { -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26 };

	private static final int[] ERROR_CORRECTION_BLOCKS = { -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5 };

	/** The format bits' code for level M. */
	private static final int LEVEL_M = 0;

	final int version;

	final int size;

	final int mask;

	private final boolean[][] modules;

	private final boolean[][] function;

	private QrCode(int version, int mask, boolean[][] modules, boolean[][] function) {
		this.version = version;
		this.size = modules.length;
		this.mask = mask;
		this.modules = modules;
		this.function = function;
	}

	/** The smallest code for the text, with the mask that scores best. */
	static QrCode of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8), -1);
	}

	/** The smallest code for the bytes; mask -1 chooses the best. */
	static QrCode of(byte[] data, int forcedMask) {
		int version = 1;
		while (dataCapacityBits(version) < dataBits(version, data.length)) {
			version++;
			if (version > MAX_VERSION) {
				throw new IllegalArgumentException("Too long for a QR code of version " + MAX_VERSION);
			}
		}
		byte[] codewords = addEccAndInterleave(version, dataCodewords(version, data));
		int size = version * 4 + 17;
		QrCode best = null;
		int bestPenalty = Integer.MAX_VALUE;
		for (int mask = 0; mask < 8; mask++) {
			if (forcedMask >= 0 && mask != forcedMask) {
				continue;
			}
			boolean[][] modules = new boolean[size][size];
			boolean[][] function = new boolean[size][size];
			QrCode code = new QrCode(version, mask, modules, function);
			code.drawFunctionPatterns();
			code.drawCodewords(codewords);
			code.applyMask(mask);
			code.drawFormatBits(mask);
			int penalty = code.penalty();
			if (penalty < bestPenalty) {
				best = code;
				bestPenalty = penalty;
			}
		}
		return best;
	}

	/** Dark (true) or light, x from the left, y from the top. */
	boolean dark(int x, int y) {
		return this.modules[y][x];
	}

	/** The code as an SVG image, with the four-module quiet zone around it. */
	String svg(String title) {
		int border = 4;
		int extent = this.size + 2 * border;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				if (this.modules[y][x]) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + extent + " " + extent + "\" width=\""
				+ extent * 5 + "\" height=\"" + extent * 5
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>"
				+ escape(title) + "</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path
				+ "\" fill=\"#000000\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	// the data

	private static int dataBits(int version, int bytes) {
		return 4 + (version < 10 ? 8 : 16) + 8 * bytes;
	}

	private static int dataCapacityBits(int version) {
		return (rawDataModules(version) / 8 - ECC_CODEWORDS_PER_BLOCK[version] * ERROR_CORRECTION_BLOCKS[version]) * 8;
	}

	/**
	 * Modules left for data and error correction once the function patterns are drawn.
	 */
	static int rawDataModules(int version) {
		int result = (16 * version + 128) * version + 64;
		if (version >= 2) {
			int alignments = version / 7 + 2;
			result -= (25 * alignments - 10) * alignments - 55;
			if (version >= 7) {
				result -= 36;
			}
		}
		return result;
	}

	private static byte[] dataCodewords(int version, byte[] data) {
		List<Boolean> bits = new ArrayList<>();
		append(bits, 0b0100, 4); // byte mode
		append(bits, data.length, version < 10 ? 8 : 16);
		for (byte b : data) {
			append(bits, b & 0xff, 8);
		}
		int capacity = dataCapacityBits(version);
		append(bits, 0, Math.min(4, capacity - bits.size()));
		append(bits, 0, (8 - bits.size() % 8) % 8);
		for (int pad = 0xEC; bits.size() < capacity; pad ^= 0xEC ^ 0x11) {
			append(bits, pad, 8);
		}
		byte[] codewords = new byte[bits.size() / 8];
		for (int i = 0; i < bits.size(); i++) {
			if (bits.get(i)) {
				codewords[i >>> 3] |= (byte) (1 << (7 - (i & 7)));
			}
		}
		return codewords;
	}

	private static void append(List<Boolean> bits, int value, int length) {
		for (int i = length - 1; i >= 0; i--) {
			bits.add(((value >>> i) & 1) != 0);
		}
	}

	private static byte[] addEccAndInterleave(int version, byte[] data) {
		int blocks = ERROR_CORRECTION_BLOCKS[version];
		int eccLength = ECC_CODEWORDS_PER_BLOCK[version];
		int rawCodewords = rawDataModules(version) / 8;
		int shortBlocks = blocks - rawCodewords % blocks;
		int shortBlockLength = rawCodewords / blocks;
		byte[] divisor = reedSolomonDivisor(eccLength);
		byte[][] all = new byte[blocks][];
		for (int i = 0, k = 0; i < blocks; i++) {
			int dataLength = shortBlockLength - eccLength + (i < shortBlocks ? 0 : 1);
			byte[] block = new byte[shortBlockLength + 1];
			System.arraycopy(data, k, block, 0, dataLength);
			k += dataLength;
			byte[] ecc = reedSolomonRemainder(data, k - dataLength, dataLength, divisor);
			// short blocks keep a gap where long ones have their last data codeword
			System.arraycopy(ecc, 0, block, shortBlockLength + 1 - eccLength, eccLength);
			all[i] = block;
		}
		byte[] result = new byte[rawCodewords];
		int n = 0;
		for (int i = 0; i < shortBlockLength + 1; i++) {
			for (int j = 0; j < blocks; j++) {
				if (i != shortBlockLength - eccLength || j >= shortBlocks) {
					result[n++] = all[j][i];
				}
			}
		}
		return result;
	}

	private static byte[] reedSolomonDivisor(int degree) {
		byte[] result = new byte[degree];
		result[degree - 1] = 1;
		int root = 1;
		for (int i = 0; i < degree; i++) {
			for (int j = 0; j < degree; j++) {
				result[j] = (byte) multiply(result[j] & 0xff, root);
				if (j + 1 < degree) {
					result[j] ^= result[j + 1];
				}
			}
			root = multiply(root, 0x02);
		}
		return result;
	}

	private static byte[] reedSolomonRemainder(byte[] data, int offset, int length, byte[] divisor) {
		byte[] result = new byte[divisor.length];
		for (int d = offset; d < offset + length; d++) {
			int factor = (data[d] ^ result[0]) & 0xff;
			System.arraycopy(result, 1, result, 0, result.length - 1);
			result[result.length - 1] = 0;
			for (int i = 0; i < result.length; i++) {
				result[i] ^= (byte) multiply(divisor[i] & 0xff, factor);
			}
		}
		return result;
	}

	/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
	private static int multiply(int x, int y) {
		int z = 0;
		for (int i = 7; i >= 0; i--) {
			z = (z << 1) ^ ((z >>> 7) * 0x11D);
			z ^= ((y >>> i) & 1) * x;
		}
		return z;
	}

	// the drawing

	private void drawFunctionPatterns() {
		for (int i = 0; i < this.size; i++) {
			set(6, i, i % 2 == 0);
			set(i, 6, i % 2 == 0);
		}
		drawFinder(3, 3);
		drawFinder(this.size - 4, 3);
		drawFinder(3, this.size - 4);
		int[] positions = alignmentPositions();
		int last = positions.length - 1;
		for (int i = 0; i <= last; i++) {
			for (int j = 0; j <= last; j++) {
				if (!((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0))) {
					drawAlignment(positions[i], positions[j]);
				}
			}
		}
		drawFormatBits(0); // reserves the modules; drawn again once the mask is known
		drawVersion();
	}

	private int[] alignmentPositions() {
		if (this.version == 1) {
			return new int[0];
		}
		int count = this.version / 7 + 2;
		int step = (this.version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
		int[] result = new int[count];
		result[0] = 6;
		for (int i = count - 1, position = this.size - 7; i >= 1; i--, position -= step) {
			result[i] = position;
		}
		return result;
	}

	private void drawFinder(int x, int y) {
		for (int dy = -4; dy <= 4; dy++) {
			for (int dx = -4; dx <= 4; dx++) {
				int distance = Math.max(Math.abs(dx), Math.abs(dy));
				int xx = x + dx;
				int yy = y + dy;
				if (0 <= xx && xx < this.size && 0 <= yy && yy < this.size) {
					set(xx, yy, distance != 2 && distance != 4);
				}
			}
		}
	}

	private void drawAlignment(int x, int y) {
		for (int dy = -2; dy <= 2; dy++) {
			for (int dx = -2; dx <= 2; dx++) {
				set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
			}
		}
	}

	/** The format bits: the level and the mask, BCH-coded, twice. */
	void drawFormatBits(int mask) {
		int data = LEVEL_M << 3 | mask;
		int remainder = data;
		for (int i = 0; i < 10; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
		}
		int bits = (data << 10 | remainder) ^ 0x5412;
		for (int i = 0; i <= 5; i++) {
			set(8, i, bit(bits, i));
		}
		set(8, 7, bit(bits, 6));
		set(8, 8, bit(bits, 7));
		set(7, 8, bit(bits, 8));
		for (int i = 9; i < 15; i++) {
			set(14 - i, 8, bit(bits, i));
		}
		for (int i = 0; i < 8; i++) {
			set(this.size - 1 - i, 8, bit(bits, i));
		}
		for (int i = 8; i < 15; i++) {
			set(8, this.size - 15 + i, bit(bits, i));
		}
		set(8, this.size - 8, true);
	}

	private void drawVersion() {
		if (this.version < 7) {
			return;
		}
		int remainder = this.version;
		for (int i = 0; i < 12; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
		}
		int bits = this.version << 12 | remainder;
		for (int i = 0; i < 18; i++) {
			boolean dark = bit(bits, i);
			int a = this.size - 11 + i % 3;
			int b = i / 3;
			set(a, b, dark);
			set(b, a, dark);
		}
	}

	private void drawCodewords(byte[] data) {
		int i = 0;
		for (int right = this.size - 1; right >= 1; right -= 2) {
			if (right == 6) {
				right = 5;
			}
			for (int vertical = 0; vertical < this.size; vertical++) {
				for (int j = 0; j < 2; j++) {
					int x = right - j;
					boolean upward = ((right + 1) & 2) == 0;
					int y = upward ? this.size - 1 - vertical : vertical;
					if (!this.function[y][x] && i < data.length * 8) {
						this.modules[y][x] = bit(data[i >>> 3], 7 - (i & 7));
						i++;
					}
				}
			}
		}
	}

	private void applyMask(int mask) {
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				boolean invert = switch (mask) {
					case 0 -> (x + y) % 2 == 0;
					case 1 -> y % 2 == 0;
					case 2 -> x % 3 == 0;
					case 3 -> (x + y) % 3 == 0;
					case 4 -> (x / 3 + y / 2) % 2 == 0;
					case 5 -> x * y % 2 + x * y % 3 == 0;
					case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
					default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
				};
				this.modules[y][x] ^= invert && !this.function[y][x];
			}
		}
	}

	/**
	 * The standard's penalty for runs of one colour, 2x2 blocks, finder-like patterns and
	 * an unbalanced count of dark modules: lower reads better.
	 */
	private int penalty() {
		int result = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int a = 0; a < this.size; a++) {
				int run = 0;
				boolean colour = false;
				StringBuilder line = new StringBuilder(this.size);
				for (int b = 0; b < this.size; b++) {
					boolean dark = (pass == 0) ? this.modules[a][b] : this.modules[b][a];
					line.append(dark ? '1' : '0');
					if (b > 0 && dark == colour) {
						run++;
						if (run == 5) {
							result += 3;
						}
						else if (run > 5) {
							result++;
						}
					}
					else {
						colour = dark;
						run = 1;
					}
				}
				String padded = "0000" + line + "0000";
				for (int at = padded.indexOf("1011101"); at >= 0; at = padded.indexOf("1011101", at + 1)) {
					if (padded.startsWith("0000", at + 7) || (at >= 4 && padded.startsWith("0000", at - 4))) {
						result += 40;
					}
				}
			}
		}
		for (int y = 0; y < this.size - 1; y++) {
			for (int x = 0; x < this.size - 1; x++) {
				boolean colour = this.modules[y][x];
				if (colour == this.modules[y][x + 1] && colour == this.modules[y + 1][x]
						&& colour == this.modules[y + 1][x + 1]) {
					result += 3;
				}
			}
		}
		int dark = 0;
		for (boolean[] row : this.modules) {
			for (boolean module : row) {
				dark += module ? 1 : 0;
			}
		}
		int total = this.size * this.size;
		int k = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
		return result + k * 10;
	}

	private void set(int x, int y, boolean dark) {
		this.modules[y][x] = dark;
		this.function[y][x] = true;
	}

	private static boolean bit(int value, int i) {
		return ((value >>> i) & 1) != 0;
	}

}
