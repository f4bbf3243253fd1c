package org.plenary.outreach;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The other side's moves in a campaign, over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/opposition")
@Tag(name = "Opposition activity",
		description = "The other side's moves (letters urging a No vote, public statements, counter-drafts), "
				+ "linked to the states they concern")
class OppositionApi {

	private final Opposition opposition;

	OppositionApi(Opposition opposition) {
		this.opposition = opposition;
	}

	/**
	 * A move to record. {@code states} are codes or names ("RUS", "Belarus"), each a
	 * member of the campaign's body; {@code allMembers} for a move to every member (a
	 * letter to all Permanent Representatives); {@code grouping} for a group or bloc by
	 * code or name ("AFRICAN", "EU"); {@code occurredOn} defaults to today.
	 */
	record ActivityRequest(LocalDate occurredOn, @NotNull OppositionActivity.Kind kind, @Size(max = 200) String actor,
			@NotBlank @Size(max = 8000) String description, @Size(max = 193) List<String> states, Boolean allMembers,
			@Size(max = 200) String grouping) {
	}

	@GetMapping
	@Operation(summary = "The campaign's opposition activity, newest first")
	List<OppositionActivity> activities(@PathVariable long id, @Parameter(
			description = "only moves concerning this state (ISO code): named, to every member, or to a group it belonged to") @RequestParam(
					required = false) String state,
			@Parameter(description = "only moves of this kind") @RequestParam(
					required = false) OppositionActivity.Kind kind) {
		return this.opposition.activities(id, new Opposition.Filter(state, kind));
	}

	@PostMapping
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Record a move of the other side, concerning named states, every member or a group or bloc;"
			+ " 400 naming the field for a state that is not a member or an unknown group")
	ResponseEntity<OppositionActivity> record(@PathVariable long id, @Valid @RequestBody ActivityRequest request,
			Principal principal) {
		OppositionActivity activity = this.opposition.record(new Opposition.RecordActivity(id, request.occurredOn(),
				request.kind(), request.actor(), request.description(), request.states(),
				Boolean.TRUE.equals(request.allMembers()), request.grouping()), principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/opposition/" + activity.id()))
			.body(activity);
	}

}
