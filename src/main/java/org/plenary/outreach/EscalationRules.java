package org.plenary.outreach;

import org.plenary.whip.AskDistance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.plenary.campaigns.Campaign;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

/**
 * The escalation rules: from the contacts made with a state in a campaign, the levels
 * used, how its stance moved since, and who holds the relationship, who should make the
 * next contact, at what level. Plain Java fed with plain records, so every rule is tested
 * without a database; {@link Escalation} gathers the facts.
 * <p>
 * The rules, the first that applies wins:
 * <ol type="a">
 * <li>the state is firm at our ask: no suggestion;</li>
 * <li>never contacted in this campaign: a first contact by the state's owner at the
 * owner's level (at Permanent Representative level when nobody owns it);</li>
 * <li>the stance slipped away from the ask since our last contact: a level above the
 * highest used;</li>
 * <li>at least two contacts at the highest level used since the last movement toward the
 * ask, and no movement since: a level up;</li>
 * <li>the stance moved toward the ask since the previous contact: consolidate, at the
 * same level, with the same official as the last contact;</li>
 * <li>the last contact is older than the campaign's number of days: recontact at the same
 * level; otherwise no suggestion.</li>
 * </ol>
 * Going up the ladder (desk officer, deputy PR, PR, ambassador, assistant secretary,
 * deputy minister, minister, head of state; legislators are off the ladder) goes to the
 * nearest level above at which one of our officials holds the relationship with the state
 * (owns it at that level, or has had the most contacts with it there), since a call from
 * someone they know moves more than one from a stranger; when nobody above holds it, to
 * the next level, by any official there, or naming the gap.
 */
final class EscalationRules {

	static final List<Level> LADDER = List.of(Level.DESK_OFFICER, Level.DEPUTY_PERMANENT_REPRESENTATIVE,
			Level.PERMANENT_REPRESENTATIVE, Level.AMBASSADOR, Level.ASSISTANT_SECRETARY, Level.DEPUTY_MINISTER,
			Level.MINISTER, Level.HEAD_OF_STATE);

	private static final String[] NUMBERS = { "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
			"Nine", "Ten" };

	private EscalationRules() {
	}

	/**
	 * Everything the rules look at.
	 *
	 * @param contacts the campaign's contacts with the state, deleted ones left out (any
	 * order)
	 * @param moves the changes of the state's stance (any order)
	 * @param owner the state's overall owner in the campaign, if any
	 * @param holders for each ladder level, who holds the relationship there or, failing
	 * that, any active official at that level; levels without anyone are missing
	 */
	record Facts(String iso3, String stateName, Campaign.Ask ask, Stance stance, int stanceVersion,
			List<PastContact> contacts, List<Move> moves, Person owner, Map<Level, Holder> holders,
			int notContactedDays, Instant now) {
	}

	/**
	 * A contact made: when, how, our most senior level in it (null: none recorded), and
	 * our most senior official in it (null: none of ours was named).
	 */
	record PastContact(long id, Instant at, Channel channel, Level level, Person official) {
	}

	/** A change of the stance; {@code contactId} names the contact it was read from. */
	record Move(int version, Stance from, Stance to, Instant recordedAt, Long contactId) {
	}

	/** Who would make a contact at a level, and why them. */
	record Holder(Person person, Source source) {

		enum Source {

			/** Owns the state at this level in the campaign. */
			ASSIGNED,
			/** Has had the most contacts with the state at this level (any campaign). */
			MOST_CONTACTS,
			/** Is at this level; nobody there has a relationship with the state yet. */
			AT_LEVEL

		}

		boolean holdsRelationship() {
			return this.source != Source.AT_LEVEL;
		}

	}

