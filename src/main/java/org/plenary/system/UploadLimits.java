package org.plenary.system;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Words for an upload that was too large. */
final class UploadLimits {

	private UploadLimits() {
	}

	static String describe(MaxUploadSizeExceededException ex) {
		long max = ex.getMaxUploadSize();
		return (max > 0) ? "at most " + (max / (1024 * 1024)) + " MB" : "see PLENARY_MAX_UPLOAD";
	}

}
