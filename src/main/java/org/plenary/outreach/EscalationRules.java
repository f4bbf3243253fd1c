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
 * deputy minister, minister, a member of the legislature where the roster has one, head
 * of state) goes to the next person up who has not yet called the state in this campaign:
 * at the nearest level above at which one of our officials holds the relationship with
 * the state (owns it at that level, or has had the most contacts with it there), since a
 * call from someone they know moves more than one from a stranger; when nobody above
 * holds it, to the next level, by any official of ours there; when none of ours fits, by
 * a partner's official where the partner shares its roster with the campaign; only then
 * someone who has called already, or naming the gap.
 */
final class EscalationRules {

	static final List<Level> LADDER = List.of(Level.DESK_OFFICER, Level.DEPUTY_PERMANENT_REPRESENTATIVE,
			Level.PERMANENT_REPRESENTATIVE, Level.AMBASSADOR, Level.ASSISTANT_SECRETARY, Level.DEPUTY_MINISTER,
			Level.MINISTER, Level.HEAD_OF_STATE);

	/**
	 * The ladder of an organisation with members of its legislature on file: a
	 * legislator's call comes after the minister's, before the head of state's.
	 */
	static final List<Level> LADDER_WITH_LEGISLATORS = List.of(Level.DESK_OFFICER,
			Level.DEPUTY_PERMANENT_REPRESENTATIVE, Level.PERMANENT_REPRESENTATIVE, Level.AMBASSADOR,
			Level.ASSISTANT_SECRETARY, Level.DEPUTY_MINISTER, Level.MINISTER, Level.LEGISLATOR, Level.HEAD_OF_STATE);

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
	 * @param holders for each level, who would make a contact there, best first: its
	 * owners at that level, those with the most contacts with the state there, then the
	 * other active officials at that level; levels without anyone are missing
	 * @param calledBy our officials who took part in a contact with the state in this
	 * campaign
	 */
	record Facts(String iso3, String stateName, Campaign.Ask ask, Stance stance, int stanceVersion,
			List<PastContact> contacts, List<Move> moves, Person owner, Map<Level, List<Holder>> holders,
			java.util.Set<Long> calledBy, int notContactedDays, Instant now) {

		/** One holder per level, none of whom has called yet. */
		Facts(String iso3, String stateName, Campaign.Ask ask, Stance stance, int stanceVersion,
				List<PastContact> contacts, List<Move> moves, Person owner, Map<Level, Holder> holders,
				int notContactedDays, Instant now) {
			this(iso3, stateName, ask, stance, stanceVersion, contacts, moves, owner, one(holders), java.util.Set.of(),
					notContactedDays, now);
		}

		private static Map<Level, List<Holder>> one(Map<Level, Holder> holders) {
			Map<Level, List<Holder>> lists = new java.util.EnumMap<>(Level.class);
			holders.forEach((level, holder) -> lists.put(level, List.of(holder)));
			return lists;
		}

		/** The ladder of these officials: with legislators when one is on file. */
		List<Level> ladder() {
			return this.holders.containsKey(Level.LEGISLATOR) ? LADDER_WITH_LEGISLATORS : LADDER;
		}

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

	/**
	 * Who would make a contact at a level, and why them.
	 *
	 * @param partner whether the official is a partner organisation's, shared with the
	 * campaign
	 */
	record Holder(Person person, Source source, boolean partner) {

		Holder(Person person, Source source) {
			this(person, source, false);
		}

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

		/** One of ours, or assigned to the state in the campaign whoever's it is. */
		boolean ours() {
			return !this.partner || this.source == Source.ASSIGNED;
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
			Level highest = highest(s.contacts, s.ladder);
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
		Level top = highest(since, s.ladder);
		List<PastContact> atTop = since.stream()
			.filter((c) -> c.level() == top)
			.sorted(Comparator.comparing(PastContact::at))
			.toList();
		if (top != null && atTop.size() >= 2 && up(top, s.ladder) != null) {
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
		return up(level, LADDER);
	}

	static Level up(Level level, List<Level> ladder) {
		int rank = ladder.indexOf(level);
		return (rank < 0 || rank == ladder.size() - 1) ? null : ladder.get(rank + 1);
	}

	/** The most senior ladder level among the contacts; null if none recorded one. */
	static Level highest(List<PastContact> contacts) {
		return highest(contacts, LADDER);
	}

	static Level highest(List<PastContact> contacts, List<Level> ladder) {
		return contacts.stream()
			.map(PastContact::level)
			// a contact logged without our participants' level has none (List.contains
			// rejects null)
			.filter((level) -> level != null && ladder.contains(level))
			.max(Comparator.comparingInt(ladder::indexOf))
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
		String name = holder.person().name() + (holder.partner() && holder.person().organisation() != null
				? " of " + holder.person().organisation() + ", a partner sharing its officials" : "");
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

		private final List<Level> ladder;

		Situation(Facts facts) {
			this.facts = facts;
			this.ladder = facts.ladder();
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
		 * A level above {@code from}: the next person up who has not called the state
		 * yet, in the order of {@link #TIERS}, at the nearest level where one fits; at
		 * the top, the top again if {@code stayAtTop}.
		 */
		Step up(Level from, boolean stayAtTop) {
			Level next = EscalationRules.up(from, this.ladder);
			if (next == null) {
				if (!stayAtTop) {
					return null;
				}
				Holder here = null;
				for (int tier : new int[] { 1, 3, 4 }) {
					here = (here == null) ? pick(from, tier) : here;
				}
				return new Step(from, person(here), who(here) + " (" + from.label() + " is the top of the ladder)");
			}
			for (int tier = 0; tier < TIERS; tier++) {
				for (int rank = this.ladder.indexOf(next); rank < this.ladder.size(); rank++) {
					Level level = this.ladder.get(rank);
					Holder holder = pick(level, tier);
					if (holder != null) {
						return new Step(level, holder.person(), who(holder) + skipped(tier, next, level, holder));
					}
				}
			}
			return stay(next);
		}

		/**
		 * How far down the preferences a pick may go: 0, ours who hold the relationship;
		 * 1, any of ours; 2, a partner's shared official who holds it; 3, any partner's
		 * shared official; 4, someone who has called the state already.
		 */
		private static final int TIERS = 5;

		/** The first holder at a level that the tier allows, or null. */
		private Holder pick(Level level, int tier) {
			for (Holder holder : holders(level)) {
				boolean fresh = !this.facts.calledBy().contains(holder.person().id());
				boolean fits = switch (tier) {
					case 0 -> fresh && holder.ours() && holder.holdsRelationship();
					case 1 -> fresh && holder.ours();
					case 2 -> fresh && holder.holdsRelationship();
					case 3 -> fresh;
					default -> true;
				};
				if (fits) {
					return holder;
				}
			}
			return null;
		}

		/** Why the suggestion skipped levels or people, in words ("" if it did not). */
		private String skipped(int tier, Level next, Level level, Holder holder) {
			if (tier == TIERS - 1) {
				return " (who has already called " + this.facts.stateName()
						+ " in this campaign: nobody else is on file above)";
			}
			if (tier >= 2) {
				return " (none of our own officials fits"
						+ ((level == next) ? "" : ", and nobody is at " + levels(next, level) + " level") + ")";
			}
			if (level == next) {
				return "";
			}
			return (tier == 0) ? " (nobody of ours holds it at the levels in between)"
					: " (nobody of ours" + (this.facts.calledBy().isEmpty() ? "" : " who has not called yet")
							+ " is at " + levels(next, level) + " level)";
		}

		/**
		 * At a level, its best holder; with nobody there, the nearest official on the
		 * ladder (above first), saying so; ours before a partner's, someone who has not
		 * called before someone who has; "none" only when nobody is on file at all.
		 */
		Step stay(Level level) {
			int rank = this.ladder.indexOf(level);
			if (rank < 0) {
				Holder here = holders(level).isEmpty() ? null : holders(level).get(0);
				return new Step(level, person(here), who(here));
			}
			for (int tier : new int[] { 1, 3, 4 }) {
				Holder here = pick(level, tier);
				if (here != null) {
					return new Step(level, here.person(), who(here));
				}
				for (int distance = 1; distance < this.ladder.size(); distance++) {
					for (int candidate : new int[] { rank + distance, rank - distance }) {
						if (candidate >= 0 && candidate < this.ladder.size()) {
							Holder nearest = pick(this.ladder.get(candidate), tier);
							if (nearest != null) {
								return new Step(this.ladder.get(candidate), nearest.person(),
										who(nearest) + " (nobody of ours is at " + level.label() + " level)");
							}
						}
					}
				}
			}
			return new Step(level, null, who(null));
		}

		/** "Ambassador", or "Ambassador or Deputy Minister": the levels skipped. */
		private String levels(Level from, Level to) {
			List<String> skipped = new java.util.ArrayList<>();
			for (int rank = this.ladder.indexOf(from); rank < this.ladder.indexOf(to); rank++) {
				skipped.add(this.ladder.get(rank).label());
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

		private List<Holder> holders(Level level) {
			return this.facts.holders().getOrDefault(level, List.of());
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
