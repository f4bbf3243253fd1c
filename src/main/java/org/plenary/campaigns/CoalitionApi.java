package org.plenary.campaigns;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's coalition through the API: partners, invitations and their answers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Coalitions")
class CoalitionApi {

	private final Coalitions coalitions;

	private final CampaignRoles roles;

	CoalitionApi(Coalitions coalitions, CampaignRoles roles) {
		this.coalitions = coalitions;
		this.roles = roles;
	}

	@GetMapping("/campaigns/{id}/roles")
	@Operation(summary = "The members of your organisation and their roles in the campaign")
	List<CampaignRoles.Member> roles(@PathVariable long id) {
		return this.roles.members(id);
	}

	/**
	 * A role in the campaign (COORDINATOR, WHIP, VIEWER), or null to apply the user's
	 * own.
	 */
	record RoleRequest(String role) {
	}

	@PutMapping("/campaigns/{id}/roles/{username}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Set a member of your organisation's role in the campaign (it can only lower the "
			+ "user's own role); a null role clears it")
	CampaignRoles.Member setRole(@PathVariable long id, @PathVariable String username, @RequestBody RoleRequest request,
			Principal principal) {
		return this.roles.set(id, username, request == null ? null : request.role(), principal.getName());
	}

	@GetMapping("/campaigns/{id}/partners")
	@Operation(summary = "The campaign's owner and partners, with each partner's status")
	Coalitions.Coalition partners(@PathVariable long id) {
		return this.coalitions.coalition(id);
	}

	/**
	 * An organisation to invite, by id (see GET /api/v1/organisations as administrator).
	 */
	record InviteRequest(Long organisationId) {
	}

	@PostMapping("/campaigns/{id}/partners")
	@PreAuthorize("hasRole('COORDINATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite an organisation into the campaign (the owner's coordinators)")
	Coalitions.Partner invite(@PathVariable long id, @RequestBody InviteRequest request, Principal principal) {
		if (request == null || request.organisationId() == null) {
			throw new org.plenary.system.InvalidInputException("organisationId", "Name the organisation to invite");
		}
		return this.coalitions.invite(id, request.organisationId(), principal.getName());
	}

	@DeleteMapping("/campaigns/{id}/partners/{organisationId}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Remove a partner or withdraw an invitation (the owner's coordinators)")
	Coalitions.Partner remove(@PathVariable long id, @PathVariable long organisationId, Principal principal) {
		return this.coalitions.remove(id, organisationId, principal.getName());
	}

	@GetMapping("/invitations")
	@Operation(summary = "The invitations waiting for the caller's organisation")
	List<Coalitions.Invitation> invitations() {
		return this.coalitions.invitations();
	}

	/** The answer to an invitation: ACCEPT, DECLINE, or LEAVE once a partner. */
	record Answer(String answer) {
	}

	@PutMapping("/campaigns/{id}/invitation")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Accept or decline the caller's organisation's invitation, or leave the campaign")
	Coalitions.Partner answer(@PathVariable long id, @RequestBody Answer answer, Principal principal) {
		String word = answer == null || answer.answer() == null ? "" : answer.answer().trim().toUpperCase();
		return switch (word) {
			case "ACCEPT" -> this.coalitions.answer(id, true, principal.getName());
			case "DECLINE" -> this.coalitions.answer(id, false, principal.getName());
			case "LEAVE" -> this.coalitions.leave(id, principal.getName());
			default ->
				throw new org.plenary.system.InvalidInputException("answer", "The answer is ACCEPT, DECLINE or LEAVE");
		};
	}

}
