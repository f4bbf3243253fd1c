package org.plenary.campaigns;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The states no call will move, over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/out-of-reach")
@Tag(name = "Campaigns")
class OutOfReachApi {

	private final OutOfReach outOfReach;

	OutOfReachApi(OutOfReach outOfReach) {
		this.outOfReach = outOfReach;
	}

	/**
	 * The whole list: {@code subject}, the state(s) whose conduct the text condemns;
	 * {@code outOfReach}, others no call will move. Codes or names.
	 */
	record OutOfReachRequest(@Size(max = 3) List<@Size(max = 200) String> subject,
			@Size(max = 193) List<@Size(max = 200) String> outOfReach) {
	}

	@GetMapping
	@Operation(summary = "The states no call will move: the subject of the text and those marked out of reach")
	List<OutOfReach.State> states(@PathVariable long id) {
		return this.outOfReach.states(id);
	}

	@PutMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Replace the states out of reach (all or nothing; 400 naming every unknown state "
			+ "or non-member); the targeting list leaves them out")
	List<OutOfReach.State> set(@PathVariable long id, @Valid @RequestBody OutOfReachRequest request,
			Principal principal) {
		return this.outOfReach.set(id, request.subject(), request.outOfReach(), principal.getName());
	}

}
