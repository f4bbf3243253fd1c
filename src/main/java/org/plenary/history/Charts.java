package org.plenary.history;

import java.util.List;

/**
 * Small SVG charts drawn on the server: no script, nothing inline that the page's
 * Content-Security-Policy would refuse, and the same picture in a PDF later.
 */
final class Charts {

	private Charts() {
	}

	/**
	 * One stacked bar per session: Yes, No, Abstain, Non-voting, as shares of its roll
	 * calls.
	 */
	static String sessions(List<StateRecords.SessionRecord> sessions) {
		int width = Math.max(300, sessions.size() * 12);
		int height = 140;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height + 20)
			.append("\" role=\"img\" aria-label=\"Votes by session: shares of Yes, No, Abstain and Non-voting\">");
		double barWidth = (double) width / Math.max(1, sessions.size());
		for (int i = 0; i < sessions.size(); i++) {
			StateRecords.SessionRecord session = sessions.get(i);
			double total = session.rollCalls();
			double y = 0;
			int[] counts = { session.yes(), session.no(), session.abstain(), session.nonVoting() };
			String[] classes = { "yes", "no", "abstain", "nonvoting" };
			for (int k = 0; k < counts.length; k++) {
				double h = total == 0 ? 0 : height * counts[k] / total;
				if (h > 0) {
					svg.append(String.format(java.util.Locale.ROOT,
							"<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>Session %s: %d %s</title></rect>",
							classes[k], i * barWidth, y, Math.max(1, barWidth - 1), h, escape(session.session()),
							counts[k], classes[k]));
				}
				y += h;
			}
			if (sessions.size() <= 40 || i % 5 == 0) {
				svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>",
						i * barWidth + barWidth / 2, height + 14, escape(session.session())));
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String escape(String text) {
		return text == null ? ""
				: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