	static Optional<Suggestion> decide(Facts facts) {
		Situation s = new Situation(facts);
		Campaign.Ask ask = facts.ask();
		// (a) nothing left to win
		if (AskDistance.firmAtAsk(ask, facts.stance())) {
			return Optional.empty();
		}
		// (b) never contacted
		if (s.contacts.isEmpty()) {
			Person owner = (facts.owner() != null && facts.owner().active()) ? facts.owner() : null;
			if (owner != null) {
				Channel channel = channelFor(owner.level());
				return s.suggest(Suggestion.Rule.FIRST_CONTACT, owner.level(), owner, channel,
						facts.stateName() + " has not been contacted in this campaign yet: suggest a first "
								+ word(channel) + " at " + owner.level().label() + " level by its owner, "
								+ owner.name() + ".");
			}
			Step step = s.stay(Level.PERMANENT_REPRESENTATIVE);
			Channel channel = channelFor(step.level());
			return s.suggest(Suggestion.Rule.FIRST_CONTACT, step.level(), step.person(), channel,
					facts.stateName() + " has not been contacted in this campaign yet and nobody owns it: suggest a "
							+ "first " + word(channel) + " at " + step.level().label() + " level " + step.who() + ".");
		}
		PastContact last = s.contacts.get(0);
		// (c) slipped since our last contact
		Stance atLast = s.stanceAfter(last.at());
		if (AskDistance.slipped(ask, atLast, facts.stance())) {
			Level highest = highest(s.contacts);
			Step step = (highest == null) ? s.stay(s.defaultLevel()) : s.up(highest, true);
			Channel channel = channelFor(step.level());
			return s.suggest(Suggestion.Rule.SLIPPED, step.level(), step.person(), channel,
					facts.stateName() + " slipped from " + atLast.label() + " to " + facts.stance().label()
							+ " since our last contact (" + day(last.at(), facts.now())
							+ ((last.level() == null) ? "" : ", " + last.level().label() + " level") + "): suggest "
							+ noun(channel) + " at " + step.level().label() + " level " + step.who() + ".");
		}
		// (d) two or more contacts at the highest level since the last movement, no
		// movement
		Instant moved = s.lastMovementToward();
		List<PastContact> since = s.contacts.stream().filter((c) -> moved == null || c.at().isAfter(moved)).toList();
		Level top = highest(since);
		List<PastContact> atTop = since.stream()
			.filter((c) -> c.level() == top)
			.sorted(Comparator.comparing(PastContact::at))
			.toList();
		if (top != null && atTop.size() >= 2 && up(top) != null) {
			Step step = s.up(top, false);
			Channel channel = channelFor(step.level());
			return s.suggest(Suggestion.Rule.ESCALATE, step.level(), step.person(), channel,
					count(atTop.size()) + " contacts at " + top.label() + " level ("
							+ atTop.stream().map((c) -> day(c.at(), facts.now())).collect(Collectors.joining(", "))
							+ ") and no movement toward " + AskDistance.label(ask)
							+ ((moved == null) ? "" : " since " + day(moved, facts.now())) + ": suggest "
							+ noun(channel) + " at " + step.level().label() + " level " + step.who() + ".");
		}
		// (e) moving our way: consolidate with whoever made the last contact
		Stance baseline = (s.contacts.size() > 1) ? s.stanceAfter(s.contacts.get(1).at()) : s.stanceBefore(last.at());
		if (AskDistance.toward(ask, baseline, facts.stance())) {
			Step step = s.again(last);
			return s.suggest(Suggestion.Rule.CONSOLIDATE, step.level(), step.person(), last.channel(),
					facts.stateName() + " moved from " + baseline.label() + " to " + facts.stance().label()
							+ ((s.contacts.size() > 1)
									? " since the contact of " + day(s.contacts.get(1).at(), facts.now()) : "")
							+ ": consolidate with " + noun(last.channel()) + " at " + step.level().label() + " level "
							+ step.who() + ".");
		}
		// (f) time to recontact
		if (last.at().isBefore(facts.now().minus(facts.notContactedDays(), ChronoUnit.DAYS))) {
			Step step = s.again(last);
			return s.suggest(Suggestion.Rule.RECONTACT, step.level(), step.person(), last.channel(),
					"The last contact with " + facts.stateName() + " was on " + day(last.at(), facts.now())
							+ ", more than " + facts.notContactedDays() + " days ago: suggest " + noun(last.channel())
							+ " at " + step.level().label() + " level " + step.who() + ".");
		}
		return Optional.empty();
	}

	/** The next level up the ladder; null at the top or off the ladder. */
	static Level up(Level level) {
		int rank = LADDER.indexOf(level);
		return (rank < 0 || rank == LADDER.size() - 1) ? null : LADDER.get(rank + 1);
	}

