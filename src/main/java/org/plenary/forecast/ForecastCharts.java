package org.plenary.forecast;

import java.util.List;
import java.util.Locale;

import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * The forecast's small SVG pictures, drawn on the server: nothing inline that the pages'
 * Content-Security-Policy would refuse, and the same pictures for a printed brief later.
 */
final class ForecastCharts {

	private static final int WIDTH = 600;

	private static final int HEIGHT = 150;

	private ForecastCharts() {
	}

	/**
	 * The distribution of the Yes count: one bar per count over where the probability
	 * lies, the goal as a dashed line.
	 */
	static String distribution(double[] yes, Integer goal) {
		int low = 0;
		int high = yes.length - 1;
		double cumulative = 0;
		for (int k = 0; k < yes.length; k++) {
			cumulative += yes[k];
			if (cumulative < 0.001) {
				low = k + 1;
			}
			if (cumulative > 0.999) {
				high = k;
				break;
			}
		}
		if (goal != null && goal >= 0 && goal < yes.length) {
			low = Math.min(low, goal);
			high = Math.max(high, goal);
		}
		low = Math.max(0, low - 2);
		high = Math.min(yes.length - 1, high + 2);
		double max = 1e-12;
		for (int k = low; k <= high; k++) {
			max = Math.max(max, yes[k]);
		}
		int bars = high - low + 1;
		double width = (double) WIDTH / bars;
		StringBuilder svg = open("chart distribution", "Probability of each Yes count, from " + low + " to " + high);
		for (int k = low; k <= high; k++) {
			double h = HEIGHT * yes[k] / max;
			boolean reached = goal != null && k >= goal;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%d Yes: %.1f %%</title></rect>",
					reached ? "bar goal-met" : "bar", (k - low) * width, HEIGHT - h, Math.max(0.5, width - 0.5), h, k,
					100 * yes[k]));
		}
		if (goal != null && goal >= low && goal <= high) {
			double x = (goal - low) * width;
			svg.append(String.format(Locale.ROOT,
					"<line class=\"goal-line\" x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\"><title>Goal: %d Yes</title></line>",
					x, x, HEIGHT, goal));
		}
		int step = Math.max(1, (int) Math.ceil(bars / 12.0));
		for (int k = low; k <= high; k += step) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%d</text>",
					(k - low) * width + width / 2, HEIGHT + 14, k));
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * How the forecast moved: P(adoption) as a line on its own scale (0 to 100 %), and
	 * the expected Yes count with its 80 % band; null while there are fewer than two
	 * forecasts to join.
	 */
	static String history(List<CampaignForecasts.Snapshot> snapshots, int members) {
		if (snapshots.size() < 2) {
			// nothing to draw: the page says so in a sentence, not in an empty chart
			return null;
		}
		StringBuilder svg = open("chart trend", "How the forecast moved: P(adoption) and the expected Yes count");
		int n = snapshots.size();
		double top = 1;
		for (CampaignForecasts.Snapshot s : snapshots) {
			top = Math.max(top, s.yesHigh());
		}
		top = Math.min(members, Math.ceil(top * 1.05));
		StringBuilder band = new StringBuilder("<polygon class=\"band\" points=\"");
		for (int i = 0; i < n; i++) {
			band.append(point(i, n, snapshots.get(i).yesHigh() / top));
		}
		for (int i = n - 1; i >= 0; i--) {
			band.append(point(i, n, snapshots.get(i).yesLow() / top));
		}
		svg.append(band).append("\"><title>80 % interval of the Yes count</title></polygon>");
		StringBuilder yes = new StringBuilder("<polyline class=\"line yes\" points=\"");
		StringBuilder adoption = new StringBuilder("<polyline class=\"line adoption\" points=\"");
		for (int i = 0; i < n; i++) {
			yes.append(point(i, n, snapshots.get(i).yes() / top));
			adoption.append(point(i, n, snapshots.get(i).adoption()));
		}
		svg.append(yes).append("\"/>").append(adoption).append("\"/>");
		CampaignForecasts.Snapshot last = snapshots.get(n - 1);
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" class=\"axis end\">now: P(adoption) %.0f %%, %.0f Yes expected</text>",
				WIDTH - 4, HEIGHT + 14, 100 * last.adoption(), last.yes()));
		return svg.append("</svg>").toString();
	}

	/** A state's four probabilities as one thin stacked bar. */
	static String bar(VoteProbabilities p) {
		StringBuilder svg = new StringBuilder(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pbar\" viewBox=\"0 0 100 8\" aria-hidden=\"true\">");
		double x = 0;
		Vote[] order = { Vote.YES, Vote.ABSTAIN, Vote.NO, Vote.NON_VOTING };
		for (Vote vote : order) {
			double w = 100 * p.probability(vote);
			if (w > 0.05) {
				svg.append(String.format(Locale.ROOT,
						"<rect class=\"%s\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"8\"/>", css(vote), x, w));
			}
			x += w;
		}
		return svg.append("</svg>").toString();
	}

	/** The class of a vote's colour: yes, abstain, no, nonvoting. */
	static String css(Vote vote) {
		return switch (vote) {
			case YES -> "yes";
			case NO -> "no";
			case ABSTAIN -> "abstain";
			case NON_VOTING -> "nonvoting";
		};
	}

	/**
	 * A map class for a state's forecast: its most likely vote, strong (at least 80 %) or
	 * not, e.g. {@code fc-yes-strong}.
	 */
	static String mapClass(VoteProbabilities p) {
		Vote likely = p.mostLikely();
		return "fc-" + css(likely) + (p.probability(likely) >= 0.8 ? "-strong" : "-weak");
	}

	/** "Yes 82 %, No 3 %, Abstain 10 %, Non-voting 5 %". */
	static String words(VoteProbabilities p) {
		return String.format(Locale.ROOT, "Yes %.0f %%, No %.0f %%, Abstain %.0f %%, Non-voting %.0f %%", 100 * p.yes(),
				100 * p.no(), 100 * p.abstain(), 100 * p.nonVoting());
	}

	private static String point(int i, int n, double share) {
		double x = WIDTH * i / (double) (n - 1);
		double y = HEIGHT - HEIGHT * Math.max(0, Math.min(1, share));
		return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
	}

	private static StringBuilder open(String css, String label) {
		return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(css)
			.append("\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT + 18)
			.append("\" role=\"img\" aria-label=\"")
			.append(label.replace("\"", "&quot;"))
			.append("\">");
	}

}
