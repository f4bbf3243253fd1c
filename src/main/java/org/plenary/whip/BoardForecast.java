package org.plenary.whip;

import java.util.Map;

/**
 * What the forecast adds to the board: a panel above the table (the probability of
 * adoption and the expected tally) and each member's probabilities in its row. The
 * forecast module provides it; whip cannot depend on forecast (forecast depends on whip),
 * so it asks through this interface. Without a provider the board shows no forecast.
 */
public interface BoardForecast {

	/** The forecast of the campaign as the board shows it, computed once per call. */
	View view(long campaignId);

	/**
	 * @param panel the panel's HTML, rendered and escaped by the provider
	 * @param cells each member's forecast for its row, by ISO3 code
	 */
	record View(String panel, Map<String, Cell> cells) {

		public Cell cell(String iso3) {
			return this.cells.get(iso3);
		}

	}

	/**
	 * One member's forecast in a row.
	 *
	 * @param label its most likely vote and that vote's probability, e.g. "Yes 82 %"
	 * @param css the class that colours it
	 * @param title all four probabilities in words
	 * @param bar an SVG bar of the four probabilities (rendered by the provider)
	 */
	record Cell(String label, String css, String title, String bar) {
	}

}
