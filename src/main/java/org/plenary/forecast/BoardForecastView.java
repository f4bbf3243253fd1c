package org.plenary.forecast;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.plenary.whip.BoardForecast;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.stereotype.Component;

/**
 * The forecast on the whip board: the panel above the table and each member's
 * probabilities in its row, rendered from the same fragment as the forecast page's panel.
 * The whip module pushes them to open boards with every change.
 */
@Component
class BoardForecastView implements BoardForecast {

	private final CampaignForecasts forecasts;

	private final SpringTemplateEngine templates;

	BoardForecastView(CampaignForecasts forecasts, SpringTemplateEngine templates) {
		this.forecasts = forecasts;
		this.templates = templates;
	}

	@Override
	public View view(long campaignId) {
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		Map<String, Cell> cells = new HashMap<>();
		if (forecast.ready()) {
			for (CampaignForecast.StateForecast state : forecast.states()) {
				var p = state.probabilities();
				var likely = p.mostLikely();
				cells.put(state.iso3(),
						new Cell(String.format(Locale.ROOT, "%s %.0f %%", likely.label(), 100 * p.probability(likely)),
								"fc-" + ForecastCharts.css(likely), ForecastCharts.words(p), ForecastCharts.bar(p)));
			}
		}
		Context context = new Context(Locale.ROOT);
		context.setVariable("forecast", forecast);
		context.setVariable("campaignId", campaignId);
		String panel = this.templates.process("forecast/forecast", Set.of("panel"), context);
		return new View(panel, cells);
	}

}