	/** The most senior ladder level among the contacts; null if none recorded one. */
	static Level highest(List<PastContact> contacts) {
		return contacts.stream()
			.map(PastContact::level)
			// a contact logged without our participants' level has none (List.contains
			// rejects null)
			.filter((level) -> level != null && LADDER.contains(level))
			.max(Comparator.comparingInt(LADDER::indexOf))
			.orElse(null);
	}

	/** The usual way to reach someone at a level. */
	static Channel channelFor(Level level) {
		return switch (level) {
			case HEAD_OF_STATE, MINISTER, DEPUTY_MINISTER, DESK_OFFICER -> Channel.CALL;
			case ASSISTANT_SECRETARY, AMBASSADOR -> Channel.DEMARCHE;
			case PERMANENT_REPRESENTATIVE, DEPUTY_PERMANENT_REPRESENTATIVE, LEGISLATOR -> Channel.MEETING;
		};
	}

	/** "a call", "an email". */
	static String noun(Channel channel) {
		return (channel == Channel.EMAIL ? "an " : "a ") + word(channel);
	}

	/** "call", "email": for "a first call". */
	static String word(Channel channel) {
		return switch (channel) {
			case CALL -> "call";
			case MESSAGE -> "message";
			case MEETING -> "meeting";
			case DEMARCHE -> "démarche";
			case LETTER -> "letter";
			case BRIEFING -> "briefing";
			case PUBLIC_STATEMENT -> "public statement";
			case EMAIL -> "email";
			case VIDEO_CALL -> "video call";
			case OTHER -> "contact";
		};
	}

	private static String who(Holder holder, Facts facts) {
		if (holder == null) {
			return "(none of our active officials is at that level: add one, or assign an owner at that level)";
		}
		String name = holder.person().name();
		return switch (holder.source()) {
			case ASSIGNED -> "by " + name + ", who holds the relationship at that level";
			case MOST_CONTACTS ->
				"by " + name + ", who has had the most contacts with " + facts.stateName() + " at that level";
			case AT_LEVEL -> "by " + name + ", one of our officials at that level (none of them has contacted "
					+ facts.stateName() + " yet)";
		};
	}

	private static Person person(Holder holder) {
		return (holder == null) ? null : holder.person();
	}

	/** The day of a contact, with its year when that is not the year of {@code now}. */
	private static String day(Instant at, Instant now) {
		return org.plenary.system.Dates.dayOf(at.atOffset(ZoneOffset.UTC).toLocalDate(),
				now.atOffset(ZoneOffset.UTC).toLocalDate());
	}

	private static String count(int n) {
		return (n < NUMBERS.length) ? NUMBERS[n] : String.valueOf(n);
	}

	/** Where a suggestion goes, with whom, and how to say so ("by Jane Roe, who ..."). */
	private record Step(Level level, Person person, String who) {

	}

	/** The facts, put in order once, with the questions the rules ask of them. */
	private static final class Situation {

		private final Facts facts;

		/** Newest first. */
		private final List<PastContact> contacts;

		/** Oldest first. */
		private final List<Move> moves;

		Situation(Facts facts) {
			this.facts = facts;
			this.contacts = facts.contacts()
				.stream()
				.sorted(Comparator.comparing(PastContact::at).thenComparingLong(PastContact::id).reversed())
				.toList();
			this.moves = facts.moves().stream().sorted(Comparator.comparingInt(Move::version)).toList();
		}

		Level defaultLevel() {
			Person owner = this.facts.owner();
			return (owner != null && owner.active()) ? owner.level() : Level.PERMANENT_REPRESENTATIVE;
		}

		/**
		 * When a move took place: when its contact did, if it came from one (the read is
		 * recorded when the contact is logged, often later); else when it was recorded.
		 */
		Instant when(Move move) {
			if (move.contactId() != null) {
				for (PastContact contact : this.contacts) {
					if (contact.id() == move.contactId()) {
						return contact.at();
					}
				}
			}
			return move.recordedAt();
		}

		/**
		 * The stance as it stood just after {@code at}, a contact's own read included.
		 */
		Stance stanceAfter(Instant at) {
			Stance stance = Stance.UNKNOWN;
			for (Move move : this.moves) {
				if (!when(move).isAfter(at)) {
					stance = move.to();
				}
			}
			return stance;
		}

