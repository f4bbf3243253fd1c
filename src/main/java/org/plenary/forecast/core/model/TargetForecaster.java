package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.TallyDistribution;

/**
 * Forecasts targets from a history, as {@code ./plenary forecast} and {@code backtest}
 * do: the model is prepared once per date (targets of the same day share it), and each
 * target's references are looked up among the roll calls before its date.
 */
public final class TargetForecaster {

	private final PastVotes history;

	private final Function<LocalDate, List<String>> members;

	private final Function<LocalDate, Groupings> groupings;

	private final ModelSettings settings;

	private final Map<LocalDate, VoteModel> models = new HashMap<>();

	private final Map<LocalDate, Set<Integer>> referencesByDate = new HashMap<>();

	private final ExactTally tally = new ExactTally();

	private boolean widening = true;

	/**
	 * @param members the member states that vote on a date (seated in the General
	 * Assembly that day)
	 * @param groupings each state's regional group and blocs on a date
	 */
	public TargetForecaster(PastVotes history, Function<LocalDate, List<String>> members,
			Function<LocalDate, Groupings> groupings, ModelSettings settings) {
		this.history = history;
		this.members = members;
		this.groupings = groupings;
		this.settings = settings;
	}

	/**
	 * Looks up every target's references first, so that targets of one day share one
	 * model whose window reaches all their references.
	 * @return what could not be found: a line per reference missing before its target's
	 * date (the target is then forecast without it)
	 */
	public List<String> prepare(Collection<Target> targets) {
		List<String> missing = new ArrayList<>();
		for (Target target : targets) {
			missing.addAll(missing(target));
			Set<Integer> all = this.referencesByDate.computeIfAbsent(target.date(), (d) -> new TreeSet<>());
			for (int reference : references(target)) {
				all.add(reference);
			}
		}
		return missing;
	}

	/**
	 * The roll calls of the target's references that the history holds before its date
	 * (for each symbol the latest with votes), in the target's order.
	 */
	public int[] references(Target target) {
		int cut = this.history.before(target.date());
		List<Integer> indices = new ArrayList<>();
		for (String symbol : target.references()) {
			this.history.find(symbol, cut)
				.stream()
				.filter(this.history::hasVotes)
				.findFirst()
				.filter((r) -> !indices.contains(r))
				.ifPresent(indices::add);
		}
		return indices.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * A line for each of the target's references that the history lacks before its date.
	 */
	public List<String> missing(Target target) {
		int cut = this.history.before(target.date());
		List<String> missing = new ArrayList<>();
		for (String symbol : target.references()) {
			if (this.history.find(symbol, cut).stream().noneMatch(this.history::hasVotes)) {
				missing.add("Target " + target.name() + ": no recorded vote on reference " + symbol + " before "
						+ target.date() + " in the history; forecast without it");
			}
		}
		return missing;
	}

	/** The model as of the date (prepared on first use). */
	public VoteModel model(LocalDate date) {
		return this.models.computeIfAbsent(date, (d) -> {
			int[] references = this.referencesByDate.getOrDefault(d, Set.of())
				.stream()
				.mapToInt(Integer::intValue)
				.toArray();
			return VoteModel.asOf(this.history, d, references, this.groupings.apply(d), this.settings);
		});
	}

	/**
	 * Whether the shift's spread is widened where a target departs from its references
	 * ({@link Departure}; on by default). Off, the forecast is the model's as learned
	 * (the departure is still measured): the backtest compares the two.
	 */
	public TargetForecaster widening(boolean widening) {
		this.widening = widening;
		return this;
	}

	/** Forecasts the target. */
	public TargetForecast forecast(Target target) {
		Prepared prepared = prepared(target);
		Scenarios scenarios = prepared.forecast().scenarios();
		TallyDistribution distribution = this.tally.mixture(scenarios);
		return new TargetForecast(target, prepared.members(), scenarios.marginals(), scenarios,
				distribution.summary(target.rule()), prepared.references(), prepared.model().weights(),
				prepared.departure());
	}

	/**
	 * What a target's forecast is made from, before any read: its members, references,
	 * departure and the model's forecast (widened as the departure says), so that a
	 * backtest can add reads ({@link VoteForecast#given}).
	 */
	public record Prepared(List<String> members, int[] references, Departure departure, VoteModel model,
			VoteForecast forecast) {
	}

	/** The target's forecast before any read. */
	public Prepared prepared(Target target) {
		int[] references = references(target);
		this.referencesByDate.computeIfAbsent(target.date(), (d) -> new TreeSet<>());
		for (int reference : references) {
			if (!this.referencesByDate.get(target.date()).contains(reference)
					&& this.models.containsKey(target.date())) {
				// prepared without this reference: it may lie outside the model's window
				this.models.remove(target.date());
			}
			this.referencesByDate.get(target.date()).add(reference);
		}
		VoteModel model = model(target.date());
		List<String> voters = new ArrayList<>(this.members.apply(target.date()));
		VoteForecast forecast = model.forecast(references, voters, Set.of(), Set.of());
		Departure departure = Departure.of(this.history, references, target.date());
		if (this.widening && departure.widens()) {
			forecast = forecast.widened(departure.factor());
		}
		return new Prepared(voters, references, departure, model, forecast);
	}

}
