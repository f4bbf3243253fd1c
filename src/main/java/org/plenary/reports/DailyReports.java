package org.plenary.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.plenary.audit.AuditTrail;
import org.plenary.campaigns.Campaign;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.FollowUps;
import org.plenary.outreach.Opposition;
import org.plenary.outreach.OppositionActivity;
import org.plenary.whip.AskDistance;
import org.plenary.whip.Stance;
import org.plenary.whip.Tally;
import org.plenary.whip.WhipCount;

import org.springframework.stereotype.Service;

/**
 * The daily whip report, for a minister: the tally and the forecast now and 24 hours ago,
 * the map, the states that moved, commitments gained and lost, overdue follow-ups, the
 * opposition's activity of the last week and where the next calls are worth most. The
 * same report makes the page and the PDF.
 */
@Service
public class DailyReports {

	/** The report's window: what changed in the last day. */
	static final Duration DAY = Duration.ofHours(24);

	/** How far back the opposition's activity is reported. */
	static final int OPPOSITION_DAYS = 7;

	static final int TARGETS = 10;

	/** A state whose read changed in the window. */
	public record Movement(String iso3, String name, Integer m49, Stance before, Stance now, String recordedBy,
			Instant recordedAt) {
	}

	/**
	 * The report.
	 *
	 * @param since 24 hours before {@code at}
	 * @param before the tally at {@code since}
	 * @param forecast the forecast now (null: none)
	 * @param forecastBefore the forecast as it stood at {@code since} (null: none then)
	 * @param gained reads now a commitment (a firm read at our ask, or moved toward it)
	 * that were not before
	 * @param lost commitments at our ask that are no longer
	 * @param firmAgainst reads now firm but no commitment (the other side's firm No, a
	 * firm Abstain when we ask Yes): reported apart, never counted as ours
	 */
	public record DailyReport(Campaign campaign, Instant at, Instant since, WhipCount.Board board, Tally before,
			CampaignForecast.Headline forecast, CampaignForecasts.Snapshot forecastBefore, String forecastMessage,
			List<Movement> moved, List<Movement> gained, List<Movement> lost, List<Movement> firmAgainst,
			List<FollowUp> overdue, List<OppositionActivity> opposition, List<CampaignForecast.Call> targets) {

		public Tally tally() {
			return this.board.tally();
		}

	}

	private final WhipCount whip;

	private final CampaignForecasts forecasts;

	private final FollowUps followUps;

	private final Opposition opposition;

	private final AuditTrail audit;

	DailyReports(WhipCount whip, CampaignForecasts forecasts, FollowUps followUps, Opposition opposition,
			AuditTrail audit) {
		this.whip = whip;
		this.forecasts = forecasts;
		this.followUps = followUps;
		this.opposition = opposition;
		this.audit = audit;
	}

	/** The report as of now. */
	public DailyReport report(long campaignId) {
		Instant at = Instant.now();
		Instant since = at.minus(DAY);
		WhipCount.Board board = this.whip.board(campaignId, since);
		Tally before = this.whip.tallyAt(campaignId, since);
		List<Movement> moved = new ArrayList<>();
		List<Movement> gained = new ArrayList<>();
		List<Movement> lost = new ArrayList<>();
		List<Movement> firmAgainst = new ArrayList<>();
		Campaign.Ask ask = board.campaign().ask();
		for (WhipCount.BoardRow row : board.rows()) {
			if (!row.moved()) {
				continue;
			}
			Movement movement = new Movement(row.member().iso3(), row.member().name(), row.member().m49(), row.before(),
					row.stance().stance(), row.stance().recordedBy(), row.stance().recordedAt());
			moved.add(movement);
			Stance now = row.stance().stance();
			if (AskDistance.commitment(ask, row.before(), now)) {
				gained.add(movement);
			}
			else if (AskDistance.firmAgainst(ask, row.before(), now)) {
				firmAgainst.add(movement);
			}
			if (AskDistance.commitmentLost(ask, row.before(), now)) {
				lost.add(movement);
			}
		}
		moved.sort(Comparator.comparing(Movement::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		CampaignForecasts.Snapshot forecastBefore = this.forecasts.snapshotAt(campaignId, since).orElse(null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<FollowUp> overdue = this.followUps.followUps(campaignId,
				new FollowUps.FollowUpFilter(FollowUp.Status.OPEN, FollowUps.Due.OVERDUE, null, null, 100), today);
		List<OppositionActivity> activity = this.opposition.activities(campaignId, Opposition.Filter.all())
			.stream()
			.filter((a) -> !a.occurredOn().isBefore(today.minusDays(OPPOSITION_DAYS)))
			.toList();
		DailyReport report = new DailyReport(board.campaign(), at, since, board, before, forecast.headline(),
				forecastBefore, forecast.ready() ? null : forecast.message(), moved, gained, lost, firmAgainst, overdue,
				activity, forecast.ready() ? forecast.calls(TARGETS) : List.of());
		this.audit.record("DAILY_REPORT", "campaign " + campaignId,
				moved.size() + " moved, " + overdue.size() + " overdue follow-ups");
		return report;
	}

}
