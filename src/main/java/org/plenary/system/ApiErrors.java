package org.plenary.system;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The API's errors as RFC 9457 problem details: a status, a title and a detail that says
 * what went wrong and where ({@code field}), plus the current state on a conflict.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), Map.of());
	}

	/**
	 * A write the database's row-level security refused (SQL state 42501): a record of
	 * another organisation, or of a campaign another owns, that no check above caught.
	 * 403 rather than 500; any other database error is left to the default handling.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refusedByTheDatabase(org.springframework.dao.DataAccessException ex)
			throws org.springframework.dao.DataAccessException {
		if (!RowSecurity.refused(ex)) {
			throw ex;
		}
		return problem(HttpStatus.FORBIDDEN, RowSecurity.MESSAGE, Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(),
				ex.current() == null ? Map.of() : Map.of("current", ex.current()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(),
				ex.field() == null ? Map.of() : Map.of("field", ex.field()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		String detail = errors.isEmpty() ? "Invalid request"
				: errors.get(0).get("field") + ": " + errors.get(0).get("message");
		return problem(HttpStatus.BAD_REQUEST, detail, Map.of("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than this server accepts (" + UploadLimits.describe(ex) + ")", Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unstorable(DataIntegrityViolationException ex) {
		return problem(HttpStatus.BAD_REQUEST, StorageRefusals.describe(ex), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAnUpload(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST,
				"This endpoint takes a file upload (multipart/form-data with the file in the part 'file')", Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The upload has no part '" + ex.getRequestPartName() + "'",
				Map.of("field", ex.getRequestPartName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (ApiBodyLimit.tooLarge(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is over the limit the API takes", Map.of());
		}
		// say which field, when the JSON parser knows it (e.g. an unknown enum value)
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
				String field = databind.getPath()
					.stream()
					.map((reference) -> reference.getPropertyName() != null ? reference.getPropertyName()
							: String.valueOf(reference.getIndex()))
					.reduce((a, b) -> a + "." + b)
					.orElse("");
				String reason = databind.getOriginalMessage();
				return problem(HttpStatus.BAD_REQUEST,
						"The request body is not valid JSON for this endpoint: field '" + field + "': "
								+ (reason == null ? "not accepted" : reason.lines().findFirst().orElse(reason)),
						Map.of("field", field));
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this endpoint", Map.of());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		properties.forEach(problem::setProperty);
		return ResponseEntity.status(status).body(problem);
	}

}
