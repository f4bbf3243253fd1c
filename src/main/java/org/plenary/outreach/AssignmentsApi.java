package org.plenary.outreach;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assignments of states to officials, workload and "my states" over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Assignments", description = "Who owns each state (overall and per level), hand-overs with their "
		+ "history, bulk assignment, workload, and the caller's own states")
class AssignmentsApi {

	private final Assignments assignments;

	AssignmentsApi(Assignments assignments) {
		this.assignments = assignments;
	}

	/**
	 * An official to own a state.
	 *
	 * @param level a level's code (e.g. PERMANENT_REPRESENTATIVE); absent: the overall
	 * owner
	 */
	record AssignRequest(@NotNull Long personId, @Size(max = 40) String level) {
	}

	/**
	 * States to assign to one official: a regional group or bloc code, or a list of ISO3
	 * codes (not both).
	 *
	 * @param onlyUnassigned leave states that have an owner (at this level) alone;
	 * absent: false
	 */
	record BulkRequest(@Size(max = 40) String grouping, @Size(max = 300) List<String> states, @NotNull Long personId,
			@Size(max = 40) String level, Boolean onlyUnassigned) {
	}

	@GetMapping("/assignments")
	@Operation(summary = "The current assignments, and the members without an overall owner")
	Assignments.Overview assignments(@PathVariable long id) {
		return this.assignments.overview(id);
	}

	@PutMapping("/assignments/{iso3}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Make an official the owner of a state, overall or at a level; another current owner is "
			+ "handed over (kept in the history)")
	Assignment assign(@PathVariable long id, @PathVariable String iso3, @Valid @RequestBody AssignRequest request,
			Principal principal) {
		return this.assignments.assign(id, iso3, request.personId(), Assignments.level(request.level()),
				principal.getName());
	}

	@DeleteMapping("/assignments/{iso3}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "End the current assignment of a state at a level (none: the overall owner); 204 whether "
			+ "or not there was one")
	ResponseEntity<Void> unassign(@PathVariable long id, @PathVariable String iso3, @Parameter(
			description = "a level's code; absent: the overall owner") @RequestParam(required = false) String level,
			Principal principal) {
		this.assignments.unassign(id, iso3, Assignments.level(level), principal.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/assignments/bulk")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Assign the members of a group or bloc in this body, or listed states, to one official: "
			+ "all of them or, when one is refused, none")
	Assignments.BulkResult bulk(@PathVariable long id, @Valid @RequestBody BulkRequest request, Principal principal) {
		return this.assignments.bulk(id,
				new Assignments.Bulk(request.grouping(), request.states(), request.personId(),
						Assignments.level(request.level()), Boolean.TRUE.equals(request.onlyUnassigned())),
				principal.getName());
	}

	@GetMapping("/assignments/{iso3}/history")
	@Operation(
			summary = "Every assignment of one state in the campaign, the latest first: who, from, until, " + "by whom")
	List<Assignment> history(@PathVariable long id, @PathVariable String iso3) {
		return this.assignments.history(id, iso3);
	}

	@GetMapping("/workload")
	@Operation(summary = "Per official and per organisation: states owned, contacts (last 7 days and all), open "
			+ "and overdue follow-ups")
	Assignments.Workload workload(@PathVariable long id) {
		return this.assignments.workload(id);
	}

	@GetMapping("/mine")
	@Operation(summary = "The states the caller owns, through the official their account is linked to "
			+ "(official null: not linked)")
	Assignments.MyStates mine(@PathVariable long id, Principal principal) {
		return this.assignments.mine(id, principal.getName());
	}

}
