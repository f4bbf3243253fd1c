package org.plenary.system;

/**
 * A write that would overwrite something newer, or duplicate something that exists: 409.
 * {@code current} carries what is there now, so the caller can show it.
 */
public class ConflictException extends RuntimeException {

	private final transient Object current;

	public ConflictException(String message) {
		this(message, null);
	}

	public ConflictException(String message, Object current) {
		super(message);
		this.current = current;
	}

	public Object current() {
		return this.current;
	}

}
