package org.plenary.history;

/** A file that cannot be imported; {@code line} says where, when known. */
class ImportException extends RuntimeException {

	private final Long line;

	ImportException(Long line, String message) {
		super(message);
		this.line = line;
	}

	Long line() {
		return this.line;
	}

	String located() {
		return (this.line == null) ? getMessage() : "line " + this.line + ": " + getMessage();
	}

}
