package org.plenary.outreach;

import java.security.Principal;

import org.plenary.campaigns.Campaigns;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's page of what each organisation shares of its officials and counterparts,
 * where an organisation's coordinators turn their own sharing on and off.
 */
@Controller
class RosterSharingPages {

	private final RosterSharing sharing;

	private final Campaigns campaigns;

	RosterSharingPages(RosterSharing sharing, Campaigns campaigns) {
		this.sharing = sharing;
		this.campaigns = campaigns;
	}

	@GetMapping("/campaigns/{id}/sharing")
	String sharing(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("own", this.sharing.own(id));
		model.addAttribute("organisations", this.sharing.of(id));
		model.addAttribute("canConfigure", org.plenary.campaigns.Coordinators.coordinates(user));
		return "outreach/sharing";
	}

	@PostMapping("/campaigns/{id}/sharing")
	@PreAuthorize("hasRole('COORDINATOR')")
	String share(@PathVariable long id, @RequestParam(defaultValue = "false") boolean roster,
			@RequestParam(defaultValue = "false") boolean counterparts, Principal principal,
			RedirectAttributes redirect) {
		RosterSharing.Sharing own = this.sharing.share(id, roster, counterparts, principal.getName());
		redirect.addFlashAttribute("notice",
				own.organisation() + (own.roster() ? " shares" : " does not share") + " its officials and"
						+ (own.counterparts() ? " shares" : " does not share")
						+ " its counterparts with this campaign");
		return "redirect:/campaigns/" + id + "/sharing";
	}

}