		/** The stance as it stood just before {@code at}. */
		Stance stanceBefore(Instant at) {
			Stance stance = Stance.UNKNOWN;
			for (Move move : this.moves) {
				if (when(move).isBefore(at)) {
					stance = move.to();
				}
			}
			return stance;
		}

		/** When the stance last moved toward the ask (first reads do not count). */
		Instant lastMovementToward() {
			Instant latest = null;
			for (Move move : this.moves) {
				if (AskDistance.toward(this.facts.ask(), move.from(), move.to())) {
					Instant when = when(move);
					latest = (latest == null || when.isAfter(latest)) ? when : latest;
				}
			}
			return latest;
		}

		/**
		 * A level above {@code from}: the nearest at which someone holds the
		 * relationship, else the next one; at the top, the top again if
		 * {@code stayAtTop}.
		 */
		Step up(Level from, boolean stayAtTop) {
			Level next = EscalationRules.up(from);
			if (next == null) {
				return stayAtTop ? new Step(from, person(holder(from)),
						who(holder(from)) + " (" + from.label() + " is the top of the ladder)") : null;
			}
			for (int rank = LADDER.indexOf(next); rank < LADDER.size(); rank++) {
				Holder holder = holder(LADDER.get(rank));
				if (holder != null && holder.holdsRelationship()) {
					String skipped = (LADDER.get(rank) == next) ? ""
							: " (nobody of ours holds it at the levels in between)";
					return new Step(LADDER.get(rank), holder.person(), who(holder) + skipped);
				}
			}
			// nobody holds it above: the next official up on file, whatever the level's
			// gap (an organisation has no ambassador at every rung)
			for (int rank = LADDER.indexOf(next); rank < LADDER.size(); rank++) {
				Holder holder = holder(LADDER.get(rank));
				if (holder != null) {
					String skipped = (LADDER.get(rank) == next) ? ""
							: " (nobody of ours is at " + levels(next, LADDER.get(rank)) + " level)";
					return new Step(LADDER.get(rank), holder.person(), who(holder) + skipped);
				}
			}
			return stay(next);
		}

		/**
		 * At a level, its holder; with nobody of ours there, the nearest official on the
		 * ladder (above first), saying so; "none" only when nobody is on file at all.
		 */
		Step stay(Level level) {
			Holder here = holder(level);
			int rank = LADDER.indexOf(level);
			if (here != null || rank < 0) {
				return new Step(level, person(here), who(here));
			}
			for (int distance = 1; distance < LADDER.size(); distance++) {
				for (int candidate : new int[] { rank + distance, rank - distance }) {
					if (candidate >= 0 && candidate < LADDER.size() && holder(LADDER.get(candidate)) != null) {
						Holder nearest = holder(LADDER.get(candidate));
						return new Step(LADDER.get(candidate), nearest.person(),
								who(nearest) + " (nobody of ours is at " + level.label() + " level)");
					}
				}
			}
			return new Step(level, null, who(null));
		}

		/** "Ambassador", or "Ambassador or Deputy Minister": the levels skipped. */
		private static String levels(Level from, Level to) {
			List<String> skipped = new java.util.ArrayList<>();
			for (int rank = LADDER.indexOf(from); rank < LADDER.indexOf(to); rank++) {
				skipped.add(LADDER.get(rank).label());
			}
			return String.join(" or ", skipped);
		}

		/** The last contact's level and official again, if still active. */
		Step again(PastContact last) {
			Level level = (last.level() != null) ? last.level() : defaultLevel();
			if (last.official() != null && last.official().active()) {
				return new Step(level, last.official(),
						"by " + last.official().name() + " again, who made the last contact");
			}
			return stay(level);
		}

		private Holder holder(Level level) {
			return this.facts.holders().get(level);
		}

		private String who(Holder holder) {
			return EscalationRules.who(holder, this.facts);
		}

		Optional<Suggestion> suggest(Suggestion.Rule rule, Level level, Person official, Channel channel,
				String reason) {
			long latest = this.contacts.stream().mapToLong(PastContact::id).max().orElse(0);
			String basis = rule.name() + ":" + level.name() + ":" + ((latest == 0) ? "none" : "c" + latest) + ":v"
					+ this.facts.stanceVersion();
			return Optional.of(new Suggestion(this.facts.iso3(), rule, level, official, channel, reason, basis));
		}

	}

}
