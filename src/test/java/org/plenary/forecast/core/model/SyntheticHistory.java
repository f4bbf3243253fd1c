package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.plenary.forecast.core.tally.Vote;

/**
 * A small voting history of our own for the core's backtests: 40 states in two blocs vote
 * every October from {@code from} to {@code to} on the same eight resolutions (same
 * titles, symbols {@code A/RES/<session>/<topic + 1>}), each vote with its own shared
 * shift towards Yes and a few absences, so that the forecast has something to learn and
 * something it cannot know.
 */
final class SyntheticHistory {

	static final int STATES = 40;

	static final int TOPICS = 8;

	final List<String> states = new ArrayList<>();

	final Map<String, String> groups = new HashMap<>();

	final PastVotes history;

	SyntheticHistory(int from, int to, long seed) {
		for (int i = 0; i < STATES; i++) {
			String iso3 = String.format("T%02d", i);
			this.states.add(iso3);
			this.groups.put(iso3, (i < STATES / 2) ? "WEOG" : "GRULAC");
		}
		Random random = new Random(seed);
		double[] position = new double[STATES];
		for (int i = 0; i < STATES; i++) {
			position[i] = ((i < STATES / 2) ? 1 : -1) + 0.4 * random.nextGaussian();
		}
		double[] direction = new double[TOPICS];
		double[] level = new double[TOPICS];
		for (int t = 0; t < TOPICS; t++) {
			direction[t] = (t % 2 == 0) ? 3 : -2.5;
			level[t] = 0.5 * random.nextGaussian();
		}
		PastVotes.Builder builder = PastVotes.builder(this.states);
		for (int year = from; year <= to; year++) {
			for (int t = 0; t < TOPICS; t++) {
				double shift = 0.6 * random.nextGaussian();
				Map<String, Vote> votes = new LinkedHashMap<>();
				for (int i = 0; i < STATES; i++) {
					if (random.nextDouble() < 0.05) {
						votes.put(this.states.get(i), Vote.NON_VOTING);
						continue;
					}
					double u = random.nextDouble();
					double z = direction[t] * position[i] + level[t] + shift + 0.5 * Math.log(u / (1 - u));
					votes.put(this.states.get(i), (z > 0.6) ? Vote.YES : (z < -0.6) ? Vote.NO : Vote.ABSTAIN);
				}
				builder.add(year * 100L + t, LocalDate.of(year, 10, 1 + 2 * t), symbol(year, t), "Topic " + t, votes);
			}
		}
		this.history = builder.build();
	}

	static String symbol(int year, int topic) {
		return "A/RES/" + (year - 1945 + 1) + "/" + (topic + 1);
	}

	/** A forecaster over the history, every state seated every day. */
	TargetForecaster forecaster() {
		return new TargetForecaster(this.history, (day) -> this.states, (day) -> Groupings.regional(this.groups),
				ModelSettings.defaults().withScenarios(13).withWindowYears(5));
	}

	/** The actual votes of a roll call, in the order of the members. */
	List<Vote> actual(int rollCall, List<String> members) {
		List<Vote> actual = new ArrayList<>();
		for (String iso3 : members) {
			Vote vote = this.history.vote(rollCall, this.history.stateIndex(iso3));
			actual.add((vote == null) ? Vote.NON_VOTING : vote);
		}
		return actual;
	}

}
