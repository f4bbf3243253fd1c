package org.plenary.outreach;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.campaigns.Campaigns;
import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's opposition activity: the list, filtered by state and kind, and the form.
 */
@Controller
class OppositionPages {

	private final Opposition opposition;

	private final Campaigns campaigns;

	OppositionPages(Opposition opposition, Campaigns campaigns) {
		this.opposition = opposition;
		this.campaigns = campaigns;
	}

	/** What the form holds, as typed. */
	record ActivityForm(LocalDate occurredOn, String kind, String actor, String description, String states,
			String concerns) {
	}

	@GetMapping("/campaigns/{id}/opposition")
	String activities(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String kind, Model model) {
		return page(id, state, kind, new ActivityForm(LocalDate.now(), null, null, null, null, null), model);
	}

	@PostMapping("/campaigns/{id}/opposition")
	@PreAuthorize("hasRole('WHIP')")
	String record(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String description, @RequestParam(required = false) String states,
			@RequestParam(required = false) String concerns, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ActivityForm form = new ActivityForm(occurredOn, kind, actor, description, states, concerns);
		boolean allMembers = "ALL".equals(concerns);
		try {
			OppositionActivity activity = this.opposition.record(new Opposition.RecordActivity(id, occurredOn,
					blank(kind) ? null : OppositionActivity.Kind.parse(kind), actor, description, split(states),
					allMembers, (allMembers || blank(concerns)) ? null : concerns), principal.getName());
			redirect.addFlashAttribute("notice", "Recorded: " + activity.kind().label()
					+ (activity.concernsNoOne() ? "" : " concerning " + activity.concerns()));
			return "redirect:/campaigns/" + id + "/opposition";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
			return page(id, null, null, form, model);
		}
	}

	private String page(long id, String state, String kind, ActivityForm form, Model model) {
		OppositionActivity.Kind wanted = blank(kind) ? null : OppositionActivity.Kind.parse(kind);
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("activities", this.opposition.activities(id, new Opposition.Filter(state, wanted)));
		model.addAttribute("kinds", OppositionActivity.Kind.values());
		model.addAttribute("groupings", this.opposition.groupings());
		model.addAttribute("groupingKinds", org.plenary.states.Grouping.Kind.values());
		model.addAttribute("state", blank(state) ? null : state.trim().toUpperCase(java.util.Locale.ROOT));
		model.addAttribute("kind", wanted);
		model.addAttribute("form", form);
		return "outreach/opposition";
	}

	/**
	 * The states typed in one field: separated by commas, semicolons or new lines, since
	 * names have spaces ("Russian Federation, Belarus"); the service splits runs of
	 * codes.
	 */
	static List<String> split(String text) {
		if (blank(text)) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\n]+")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
