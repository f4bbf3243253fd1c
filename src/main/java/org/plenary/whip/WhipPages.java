package org.plenary.whip;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.plenary.states.MemberStates;
import org.plenary.states.Membership;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The whip board of a campaign, its inline editing, its live updates, and a state's
 * history.
 */
@Controller
class WhipPages {

	private final WhipCount whip;

	private final MemberStates states;

	private final BoardEvents events;

	private final org.plenary.campaigns.Campaigns campaigns;

	private final org.springframework.beans.factory.ObjectProvider<BoardForecast> forecast;

	private final org.plenary.campaigns.Coalitions coalitions;

	WhipPages(WhipCount whip, MemberStates states, BoardEvents events, org.plenary.campaigns.Campaigns campaigns,
			org.springframework.beans.factory.ObjectProvider<BoardForecast> forecast,
			org.plenary.campaigns.Coalitions coalitions) {
		this.coalitions = coalitions;
		this.forecast = forecast;
		this.campaigns = campaigns;
		this.whip = whip;
		this.states = states;
		this.events = events;
	}

	@GetMapping("/campaigns/{id}")
	String board(@PathVariable long id, @RequestParam(required = false) String group,
			@RequestParam(required = false) String bloc, @RequestParam(required = false) String stance,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "false") boolean cosponsors,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String notContacted,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Instant from = (since == null) ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
		WhipCount.Board board = this.whip.board(id, from);
		List<WhipCount.BoardRow> rows = filter(board.rows(), group, bloc, stance, q, since != null).stream()
			.filter((r) -> !cosponsors || r.cosponsor())
			.filter(owner(owner))
			.filter(notContacted(notContacted))
			.toList();
		rows = sort(rows, sort);
		model.addAttribute("board", board);
		model.addAttribute("campaign", board.campaign());
		model.addAttribute("tally", board.tally());
		model.addAttribute("ownTally", board.ownTally());
		model.addAttribute("trend", TrendChart.svg(this.whip.trend(id, 200), board.campaign().goalYes()));
		model.addAttribute("rows", rows);
		model.addAttribute("stances", Stance.values());
		model.addAttribute("groupings", this.states.groupings());
		model.addAttribute("group", group);
		model.addAttribute("bloc", bloc);
		model.addAttribute("stance", stance);
		model.addAttribute("q", q);
		model.addAttribute("since", since);
		model.addAttribute("sort", sort);
		model.addAttribute("cosponsors", cosponsors);
		model.addAttribute("owner", owner);
		model.addAttribute("owners",
				board.rows()
					.stream()
					.map(WhipCount.BoardRow::owner)
					.filter((o) -> o != null)
					.distinct()
					.sorted(String.CASE_INSENSITIVE_ORDER)
					.toList());
		model.addAttribute("notContacted", notContacted);
		model.addAttribute("forecast", forecastView(id, this.forecast));
		if (htmx != null) {
			return "whip/board :: table";
		}
		model.addAttribute("map", map(board));
		return "whip/board";
	}

	/** The forecast's view of the board, or none when no module provides one. */
	static BoardForecast.View forecastView(long campaignId,
			org.springframework.beans.factory.ObjectProvider<BoardForecast> provider) {
		BoardForecast forecast = provider.getIfAvailable();
		return (forecast == null) ? null : forecast.view(campaignId);
	}

	/** The tally alone: a board that (re)connects catches up with it. */
	@GetMapping("/campaigns/{id}/board/tally")
	String tally(@PathVariable long id, Model model) {
		// the tally needs the stances, not the rows with their co-sponsors and owners
		org.plenary.campaigns.Campaign campaign = this.campaigns.campaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("tally", this.whip.tally(id));
		model.addAttribute("ownTally", this.whip.ownTally(id));
		model.addAttribute("stances", Stance.values());
		model.addAttribute("trend", TrendChart.svg(this.whip.trend(id, 200), campaign.goalYes()));
		return "whip/board :: tally";
	}

	@GetMapping("/campaigns/{id}/board/map")
	String map(@PathVariable long id, Model model) {
		WhipCount.Board board = this.whip.board(id, null);
		model.addAttribute("campaign", board.campaign());
		model.addAttribute("map", map(board));
		return "whip/board :: map";
	}

	@GetMapping(path = "/campaigns/{id}/board/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable long id, Principal principal) {
		this.campaigns.campaign(id); // 404 for an unknown campaign
		return this.events.open(id, principal.getName());
	}

	/**
	 * Who else has this board open (any instance), refreshed by the page every few
	 * seconds.
	 */
	@GetMapping("/campaigns/{id}/board/viewers")
	String viewers(@PathVariable long id, Principal principal, Model model) {
		// asked by every open board every 15 s: the campaign alone, not the whole board
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("viewers",
				this.events.viewers(id).stream().filter((name) -> !name.equals(principal.getName())).toList());
		return "whip/board :: viewers";
	}

	@GetMapping("/campaigns/{id}/stances/{iso3}/edit")
	@PreAuthorize("hasRole('WHIP')")
	String edit(@PathVariable long id, @PathVariable String iso3, Model model) {
		WhipCount.Board board = this.whip.board(id, null);
		model.addAttribute("campaign", board.campaign());
		model.addAttribute("row", row(board, iso3));
		model.addAttribute("stances", Stance.values());
		model.addAttribute("levels", Level.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("confidences", Confidence.values());
		model.addAttribute("key", UUID.randomUUID().toString());
		model.addAttribute("forecast", forecastView(id, this.forecast));
		model.addAttribute("partners", this.coalitions.others(id));
		return "whip/board :: edit";
	}

	@PostMapping("/campaigns/{id}/stances/{iso3}")
	@PreAuthorize("hasRole('WHIP')")
	String record(@PathVariable long id, @PathVariable String iso3, @RequestParam String stance,
			@RequestParam(required = false) String confidence, @RequestParam(required = false) String sourceName,
			@RequestParam(required = false) String sourceLevel, @RequestParam(required = false) String sourceChannel,
			@RequestParam(required = false) String note, @RequestParam int version,
			@RequestParam(required = false) String key, @RequestParam(defaultValue = "false") boolean privately,
			@RequestParam(required = false) List<Long> sharedWith, Principal principal, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			WhipCount.RecordStance read = new WhipCount.RecordStance(id, iso3, Stance.parse(stance),
					parse(Confidence.class, confidence), sourceName, parse(Level.class, sourceLevel),
					parse(Channel.class, sourceChannel), note, version, key);
			// naming partners keeps the read from the rest of the coalition too
			if (privately || (sharedWith != null && !sharedWith.isEmpty())) {
				this.whip.recordPrivately(read, sharedWith == null ? List.of() : sharedWith, principal.getName());
			}
			else {
				this.whip.record(read, principal.getName());
			}
		}
		catch (WhipCount.StaleStance ex) {
			response.setStatus(HttpStatus.OK.value()); // htmx swaps only 2xx answers:
														// show the conflict in place
			model.addAttribute("conflict", ex.getMessage());
		}
		return rowFragment(id, iso3, model);
	}

	/**
	 * Publishes the organisation's private read to the coalition's board, on top of the
	 * board's version the user saw.
	 */
	@PostMapping("/campaigns/{id}/stances/{iso3}/publish")
	@PreAuthorize("hasRole('WHIP')")
	String publish(@PathVariable long id, @PathVariable String iso3, @RequestParam long read, @RequestParam int version,
			Principal principal, Model model, jakarta.servlet.http.HttpServletResponse response) {
		try {
			this.whip.publish(id, read, version, principal.getName());
		}
		catch (WhipCount.StaleStance ex) {
			response.setStatus(HttpStatus.OK.value());
			model.addAttribute("conflict", ex.getMessage());
		}
		return rowFragment(id, iso3, model);
	}

	/** One row of the board, as htmx swaps it in after a change. */
	private String rowFragment(long id, String iso3, Model model) {
		WhipCount.Board board = this.whip.board(id, null);
		model.addAttribute("campaign", board.campaign());
		model.addAttribute("row", row(board, iso3));
		model.addAttribute("stances", Stance.values());
		model.addAttribute("forecast", forecastView(id, this.forecast));
		return "whip/board :: row";
	}

	@GetMapping("/campaigns/{id}/stances/{iso3}")
	String history(@PathVariable long id, @PathVariable String iso3, Model model) {
		WhipCount.Board board = this.whip.board(id, null);
		model.addAttribute("campaign", board.campaign());
		model.addAttribute("row", row(board, iso3));
		model.addAttribute("history", this.whip.history(id, iso3));
		model.addAttribute("privateReads", this.whip.privateHistory(id, iso3));
		return "whip/history";
	}

	private static WhipCount.BoardRow row(WhipCount.Board board, String iso3) {
		return board.rows()
			.stream()
			.filter((r) -> r.member().iso3().equalsIgnoreCase(iso3))
			.findFirst()
			.orElseThrow(() -> new org.plenary.system.NotFoundException(iso3 + " is not a member of this body"));
	}

	private List<WhipCount.BoardRow> filter(List<WhipCount.BoardRow> rows, String group, String bloc, String stance,
			String q, boolean movedOnly) {
		Set<String> inGroup = members(group);
		Set<String> inBloc = members(bloc);
		Set<String> matching = (q == null || q.isBlank()) ? null
				: new HashSet<>(this.states
					.list(new MemberStates.StateFilter(Set.of(org.plenary.states.StateStatus.MEMBER), null, q))
					.stream()
					.map(org.plenary.states.MemberState::iso3)
					.toList());
		Stance wanted = (stance == null || stance.isBlank()) ? null : Stance.parse(stance);
		return rows.stream()
			.filter((r) -> inGroup == null || inGroup.contains(r.member().iso3()))
			.filter((r) -> inBloc == null || inBloc.contains(r.member().iso3()))
			.filter((r) -> matching == null || matching.contains(r.member().iso3()))
			.filter((r) -> wanted == null || r.stance().stance() == wanted)
			.filter((r) -> !movedOnly || r.moved())
			.toList();
	}

	/** The owner filter's value for the states without an overall owner. */
	static final String UNASSIGNED = "-";

	private static java.util.function.Predicate<WhipCount.BoardRow> owner(String owner) {
		if (owner == null || owner.isBlank()) {
			return (r) -> true;
		}
		if (UNASSIGNED.equals(owner)) {
			return (r) -> r.owner() == null;
		}
		return (r) -> owner.equals(r.owner());
	}

	/**
	 * States not contacted for some days ("never" contacted at all counts as any number
	 * of days), or never contacted.
	 */
	private static java.util.function.Predicate<WhipCount.BoardRow> notContacted(String days) {
		if (days == null || days.isBlank()) {
			return (r) -> true;
		}
		if ("never".equalsIgnoreCase(days.trim())) {
			return (r) -> r.lastContact() == null;
		}
		int count;
		try {
			count = Integer.parseInt(days.trim());
		}
		catch (NumberFormatException ex) {
			count = -1;
		}
		if (count < 1 || count > 365) {
			throw new org.plenary.system.InvalidInputException("notContacted",
					"Not contacted for: a number of days from 1 to 365, or 'never'");
		}
		Instant before = Instant.now().minus(java.time.Duration.ofDays(count));
		return (r) -> r.lastContact() == null || r.lastContact().isBefore(before);
	}

	private Set<String> members(String grouping) {
		if (grouping == null || grouping.isBlank()) {
			return null;
		}
		this.states.findGrouping(grouping)
			.orElseThrow(
					() -> new org.plenary.system.InvalidInputException("group", "No group or bloc '" + grouping + "'"));
		Set<String> codes = new HashSet<>();
		for (Membership membership : this.states.membersOf(grouping, LocalDate.now())) {
			codes.add(membership.iso3());
		}
		return codes;
	}

	private static List<WhipCount.BoardRow> sort(List<WhipCount.BoardRow> rows, String sort) {
		Comparator<WhipCount.BoardRow> byName = Comparator.comparing((r) -> r.member().name());
		Comparator<WhipCount.BoardRow> order = switch (sort.toLowerCase(Locale.ROOT)) {
			case "stance" -> Comparator.<WhipCount.BoardRow, Integer>comparing((r) -> r.stance().stance().ordinal())
				.thenComparing(byName);
			case "recent" ->
				Comparator
					.comparing((WhipCount.BoardRow r) -> r.stance().recordedAt(),
							Comparator.nullsLast(Comparator.reverseOrder()))
					.thenComparing(byName);
			// unassigned states last, so the owners' lists read as blocks
			case "owner" ->
				Comparator.comparing(WhipCount.BoardRow::owner, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
					.thenComparing(byName);
			// the longest without a contact first: the next calls to make
			case "contact" ->
				Comparator.comparing(WhipCount.BoardRow::lastContact, Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparing(byName);
			default -> byName;
		};
		return rows.stream().sorted(order).toList();
	}

	private static String map(WhipCount.Board board) {
		return board.map();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new org.plenary.system.InvalidInputException(type.getSimpleName().toLowerCase(Locale.ROOT),
					"Unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + text + "'");
		}
	}

}
