package org.plenary.outreach;

import java.security.Principal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.campaigns.Campaigns;
import org.plenary.states.MemberStates;
import org.plenary.states.Membership;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Level;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who owns which state: the campaign's assignments with inline assigning and bulk
 * assigning, a state's assignment history, the workload of each official and
 * organisation, and "my states" for the signed-in official.
 */
@Controller
class AssignmentPages {

	private final Assignments assignments;

	private final Campaigns campaigns;

	private final People people;

	private final MemberStates states;

	AssignmentPages(Assignments assignments, Campaigns campaigns, People people, MemberStates states) {
		this.assignments = assignments;
		this.campaigns = campaigns;
		this.people = people;
		this.states = states;
	}

	@GetMapping("/campaigns/{id}/assignments")
	String assignments(@PathVariable long id, @RequestParam(required = false) String show,
			@RequestParam(required = false) String group,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication authentication,
			Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		List<Assignments.StateAssignments> all = this.assignments.byState(id);
		Set<String> inGroup = members(group);
		boolean onlyUnassigned = "unassigned".equals(show);
		model.addAttribute("rows",
				all.stream()
					.filter((r) -> !onlyUnassigned || r.unassigned())
					.filter((r) -> inGroup == null || inGroup.contains(r.member().iso3()))
					.toList());
		model.addAttribute("members", all.size());
		model.addAttribute("unassigned", all.stream().filter(Assignments.StateAssignments::unassigned).count());
		model.addAttribute("show", show);
		model.addAttribute("group", group);
		model.addAttribute("mayAssign", mayAssign(authentication));
		if (htmx != null) {
			return "outreach/assignments :: table";
		}
		model.addAttribute("groupings", this.states.groupings());
		model.addAttribute("officials", this.people.offered(id));
		model.addAttribute("levels", Level.values());
		return "outreach/assignments";
	}

	/**
	 * A state's owners and their history; to htmx, the state's row of the assignments
	 * table (an inline edit cancelled).
	 */
	@GetMapping("/campaigns/{id}/assignments/{iso3}")
	String state(@PathVariable long id, @PathVariable String iso3,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication authentication,
			Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("row", this.assignments.ofState(id, iso3));
		model.addAttribute("mayAssign", mayAssign(authentication));
		if (htmx != null) {
			return "outreach/assignments :: row";
		}
		model.addAttribute("history", this.assignments.history(id, iso3));
		model.addAttribute("officials", this.people.offered(id));
		model.addAttribute("levels", Level.values());
		return "outreach/assignment";
	}

	@GetMapping("/campaigns/{id}/assignments/{iso3}/edit")
	@PreAuthorize("hasRole('COORDINATOR')")
	String edit(@PathVariable long id, @PathVariable String iso3, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("row", this.assignments.ofState(id, iso3));
		model.addAttribute("officials", this.people.offered(id));
		model.addAttribute("levels", Level.values());
		return "outreach/assignments :: edit";
	}

	@PostMapping("/campaigns/{id}/assignments/{iso3}")
	@PreAuthorize("hasRole('COORDINATOR')")
	String assign(@PathVariable long id, @PathVariable String iso3, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String level,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return write(id, iso3, htmx, model, redirect, response, () -> {
			if (personId == null) {
				throw new InvalidInputException("personId", "Choose an official");
			}
			Assignment assignment = this.assignments.assign(id, iso3, personId, Assignments.level(level),
					principal.getName());
			return assignment.stateName() + ": " + assignment.role().toLowerCase(java.util.Locale.ROOT)
					+ " owner is now " + assignment.personName();
		});
	}

	@PostMapping("/campaigns/{id}/assignments/{iso3}/unassign")
	@PreAuthorize("hasRole('COORDINATOR')")
	String unassign(@PathVariable long id, @PathVariable String iso3, @RequestParam(required = false) String level,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return write(id, iso3, htmx, model, redirect, response,
				() -> this.assignments.unassign(id, iso3, Assignments.level(level), principal.getName())
					.map((a) -> a.personName() + " no longer owns " + a.stateName())
					.orElse("Nothing to end: nobody owned it"));
	}

	private interface Write {

		String run();

	}

	/**
	 * An inline write answers htmx with the state's row, or with the form and the error
	 * (htmx swaps only 2xx answers); a plain form goes back to the state's page.
	 */
	private String write(long id, String iso3, String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Write action) {
		String error = null;
		String notice = null;
		try {
			notice = action.run();
		}
		catch (InvalidInputException | ConflictException ex) {
			error = ex.getMessage();
		}
		if (htmx == null) {
			redirect.addFlashAttribute(error == null ? "notice" : "error", error == null ? notice : error);
			return "redirect:/campaigns/" + id + "/assignments/" + iso3.toUpperCase(java.util.Locale.ROOT);
		}
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("row", this.assignments.ofState(id, iso3));
		model.addAttribute("mayAssign", true);
		if (error == null) {
			return "outreach/assignments :: row";
		}
		response.setStatus(HttpStatus.OK.value());
		model.addAttribute("error", error);
		model.addAttribute("officials", this.people.offered(id));
		model.addAttribute("levels", Level.values());
		return "outreach/assignments :: edit";
	}

	@PostMapping("/campaigns/{id}/assignments/bulk")
	@PreAuthorize("hasRole('COORDINATOR')")
	String bulk(@PathVariable long id, @RequestParam(required = false) String grouping,
			@RequestParam(required = false) String states, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String level, @RequestParam(defaultValue = "false") boolean onlyUnassigned,
			Principal principal, RedirectAttributes redirect) {
		try {
			List<String> codes = (states == null || states.isBlank()) ? List.of()
					: List.of(states.trim().split("[\\s,;]+"));
			Assignments.BulkResult result = this.assignments.bulk(id,
					new Assignments.Bulk(grouping, codes, personId, Assignments.level(level), onlyUnassigned),
					principal.getName());
			redirect.addFlashAttribute("notice",
					result.assigned().size() + " state(s) assigned"
							+ (result.assigned().isEmpty() ? "" : " (" + String.join(", ", result.assigned()) + ")")
							+ (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " left as they were ("
									+ String.join(", ", result.skipped()) + ")"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/assignments";
	}

	@GetMapping("/campaigns/{id}/workload")
	String workload(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("workload", this.assignments.workload(id));
		return "outreach/workload";
	}

	@GetMapping("/campaigns/{id}/mine")
	String mine(@PathVariable long id, Principal principal, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("mine", this.assignments.mine(id, principal.getName()));
		return "outreach/mine";
	}

	private Set<String> members(String grouping) {
		if (grouping == null || grouping.isBlank()) {
			return null;
		}
		this.states.findGrouping(grouping)
			.orElseThrow(() -> new InvalidInputException("group", "No group or bloc '" + grouping + "'"));
		Set<String> codes = new HashSet<>();
		for (Membership membership : this.states.membersOf(grouping, LocalDate.now())) {
			codes.add(membership.iso3());
		}
		return codes;
	}

	private static boolean mayAssign(Authentication authentication) {
		return org.plenary.campaigns.Coordinators.coordinates(authentication);
	}

}
