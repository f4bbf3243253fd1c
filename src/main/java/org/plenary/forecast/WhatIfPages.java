package org.plenary.forecast;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.campaigns.Campaigns;
import org.plenary.states.MemberStates;
import org.plenary.system.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "what if" page: pick votes, see the forecast under them, save the scenario. */
@Controller
class WhatIfPages {

	/** Rows of the form. */
	static final int ROWS = 4;

	private final WhatIfs whatIfs;

	private final Campaigns campaigns;

	private final MemberStates states;

	private final org.springframework.security.access.hierarchicalroles.RoleHierarchy roles;

	WhatIfPages(WhatIfs whatIfs, Campaigns campaigns, MemberStates states,
			org.springframework.security.access.hierarchicalroles.RoleHierarchy roles) {
		this.roles = roles;
		this.whatIfs = whatIfs;
		this.campaigns = campaigns;
		this.states = states;
	}

	/** One row of the form as typed. */
	record Row(String target, String vote) {
	}

	@GetMapping("/campaigns/{id}/forecast/what-if")
	String page(@PathVariable long id, @RequestParam(required = false) List<String> target,
			@RequestParam(required = false) List<String> vote, Authentication user, HttpServletResponse response,
			Model model) {
		List<Row> rows = rows(target, vote);
		if (rows.stream().anyMatch((r) -> !r.target().isBlank())) {
			try {
				model.addAttribute("result", this.whatIfs.whatIf(id, choices(rows)));
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("error", ex.getMessage());
			}
		}
		return page(id, rows, user, model);
	}

	@PostMapping("/campaigns/{id}/forecast/scenarios")
	@PreAuthorize("hasRole('COORDINATOR')")
	String save(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> target, @RequestParam(required = false) List<String> vote,
			Authentication principal, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		List<Row> rows = rows(target, vote);
		try {
			WhatIfs.Saved saved = this.whatIfs.save(id, name, choices(rows), principal.getName());
			redirect.addFlashAttribute("notice", "Saved \u201c" + saved.name() + "\u201d: the daily report lists it.");
			return "redirect:/campaigns/" + id + "/forecast/what-if";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
			return page(id, rows, principal, model);
		}
	}

	@PostMapping("/campaigns/{id}/forecast/scenarios/{scenarioId}/delete")
	@PreAuthorize("hasRole('COORDINATOR')")
	String delete(@PathVariable long id, @PathVariable long scenarioId, RedirectAttributes redirect) {
		this.whatIfs.delete(id, scenarioId);
		redirect.addFlashAttribute("notice", "Deleted the scenario.");
		return "redirect:/campaigns/" + id + "/forecast/what-if";
	}

	private String page(long id, List<Row> rows, Authentication user, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		// saving and deleting are a coordinator's: others are not offered the forms
		model.addAttribute("canSave",
				user != null && this.roles.getReachableGrantedAuthorities(user.getAuthorities())
					.stream()
					.anyMatch((a) -> "ROLE_COORDINATOR".equals(a.getAuthority())));
		model.addAttribute("rows", rows);
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("groupings", this.states.groupings());
		model.addAttribute("saved", this.whatIfs.saved(id));
		return "forecast/what-if";
	}

	/** The form's rows as typed, padded to {@value #ROWS}. */
	private static List<Row> rows(List<String> target, List<String> vote) {
		List<Row> rows = new ArrayList<>();
		int n = Math.min(WhatIfs.MAX_CHOICES, Math.max((target == null) ? 0 : target.size(), 0));
		for (int i = 0; i < n; i++) {
			String v = (vote != null && i < vote.size()) ? vote.get(i) : "";
			rows.add(new Row((target.get(i) == null) ? "" : target.get(i), (v == null) ? "" : v));
		}
		while (rows.size() < ROWS) {
			rows.add(new Row("", ""));
		}
		return rows;
	}

	private static List<WhatIfs.Choice> choices(List<Row> rows) {
		return rows.stream()
			.filter((r) -> !r.target().isBlank())
			.map((r) -> new WhatIfs.Choice(r.target(), WhatIfs.vote(r.vote())))
			.toList();
	}

}
