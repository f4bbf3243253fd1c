package org.plenary.history;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.tukaani.xz.XZInputStream;

/**
 * One input file, plain or compressed (xz, gzip or a zip holding one file: recognised by
 * their first bytes, not their names), read as strict UTF-8: a byte sequence that is not
 * UTF-8 stops the import with a message rather than turning into replacement characters.
 * Counts the bytes read from disk, for progress.
 */
final class VoteFile implements Closeable {

	private final Path path;

	private final long size;

	private final Counting counting;

	private final BufferedReader reader;

	private final String compression;

	private VoteFile(Path path, long size, Counting counting, BufferedReader reader, String compression) {
		this.path = path;
		this.size = size;
		this.counting = counting;
		this.reader = reader;
		this.compression = compression;
	}

	static VoteFile open(Path path) throws IOException {
		long size = Files.size(path);
		Counting counting = new Counting(Files.newInputStream(path));
		BufferedInputStream raw = new BufferedInputStream(counting, 1 << 16);
		raw.mark(8);
		byte[] magic = raw.readNBytes(6);
		raw.reset();
		InputStream data;
		String compression;
		if (startsWith(magic, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
			data = new XZInputStream(raw);
			compression = "xz";
		}
		else if (startsWith(magic, 0x1F, 0x8B)) {
			data = new GZIPInputStream(raw, 1 << 16);
			compression = "gzip";
		}
		else if (startsWith(magic, 'P', 'K', 0x03, 0x04)) {
			ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8);
			ZipEntry entry = zip.getNextEntry();
			while (entry != null && entry.isDirectory()) {
				entry = zip.getNextEntry();
			}
			if (entry == null) {
				zip.close();
				throw new ImportException(null, "the zip file holds no file");
			}
			data = zip;
			compression = "zip";
		}
		else {
			data = raw;
			compression = null;
		}
		PushbackInputStream text = new PushbackInputStream(data, 3);
		byte[] bom = text.readNBytes(3);
		if (bom.length >= 2 && ((bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF
				|| (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE)) {
			text.close();
			throw new ImportException(1L, "the file is UTF-16; save it as UTF-8");
		}
		boolean utf8Bom = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB
				&& (bom[2] & 0xFF) == 0xBF;
		if (!utf8Bom && bom.length > 0) {
			text.unread(bom);
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedReader reader = new BufferedReader(new InputStreamReader(text, utf8), 1 << 16);
		return new VoteFile(path, size, counting, reader, compression);
	}

	private static boolean startsWith(byte[] bytes, int... expected) {
		if (bytes.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	Path path() {
		return this.path;
	}

	String name() {
		return this.path.getFileName().toString();
	}

	BufferedReader reader() {
		return this.reader;
	}

	long size() {
		return this.size;
	}

	long bytesRead() {
		return this.counting.count;
	}

	String compression() {
		return this.compression;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	private static final class Counting extends FilterInputStream {

		private volatile long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
