package org.plenary.system;

/**
 * The version of a record that an API caller read, from {@code expectedVersion} in the
 * body or else the {@code If-Match} header ({@code "3"} or {@code W/"3"}): every
 * versioned write of the API asks for it the same way.
 */
public final class ExpectedVersion {

	private ExpectedVersion() {
	}

	/**
	 * @param what the record in words, for the message: "the stance", "the contact"
	 */
	public static int of(Integer expectedVersion, String ifMatch, String what) {
		if (expectedVersion != null) {
			return expectedVersion;
		}
		if (ifMatch != null) {
			try {
				return Integer.parseInt(ifMatch.replace("\"", "").replace("W/", "").trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("If-Match",
						"If-Match must carry the version of " + what + " you read, e.g. \"3\"");
			}
		}
		throw new InvalidInputException("expectedVersion",
				"Say which version of " + what + " you read: expectedVersion in the body, or the If-Match header");
	}

}
