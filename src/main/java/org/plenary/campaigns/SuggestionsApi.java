package org.plenary.campaigns;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners' suggestions through the API: a partner suggests a reference resolution or the
 * outcome; the campaign's owner accepts or declines.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/suggestions")
@Tag(name = "Coalitions")
class SuggestionsApi {

	private final PartnerSuggestions suggestions;

	SuggestionsApi(PartnerSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping
	@Operation(summary = "The suggestions you see: the owner every partner's, a partner its own")
	List<PartnerSuggestion> suggestions(@PathVariable long id) {
		return this.suggestions.suggestions(id);
	}

	/**
	 * What to suggest: kind REFERENCE or OUTCOME, the roll call of the voting history
	 * (its id or symbol), a note for the owner.
	 */
	record SuggestionRequest(PartnerSuggestion.Kind kind, String rollCall, String note) {
	}

	@PostMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Suggest a reference resolution or the outcome to the campaign's owner (a partner's "
			+ "coordinators)")
	PartnerSuggestion suggest(@PathVariable long id, @RequestBody SuggestionRequest request, Principal principal) {
		return this.suggestions.suggest(id, request == null ? null : request.kind(),
				request == null ? null : request.rollCall(), request == null ? null : request.note(),
				principal.getName());
	}

	@PostMapping("/{suggestionId}/accept")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Accept a partner's suggestion: the reference is added, or the outcome recorded "
			+ "(the owner's coordinators)")
	PartnerSuggestion accept(@PathVariable long id, @PathVariable long suggestionId, Principal principal) {
		return this.suggestions.accept(id, suggestionId, principal.getName());
	}

	@PostMapping("/{suggestionId}/decline")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Decline a partner's suggestion (the owner's coordinators)")
	PartnerSuggestion decline(@PathVariable long id, @PathVariable long suggestionId, Principal principal) {
		return this.suggestions.decline(id, suggestionId, principal.getName());
	}

}
