package org.plenary.system;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors on pages: a page in the layout that says what went wrong, with the right status.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model) {
		return page(model, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(ForbiddenException ex, Model model) {
		return page(model, "Not allowed", ex.getMessage());
	}

	/** A write the database's row-level security refused: see {@link ApiErrors}. */
	@ExceptionHandler
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refusedByTheDatabase(org.springframework.dao.DataAccessException ex, Model model)
			throws org.springframework.dao.DataAccessException {
		if (!RowSecurity.refused(ex)) {
			throw ex;
		}
		return page(model, "Not allowed", RowSecurity.MESSAGE);
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ConflictException ex, Model model) {
		return page(model, "Changed by someone else", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(InvalidInputException ex, Model model) {
		return page(model, "Invalid input", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
	String tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException ex, Model model) {
		return page(model, "File too large",
				"The upload is larger than this server accepts (" + UploadLimits.describe(ex)
						+ "). Compress it (.xz, .gz or .zip) or ask the administrator to raise "
						+ "PLENARY_MAX_UPLOAD.");
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unstorable(DataIntegrityViolationException ex, Model model) {
		return page(model, "Invalid input", StorageRefusals.describe(ex));
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String notAnUpload(MultipartException ex, Model model) {
		return page(model, "Invalid input", "This form takes a file: choose one and send the form again.");
	}

	private static String page(Model model, String title, String message) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "system/problem";
	}

}
