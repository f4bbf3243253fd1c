package org.plenary.forecast;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.plenary.whip.StanceRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the history of each campaign's forecast: after a stance is recorded (once its
 * transaction has committed) and after a model is prepared, the forecast is computed
 * again and appended to {@code forecast_snapshot}. This runs beside the request, so a
 * whip's save does not wait for it; a burst of saves on one campaign makes one snapshot
 * of the latest state, and a campaign gets at most one snapshot every
 * {@value #SPACING_MILLIS} ms (a snapshot costs tens of milliseconds of CPU: taken after
 * every save, a busy vote day kept a core on them). Open boards get the new forecast by
 * themselves, through the live updates of the whip module (see
 * {@link BoardForecastView}).
 */
@Component
class ForecastEvents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ForecastEvents.class);

	private final CampaignForecasts forecasts;

	private final ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor();

	static final long SPACING_MILLIS = 5000;

	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	// when each campaign's last snapshot started (System.nanoTime)
	private final java.util.Map<Long, Long> started = new ConcurrentHashMap<>();

	private final boolean web;

	ForecastEvents(CampaignForecasts forecasts, org.springframework.context.ApplicationContext context) {
		this.forecasts = forecasts;
		// a command-line task ends before a snapshot would be taken: only servers keep
		// them
		this.web = context instanceof org.springframework.web.context.WebApplicationContext;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(StanceRecorded event) {
		later(event.campaignId(), "stance " + event.iso3() + ": " + event.to().label());
	}

	@EventListener
	void on(ForecastModelPrepared event) {
		later(event.campaignId(), "model prepared");
	}

	private void later(long campaignId, String cause) {
		if (!this.web || !this.queued.add(campaignId)) {
			return; // a snapshot is queued: it will read the latest state
		}
		try {
			this.worker.execute(() -> {
				Long last = this.started.get(campaignId);
				long wait = (last == null) ? 0 : last + SPACING_MILLIS * 1_000_000L - System.nanoTime();
				if (wait > 0) {
					try {
						// the saves meanwhile join this snapshot: it is still queued
						Thread.sleep(java.time.Duration.ofNanos(wait));
					}
					catch (InterruptedException ex) {
						this.queued.remove(campaignId);
						return;
					}
				}
				this.queued.remove(campaignId);
				this.started.put(campaignId, System.nanoTime());
				try {
					this.forecasts.snapshot(campaignId, cause);
				}
				catch (RuntimeException ex) {
					log.debug("No forecast snapshot for campaign {}: {}", campaignId, ex.getMessage());
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			this.queued.remove(campaignId);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
