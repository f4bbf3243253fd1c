package org.plenary.system;

/**
 * An action the acting user's organisation may not take on this record (e.g. a partner
 * changing the settings of a campaign another organisation owns): 403, with the reason.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
