package org.plenary.whip;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.plenary.system.DatabaseServer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live boards. Every instance LISTENs on PostgreSQL's {@code plenary_whip} channel; a
 * stance recorded through any instance NOTIFYs it on commit; each instance then renders
 * the changed row and the tally once and sends them to the boards open on it, as
 * server-sent events that htmx swaps into place. A change only some organisations see (a
 * private read, a contact kept from the coalition) names them in its notification, and
 * the boards of the others hear nothing of it: no event, so no name and no timing.
 * Nothing is kept between requests but the open connections.
 */
@Component
class BoardEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BoardEvents.class);

	private final DatabaseServer database;

	private final BoardRenderer renderer;

	private final Map<Long, Set<SseEmitter>> boards = new ConcurrentHashMap<>();

	// who watches: live updates are rendered once per organisation, as one of its users
	// sees the board (its private reads; nothing once it no longer takes part)
	private record Viewer(long campaignId, String id, String username, Long organisation) {
	}

	// presence lives in PostgreSQL (whip_viewer) so that every instance sees every
	// viewer;
	// this instance refreshes its own rows and the list ignores rows not refreshed lately
	private final Map<SseEmitter, Viewer> viewing = new ConcurrentHashMap<>();

	// each open board's own sender, so that a slow reader holds up no other board
	private final Map<SseEmitter, LiveBoard> senders = new ConcurrentHashMap<>();

	private final java.util.concurrent.ExecutorService sending = java.util.concurrent.Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("board-send-", 0).factory());

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private volatile boolean running;

	private volatile Connection listening;

	private Thread listener;

	private final boolean web;

	BoardEvents(DatabaseServer database, BoardRenderer renderer, org.springframework.context.ApplicationContext context,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.database = database;
		this.renderer = renderer;
		// command-line tasks have no boards to keep live
		this.web = context instanceof org.springframework.web.context.WebApplicationContext;
	}

	@Override
	public boolean isAutoStartup() {
		return this.web;
	}

	/** A new open board; the emitter is dropped when the browser goes away. */
	SseEmitter open(long campaignId, String username) {
		SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
		Set<SseEmitter> open = this.boards.computeIfAbsent(campaignId, (id) -> new CopyOnWriteArraySet<>());
		open.add(emitter);
		String viewer = java.util.UUID.randomUUID().toString();
		Long organisation = this.jdbc.sql("select plenary_organisation()").query(Long.class).optional().orElse(null);
		this.viewing.put(emitter, new Viewer(campaignId, viewer, username, organisation));
		this.senders.put(emitter,
				new LiveBoard((text) -> emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text, EVENTS))),
						this.sending, () -> open.remove(emitter)));
		this.jdbc.sql("insert into whip_viewer (campaign_id, viewer_id, username, display_name) values (?, ?, ?, ?)")
			.params(campaignId, viewer, username, username)
			.update();
		Runnable remove = () -> {
			open.remove(emitter);
			this.senders.remove(emitter);
			Viewer gone = this.viewing.remove(emitter);
			if (gone != null) {
				this.jdbc.sql("delete from whip_viewer where viewer_id = ?").param(gone.id()).update();
			}
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			emitter.send(SseEmitter.event().name("connected").data("ok"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	/** The users with this board open on any instance, by name. */
	java.util.List<String> viewers(long campaignId) {
		return this.jdbc.sql("""
				select distinct username from whip_viewer
				where campaign_id = ? and seen_at > now() - interval '45 seconds' order by username
				""").param(campaignId).query(String.class).list();
	}

	private void heartbeat() {
		while (this.running) {
			try {
				Thread.sleep(15_000);
				// a comment line now and then keeps proxies from cutting a quiet board
				this.boards.values().forEach((set) -> set.forEach((emitter) -> {
					try {
						emitter.send(SseEmitter.event().comment("keep-alive"));
					}
					catch (IOException | IllegalStateException ex) {
						set.remove(emitter);
					}
				}));
				java.util.List<String> ids = this.viewing.values().stream().map(Viewer::id).toList();
				if (!ids.isEmpty()) {
					this.jdbc.sql("update whip_viewer set seen_at = now() where viewer_id = any(?)")
						.param(ids.toArray(String[]::new))
						.update();
				}
				// rows of instances that died without saying goodbye
				this.jdbc.sql("delete from whip_viewer where seen_at < now() - interval '10 minutes'").update();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.debug("Presence heartbeat failed", ex);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = Thread.ofPlatform().daemon().name("board-events").start(this::listen);
		Thread.ofVirtual().name("board-presence").start(this::heartbeat);
	}

	@Override
	public void stop() {
		this.running = false;
		// close the LISTEN connection now, not at the next poll: the embedded database is
		// stopped on exit only when no connection is left open
		Connection connection = this.listening;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the LISTEN connection", ex);
			}
		}
		if (this.listener != null) {
			this.listener.interrupt();
			try {
				this.listener.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// an open SSE connection would hold up a graceful shutdown for its whole timeout
		this.boards.values().forEach((set) -> set.forEach(SseEmitter::complete));
		this.boards.clear();
		this.senders.clear();
		java.util.List<String> ids = this.viewing.values().stream().map(Viewer::id).toList();
		this.viewing.clear();
		if (ids.isEmpty()) {
			// nothing to clear, and no connection to ask for: at exit the database may be
			// stopping, and waiting for a connection held the exit up for the pool's
			// timeout (30 s at the end of every test run)
			return;
		}
		try {
			this.jdbc.sql("delete from whip_viewer where viewer_id = any(?)")
				.param(ids.toArray(String[]::new))
				.update();
		}
		catch (RuntimeException ex) {
			log.debug("Could not clear presence", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				this.listening = connection;
				statement.execute("LISTEN " + WhipCount.CHANNEL);
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications == null || notifications.length == 0) {
						continue;
					}
					// gather what else arrives within 100 ms: under a burst of writes
					// each board
					// gets one update per batch instead of one per change
					Map<Long, Map<String, Audience>> changed = new java.util.HashMap<>();
					long until = System.nanoTime() + 100_000_000L;
					while (notifications != null) {
						for (PGNotification notification : notifications) {
							// campaign:ISO3, or campaign:ISO3:1,2 for what only these
							// organisations see (WhipCount.refreshRow)
							String[] parts = notification.getParameter().split(":", 3);
							changed.computeIfAbsent(Long.parseLong(parts[0]), (id) -> new java.util.LinkedHashMap<>())
								.merge(parts[1], Audience.of(parts.length > 2 ? parts[2] : null), Audience::and);
						}
						long left = (until - System.nanoTime()) / 1_000_000L;
						notifications = (left > 0) ? postgres.getNotifications((int) left) : null;
						if (notifications != null && notifications.length == 0) {
							notifications = null;
						}
					}
					changed.forEach(this::dispatch);
					// what arrives meanwhile waits for the next batch,
					// as when this thread wrote the boards itself; a
					// slow board holds it up at most the cap, and its
					// own sender merges what it has yet to send
					awaitSenders(SENDERS_AWAITED_NANOS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Live board connection lost, reconnecting: {}", ex.getMessage());
					sleep();
				}
			}
		}
	}

	private static final long SENDERS_AWAITED_NANOS = 500_000_000L;

	private void awaitSenders(long nanos) throws InterruptedException {
		long until = System.nanoTime() + nanos;
		while (System.nanoTime() < until && this.senders.values().stream().anyMatch(LiveBoard::busy)) {
			Thread.sleep(2);
		}
	}

	/**
	 * The organisations that see a change: {@code everyone}, or those named (a private
	 * read, a contact kept from the coalition).
	 */
	record Audience(boolean everyone, Set<Long> organisations) {

		static Audience of(String list) {
			if (list == null) {
				return new Audience(true, Set.of());
			}
			Set<Long> organisations = new java.util.HashSet<>();
			for (String id : list.split(",")) {
				if (!id.isBlank()) {
					organisations.add(Long.parseLong(id.trim()));
				}
			}
			return new Audience(false, organisations);
		}

		Audience and(Audience other) {
			if (this.everyone || other.everyone) {
				return new Audience(true, Set.of());
			}
			Set<Long> both = new java.util.HashSet<>(this.organisations);
			both.addAll(other.organisations);
			return new Audience(false, both);
		}

		// a viewer of no organisation (an administrator) sees everything
		boolean includes(long organisation) {
			return this.everyone || organisation == NO_ORGANISATION || this.organisations.contains(organisation);
		}

	}

	private void dispatch(long campaignId, Map<String, Audience> audiences) {
		Set<SseEmitter> open = this.boards.get(campaignId);
		if (open == null || open.isEmpty()) {
			return;
		}
		Map<Long, java.util.List<SseEmitter>> byOrganisation = new java.util.HashMap<>();
		for (SseEmitter emitter : open) {
			Viewer viewer = this.viewing.get(emitter);
			if (viewer != null) {
				byOrganisation
					.computeIfAbsent(viewer.organisation() == null ? NO_ORGANISATION : viewer.organisation(),
							(key) -> new java.util.ArrayList<>())
					.add(emitter);
			}
		}
		for (Map.Entry<Long, java.util.List<SseEmitter>> entry : byOrganisation.entrySet()) {
			java.util.List<SseEmitter> watching = entry.getValue();
			// only the rows this organisation may see changed; none: its boards hear
			// nothing, not even that something happened
			Set<String> changed = new java.util.LinkedHashSet<>();
			audiences.forEach((iso3, audience) -> {
				if (audience.includes(entry.getKey())) {
					changed.add(iso3);
				}
			});
			if (changed.isEmpty()) {
				continue;
			}
			String username = this.viewing.get(watching.get(0)).username();
			BoardRenderer.Update update;
			try {
				update = org.plenary.system.Acting.asUser(username, () -> this.renderer.update(campaignId, changed));
			}
			catch (org.plenary.system.NotFoundException ex) {
				// the organisation left or was removed: its open boards stop
				watching.forEach(SseEmitter::complete);
				continue;
			}
			send(update, watching, open);
		}
	}

	private static final long NO_ORGANISATION = Long.MIN_VALUE;

	// what SseEmitter's own events are sent as
	private static final org.springframework.http.MediaType EVENTS = new org.springframework.http.MediaType("text",
			"plain", java.nio.charset.StandardCharsets.UTF_8);

	private void send(BoardRenderer.Update update, java.util.List<SseEmitter> watching, Set<SseEmitter> open) {
		// the same text for every board of the organisation, formatted once: an event at
		// a
		// time cost each board its own formatting and a flush per changed row, and under
		// a
		// burst of writes the boards fell behind (issue 18). Each board's own sender
		// writes it, so that a board that reads slowly holds up no other
		String text = events(update);
		for (SseEmitter emitter : watching) {
			LiveBoard board = this.senders.get(emitter);
			if (board == null) {
				open.remove(emitter);
			}
			else {
				board.offer(update, text);
			}
		}
	}

	/**
	 * The update as server-sent events: a row's, then the tally's, the map's and the
	 * forecast's.
	 */
	static String events(BoardRenderer.Update update) {
		StringBuilder text = new StringBuilder(4096);
		update.rows().forEach((iso3, row) -> event(text, "stance-" + iso3, row));
		event(text, "tally", update.tally());
		if (!update.map().isEmpty()) {
			event(text, "map", update.map());
		}
		if (update.forecast() != null) {
			event(text, "forecast", update.forecast());
		}
		return text.toString();
	}

	// each line of the data on a "data:" line of its own, as the format requires
	private static void event(StringBuilder text, String name, String data) {
		text.append("event:").append(name).append("\ndata:");
		String lines = data.replace("\r\n", "\n").replace('\r', '\n');
		text.append(lines.replace("\n", "\ndata:")).append("\n\n");
	}

	private Connection connect() throws SQLException {
		return this.database.openConnection("plenary board events", null);
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
