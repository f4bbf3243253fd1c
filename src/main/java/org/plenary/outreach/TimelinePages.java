package org.plenary.outreach;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A state's timeline in a campaign, one page that works on a phone. */
@Controller
class TimelinePages {

	private final Timeline timeline;

	TimelinePages(Timeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping("/campaigns/{id}/states/{iso3}/timeline")
	String timeline(@PathVariable long id, @PathVariable String iso3,
			@RequestParam(required = false) List<Timeline.Kind> kind, Model model) {
		Set<Timeline.Kind> kinds = (kind == null || kind.isEmpty()) ? EnumSet.noneOf(Timeline.Kind.class)
				: EnumSet.copyOf(kind);
		Timeline.StateTimeline timeline = this.timeline.timeline(id, iso3, kinds);
		model.addAttribute("timeline", timeline);
		model.addAttribute("campaign", timeline.campaign());
		model.addAttribute("kinds", Timeline.Kind.values());
		model.addAttribute("selected", kinds.isEmpty() ? EnumSet.allOf(Timeline.Kind.class) : kinds);
		model.addAttribute("filtered", !kinds.isEmpty() && kinds.size() < Timeline.Kind.values().length);
		model.addAttribute("today", FollowUps.today(timeline.campaign()));
		return "outreach/timeline";
	}

}
