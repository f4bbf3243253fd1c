package org.plenary.outreach;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A state's timeline in a campaign, over JSON. */
@RestController
@Tag(name = "Timeline", description = "A state's stances, contacts, opposition activity, co-sponsorship, briefings "
		+ "and follow-ups in a campaign, newest first")
class TimelineApi {

	private final Timeline timeline;

	TimelineApi(Timeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping("/api/v1/campaigns/{id}/states/{iso3}/timeline")
	@Operation(summary = "One member's timeline, newest first (days are UTC days; a briefing not yet scheduled "
			+ "comes first, with no day)")
	Timeline.StateTimeline timeline(@PathVariable long id, @PathVariable String iso3,
			@Parameter(description = "only entries of these kinds (repeat the parameter); none: all") @RequestParam(
					required = false) List<Timeline.Kind> kind) {
		return this.timeline.timeline(id, iso3, kind == null ? Set.of() : Set.copyOf(kind));
	}

}
