package org.plenary.whip;

import java.util.List;
import java.util.Locale;

/**
 * The projection over time as a small SVG line chart: Yes, No and Abstain, and the goal.
 */
final class TrendChart {

	private static final int WIDTH = 600;

	private static final int HEIGHT = 160;

	private TrendChart() {
	}

	static String svg(List<WhipCount.TrendPoint> points, Integer goal) {
		StringBuilder svg = new StringBuilder(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart trend\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT + 16)
			.append("\" role=\"img\" aria-label=\"Projected Yes, No and Abstain after each change\">");
		if (points.size() < 2) {
			return svg
				.append("<text x=\"10\" y=\"20\" class=\"axis\">The trend appears after a few changes.</text></svg>")
				.toString();
		}
		int max = 1;
		for (WhipCount.TrendPoint point : points) {
			max = Math.max(max, Math.max(point.yes(), Math.max(point.no(), point.abstain())));
		}
		if (goal != null) {
			max = Math.max(max, goal);
		}
		line(svg, points, max, "yes", WhipCount.TrendPoint::yes);
		line(svg, points, max, "no", WhipCount.TrendPoint::no);
		line(svg, points, max, "abstain", WhipCount.TrendPoint::abstain);
		if (goal != null) {
			double y = HEIGHT - HEIGHT * goal / (double) max;
			svg.append(String.format(Locale.ROOT,
					"<line class=\"goal-line\" x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"><title>Goal: %d Yes</title></line>",
					WIDTH, y, y, goal));
		}
		WhipCount.TrendPoint last = points.get(points.size() - 1);
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis end\">now: %d-%d-%d</text>",
				WIDTH - 4, HEIGHT + 13, last.yes(), last.no(), last.abstain()));
		return svg.append("</svg>").toString();
	}

	private static void line(StringBuilder svg, List<WhipCount.TrendPoint> points, int max, String css,
			java.util.function.ToIntFunction<WhipCount.TrendPoint> value) {
		svg.append("<polyline class=\"line ").append(css).append("\" points=\"");
		for (int i = 0; i < points.size(); i++) {
			double x = WIDTH * i / (double) (points.size() - 1);
			double y = HEIGHT - HEIGHT * value.applyAsInt(points.get(i)) / (double) max;
			svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		svg.append("\"/>");
	}

}
