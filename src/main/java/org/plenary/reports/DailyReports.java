package org.plenary.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.plenary.whip.StanceChange;
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

	static final java.time.format.DateTimeFormatter DAY_FORMAT = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

	/** A state whose read changed in the window. */
	public record Movement(String iso3, String name, Integer m49, Stance before, Stance now, String recordedBy,
			Instant recordedAt) {
	}

	/**
	 * The report.
	 *
	 * @param at the end of the report's day: now, or the end of the vote day once it is
	 * past
	 * @param since 24 hours before {@code at}
	 * @param votePast whether the campaign's vote day is past (the report is of that day)
	 * @param count the tally at {@code at}
	 * @param before the tally at {@code since}
	 * @param forecast the forecast now (null: none)
	 * @param forecastBefore the forecast as it stood at {@code since} (null: none then)
	 * @param gained reads now a commitment (a firm read at our ask, or moved toward it)
	 * that were not before
	 * @param lost commitments at our ask that are no longer
	 * @param objective what the targets are ranked toward, in words (null: no forecast)
	 * @param gainShown whether the targets' probability gain carries information (not
	 * once the objective is the margin)
	 * @param firmAgainst reads now firm but no commitment (the other side's firm No, a
	 * firm Abstain when we ask Yes): reported apart, never counted as ours
	 */
	public record DailyReport(Campaign campaign, Instant at, Instant since, boolean votePast, WhipCount.Board board,
			Tally count, Tally before, CampaignForecast.Headline forecast, CampaignForecasts.Snapshot forecastBefore,
			String forecastMessage, List<Movement> moved, List<Movement> gained, List<Movement> lost,
			List<Movement> firmAgainst, List<FollowUp> overdue, List<OppositionActivity> opposition,
			List<CampaignForecast.Call> targets, String objective, boolean gainShown) {

		public Tally tally() {
			return this.count;
		}

		/** What the report's window is, in words. */
		public String window() {
			return this.votePast
					? "the vote day, " + DAY_FORMAT.format(this.campaign.voteOn())
							+ " (the vote is past): changes in its last 24 hours"
					: "changes since the same time yesterday";
		}

		/** The heading of the opposition's activity. */
		public String oppositionHeading() {
			return "Opposition activity, " + (this.votePast ? "the " + OPPOSITION_DAYS + " days up to the vote"
					: "last " + OPPOSITION_DAYS + " days") + " (" + this.opposition.size() + ")";
		}

		/** What to say when no follow-up is overdue. */
		public String noneOverdue() {
			return this.votePast ? "None: no follow-up is due once the vote is past." : "None.";
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

	/**
	 * The report as of now; for a campaign whose vote day is past, as of the end of the
	 * vote day: what moved that day and the opposition's week before the vote, not an
	 * empty window counted from today.
	 */
	public DailyReport report(long campaignId) {
		Instant now = Instant.now();
		WhipCount.Board board = this.whip.board(campaignId, now.minus(DAY));
		LocalDate voteOn = board.campaign().voteOn();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		boolean votePast = voteOn != null && voteOn.isBefore(today);
		Instant at = votePast ? voteOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : now;
		Instant since = at.minus(DAY);
		if (votePast) {
			board = this.whip.board(campaignId, since);
		}
		Tally count = votePast ? this.whip.tallyAt(campaignId, at) : board.tally();
		Tally before = this.whip.tallyAt(campaignId, since);
		List<Movement> moved = votePast ? movedBetween(campaignId, board, since, at) : movedSince(board);
		List<Movement> gained = new ArrayList<>();
		List<Movement> lost = new ArrayList<>();
		List<Movement> firmAgainst = new ArrayList<>();
		Campaign.Ask ask = board.campaign().ask();
		for (Movement movement : moved) {
			if (AskDistance.commitment(ask, movement.before(), movement.now())) {
				gained.add(movement);
			}
			else if (AskDistance.firmAgainst(ask, movement.before(), movement.now())) {
				firmAgainst.add(movement);
			}
			if (AskDistance.commitmentLost(ask, movement.before(), movement.now())) {
				lost.add(movement);
			}
		}
		moved.sort(Comparator.comparing(Movement::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		CampaignForecasts.Snapshot forecastBefore = this.forecasts.snapshotAt(campaignId, since).orElse(null);
		// once the vote is past no follow-up is due any more
		List<FollowUp> overdue = votePast ? List.of() : this.followUps.followUps(campaignId,
				new FollowUps.FollowUpFilter(FollowUp.Status.OPEN, FollowUps.Due.OVERDUE, null, null, 100), today);
		LocalDate reportDay = votePast ? voteOn : today;
		List<OppositionActivity> activity = this.opposition.activities(campaignId, Opposition.Filter.all())
			.stream()
			.filter((a) -> !a.occurredOn().isBefore(reportDay.minusDays(OPPOSITION_DAYS))
					&& !a.occurredOn().isAfter(reportDay))
			.toList();
		DailyReport report = new DailyReport(board.campaign(), at, since, votePast, board, count, before,
				forecast.headline(), forecastBefore, forecast.ready() ? null : forecast.message(), moved, gained, lost,
				firmAgainst, overdue, activity, forecast.ready() ? forecast.calls(TARGETS) : List.of(),
				forecast.ready() ? forecast.objectiveWords() : null, forecast.ready() && forecast.targetsGainShown());
		this.audit.record("DAILY_REPORT", "campaign " + campaignId,
				moved.size() + " moved, " + overdue.size() + " overdue follow-ups");
		return report;
	}

	/** The rows of the board whose read changed since its comparison instant. */
	private static List<Movement> movedSince(WhipCount.Board board) {
		List<Movement> moved = new ArrayList<>();
		for (WhipCount.BoardRow row : board.rows()) {
			if (row.moved()) {
				moved.add(new Movement(row.member().iso3(), row.member().name(), row.member().m49(), row.before(),
						row.stance().stance(), row.stance().recordedBy(), row.stance().recordedAt()));
			}
		}
		return moved;
	}

	/**
	 * The members whose read at {@code at} differs from their read at {@code since}, from
	 * the history of changes: each with the last change of the window.
	 */
	private List<Movement> movedBetween(long campaignId, WhipCount.Board board, Instant since, Instant at) {
		Map<String, Stance> before = new HashMap<>();
		Map<String, StanceChange> last = new HashMap<>();
		for (StanceChange change : this.whip.changes(campaignId)) {
			if (!change.recordedAt().isAfter(since)) {
				before.put(change.iso3(), change.to());
			}
			else if (!change.recordedAt().isAfter(at)) {
				last.put(change.iso3(), change);
			}
		}
		List<Movement> moved = new ArrayList<>();
		for (WhipCount.BoardRow row : board.rows()) {
			StanceChange change = last.get(row.member().iso3());
			Stance then = before.getOrDefault(row.member().iso3(), Stance.UNKNOWN);
			if (change != null && change.to() != then) {
				moved.add(new Movement(row.member().iso3(), row.member().name(), row.member().m49(), then, change.to(),
						change.recordedBy(), change.recordedAt()));
			}
		}
		return moved;
	}

}
