package org.plenary.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A small voting history of our own for the forecast's tests: two invented blocs of
 * twelve members that vote against each other on the same six topics every year (each
 * topic keeps its title, as the General Assembly's annual resolutions do), with a few
 * abstentions, defections and absences. Written in the plain layout
 * {@code resolution,date,iso3,vote,title}.
 */
public final class ForecastFixtures {

	public static final List<String> BLOC_A = List.of("USA", "GBR", "FRA", "DEU", "JPN", "CAN", "AUS", "NZL", "NOR",
			"DNK", "NLD", "BEL");

	public static final List<String> BLOC_B = List.of("CUB", "IRN", "SYR", "PRK", "VEN", "NIC", "BLR", "ERI", "LAO",
			"MMR", "ZWE", "BOL");

	static final int TOPICS = 6;

	private ForecastFixtures() {
	}

	/**
	 * The file for the years {@code from} to {@code to}: topic k of year y is voted on
	 * {@code y-10-(10+k)} as {@code A/RES/<session>/<9000+k>}, titled
	 * {@code <prefix> topic k}; bloc A votes Yes on odd topics, bloc B on even ones.
	 */
	public static Path write(Path folder, String name, String prefix, int from, int to, long seed) throws IOException {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder("resolution,date,iso3,vote,title\n");
		for (int year = from; year <= to; year++) {
			for (int k = 1; k <= TOPICS; k++) {
				String symbol = symbol(year, k);
				String date = year + "-10-" + (10 + k);
				for (String iso3 : BLOC_A) {
					row(csv, symbol, date, iso3, vote(random, k % 2 == 1), prefix + " topic " + k);
				}
				for (String iso3 : BLOC_B) {
					row(csv, symbol, date, iso3, vote(random, k % 2 == 0), prefix + " topic " + k);
				}
			}
		}
		return Files.writeString(folder.resolve(name), csv);
	}

	/** The symbol of topic k in a year's session. */
	public static String symbol(int year, int k) {
		return "A/RES/" + (year - 1945 + 1) + "/" + (9000 + k);
	}

	private static void row(StringBuilder csv, String symbol, String date, String iso3, String vote, String title) {
		csv.append(symbol).append(',').append(date).append(',').append(iso3).append(',').append(vote).append(',');
		csv.append(title).append('\n');
	}

	/** Mostly the bloc's line; sometimes an abstention, a defection or an absence. */
	private static String vote(Random random, boolean yes) {
		double draw = random.nextDouble();
		if (draw < 0.05) {
			return "X";
		}
		if (draw < 0.12) {
			return "A";
		}
		if (draw < 0.15) {
			return yes ? "N" : "Y";
		}
		return yes ? "Y" : "N";
	}

}
