package org.plenary.campaigns;

import java.time.LocalDate;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's drafts with their co-sponsors, and its briefings with printable invitation
 * lists.
 */
@Controller
class DraftAndBriefingPages {

	private final Campaigns campaigns;

	private final DraftsAndBriefings work;

	DraftAndBriefingPages(Campaigns campaigns, DraftsAndBriefings work) {
		this.campaigns = campaigns;
		this.work = work;
	}

	@GetMapping("/campaigns/{id}/drafts")
	String drafts(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		ownership(id, model);
		model.addAttribute("drafts", this.work.drafts(id));
		return "campaigns/drafts";
	}

	@PostMapping("/campaigns/{id}/drafts")
	@PreAuthorize("hasRole('COORDINATOR')")
	String addDraft(@PathVariable long id, @RequestParam String symbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) String whatChanged, RedirectAttributes redirect) {
		return act(id, "drafts", redirect, () -> this.work.addDraft(id, symbol, issuedOn, whatChanged, null));
	}

	@PostMapping("/campaigns/{id}/drafts/{draftId}/cosponsors")
	@PreAuthorize("hasRole('WHIP')")
	String cosponsor(@PathVariable long id, @PathVariable long draftId, @RequestParam String states,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			RedirectAttributes redirect) {
		return act(id, "drafts", redirect, () -> this.work.cosponsor(id, draftId, CampaignPages.codes(states), on));
	}

	@PostMapping("/campaigns/{id}/drafts/{draftId}/cosponsors/{iso3}/withdraw")
	@PreAuthorize("hasRole('WHIP')")
	String withdraw(@PathVariable long id, @PathVariable long draftId, @PathVariable String iso3,
			RedirectAttributes redirect) {
		return act(id, "drafts", redirect, () -> this.work.withdraw(id, draftId, iso3, null));
	}

	@GetMapping("/campaigns/{id}/briefings")
	String briefings(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		ownership(id, model);
		model.addAttribute("briefings", this.work.briefings(id));
		model.addAttribute("references", this.campaigns.references(id));
		return "campaigns/briefings";
	}

	@PostMapping("/campaigns/{id}/briefings")
	@PreAuthorize("hasRole('COORDINATOR')")
	String openBriefing(@PathVariable long id, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String add,
			@RequestParam(required = false) String remove, RedirectAttributes redirect) {
		try {
			Briefing briefing = this.work.openBriefing(id, title, heldOn, rule, CampaignPages.codes(add),
					CampaignPages.codes(remove));
			return "redirect:/campaigns/" + id + "/briefings/" + briefing.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns/" + id + "/briefings";
		}
	}

	@GetMapping("/campaigns/{id}/briefings/{briefingId}")
	String briefing(@PathVariable long id, @PathVariable long briefingId, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		ownership(id, model);
		model.addAttribute("briefing", this.work.briefing(id, briefingId));
		model.addAttribute("statuses", Briefing.Status.values());
		return "campaigns/briefing";
	}

	@PostMapping("/campaigns/{id}/briefings/{briefingId}/invitations")
	@PreAuthorize("hasRole('WHIP')")
	String invitation(@PathVariable long id, @PathVariable long briefingId, @RequestParam String iso3,
			@RequestParam String status, RedirectAttributes redirect) {
		String target = "briefings/" + briefingId;
		if ("REMOVE".equals(status)) {
			return act(id, target, redirect, () -> this.work.uninvite(id, briefingId, iso3));
		}
		return act(id, target, redirect,
				() -> this.work.setInvitation(id, briefingId, iso3, Briefing.Status.valueOf(status)));
	}

	private static String act(long id, String page, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "Unknown status");
		}
		return "redirect:/campaigns/" + id + "/" + page;
	}

	/**
	 * Whether the caller's organisation owns the campaign, and its owner: drafts,
	 * co-sponsors, briefings and invitations are the owner's to change, so a partner sees
	 * them without the forms.
	 */
	private void ownership(long id, Model model) {
		model.addAttribute("owns", this.campaigns.owns(id));
		model.addAttribute("owner", this.campaigns.ownerName(id));
	}

}
