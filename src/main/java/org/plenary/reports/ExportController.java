package org.plenary.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of a campaign's exports, from its board and through the API. */
@RestController
@Tag(name = "Reports")
class ExportController {

	private final Exports exports;

	ExportController(Exports exports) {
		this.exports = exports;
	}

	@GetMapping({ "/campaigns/{id}/export", "/api/v1/campaigns/{id}/export" })
	@Operation(summary = "The campaign's board and contact log as XLSX (one sheet each) or one of them as CSV "
			+ "(format=xlsx|csv, part=board|contacts); recorded in the audit trail")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) String part) {
		Exports.File file = this.exports.export(id, format, part);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(file.content());
	}

}
