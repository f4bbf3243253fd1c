package org.plenary.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.plenary.campaigns.VoteCount;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.whip.Tally;

/**
 * The daily report's numbers in words, the same on the page and in the PDF: each count
 * with its change since yesterday ("Yes 98 (+3)"), the forecast with its change.
 */
final class DailyReportText {

	private DailyReportText() {
	}

	static List<String> countLines(DailyReports.DailyReport report) {
		Tally now = report.tally();
		Tally before = report.before();
		VoteCount count = now.projected();
		VoteCount then = before.projected();
		List<String> lines = new ArrayList<>();
		lines.add("Projected from our reads: Yes " + count.yes() + change(count.yes() - then.yes()) + " · No "
				+ count.no() + change(count.no() - then.no()) + " · Abstain " + count.abstain()
				+ change(count.abstain() - then.abstain()) + " · Non-voting " + count.nonVoting()
				+ change(count.nonVoting() - then.nonVoting()) + " · Open " + now.open()
				+ change(now.open() - before.open()));
		if (now.everyMemberRead()) {
			String verdict = now.decision().adopted() ? "Adopted" : "Not adopted";
			String verdictBefore = !before.everyMemberRead() ? "some members not yet read"
					: before.decision().adopted() ? "adopted" : "not adopted";
			lines.add(verdict + " on these reads (" + yesterday(report) + ": " + verdictBefore + "). "
					+ now.decision().explanation());
		}
		else {
			// a handful of reads is no verdict: the forecast's lines give it
			lines.add(now.open() + " of the members not yet read: the reads alone give no verdict; the forecast does.");
		}
		if (now.goalYes() != null) {
			lines.add("Goal: " + now.goalYes() + " Yes; " + now.goalPercent() + " % of the way.");
		}
		return lines;
	}

	/** The day the report compares with: yesterday, or the day before the vote day. */
	private static String yesterday(DailyReports.DailyReport report) {
		return report.votePast() ? "the day before" : "yesterday";
	}

	static List<String> forecastLines(DailyReports.DailyReport report) {
		CampaignForecast.Headline now = report.forecast();
		if (now == null) {
			return List.of((report.forecastMessage() != null) ? report.forecastMessage() : "No forecast yet.");
		}
		CampaignForecasts.Snapshot before = report.forecastBefore();
		List<String> lines = new ArrayList<>();
		lines.add("P(adoption) " + percent(now.adoption())
				+ ((before != null) ? " (" + yesterday(report) + " " + percent(before.adoption()) + ")"
						: " (no forecast " + yesterday(report) + ")"));
		lines.add(String.format(Locale.ROOT, "Yes expected %.0f (80 %%: %d–%d)", now.yes(), now.yesLow(), now.yesHigh())
				+ ((before != null) ? String.format(Locale.ROOT, ", %s %.0f", yesterday(report), before.yes()) : "")
				+ String.format(Locale.ROOT, " · No %.0f (%d–%d) · Abstain %.0f · Non-voting %.0f", now.no(),
						now.noLow(), now.noHigh(), now.abstain(), now.nonVoting()));
		return lines;
	}

	/** States with the read they moved to (gained) or from (lost). */
	static String movements(List<DailyReports.Movement> movements, boolean gained) {
		if (movements.isEmpty()) {
			return "none";
		}
		return movements.stream()
			.map((m) -> m.name() + " (" + (gained ? m.now() : m.before()).label() + ")")
			.collect(Collectors.joining(", "));
	}

	/** A change as "(+3)", "(−1)", or nothing when there is none. */
	static String change(int delta) {
		if (delta == 0) {
			return "";
		}
		return (delta > 0) ? " (+" + delta + ")" : " (−" + (-delta) + ")";
	}

	static String percent(double p) {
		if (p > 0.995) {
			return "> 99 %";
		}
		if (p < 0.005) {
			return "< 1 %";
		}
		return String.format(Locale.ROOT, "%.0f %%", 100 * p);
	}

	/** A gain in probability as percentage points: "+4.2 pts". */
	static String points(double gain) {
		return String.format(Locale.ROOT, "%+.1f pts", 100 * gain);
	}

}
