package org.plenary.history;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: commas, double quotes, quoted newlines) one at a time, so
 * that a 360 MB file is read in constant memory. Knows the line each record starts on.
 */
final class CsvReader {

	private final Reader reader;

	private long line = 1;

	private long recordLine;

	CsvReader(Reader reader) {
		this.reader = reader;
	}

	/** The next record, or null at the end; an unterminated quote is an error. */
	List<String> next() throws IOException {
		int c = read();
		while (c == '\r' || c == '\n') { // blank lines between records are skipped
			if (c == '\n') {
				this.line++;
			}
			c = read();
		}
		if (c == -1) {
			return null;
		}
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		while (true) {
			if (quoted) {
				if (c == -1) {
					throw new ImportException(this.recordLine,
							"a quoted field is never closed: the file is truncated or has a stray quote");
				}
				if (c == '"') {
					int next = read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						c = next;
						continue;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r') {
				// outside quotes a carriage return only ends a line (Windows line ends)
			}
			else if (c == '\n' || c == -1) {
				if (c == '\n') {
					this.line++;
				}
				fields.add(field.toString());
				return fields;
			}
			else {
				field.append((char) c);
			}
			c = read();
		}
	}

	/** The line the last record returned by {@link #next()} started on. */
	long recordLine() {
		return this.recordLine;
	}

	private int read() throws IOException {
		try {
			return this.reader.read();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new ImportException(this.line, "the file is not UTF-8 text from here on: save it as UTF-8");
		}
	}

}
