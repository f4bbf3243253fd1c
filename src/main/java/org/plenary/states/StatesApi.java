package org.plenary.states;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "States", description = "Member states, observers, former members, regional groups and blocs")
class StatesApi {

	private final MemberStates states;

	private final StateNameResolver resolver;

	StatesApi(MemberStates states, StateNameResolver resolver) {
		this.states = states;
		this.resolver = resolver;
	}

	@GetMapping("/states")
	@Operation(summary = "List states: members and observers by default")
	List<MemberState> list(
			@Parameter(description = "code of a regional group or bloc, e.g. EU or AFRICAN") @RequestParam(
					required = false) String grouping,
			@Parameter(description = "part of a name, or a code") @RequestParam(required = false) String q,
			@Parameter(description = "statuses to include") @RequestParam(required = false) Set<StateStatus> status) {
		return this.states.list(
				new MemberStates.StateFilter(status == null ? EnumSet.noneOf(StateStatus.class) : status, grouping, q));
	}

	@GetMapping("/states/{iso3}")
	@Operation(summary = "One state with its names, groups and blocs")
	StateProfile state(@PathVariable String iso3) {
		return this.states.profile(iso3);
	}

	@GetMapping("/groupings")
	@Operation(summary = "Regional groups and blocs, with the source of each list")
	List<Grouping> groupings() {
		return this.states.groupings();
	}

	@GetMapping("/groupings/{code}/members")
	@Operation(summary = "The members of a regional group or bloc on a day (today by default)")
	List<Membership> members(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		this.states.findGrouping(code)
			.orElseThrow(() -> new org.plenary.system.NotFoundException("No regional group or bloc '" + code + "'"));
		return this.states.membersOf(code, on == null ? LocalDate.now() : on);
	}

	@GetMapping("/states/resolve")
	@Operation(summary = "Which state a name or code from UN data means (on a date, for names that changed hands)")
	StateNameResolver.Resolution resolve(@RequestParam String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return this.resolver.resolve(name, on);
	}

}
