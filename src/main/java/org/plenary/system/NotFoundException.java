package org.plenary.system;

/** A requested thing does not exist: 404 on the API, the not-found page in the UI. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
