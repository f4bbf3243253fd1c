package org.plenary.whip;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board that reads slowly holds up no other board, and however far behind it falls it
 * ends on the latest of every row, the tally and the forecast, with every map colour.
 */
class LiveBoardTests {

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	private static BoardRenderer.Update update(int n, String... iso3s) {
		Map<String, String> rows = new java.util.LinkedHashMap<>();
		StringBuilder map = new StringBuilder();
		for (String iso3 : iso3s) {
			rows.put(iso3, "<tr>" + iso3 + " " + n + "</tr>");
			map.append("<i data-m49=\"").append(iso3).append("\" data-stance=\"").append(n).append("\"></i>");
		}
		return new BoardRenderer.Update(rows, "tally " + n, map.toString(), (n % 2 == 0) ? "forecast " + n : null);
	}

	@Test
	void aBlockedBoardHoldsUpNoOtherAndEndsOnTheLatestOfEverything() throws Exception {
		CountDownLatch released = new CountDownLatch(1);
		CountDownLatch slowStarted = new CountDownLatch(1);
		List<String> slowGot = new CopyOnWriteArrayList<>();
		List<String> fastGot = new CopyOnWriteArrayList<>();
		CountDownLatch fastDone = new CountDownLatch(1);
		LiveBoard slow = new LiveBoard((text) -> {
			slowStarted.countDown();
			try {
				released.await();
			}
			catch (InterruptedException ex) {
				throw new IOException(ex);
			}
			slowGot.add(text);
		}, this.executor, () -> {
		});
		LiveBoard fast = new LiveBoard((text) -> {
			fastGot.add(text);
			if (text.contains("tally 50")) {
				fastDone.countDown();
			}
		}, this.executor, () -> {
		});
		for (int n = 1; n <= 50; n++) {
			BoardRenderer.Update update = update(n, (n % 3 == 0) ? "BRA" : "CIV", "USA");
			String text = BoardEvents.events(update);
			// the listener's thread: never waits on a board
			slow.offer(update, text);
			fast.offer(update, text);
			if (n == 1) {
				assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
			}
		}
		// the fast board had everything while the slow one was still stuck on the first
		assertThat(fastDone.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(slowGot).isEmpty();
		// the listener sees which boards are still writing (it waits a little for them)
		assertThat(slow.busy()).isTrue();
		released.countDown();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (slowGot.size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		// the first update, then the other 49 merged into one
		assertThat(slowGot).hasSize(2);
		while (slow.busy() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(slow.busy()).isFalse();
		String merged = slowGot.get(1);
		assertThat(merged).contains("event:stance-BRA\ndata:<tr>BRA 48</tr>")
			.contains("event:stance-CIV\ndata:<tr>CIV 50</tr>")
			.contains("event:stance-USA\ndata:<tr>USA 50</tr>")
			.contains("event:tally\ndata:tally 50\n")
			.contains("event:forecast\ndata:forecast 50\n")
			.doesNotContain("tally 49");
		// every map colour, in order, the last of each state last
		assertThat(merged).contains("data-m49=\"USA\" data-stance=\"2\"");
		assertThat(merged.lastIndexOf("data-m49=\"USA\" data-stance=\"50\""))
			.isGreaterThan(merged.lastIndexOf("data-m49=\"USA\" data-stance=\"49\""));
		assertThat(merged.indexOf("event:stance-")).isLessThan(merged.indexOf("event:tally"));
	}

	@Test
	void aBoardThatFailsIsDroppedOnceAndSentNothingMore() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		CountDownLatch failed = new CountDownLatch(1);
		AtomicInteger failures = new AtomicInteger();
		LiveBoard board = new LiveBoard((text) -> {
			attempts.incrementAndGet();
			throw new IOException("Broken pipe");
		}, this.executor, () -> {
			failures.incrementAndGet();
			failed.countDown();
		});
		board.offer(update(1, "BRA"), null);
		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
		board.offer(update(2, "BRA"), null);
		board.offer(update(3, "BRA"), null);
		Thread.sleep(100);
		assertThat(attempts).hasValue(1);
		assertThat(failures).hasValue(1);
	}

	@Test
	void anUpdateWithoutAForecastKeepsTheForecastItFollows() {
		BoardRenderer.Update merged = LiveBoard.merge(update(2, "BRA"), update(3, "CIV"));
		assertThat(merged.forecast()).isEqualTo("forecast 2");
		assertThat(merged.tally()).isEqualTo("tally 3");
		assertThat(merged.rows()).containsOnlyKeys("BRA", "CIV");
	}

}
