package org.plenary.reports;

import java.security.Principal;

import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Visibility;
import org.plenary.states.MemberStates;
import org.plenary.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reports' pages: choosing call sheets, the campaign's talking points, and the daily
 * whip report (its PDF is a link away).
 */
@Controller
class ReportPages {

	private final Campaigns campaigns;

	private final TalkingPoints talkingPoints;

	private final DailyReports dailyReports;

	private final MemberStates states;

	ReportPages(Campaigns campaigns, TalkingPoints talkingPoints, DailyReports dailyReports, MemberStates states) {
		this.campaigns = campaigns;
		this.talkingPoints = talkingPoints;
		this.dailyReports = dailyReports;
		this.states = states;
	}

	@GetMapping("/campaigns/{id}/call-sheets")
	String callSheets(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("members", this.campaigns.members(id));
		return "reports/call-sheets";
	}

	@GetMapping("/campaigns/{id}/talking-points")
	String talkingPoints(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("points", this.talkingPoints.all(id));
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("groupings", this.states.groupings());
		return "reports/talking-points";
	}

	@PostMapping("/campaigns/{id}/talking-points")
	@PreAuthorize("hasRole('WHIP')")
	String write(@PathVariable long id, @RequestParam(required = false) String scope, @RequestParam String body,
			@RequestParam(defaultValue = "COALITION") String visibility, Principal principal,
			RedirectAttributes redirect) {
		try {
			String iso3 = null;
			String grouping = null;
			if (scope != null && scope.startsWith("state:")) {
				iso3 = scope.substring("state:".length());
			}
			else if (scope != null && scope.startsWith("group:")) {
				grouping = scope.substring("group:".length());
			}
			this.talkingPoints.write(id,
					new TalkingPoints.Write(iso3, grouping, body, Visibility.parse(visibility, Visibility.COALITION)),
					principal.getName());
			redirect.addFlashAttribute("notice", "Talking point saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("body", body);
		}
		return "redirect:/campaigns/" + id + "/talking-points";
	}

	@PostMapping("/campaigns/{id}/talking-points/{point}/remove")
	@PreAuthorize("hasRole('WHIP')")
	String remove(@PathVariable long id, @PathVariable long point, RedirectAttributes redirect) {
		this.talkingPoints.remove(id, point);
		redirect.addFlashAttribute("notice", "Talking point removed");
		return "redirect:/campaigns/" + id + "/talking-points";
	}

	/** A line of the targeting list, in words. */
	record TargetLine(String name, String ask, String yes, String gain, String reason) {
	}

	@GetMapping("/campaigns/{id}/daily")
	String daily(@PathVariable long id, Model model) {
		DailyReports.DailyReport report = this.dailyReports.report(id);
		model.addAttribute("campaign", report.campaign());
		model.addAttribute("report", report);
		model.addAttribute("countLines", DailyReportText.countLines(report));
		model.addAttribute("forecastLines", DailyReportText.forecastLines(report));
		model.addAttribute("gained", DailyReportText.movements(report.gained(), true));
		model.addAttribute("lost", DailyReportText.movements(report.lost(), false));
		model.addAttribute("firmAgainst", DailyReportText.movements(report.firmAgainst(), true));
		model.addAttribute("map", report.board().map());
		model.addAttribute("targets",
				report.targets()
					.stream()
					.map((t) -> new TargetLine(t.name(), t.ask(), DailyReportText.percent(t.yes()),
							DailyReportText.points(t.objectiveGain()), t.why()))
					.toList());
		return "reports/daily";
	}

}
