package org.plenary.reports;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.plenary.whip.Stance;

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
 * Importing a whip spreadsheet through the API: upload (a preview), preview again with a
 * mapping and fixes, apply. An upload is the uploading user's, in its organisation: no
 * one else previews or applies it.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/imports")
@Tag(name = "Reports")
class ImportApi {

	/**
	 * The columns (as the preview's mapping, flattened; without {@code country} the
	 * guessed mapping applies) and the fixes of some rows.
	 */
	@Schema(description = "How to read the sheet: the columns by number from 0 (leave country out to keep the "
			+ "guessed mapping), stance words, and fixes of some rows")
	record ImportChoices(@Schema(description = "Column of the country (name or code)") Integer country,
			@Schema(description = "Column of the stance") Integer stance,
			@Schema(description = "Column of the notes") Integer notes,
			@Schema(description = "Column of the owner (an official's name or user name)") Integer owner,
			@Schema(description = "Column of the last contact (a date)") Integer lastContact,
			@Schema(description = "Column of the stance's version when the sheet was written (the export's "
					+ "Version): rows the board has moved past are stale and left out unless included") Integer version,
			@Schema(description = "Stance words the sheet uses, mapped to stances, e.g. {\"maybe\": \"UNDECIDED\"}") Map<String, Stance> words,
			@Schema(description = "Fixes by row (the preview's line): iso3 picks the state, owner picks the "
					+ "official by id, skip leaves the row out, includeStale includes a stale row (with "
					+ "boardVersion, the version seen in the preview: refused with 409 if the board moved since)") List<LineFix> fixes) {

		WhipImport.Choices choices() {
			WhipImport.Mapping mapping = (this.country == null) ? null : new WhipImport.Mapping(this.country,
					this.stance, this.notes, this.owner, this.lastContact, this.version, this.words);
			return new WhipImport.Choices(mapping, this.fixes == null ? List.of()
					: this.fixes.stream().filter(java.util.Objects::nonNull).map(LineFix::fix).toList());
		}

	}

	/** A fix of one row, as the API takes it: only {@code line} is required. */
	@Schema(description = "A fix of one row of the sheet")
	record LineFix(
			@Schema(description = "The row, as the preview numbers it (line)",
					requiredMode = Schema.RequiredMode.REQUIRED) int line,
			@Schema(description = "The state this row means (ISO 3166-1 alpha-3), a member of the body") String iso3,
			@Schema(description = "The official who owns the state (an official's id, from the preview's officials)") Long owner,
			@Schema(description = "Leave the row out") Boolean skip,
			@Schema(description = "Include this stale row: its read replaces the newer one on the board") Boolean includeStale,
			@Schema(description = "With includeStale: the board's version of the state seen in the preview") Integer boardVersion) {

		WhipImport.Fix fix() {
			return new WhipImport.Fix(this.line, this.iso3, this.owner, Boolean.TRUE.equals(this.skip),
					Boolean.TRUE.equals(this.includeStale), this.boardVersion);
		}

	}

	private final WhipImport imports;

	ImportApi(WhipImport imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('WHIP')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a whip spreadsheet (XLSX or CSV, at most 10 MB); answers the preview with the "
			+ "guessed mapping, each row resolved with its outcome (CHANGES, NO_CHANGE, PROBLEM, STALE, "
			+ "NOT_A_MEMBER, SKIPPED), its problems, warning and stale state, and what it would change. "
			+ "The upload is kept a day for you alone")
	WhipImport.Preview upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal principal)
			throws IOException {
		return this.imports.upload(id, file.getOriginalFilename(), file.getBytes(), principal.getName());
	}

	@PostMapping("/{upload}/preview")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "The preview of your upload under your mapping (columns by number from 0, stance "
			+ "words) and fixes (per row: the state, the owner, skip, include a stale row)")
	WhipImport.Preview preview(@PathVariable long id, @PathVariable UUID upload,
			@RequestBody(required = false) ImportChoices choices, Principal principal) {
		return this.imports.preview(id, upload, choices == null ? WhipImport.Choices.guessed() : choices.choices(),
				principal.getName());
	}

	@PostMapping("/{upload}/apply")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Record every change of the rows not left out, in one transaction: nothing if any of "
			+ "them still has a problem (400, naming the row), or if a stale row you included moved again (409). "
			+ "Stale rows not included, rows for non-members and skipped rows are left out; the same file again "
			+ "changes nothing")
	WhipImport.Applied apply(@PathVariable long id, @PathVariable UUID upload,
			@RequestBody(required = false) ImportChoices choices, Principal principal) {
		return this.imports.apply(id, upload, choices == null ? WhipImport.Choices.guessed() : choices.choices(),
				principal.getName());
	}

}
