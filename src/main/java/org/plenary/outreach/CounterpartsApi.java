package org.plenary.outreach;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.plenary.whip.Level;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each state's counterparts over JSON: your organisation's directory, and those shared
 * with you.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Counterparts", description = "Who we talk to on each state's side, and who held each post when")
class CounterpartsApi {

	private final Counterparts counterparts;

	CounterpartsApi(Counterparts counterparts) {
		this.counterparts = counterparts;
	}

	/**
	 * A counterpart to add or change; {@code expectedVersion} (or the If-Match header) is
	 * needed to change.
	 */
	record CounterpartRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String post,
			@NotNull Level level, @Size(max = 100) String phone, @Size(max = 200) String messaging,
			@Size(max = 320) String email, @Size(max = 200) String languages, @Size(max = 4000) String notes,
			LocalDate heldFrom, LocalDate heldUntil, @PositiveOrZero Integer expectedVersion) {

		Counterparts.CounterpartDetails details() {
			return new Counterparts.CounterpartDetails(this.name, this.post, this.level, this.phone, this.messaging,
					this.email, this.languages, this.notes, this.heldFrom, this.heldUntil);
		}

	}

	/**
	 * The new holder of a post: the post is kept; {@code level} defaults to the former
	 * holder's.
	 */
	record SuccessorRequest(@NotBlank @Size(max = 200) String name, Level level, @Size(max = 100) String phone,
			@Size(max = 200) String messaging, @Size(max = 320) String email, @Size(max = 200) String languages,
			@Size(max = 4000) String notes, @NotNull LocalDate heldFrom) {
	}

	@GetMapping("/states/{iso3}/counterparts")
	@Operation(summary = "A state's counterparts in your organisation's directory and in those shared with a campaign "
			+ "you take part in: those in post first, then former holders, latest first")
	List<Counterpart> counterparts(@PathVariable String iso3) {
		return this.counterparts.of(iso3);
	}

	@PostMapping("/states/{iso3}/counterparts")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Add a counterpart of a state to your organisation's directory")
	ResponseEntity<Counterpart> add(@PathVariable String iso3, @Valid @RequestBody CounterpartRequest request) {
		Counterpart counterpart = this.counterparts.add(iso3, request.details());
		return ResponseEntity.created(URI.create("/api/v1/counterparts/" + counterpart.id()))
			.eTag("\"" + counterpart.version() + "\"")
			.body(counterpart);
	}

	@GetMapping("/counterparts/{cid}")
	@Operation(summary = "One counterpart (its version is in the ETag); 404 for one you may not see")
	ResponseEntity<Counterpart> counterpart(@PathVariable long cid) {
		Counterpart counterpart = this.counterparts.counterpart(cid);
		return ResponseEntity.ok().eTag("\"" + counterpart.version() + "\"").body(counterpart);
	}

	@PutMapping("/counterparts/{cid}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Change a counterpart of your organisation's directory on top of the version you read; 404 "
			+ "for one you may not see, 403 for one another organisation shares with you, 409 with the current one if "
			+ "it changed since")
	ResponseEntity<Counterpart> change(@PathVariable long cid, @Valid @RequestBody CounterpartRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Counterpart counterpart = this.counterparts.change(cid, request.details(),
				org.plenary.system.ExpectedVersion.of(request.expectedVersion(), ifMatch, "the counterpart"));
		return ResponseEntity.ok().eTag("\"" + counterpart.version() + "\"").body(counterpart);
	}

	@PostMapping("/counterparts/{cid}/successor")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "A new holder takes over this counterpart's post from heldFrom; the former holder's time "
			+ "ends the day before and both stay in the post's history (your organisation's directory only: 404 or "
			+ "403 otherwise)")
	ResponseEntity<Counterpart> succeed(@PathVariable long cid, @Valid @RequestBody SuccessorRequest request) {
		Counterpart successor = this.counterparts.succeed(cid,
				new Counterparts.CounterpartDetails(request.name(), null, request.level(), request.phone(),
						request.messaging(), request.email(), request.languages(), request.notes(), null, null),
				request.heldFrom());
		return ResponseEntity.created(URI.create("/api/v1/counterparts/" + successor.id()))
			.eTag("\"" + successor.version() + "\"")
			.body(successor);
	}

}
