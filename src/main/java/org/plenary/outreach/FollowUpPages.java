package org.plenary.outreach;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's follow-ups (overdue, due today, upcoming, recently closed) with inline
 * done and dismiss, the outreach settings and the organisation's choice to share the bare
 * signal of its contacts, and the escalation suggestion for a state, as a fragment that
 * other pages load.
 */
@Controller
class FollowUpPages {

	private final FollowUps followUps;

	private final FollowUpRules rules;

	private final Escalation escalation;

	private final People people;

	private final Campaigns campaigns;

	private final RoleHierarchy roles;

	private final ContactSignals signals;

	FollowUpPages(FollowUps followUps, FollowUpRules rules, Escalation escalation, People people, Campaigns campaigns,
			RoleHierarchy roles, ContactSignals signals) {
		this.signals = signals;
		this.followUps = followUps;
		this.rules = rules;
		this.escalation = escalation;
		this.people = people;
		this.campaigns = campaigns;
		this.roles = roles;
	}

	@GetMapping("/campaigns/{id}/follow-ups")
	String followUps(@PathVariable long id, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) Long owner, @RequestParam(required = false) String state,
			Authentication user, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		this.rules.checkNotContacted(id, Instant.now());
		LocalDate today = FollowUps.today(campaign);
		Optional<Person> me = this.people.forUser(user.getName());
		Long ownerId = owner;
		if (mine) {
			ownerId = me.map(Person::id).orElse(-1L); // not linked: nobody's follow-ups
														// are
														// "mine"
		}
		FollowUps.FollowUpFilter filter = FollowUps.FollowUpFilter.open().withOwner(ownerId).withState(state);
		List<FollowUp> open = this.followUps.followUps(id, filter, (today == null) ? FollowUps.today() : today);
		model.addAttribute("campaign", campaign);
		model.addAttribute("today", today);
		// once the campaign is over nothing is due: what stayed open is listed apart
		model.addAttribute("openAtTheEnd", (today == null) ? open : List.of());
		model.addAttribute("overdue", due(open, FollowUps.Due.OVERDUE, today));
		model.addAttribute("dueToday", due(open, FollowUps.Due.TODAY, today));
		model.addAttribute("upcoming", due(open, FollowUps.Due.UPCOMING, today));
		model.addAttribute("closed", this.followUps.recentlyClosed(id, filter, 20));
		model.addAttribute("mine", mine);
		model.addAttribute("me", me.orElse(null));
		model.addAttribute("owner", owner);
		model.addAttribute("state", FollowUps.normalise(state));
		model.addAttribute("officials", this.people.offered(id));
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("settings", this.followUps.settings(id));
		model.addAttribute("canWrite", has(user, "WHIP"));
		model.addAttribute("canConfigure", has(user, "COORDINATOR"));
		model.addAttribute("contactSignal", this.signals.sharing(id, user.getName()));
		return "outreach/follow-ups";
	}

	@PostMapping("/campaigns/{id}/follow-ups")
	@PreAuthorize("hasRole('WHIP')")
	String open(@PathVariable long id, @RequestParam(required = false) String iso3, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String visibility,
			Principal principal, RedirectAttributes redirect) {
		try {
			FollowUp followUp = this.followUps
				.open(new FollowUps.NewFollowUp(id, iso3, title, dueOn, ownerId, null, FollowUp.Origin.MANUAL, null,
						org.plenary.campaigns.Visibility.parse(visibility, org.plenary.campaigns.Visibility.COALITION)),
						principal.getName());
			redirect.addFlashAttribute("notice", "Follow-up opened, due " + followUp.dueOn());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/follow-ups";
	}

	@PostMapping("/campaigns/{id}/follow-ups/{followUpId}")
	@PreAuthorize("hasRole('WHIP')")
	String change(@PathVariable long id, @PathVariable long followUpId, @RequestParam String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) Long ownerId, @RequestParam int version, Principal principal,
			RedirectAttributes redirect) {
		try {
			this.followUps.change(id, followUpId, new FollowUps.FollowUpChange(title, dueOn, ownerId), version,
					principal.getName());
			redirect.addFlashAttribute("notice", "Follow-up changed");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/follow-ups";
	}

	@PostMapping("/campaigns/{id}/follow-ups/{followUpId}/done")
	@PreAuthorize("hasRole('WHIP')")
	String done(@PathVariable long id, @PathVariable long followUpId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return close(id, followUpId, true, htmx != null, principal, model, redirect, response);
	}

	@PostMapping("/campaigns/{id}/follow-ups/{followUpId}/dismiss")
	@PreAuthorize("hasRole('WHIP')")
	String dismiss(@PathVariable long id, @PathVariable long followUpId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return close(id, followUpId, false, htmx != null, principal, model, redirect, response);
	}

	private String close(long id, long followUpId, boolean done, boolean htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String error = null;
		try {
			if (done) {
				this.followUps.done(id, followUpId, principal.getName());
			}
			else {
				this.followUps.dismiss(id, followUpId, principal.getName());
			}
		}
		catch (ConflictException ex) {
			error = ex.getMessage();
		}
		if (!htmx) {
			if (error != null) {
				redirect.addFlashAttribute("error", error);
			}
			return "redirect:/campaigns/" + id + "/follow-ups";
		}
		// htmx swaps only 2xx answers: show the conflict in place
		response.setStatus(HttpStatus.OK.value());
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("f", this.followUps.followUp(id, followUpId));
		model.addAttribute("today", FollowUps.today(this.campaigns.campaign(id)));
		model.addAttribute("rowError", error);
		model.addAttribute("canWrite", true);
		return "outreach/follow-up :: item";
	}

	@PostMapping("/campaigns/{id}/outreach-settings")
	@PreAuthorize("hasRole('COORDINATOR')")
	String changeSettings(@PathVariable long id, @RequestParam(required = false) Integer notContactedDays,
			RedirectAttributes redirect) {
		try {
			OutreachSettings settings = this.followUps.changeSettings(id, notContactedDays);
			redirect.addFlashAttribute("notice",
					"States not contacted for " + settings.notContactedDays() + " days now get a follow-up");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/follow-ups";
	}

	@PostMapping("/campaigns/{id}/contact-signal")
	@PreAuthorize("hasRole('COORDINATOR')")
	String share(@PathVariable long id, @RequestParam boolean shared, Principal principal,
			RedirectAttributes redirect) {
		ContactSignals.Sharing sharing = this.signals.share(id, shared, principal.getName());
		redirect.addFlashAttribute("notice",
				sharing.shared()
						? "The other organisations now see the day and level of " + sharing.organisation()
								+ "'s contacts, nothing more"
						: "The other organisations no longer see when " + sharing.organisation() + " contacts a state");
		return "redirect:/campaigns/" + id + "/follow-ups";
	}

	@GetMapping("/campaigns/{id}/states/{iso3}/escalation")
	String escalation(@PathVariable long id, @PathVariable String iso3, Authentication user, Model model) {
		return escalationFragment(id, iso3, user, model);
	}

	@PostMapping("/campaigns/{id}/states/{iso3}/escalation/accept")
	@PreAuthorize("hasRole('WHIP')")
	String accept(@PathVariable long id, @PathVariable String iso3, @RequestParam(required = false) String basis,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication user, Model model,
			RedirectAttributes redirect) {
		String notice = null;
		String error = null;
		try {
			FollowUp followUp = this.escalation.accept(id, iso3, basis, user.getName());
			notice = "Accepted: a follow-up for "
					+ ((followUp.ownerName() == null) ? "nobody yet" : followUp.ownerName()) + ", due "
					+ followUp.dueOn() + ".";
		}
		catch (ConflictException | InvalidInputException ex) {
			error = ex.getMessage();
		}
		return answer(id, iso3, htmx != null, notice, error, user, model, redirect);
	}

	@PostMapping("/campaigns/{id}/states/{iso3}/escalation/dismiss")
	@PreAuthorize("hasRole('WHIP')")
	String dismissSuggestion(@PathVariable long id, @PathVariable String iso3,
			@RequestParam(required = false) String basis,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication user, Model model,
			RedirectAttributes redirect) {
		String error = null;
		try {
			this.escalation.dismiss(id, iso3, basis, user.getName());
		}
		catch (InvalidInputException ex) {
			error = ex.getMessage();
		}
		return answer(id, iso3, htmx != null, (error == null) ? "Dismissed." : null, error, user, model, redirect);
	}

	private String answer(long id, String iso3, boolean htmx, String notice, String error, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!htmx) {
			redirect.addFlashAttribute(error == null ? "notice" : "error", error == null ? notice : error);
			return "redirect:/campaigns/" + id + "/follow-ups";
		}
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return escalationFragment(id, iso3, user, model);
	}

	private String escalationFragment(long id, String iso3, Authentication user, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("iso3", FollowUps.normalise(iso3));
		model.addAttribute("suggestion", this.escalation.suggestion(id, iso3).orElse(null));
		model.addAttribute("canWrite", has(user, "WHIP"));
		return "outreach/escalation :: escalation";
	}

	private static List<FollowUp> due(List<FollowUp> open, FollowUps.Due due, LocalDate today) {
		if (today == null) {
			return List.of();
		}
		return open.stream().filter((f) -> FollowUps.Due.of(f.dueOn(), today) == due).toList();
	}

	private boolean has(Authentication user, String role) {
		return this.roles.getReachableGrantedAuthorities(user.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(("ROLE_" + role)::equals);
	}

}
