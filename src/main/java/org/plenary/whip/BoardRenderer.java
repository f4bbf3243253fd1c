package org.plenary.whip;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders parts of the board outside a request (for live updates): the same fragments the
 * page uses, so that a pushed row looks exactly like a loaded one.
 */
@Component
class BoardRenderer {

	private final SpringTemplateEngine templates;

	private final WhipCount whip;

	BoardRenderer(SpringTemplateEngine templates, WhipCount whip) {
		this.templates = templates;
		this.whip = whip;
	}

	/**
	 * Rendered updates for a batch of changed members: one board read for all of them.
	 */
	record Update(Map<String, String> rows, String tally) {
	}

	Update update(long campaignId, java.util.Collection<String> changed) {
		WhipCount.Board board = this.whip.board(campaignId, null);
		Map<String, String> rows = new java.util.LinkedHashMap<>();
		for (WhipCount.BoardRow row : board.rows()) {
			if (changed.contains(row.member().iso3())) {
				rows.put(row.member().iso3(), render("row", Map.of("campaign", board.campaign(), "row", row)));
			}
		}
		String tally = render("tally", Map.of("campaign", board.campaign(), "tally", board.tally(), "trend",
				TrendChart.svg(this.whip.trend(campaignId, 200), board.campaign().goalYes())));
		return new Update(rows, tally);
	}

	private String render(String fragment, Map<String, Object> model) {
		Context context = new Context();
		context.setVariables(model);
		context.setVariable("stances", Stance.values());
		return this.templates.process("whip/board", Set.of(fragment), context);
	}

}
