package org.plenary.campaigns;

import java.security.Principal;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's coalition: who owns it, the partners and the invitations; the owner's
 * coordinators invite and remove, a partner's coordinators answer and leave.
 */
@Controller
class CoalitionPages {

	private final Campaigns campaigns;

	private final Coalitions coalitions;

	private final CampaignRoles roles;

	CoalitionPages(Campaigns campaigns, Coalitions coalitions, CampaignRoles roles) {
		this.campaigns = campaigns;
		this.coalitions = coalitions;
		this.roles = roles;
	}

	@GetMapping("/campaigns/{id}/coalition")
	String coalition(@PathVariable long id, org.springframework.security.core.Authentication authentication,
			Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		Coalitions.Coalition coalition = this.coalitions.coalition(id);
		// the forms are for coordinators (whips and viewers read the page)
		boolean coordinator = Coordinators.coordinates(authentication);
		boolean manage = coordinator && coalition.mayManage();
		model.addAttribute("campaign", campaign);
		model.addAttribute("coalition", coalition);
		model.addAttribute("manage", manage);
		model.addAttribute("invitable", manage ? this.coalitions.invitable(id) : java.util.List.of());
		model.addAttribute("members", coordinator ? this.roles.members(id) : java.util.List.of());
		model.addAttribute("campaignRoles", CampaignRoles.CampaignRole.values());
		model.addAttribute("isPartner", coordinator && coalition.viewer() != null
				&& coalition.active().stream().anyMatch((p) -> p.organisationId() == coalition.viewer()));
		return "campaigns/coalition";
	}

	@PostMapping("/campaigns/{id}/coalition/invite")
	@PreAuthorize("hasRole('COORDINATOR')")
	String invite(@PathVariable long id, @RequestParam long organisation, Principal principal,
			RedirectAttributes redirect) {
		return act(id, redirect,
				() -> "Invited " + this.coalitions.invite(id, organisation, principal.getName()).organisation()
						+ "; its coordinators will see the invitation on their campaigns page");
	}

	@PostMapping("/campaigns/{id}/coalition/remove")
	@PreAuthorize("hasRole('COORDINATOR')")
	String remove(@PathVariable long id, @RequestParam long organisation, Principal principal,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.coalitions.remove(id, organisation, principal.getName()).organisation()
				+ " no longer takes part, and no longer sees this campaign");
	}

	@PostMapping("/campaigns/{id}/coalition/roles")
	@PreAuthorize("hasRole('COORDINATOR')")
	String role(@PathVariable long id, @RequestParam String username, @RequestParam(required = false) String role,
			Principal principal, RedirectAttributes redirect) {
		try {
			CampaignRoles.Member member = this.roles.set(id, username, role, principal.getName());
			redirect.addFlashAttribute("notice", member.displayName() + " is a "
					+ member.applies().toLowerCase(java.util.Locale.ROOT) + " in this campaign");
		}
		catch (InvalidInputException | org.plenary.system.ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/coalition";
	}

	@PostMapping("/campaigns/{id}/coalition/leave")
	@PreAuthorize("hasRole('COORDINATOR')")
	String leave(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.coalitions.leave(id, principal.getName());
			redirect.addFlashAttribute("notice", "Your organisation left the campaign, with its own records");
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns/" + id + "/coalition";
		}
		return "redirect:/campaigns";
	}

	@PostMapping("/campaigns/{id}/coalition/answer")
	@PreAuthorize("hasRole('COORDINATOR')")
	String answer(@PathVariable long id, @RequestParam boolean accept, Principal principal,
			RedirectAttributes redirect) {
		try {
			this.coalitions.answer(id, accept, principal.getName());
			if (accept) {
				return "redirect:/campaigns/" + id;
			}
			redirect.addFlashAttribute("notice", "Invitation declined");
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns";
	}

	private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/coalition";
	}

}
