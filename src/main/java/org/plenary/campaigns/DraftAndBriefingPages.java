package org.plenary.campaigns;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final org.plenary.history.RollCalls rollCalls;

	private final org.plenary.states.MemberStates states;

	DraftAndBriefingPages(Campaigns campaigns, DraftsAndBriefings work, org.plenary.history.RollCalls rollCalls,
			org.plenary.states.MemberStates states) {
		this.campaigns = campaigns;
		this.work = work;
		this.rollCalls = rollCalls;
		this.states = states;
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
		// the rule's roll call is picked by symbol: the campaign's references are offered
		model.addAttribute("references", this.campaigns.references(id).stream().map(this.rollCalls::rollCall).toList());
		model.addAttribute("groupings", this.states.groupings());
		return "campaigns/briefings";
	}

	/**
	 * Opens a briefing. The rule is picked on the page (every member; a group or bloc;
	 * every member except those that voted a given way on a resolution, named by its
	 * symbol) or written out ({@code rule}, as the API takes it).
	 */
	@PostMapping("/campaigns/{id}/briefings")
	@PreAuthorize("hasRole('COORDINATOR')")
	String openBriefing(@PathVariable long id, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String invite,
			@RequestParam(required = false) String group, @RequestParam(required = false) String resolution,
			@RequestParam(required = false) String vote, @RequestParam(required = false) String add,
			@RequestParam(required = false) String remove, RedirectAttributes redirect) {
		try {
			Briefing briefing = this.work.openBriefing(id, title, heldOn, rule(rule, invite, group, resolution, vote),
					CampaignPages.codes(add), CampaignPages.codes(remove));
			return "redirect:/campaigns/" + id + "/briefings/" + briefing.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns/" + id + "/briefings";
		}
	}

	/** The rule written out, or built from the page's choices. */
	static String rule(String rule, String invite, String group, String resolution, String vote) {
		if (rule != null && !rule.isBlank()) {
			return rule;
		}
		if ("GROUP".equals(invite)) {
			if (group == null || group.isBlank()) {
				throw new InvalidInputException("group", "Pick the regional group or bloc to invite");
			}
			return "GROUP:" + group.strip();
		}
		if ("EXCEPT".equals(invite)) {
			if (resolution == null || resolution.isBlank()) {
				throw new InvalidInputException("resolution",
						"Name the resolution whose vote leaves states out, by its symbol (e.g. A/RES/ES-11/1)");
			}
			return "EXCEPT:" + resolution.strip() + ":" + ((vote == null || vote.isBlank()) ? "N" : vote.strip());
		}
		return "ALL";
	}

	@GetMapping("/campaigns/{id}/briefings/{briefingId}")
	String briefing(@PathVariable long id, @PathVariable long briefingId, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		ownership(id, model);
		model.addAttribute("briefing", this.work.briefing(id, briefingId));
		model.addAttribute("statuses", Briefing.Status.values());
		return "campaigns/briefing";
	}

	/**
	 * Invites a state, or records one state's answer (or withdraws its invitation) on top
	 * of the version the page showed. From htmx, the answer comes back as the row alone
	 * (with the counts), and a refusal in place: the row as it is now, saying who changed
	 * it meanwhile.
	 */
	@PostMapping("/campaigns/{id}/briefings/{briefingId}/invitations")
	@PreAuthorize("hasRole('WHIP')")
	String invitation(@PathVariable long id, @PathVariable long briefingId, @RequestParam String iso3,
			@RequestParam String status, @RequestParam(required = false) Integer version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String target = "briefings/" + briefingId;
		boolean remove = "REMOVE".equals(status);
		if (htmx == null) {
			if (remove) {
				return act(id, target, redirect, () -> this.work.uninvite(id, briefingId, iso3, version));
			}
			return act(id, target, redirect, () -> this.work.answer(id, briefingId, iso3,
					Briefing.Status.valueOf(status), version, principal.getName()));
		}
		// htmx swaps only 2xx answers: a refusal is shown in place
		response.setStatus(HttpStatus.OK.value());
		String error = null;
		try {
			if (remove) {
				this.work.uninvite(id, briefingId, iso3, version);
			}
			else {
				this.work.answer(id, briefingId, iso3, Briefing.Status.valueOf(status), version, principal.getName());
			}
		}
		catch (InvalidInputException | ConflictException ex) {
			error = ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			error = "Unknown answer '" + status + "'";
		}
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("owns", true);
		model.addAttribute("statuses", Briefing.Status.values());
		Briefing briefing = this.work.briefing(id, briefingId);
		model.addAttribute("briefing", briefing);
		model.addAttribute("rowError", error);
		// the counts above the list change too
		model.addAttribute("countsOob", "true");
		String code = iso3.strip().toUpperCase(java.util.Locale.ROOT);
		Briefing.Invitation now = briefing.invitations()
			.stream()
			.filter((i) -> i.iso3().equals(code))
			.findFirst()
			.orElse(null);
		if (now == null) {
			// withdrawn (or never invited): the row goes, the counts change
			return "campaigns/briefing :: removed";
		}
		model.addAttribute("i", now);
		return "campaigns/briefing :: answered";
	}

	/**
	 * The same answer for the invitations picked on the page ({@code pick}:
	 * {@code ISO3:version} each, as shown), all or nothing. From htmx, the invitation
	 * list comes back, with the refusal in place if any was answered meanwhile.
	 */
	@PostMapping("/campaigns/{id}/briefings/{briefingId}/answers")
	@PreAuthorize("hasRole('WHIP')")
	String answerAll(@PathVariable long id, @PathVariable long briefingId, @RequestParam String status,
			@RequestParam(required = false) List<String> pick,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String notice = null;
		String error = null;
		try {
			List<DraftsAndBriefings.Answer> answers = answers(pick);
			Briefing.Status answer = Briefing.Status.valueOf(status);
			this.work.answerAll(id, briefingId, answer, answers, principal.getName());
			notice = answers.size() + ((answers.size() == 1) ? " invitation" : " invitations") + " set to "
					+ answer.label();
		}
		catch (InvalidInputException | ConflictException ex) {
			error = ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			error = "Unknown answer '" + status + "'";
		}
		if (htmx == null) {
			redirect.addFlashAttribute((error == null) ? "notice" : "error", (error == null) ? notice : error);
			return "redirect:/campaigns/" + id + "/briefings/" + briefingId;
		}
		response.setStatus(HttpStatus.OK.value());
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("owns", true);
		model.addAttribute("statuses", Briefing.Status.values());
		model.addAttribute("briefing", this.work.briefing(id, briefingId));
		model.addAttribute("bulkNotice", notice);
		model.addAttribute("bulkError", error);
		return "campaigns/briefing :: invitations";
	}

	/** {@code BRA:3} as Brazil's answer on top of version 3. */
	private static List<DraftsAndBriefings.Answer> answers(List<String> picked) {
		if (picked == null || picked.isEmpty()) {
			throw new InvalidInputException("pick", "Select the invitations to answer first");
		}
		List<DraftsAndBriefings.Answer> answers = new java.util.ArrayList<>();
		for (String one : picked) {
			String[] parts = one.split(":");
			if (parts.length != 2 || !parts[1].matches("\\d{1,9}")) {
				throw new InvalidInputException("pick", "Not a selected invitation: '" + one + "'");
			}
			answers.add(new DraftsAndBriefings.Answer(parts[0], Integer.valueOf(parts[1])));
		}
		return answers;
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
