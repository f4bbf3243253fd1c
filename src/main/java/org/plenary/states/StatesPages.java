package org.plenary.states;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of all states (filter by group, bloc and name) and one state's page. */
@Controller
class StatesPages {

	private final MemberStates states;

	StatesPages(MemberStates states) {
		this.states = states;
	}

	/**
	 * The full page, or with {@code HX-Request} only the table, so that the filter form
	 * can refresh the list as the user types.
	 */
	@GetMapping("/states")
	String list(@RequestParam(required = false) String group, @RequestParam(required = false) String bloc,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean former,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Set<StateStatus> statuses = former ? EnumSet.allOf(StateStatus.class)
				: EnumSet.of(StateStatus.MEMBER, StateStatus.OBSERVER);
		String grouping = (group != null && !group.isBlank()) ? group : bloc;
		var filtered = this.states.list(new MemberStates.StateFilter(statuses, grouping, q));
		if (group != null && !group.isBlank() && bloc != null && !bloc.isBlank()) {
			var inBloc = this.states.list(new MemberStates.StateFilter(statuses, bloc, q))
				.stream()
				.map(MemberState::iso3)
				.toList();
			filtered = filtered.stream().filter((s) -> inBloc.contains(s.iso3())).toList();
		}
		model.addAttribute("states", filtered);
		model.addAttribute("groupings", this.states.groupings());
		model.addAttribute("regionalGroups", this.states.regionalGroupNames());
		model.addAttribute("group", group);
		model.addAttribute("bloc", bloc);
		model.addAttribute("q", q);
		model.addAttribute("former", former);
		return (htmx != null) ? "states/list :: results" : "states/list";
	}

	@GetMapping("/states/{iso3}")
	String state(@PathVariable String iso3, Model model) {
		model.addAttribute("profile", this.states.profile(iso3));
		return "states/state";
	}

}
