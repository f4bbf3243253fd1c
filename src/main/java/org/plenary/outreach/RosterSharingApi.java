package org.plenary.outreach;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each organisation shares with a campaign of its roster and counterparts, over
 * JSON.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/sharing")
@Tag(name = "Sharing", description = "Whether an organisation shares its officials and its counterparts with a "
		+ "campaign's other parties (off unless it chooses)")
class RosterSharingApi {

	private final RosterSharing sharing;

	RosterSharingApi(RosterSharing sharing) {
		this.sharing = sharing;
	}

	/**
	 * @param own your organisation's choice
	 * @param organisations every organisation that shares something with the campaign
	 */
	record SharingView(RosterSharing.Sharing own, List<RosterSharing.Sharing> organisations) {
	}

	/** What your organisation shares with the campaign; a missing flag is off. */
	record SharingRequest(Boolean roster, Boolean counterparts) {
	}

	@GetMapping
	@Operation(summary = "What your organisation shares with the campaign, and who shares what")
	SharingView sharing(@PathVariable long id) {
		return new SharingView(this.sharing.own(id), this.sharing.of(id));
	}

	@PutMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Share your organisation's officials (roster) and counterparts with the campaign's other "
			+ "parties, or stop; 403 if your organisation does not take part")
	RosterSharing.Sharing share(@PathVariable long id, @Valid @RequestBody SharingRequest request,
			Principal principal) {
		return this.sharing.share(id, Boolean.TRUE.equals(request.roster()),
				Boolean.TRUE.equals(request.counterparts()), principal.getName());
	}

}
