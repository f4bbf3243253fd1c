package org.plenary.campaigns;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of the states no call will move. */
@Controller
class OutOfReachPages {

	private final OutOfReach outOfReach;

	private final Campaigns campaigns;

	private final RoleHierarchy roles;

	OutOfReachPages(OutOfReach outOfReach, Campaigns campaigns, RoleHierarchy roles) {
		this.outOfReach = outOfReach;
		this.campaigns = campaigns;
		this.roles = roles;
	}

	@GetMapping("/campaigns/{id}/out-of-reach")
	String page(@PathVariable long id, Authentication user, Model model) {
		OutOfReach.Listed listed = this.outOfReach.listed(id);
		return page(id, names(listed.states(), true), names(listed.states(), false), listed, user, model);
	}

	@PostMapping("/campaigns/{id}/out-of-reach")
	@PreAuthorize("hasRole('COORDINATOR')")
	String set(@PathVariable long id, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String outOfReach, @RequestParam(required = false) Integer version,
			Authentication principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (version == null) {
				throw new InvalidInputException("version", "The form lacks the version of the list: reload the page");
			}
			List<OutOfReach.State> states = this.outOfReach
				.set(id, version, split(subject), split(outOfReach), principal.getName())
				.states();
			redirect.addFlashAttribute("notice",
					states.isEmpty() ? "No state is out of reach."
							: "Out of reach: "
									+ states.stream().map(OutOfReach.State::name).collect(Collectors.joining(", "))
									+ ". The next calls leave them out.");
			return "redirect:/campaigns/" + id + "/out-of-reach";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			return page(id, subject, outOfReach, this.outOfReach.listed(id), principal, model);
		}
		catch (ConflictException ex) {
			// someone saved meanwhile: show their list, in the form too, so that a change
			// is made on top of it; what was typed stays in sight, not saved
			response.setStatus(HttpStatus.CONFLICT.value());
			OutOfReach.Listed current = this.outOfReach.listed(id);
			model.addAttribute("error", "Someone else saved this list since you opened the page, so yours was not "
					+ "saved. Below is the list as it stands now; make your change again on top of it.");
			model.addAttribute("typed", new Typed(blankToEmpty(subject), blankToEmpty(outOfReach)));
			return page(id, names(current.states(), true), names(current.states(), false), current, principal, model);
		}
	}

	/** What a coordinator typed in a form that was not saved. */
	record Typed(String subject, String outOfReach) {
	}

	private String page(long id, String subject, String outOfReach, OutOfReach.Listed listed, Authentication user,
			Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		// the list is the owner's coordinators' to set: others see it without a form
		model.addAttribute("mayChange",
				this.campaigns.owns(id) && this.roles.getReachableGrantedAuthorities(user.getAuthorities())
					.stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch("ROLE_COORDINATOR"::equals));
		model.addAttribute("states", listed.states());
		model.addAttribute("version", listed.version());
		model.addAttribute("subject", subject);
		model.addAttribute("outOfReach", outOfReach);
		model.addAttribute("members", this.campaigns.members(id));
		return "campaigns/out-of-reach";
	}

	private static String blankToEmpty(String text) {
		return (text == null) ? "" : text.trim();
	}

	private static String names(List<OutOfReach.State> states, boolean subject) {
		return states.stream()
			.filter((s) -> s.subject() == subject)
			.map(OutOfReach.State::name)
			.collect(Collectors.joining(", "));
	}

	/** Names have spaces: separated by commas, semicolons or new lines. */
	private static List<String> split(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\n]+")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

}
