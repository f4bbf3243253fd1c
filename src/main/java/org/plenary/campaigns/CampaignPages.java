package org.plenary.campaigns;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of campaigns and the form that opens one (coordinators). */
@Controller
class CampaignPages {

	private final Campaigns campaigns;

	private final org.plenary.history.RollCalls rollCalls;

	private final Coalitions coalitions;

	private final PartnerSuggestions suggestions;

	CampaignPages(Campaigns campaigns, org.plenary.history.RollCalls rollCalls, Coalitions coalitions,
			PartnerSuggestions suggestions) {
		this.campaigns = campaigns;
		this.rollCalls = rollCalls;
		this.coalitions = coalitions;
		this.suggestions = suggestions;
	}

	/** Home: the campaigns, the screen a coordinator keeps open. */
	@GetMapping("/")
	String home() {
		return "redirect:/campaigns";
	}

	@GetMapping("/campaigns")
	String list(Authentication authentication, Model model) {
		model.addAttribute("campaigns", this.campaigns.campaigns());
		model.addAttribute("invitations", this.coalitions.invitations());
		model.addAttribute("bodies", Body.values());
		model.addAttribute("rules", DecisionRule.values());
		model.addAttribute("mayOpen", Coordinators.coordinates(authentication));
		return "campaigns/list";
	}

