package org.plenary.campaigns;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.plenary.system.ExpectedVersion;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
	 * {@code expectedVersion} (or the {@code If-Match} header) is the version of the list
	 * the caller read (the ETag of the GET).
	 */
	record OutOfReachRequest(@Size(max = 3) List<@Size(max = 200) String> subject,
			@Size(max = 193) List<@Size(max = 200) String> outOfReach, Integer expectedVersion) {
	}

	@GetMapping
	@Operation(summary = "The states no call will move: the subject of the text and those marked out of reach; "
			+ "the ETag is the list's version, to send back when replacing it")
	ResponseEntity<List<OutOfReach.State>> states(@PathVariable long id) {
		return answer(this.outOfReach.listed(id));
	}

	@PutMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Replace the states out of reach on top of the version you read (expectedVersion or "
			+ "If-Match; 409 with the current list and its version if someone saved it since); all or nothing, "
			+ "400 naming every unknown state or non-member; the targeting list leaves them out")
	ResponseEntity<List<OutOfReach.State>> set(@PathVariable long id, @Valid @RequestBody OutOfReachRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
		int version = ExpectedVersion.of(request.expectedVersion(), ifMatch, "the list of states out of reach");
		return answer(this.outOfReach.set(id, version, request.subject(), request.outOfReach(), principal.getName()));
	}

	private static ResponseEntity<List<OutOfReach.State>> answer(OutOfReach.Listed listed) {
		return ResponseEntity.ok().eTag("\"" + listed.version() + "\"").body(listed.states());
	}

}
