package org.plenary.whip;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One open board's outgoing live updates. The listener hands each board its update and
 * goes on at once; the board's own sender writes it out. A board that reads slowly (a
 * phone on a poor network, a client that stopped reading) therefore holds up no other
 * board, and what piles up for it is merged rather than queued: a row, the tally and the
 * forecast panel as they are now, the map's colours in order. However far behind a board
 * falls, it ends on the latest of everything, and its backlog never grows past one board.
 */
final class LiveBoard {

	/** Where a board's text goes: its server-sent events stream. */
	interface Sink {

		void send(String text) throws IOException;

	}

	private final Sink sink;

	private final Executor executor;

	private final Runnable onFailure;

	// guarded by this
	private BoardRenderer.Update pending;

	// the update's text already formatted for the whole organisation, while nothing was
	// merged into it (the usual case: a board that keeps up)
	private String pendingText;

	private boolean sending;

	private boolean closed;

	LiveBoard(Sink sink, Executor executor, Runnable onFailure) {
		this.sink = sink;
		this.executor = executor;
		this.onFailure = onFailure;
	}

	/** Whether it is writing, or has something left to write. */
	synchronized boolean busy() {
		return this.sending;
	}

	/**
	 * Queues an update (with its text, or null) and returns at once; the board's sender
	 * writes it, merged with whatever else arrived meanwhile.
	 */
	void offer(BoardRenderer.Update update, String text) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			if (this.pending == null) {
				this.pending = update;
				this.pendingText = text;
			}
			else {
				this.pending = merge(this.pending, update);
				this.pendingText = null;
			}
			if (this.sending) {
				return;
			}
			this.sending = true;
		}
		this.executor.execute(this::drain);
	}

	private void drain() {
		while (true) {
			BoardRenderer.Update update;
			String text;
			synchronized (this) {
				if (this.pending == null || this.closed) {
					this.pending = null;
					this.sending = false;
					return;
				}
				update = this.pending;
				text = this.pendingText;
				this.pending = null;
				this.pendingText = null;
			}
			try {
				this.sink.send((text != null) ? text : BoardEvents.events(update));
			}
			catch (IOException | RuntimeException ex) {
				synchronized (this) {
					this.closed = true;
					this.pending = null;
					this.sending = false;
				}
				this.onFailure.run();
				return;
			}
		}
	}

	/**
	 * An older update and a newer one as one: each row and the tally and forecast as the
	 * newer has them, the map's colours of both in order (the later colour of a state
	 * wins where both have one).
	 */
	static BoardRenderer.Update merge(BoardRenderer.Update older, BoardRenderer.Update newer) {
		Map<String, String> rows = new LinkedHashMap<>(older.rows());
		newer.rows().forEach((iso3, row) -> {
			rows.remove(iso3);
			rows.put(iso3, row);
		});
		String forecast = (newer.forecast() != null) ? newer.forecast() : older.forecast();
		return new BoardRenderer.Update(rows, newer.tally(), older.map() + newer.map(), forecast);
	}

}
