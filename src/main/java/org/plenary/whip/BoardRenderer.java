package org.plenary.whip;

import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders parts of the board outside a request (for live updates): the same fragments the
 * page uses, so that a pushed row looks exactly like a loaded one.
 */
@Component
class BoardRenderer {

	private final SpringTemplateEngine templates;

	private final WhipCount whip;

	private final org.springframework.beans.factory.ObjectProvider<BoardForecast> forecast;

	/** Lets the fragments call beans ({@code @dates}) as they do in a request. */
	private final ThymeleafEvaluationContext beans;

	BoardRenderer(SpringTemplateEngine templates, WhipCount whip,
			org.springframework.beans.factory.ObjectProvider<BoardForecast> forecast, ApplicationContext application) {
		this.templates = templates;
		this.whip = whip;
		this.forecast = forecast;
		this.beans = new ThymeleafEvaluationContext(application, null);
	}

	/**
	 * Rendered updates for a batch of changed members: one board read for all of them.
	 */
	record Update(Map<String, String> rows, String tally, String map, String forecast) {
	}

	Update update(long campaignId, java.util.Collection<String> changed) {
		WhipCount.Board board = this.whip.board(campaignId, null);
		BoardForecast.View forecast = WhipPages.forecastView(campaignId, this.forecast);
		Map<String, String> rows = new java.util.LinkedHashMap<>();
		// the map's new colours travel as data, applied by board.js: refetching the whole
		// map on every change would cost each open board a request and ~100 KB
		StringBuilder map = new StringBuilder();
		for (WhipCount.BoardRow row : board.rows()) {
			if (changed.contains(row.member().iso3())) {
				Map<String, Object> model = new java.util.HashMap<>(Map.of("campaign", board.campaign(), "row", row));
				if (forecast != null) {
					model.put("forecast", forecast);
				}
				rows.put(row.member().iso3(), render("row", model));
				if (row.member().m49() != null) {
					map.append("<i data-m49=\"")
						.append(row.member().m49())
						.append("\" data-stance=\"")
						.append(row.stance().stance().css())
						.append("\" data-title=\"")
						.append(HtmlUtils.htmlEscape(row.member().name() + ": " + row.stance().stance().label()))
						.append("\"></i>");
				}
			}
		}
		Map<String, Object> tallyModel = new java.util.HashMap<>(Map.of("campaign", board.campaign(), "tally",
				board.tally(), "trend", TrendChart.svg(this.whip.trend(campaignId, 200), board.campaign().goalYes())));
		tallyModel.put("ownTally", board.ownTally());
		String tally = render("tally", tallyModel);
		return new Update(rows, tally, map.toString(), (forecast == null) ? null : forecast.panel());
	}

	private String render(String fragment, Map<String, Object> model) {
		Context context = new Context();
		context.setVariables(model);
		context.setVariable("stances", Stance.values());
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, this.beans);
		return this.templates.process("whip/board", Set.of(fragment), context);
	}

}
