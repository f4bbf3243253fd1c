package org.plenary.campaigns;

import java.security.Principal;
import java.util.List;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partners' suggestions on the pages: made from the references page and the reckoning
 * page, and answered there by the owner's coordinators.
 */
@Controller
class SuggestionPages {

	private final PartnerSuggestions suggestions;

	private final Campaigns campaigns;

	SuggestionPages(PartnerSuggestions suggestions, Campaigns campaigns) {
		this.suggestions = suggestions;
		this.campaigns = campaigns;
	}

	/** The suggestions of one kind the acting organisation sees, for a page's section. */
	static List<PartnerSuggestion> ofKind(PartnerSuggestions suggestions, long campaignId,
			PartnerSuggestion.Kind kind) {
		return suggestions.suggestions(campaignId).stream().filter((g) -> g.kind() == kind).toList();
	}

	@PostMapping("/campaigns/{id}/suggestions")
	@PreAuthorize("hasRole('COORDINATOR')")
	String suggest(@PathVariable long id, @RequestParam PartnerSuggestion.Kind kind, @RequestParam String rollCall,
			@RequestParam(required = false) String note, Principal principal, RedirectAttributes redirect) {
		try {
			PartnerSuggestion made = this.suggestions.suggest(id, kind, rollCall, note, principal.getName());
			redirect.addFlashAttribute("notice", "Suggested " + made.rollCallLabel() + " to "
					+ this.campaigns.ownerName(id) + ", which owns the campaign");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(id, kind);
	}

	@PostMapping("/campaigns/{id}/suggestions/{suggestionId}/accept")
	@PreAuthorize("hasRole('COORDINATOR')")
	String accept(@PathVariable long id, @PathVariable long suggestionId, Principal principal,
			RedirectAttributes redirect) {
		PartnerSuggestion.Kind kind = this.suggestions.suggestion(id, suggestionId).kind();
		try {
			PartnerSuggestion accepted = this.suggestions.accept(id, suggestionId, principal.getName());
			redirect.addFlashAttribute("notice", "Accepted: " + accepted.rollCallLabel() + " is now the campaign's "
					+ ((kind == PartnerSuggestion.Kind.REFERENCE) ? "reference" : "outcome"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(id, kind);
	}

	@PostMapping("/campaigns/{id}/suggestions/{suggestionId}/decline")
	@PreAuthorize("hasRole('COORDINATOR')")
	String decline(@PathVariable long id, @PathVariable long suggestionId, Principal principal,
			RedirectAttributes redirect) {
		PartnerSuggestion.Kind kind = this.suggestions.suggestion(id, suggestionId).kind();
		try {
			this.suggestions.decline(id, suggestionId, principal.getName());
			redirect.addFlashAttribute("notice", "Declined");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(id, kind);
	}

	private static String back(long id, PartnerSuggestion.Kind kind) {
		return "redirect:/campaigns/" + id
				+ ((kind == PartnerSuggestion.Kind.REFERENCE) ? "/references" : "/reckoning");
	}

}
