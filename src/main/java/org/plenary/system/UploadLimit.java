package org.plenary.system;

/**
 * How many bytes a file upload to the endpoints matching a path pattern may send, body
 * and form fields included: a module declares one as a bean for each endpoint that takes
 * files ({@link UploadLimits} enforces them). A multipart request to any other path may
 * send no more than a form does.
 *
 * @param pattern the path pattern, as Spring MVC writes it
 * ({@code /campaigns/{id}/import})
 * @param maxBytes the most the whole request may hold
 * @param what what the endpoint takes, for the refusal ("a whip spreadsheet of at most 10
 * MB")
 */
public record UploadLimit(String pattern, long maxBytes, String what) {

	/** Room for the form fields and part headers that travel with the files. */
	public static final long FORM_FIELDS = 1024 * 1024;

}
