package org.plenary.reports;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.plenary.campaigns.Visibility;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.OppositionActivity;
import org.plenary.whip.Tally;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The campaign's talking points and its daily report through the API. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Reports")
class ReportsApi {

	private final TalkingPoints talkingPoints;

	private final DailyReports dailyReports;

	ReportsApi(TalkingPoints talkingPoints, DailyReports dailyReports) {
		this.talkingPoints = talkingPoints;
		this.dailyReports = dailyReports;
	}

	/**
	 * A talking point to write: for one state ({@code iso3}), a grouping
	 * ({@code grouping}, e.g. AU) or every member (neither); seen by the COALITION
	 * (default) or your ORGANISATION only.
	 */
	record TalkingPointBody(String iso3, String grouping, String body, String visibility) {
	}

	@GetMapping("/talking-points")
	@Operation(summary = "The campaign's talking points that you may see")
	List<TalkingPoints.TalkingPoint> talkingPoints(@PathVariable long id) {
		return this.talkingPoints.all(id);
	}

	@PostMapping("/talking-points")
	@PreAuthorize("hasRole('WHIP')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a talking point (the same point for the same states twice is stored once)")
	TalkingPoints.TalkingPoint write(@PathVariable long id, @RequestBody TalkingPointBody body, Principal principal) {
		return this.talkingPoints.write(id, new TalkingPoints.Write(body.iso3(), body.grouping(), body.body(),
				Visibility.parse(body.visibility(), Visibility.COALITION)), principal.getName());
	}

	@DeleteMapping("/talking-points/{point}")
	@PreAuthorize("hasRole('WHIP')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a talking point your organisation wrote")
	void remove(@PathVariable long id, @PathVariable long point) {
		this.talkingPoints.remove(id, point);
	}

	/** The daily report without the board's rows (the board has its own endpoint). */
	record DailyReportView(Instant at, Instant since, Tally tally, Tally yesterday, CampaignForecast.Headline forecast,
			CampaignForecasts.Snapshot forecastYesterday, String forecastMessage, List<DailyReports.Movement> moved,
			List<DailyReports.Movement> commitmentsGained, List<DailyReports.Movement> commitmentsLost,
			List<DailyReports.Movement> firmAgainst, List<FollowUp> overdueFollowUps,
			List<OppositionActivity> opposition, List<CampaignForecast.Call> targets, String targetsObjective,
			boolean votePast, String window) {
	}

	@GetMapping("/daily-report")
	@Operation(summary = "The daily whip report: the tally and forecast now and 24 hours ago, the states that moved, "
			+ "commitments gained and lost (firm reads in the direction of our ask), reads now firm against our ask, "
			+ "overdue follow-ups, the last week's opposition activity, the targeting list")
	DailyReportView daily(@PathVariable long id) {
		DailyReports.DailyReport report = this.dailyReports.report(id);
		return new DailyReportView(report.at(), report.since(), report.tally(), report.before(), report.forecast(),
				report.forecastBefore(), report.forecastMessage(), report.moved(), report.gained(), report.lost(),
				report.firmAgainst(), report.overdue(), report.opposition(), report.targets(), report.objective(),
				report.votePast(), report.window());
	}

}
