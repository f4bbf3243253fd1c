package org.plenary.whip;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The whip board over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Whip board", description = "Stances with their history, the board and the tally")
class WhipApi {

	private final WhipCount whip;

	private final org.plenary.campaigns.Campaigns campaigns;

	WhipApi(WhipCount whip, org.plenary.campaigns.Campaigns campaigns) {
		this.campaigns = campaigns;
		this.whip = whip;
	}

	/**
	 * A stance to record. {@code expectedVersion} is the version of the stance you read
	 * (0 for a state never read); the If-Match header may carry it instead.
	 */
	record StanceRequest(@NotNull Stance stance, Confidence confidence, @Size(max = 200) String sourceName,
			Level sourceLevel, Channel sourceChannel, @Size(max = 4000) String note,
			@PositiveOrZero Integer expectedVersion) {
	}

	@GetMapping("/board")
	@Operation(summary = "Every member with its current stance, and the tally")
	WhipCount.Board board(@PathVariable long id,
			@Parameter(description = "also give each member's stance at this instant (movement since)") @RequestParam(
					required = false) Instant since) {
		return this.whip.board(id, since);
	}

	@GetMapping("/tally")
	@Operation(summary = "The counts and the projected result under the body's rule")
	Tally tally(@PathVariable long id) {
		return this.whip.tally(id);
	}

	@PutMapping("/stances/{iso3}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Record a stance on top of the version you read; 409 with the current stance if it changed "
			+ "since; the same Idempotency-Key again records nothing twice")
	ResponseEntity<CurrentStance> record(@PathVariable long id, @PathVariable String iso3,
			@Valid @RequestBody StanceRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
		int version = org.plenary.system.ExpectedVersion.of(request.expectedVersion(), ifMatch, "the stance");
		WhipCount.Recorded recorded = this.whip.record(
				new WhipCount.RecordStance(id, iso3, request.stance(), request.confidence(), request.sourceName(),
						request.sourceLevel(), request.sourceChannel(), request.note(), version, key),
				principal.getName());
		return ResponseEntity.ok()
			.eTag("\"" + recorded.stance().version() + "\"")
			.header("Idempotent-Replay", String.valueOf(!recorded.changed()))
			.body(recorded.stance());
	}

	/**
	 * A private read: a stance request, and the partners (organisation ids) to share it
	 * with.
	 */
	record PrivateReadRequest(@NotNull Stance stance, Confidence confidence, @Size(max = 200) String sourceName,
			Level sourceLevel, Channel sourceChannel, @Size(max = 4000) String note,
			@Size(max = 100) List<Long> sharedWith) {
	}

	@PostMapping("/stances/{iso3}/private-reads")
	@PreAuthorize("hasRole('WHIP')")
	@ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@Operation(summary = "Record a read your organisation keeps to itself (or shares with named partners); the "
			+ "coalition's board does not change until you publish it")
	PrivateRead recordPrivately(@PathVariable long id, @PathVariable String iso3,
			@Valid @RequestBody PrivateReadRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Principal principal) {
		return this.whip.recordPrivately(
				new WhipCount.RecordStance(id, iso3, request.stance(), request.confidence(), request.sourceName(),
						request.sourceLevel(), request.sourceChannel(), request.note(), 0, key),
				request.sharedWith(), principal.getName());
	}

	@GetMapping("/stances/{iso3}/private-reads")
	@Operation(summary = "The private reads of one member your organisation holds or was shared, newest first")
	List<PrivateRead> privateReads(@PathVariable long id, @PathVariable String iso3) {
		this.campaigns.campaign(id);
		return this.whip.privateHistory(id, iso3);
	}

	/** The board's version the publisher saw for the state. */
	record PublishRequest(@NotNull @PositiveOrZero Integer expectedVersion) {
	}

	@PostMapping("/private-reads/{readId}/publish")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Publish your organisation's private read to the coalition's board, on top of the "
			+ "board's version you saw (409 if it changed)")
	CurrentStance publish(@PathVariable long id, @PathVariable long readId, @Valid @RequestBody PublishRequest request,
			Principal principal) {
		return this.whip.publish(id, readId, request.expectedVersion(), principal.getName()).stance();
	}

	@GetMapping("/stances/{iso3}")
	@Operation(summary = "One member's current stance (its version is in the ETag)")
	ResponseEntity<CurrentStance> stance(@PathVariable long id, @PathVariable String iso3) {
		// an unknown campaign, or one the caller takes no part in, was answered 404 by
		// the
		// table of rights (accounts.RightsCheck) before this runs: no second read of it
		CurrentStance stance = this.whip.stance(id, iso3);
		return ResponseEntity.ok().eTag("\"" + stance.version() + "\"").body(stance);
	}

	@GetMapping("/stances/{iso3}/history")
	@Operation(summary = "Every change of one member's stance, newest first")
	List<StanceChange> history(@PathVariable long id, @PathVariable String iso3) {
		this.campaigns.campaign(id);
		return this.whip.history(id, iso3);
	}

}
