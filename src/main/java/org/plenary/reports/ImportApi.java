package org.plenary.reports;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a whip spreadsheet through the API: upload (a preview), preview again, apply.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/imports")
@Tag(name = "Reports")
class ImportApi {

	private final WhipImport imports;

	ImportApi(WhipImport imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('WHIP')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a whip spreadsheet (XLSX or CSV, at most 10 MB); answers the preview with the "
			+ "guessed mapping, each row resolved, and what it would change")
	WhipImport.Preview upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal principal)
			throws IOException {
		return this.imports.upload(id, file.getOriginalFilename(), file.getBytes(), principal.getName());
	}

	@PostMapping("/{upload}/preview")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "The preview of an upload under your mapping (columns by number from 0, stance words)")
	WhipImport.Preview preview(@PathVariable long id, @PathVariable UUID upload,
			@RequestBody(required = false) WhipImport.Mapping mapping) {
		return this.imports.preview(id, upload, mapping);
	}

	@PostMapping("/{upload}/apply")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Record every changed stance in one transaction (nothing if any row has a problem); "
			+ "the same file again changes nothing")
	WhipImport.Applied apply(@PathVariable long id, @PathVariable UUID upload,
			@RequestBody(required = false) WhipImport.Mapping mapping, Principal principal) {
		return this.imports.apply(id, upload, mapping, principal.getName());
	}

}
