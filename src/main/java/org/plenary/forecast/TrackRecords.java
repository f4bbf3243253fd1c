package org.plenary.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.core.model.AutoTargets;
import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.PastVotes;
import org.plenary.forecast.core.model.TargetForecaster;
import org.plenary.forecast.core.model.TrackRecord;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * How good the forecast is, measured on the history Plenary holds: the recurring votes of
 * the last {@value #YEARS} years of the history (each forecast from the votes before its
 * day, with the earlier vote of its title as reference, as {@code ./plenary backtest
 * --auto} does), scored against copying the reference. Computed in the background on
 * first use and again when the history changes (a minute on the General Assembly's
 * 2019-2022 votes), and kept in memory.
 */
@Component
class TrackRecords implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TrackRecords.class);

	/** The backtest covers this many years before the history's last vote. */
	static final int YEARS = 3;

	/** At most this many days of votes (a model each), the latest. */
	static final int MAX_DAYS = 25;

	private final ForecastHistory history;

	private final RollCalls rollCalls;

	private final Campaigns campaigns;

	private final AtomicReference<Computed> computed = new AtomicReference<>();

	private final AtomicBoolean running = new AtomicBoolean();

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("forecast-track-record").factory());

	private record Computed(String version, TrackRecord record) {
	}

	/**
	 * What the forecast page and API say of the campaign's votes.
	 *
	 * @param ready whether the backtest is done (else it is being computed)
	 * @param summary the record on votes like the campaign's (null when not ready)
	 * @param words the record in one sentence, or what is happening
	 */
	record View(boolean ready, TrackRecord.Summary summary, String words) {
	}

	// off in the tests, where the shared history changes with every import: each change
	// would start a minute of backtesting behind the suite's back
	private final boolean background;

	TrackRecords(ForecastHistory history, RollCalls rollCalls, Campaigns campaigns,
			@org.springframework.beans.factory.annotation.Value("${plenary.forecast.track-record-in-background:true}") boolean background) {
		this.background = background;
		this.history = history;
		this.rollCalls = rollCalls;
		this.campaigns = campaigns;
	}

	/**
	 * The record on votes like the campaign's: contested ones when its first reference
	 * was contested, else every recurring vote.
	 */
	View forCampaign(long campaignId) {
		Optional<TrackRecord> record = current();
		if (record.isEmpty()) {
			return new View(false, null, "Plenary is scoring its forecasts on the voting history it holds "
					+ "(about a minute); the page will say how good they are.");
		}
		List<Long> references = this.campaigns.references(campaignId);
		boolean contested = false;
		if (!references.isEmpty()) {
			RollCall first = this.rollCalls.rollCall(references.get(0));
			contested = TrackRecord.contested(first.yes(), first.no(), first.abstain());
		}
		TrackRecord.Summary summary = record.get().like(contested);
		return new View(true, summary, summary.words());
	}

	/** The record for the history as it is, or empty while it is computed. */
	Optional<TrackRecord> current() {
		String version = this.rollCalls.version();
		Computed now = this.computed.get();
		if (now != null && now.version().equals(version)) {
			return Optional.of(now.record());
		}
		if (this.background && this.running.compareAndSet(false, true)) {
			this.worker.execute(() -> {
				try {
					compute();
				}
				catch (RuntimeException ex) {
					log.warn("Could not score the forecast on the history", ex);
				}
				finally {
					this.running.set(false);
				}
			});
		}
		return Optional.empty();
	}

	/** Computes the record for the history as it is now, and keeps it. */
	TrackRecord compute() {
		String version = this.rollCalls.version();
		PastVotes votes = this.history.read(LocalDate.of(9999, 12, 31));
		LocalDate last = null;
		for (int r = votes.size() - 1; r >= 0 && last == null; r--) {
			last = votes.hasVotes(r) ? votes.date(r) : null;
		}
		List<TrackRecord.Scored> scored = new ArrayList<>();
		if (last != null) {
			List<AutoTargets.Chosen> chosen = AutoTargets.choose(votes, last.minusYears(YEARS), last);
			TreeSet<LocalDate> days = new TreeSet<>(chosen.stream().map((c) -> c.target().date()).toList());
			while (days.size() > MAX_DAYS) {
				days.pollFirst();
			}
			chosen = chosen.stream().filter((c) -> days.contains(c.target().date())).toList();
			// the expected count needs few scenarios; the page waits for none of this
			TargetForecaster forecaster = this.history.forecaster(votes, ModelSettings.defaults().withScenarios(21));
			forecaster.prepare(chosen.stream().map(AutoTargets.Chosen::target).toList());
			for (AutoTargets.Chosen one : chosen) {
				scored.add(TrackRecord.score(votes, forecaster.forecast(one.target()), one.rollCall()));
			}
		}
		TrackRecord record = new TrackRecord(scored);
		this.computed.set(new Computed(version, record));
		return record;
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