	@PostMapping("/campaigns")
	@PreAuthorize("hasRole('COORDINATOR')")
	String open(@RequestParam String title, @RequestParam String body, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String members, @RequestParam(required = false) Integer quota,
			@RequestParam(defaultValue = "YES") String ask, @RequestParam(required = false) String draftSymbol,
			@RequestParam(required = false) Integer goalYes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate voteOn,
			@RequestParam(required = false) Long partOf, @RequestParam(required = false) String partLabel,
			Principal principal, RedirectAttributes redirect) {
		try {
			Body parsedBody = Body.valueOf(body);
			Campaign campaign = this.campaigns.open(new Campaigns.OpenCampaign(title, parsedBody, null,
					(rule == null || rule.isBlank()) ? null : DecisionRule.parse(rule), quota,
					Campaign.Ask.valueOf(ask), draftSymbol, goalYes, null, null, null, voteOn, codes(members),
					List.of(), partOf, partLabel, false), principal.getName());
			return "redirect:/campaigns/" + campaign.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns";
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "Unknown body or ask");
			return "redirect:/campaigns";
		}
	}

	/**
	 * The campaign's reference resolutions, and a search of the voting history to add
	 * more: by symbol however written (ES-11/1, A/RES/68/262) or by words of the title
	 * (at first, those of the campaign's title). Each roll call found says whether it can
	 * be added, and if not why (voted on or after the campaign's vote date).
	 */
	@GetMapping("/campaigns/{id}/references")
	String references(@org.springframework.web.bind.annotation.PathVariable long id,
			@RequestParam(required = false) String q, Authentication authentication, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		model.addAttribute("campaign", campaign);
		// the references are the owner's; a partner's coordinators suggest them
		model.addAttribute("owns", this.campaigns.owns(id));
		model.addAttribute("ownerName", this.campaigns.ownerName(id));
		model.addAttribute("canCoordinate", Coordinators.coordinates(authentication));
		model.addAttribute("suggestions",
				SuggestionPages.ofKind(this.suggestions, id, PartnerSuggestion.Kind.REFERENCE));
		model.addAttribute("references", this.campaigns.references(id).stream().map(this.rollCalls::rollCall).toList());
		model.addAttribute("warnings",
				this.campaigns.referenceWarnings(id)
					.stream()
					.collect(java.util.stream.Collectors.toMap(Campaigns.ReferenceWarning::rollCall,
							Campaigns.ReferenceWarning::reason)));
		model.addAttribute("voteOn", (campaign.voteOn() == null) ? null : Campaigns.day(campaign.voteOn()));
		String query = (q == null) ? campaign.title().replaceFirst("^DEMO: ", "") : q;
		model.addAttribute("q", query);
		model.addAttribute("found", this.campaigns.referenceCandidates(id, query, 30));
		return "campaigns/references";
	}

	@PostMapping("/campaigns/{id}/references")
	@PreAuthorize("hasRole('COORDINATOR')")
	String addReference(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam long rollCall,
			RedirectAttributes redirect) {
		try {
			this.campaigns.addReferences(id, List.of(rollCall));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/references";
	}

	/** A campaign's settings: title, draft, goal, dates, status, the Art. 19 list. */
	@GetMapping("/campaigns/{id}/settings")
	String settings(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		// the settings are the owner's to change: a partner reads them without the forms
		model.addAttribute("owns", this.campaigns.owns(id));
		model.addAttribute("owner", this.campaigns.ownerName(id));
		model.addAttribute("statuses", Campaign.Status.values());
		model.addAttribute("withoutVote",
				this.campaigns.members(id)
					.stream()
					.filter(Member::withoutVote)
					.map(Member::iso3)
					.collect(java.util.stream.Collectors.joining(" ")));
		model.addAttribute("chain", this.campaigns.chain(id));
		model.addAttribute("mains",
				this.campaigns.campaigns().stream().filter((c) -> c.partOf() == null && c.id() != id).toList());
		return "campaigns/settings";
	}

	@PostMapping("/campaigns/{id}/settings")
	@PreAuthorize("hasRole('COORDINATOR')")
	String change(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam String title,
			@RequestParam(required = false) String draftSymbol, @RequestParam(required = false) Integer goalYes,
			@RequestParam(required = false) String goalText,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tabledOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate debateOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate voteOn,
			@RequestParam String status, @RequestParam(required = false) String withoutVote, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			this.campaigns.change(id, new Campaigns.CampaignSettings(title, draftSymbol, goalYes, goalText, tabledOn,
					debateOn, voteOn, Campaign.Status.valueOf(status), version));
			this.campaigns.setWithoutVote(id, codes(withoutVote));
			redirect.addFlashAttribute("notice", "Saved");
			// a vote date moved before references already chosen: they stay, and the
			// coordinator is told (the references page marks them too)
			List<Campaigns.ReferenceWarning> late = this.campaigns.referenceWarnings(id);
			if (!late.isEmpty()) {
				redirect.addFlashAttribute("error",
						"Saved, but " + late.size() + " reference resolution" + ((late.size() == 1) ? " is" : "s are")
								+ " no longer earlier than the vote date: "
								+ late.stream()
									.map(Campaigns.ReferenceWarning::reason)
									.collect(java.util.stream.Collectors.joining("; "))
								+ ". They stay listed, and the forecast leaves them out; remove them on the "
								+ "references page, or move the vote date back.");
			}
		}
		catch (InvalidInputException | org.plenary.system.ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/settings";
	}

	@PostMapping("/campaigns/{id}/chain")
	@PreAuthorize("hasRole('COORDINATOR')")
	String link(@org.springframework.web.bind.annotation.PathVariable long id,
			@RequestParam(required = false) Long partOf, @RequestParam(required = false) String partLabel,
			@RequestParam int version, RedirectAttributes redirect) {
		try {
			this.campaigns.link(id, partOf, partLabel, version);
			redirect.addFlashAttribute("notice", (partOf == null) ? "Not part of a chain" : "Linked to the chain");
		}
		catch (InvalidInputException | org.plenary.system.ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/settings";
	}

	@PostMapping("/campaigns/{id}/references/{rollCall}/remove")
	@PreAuthorize("hasRole('COORDINATOR')")
	String removeReference(@org.springframework.web.bind.annotation.PathVariable long id,
			@org.springframework.web.bind.annotation.PathVariable long rollCall) {
		this.campaigns.removeReference(id, rollCall);
		return "redirect:/campaigns/" + id + "/references";
	}

	static List<String> codes(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\s,;]+")).filter((s) -> !s.isBlank()).toList();
	}

}
