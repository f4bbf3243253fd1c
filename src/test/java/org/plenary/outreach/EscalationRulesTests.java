package org.plenary.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign.Ask;
import org.plenary.outreach.EscalationRules.Facts;
import org.plenary.outreach.EscalationRules.Holder;
import org.plenary.outreach.EscalationRules.Move;
import org.plenary.outreach.EscalationRules.PastContact;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation rules (a) to (f), without a database. */
class EscalationRulesTests {

	static final Instant NOW = Instant.parse("2030-11-21T12:00:00Z");

	static final Instant NOV_5 = Instant.parse("2030-11-05T10:00:00Z");

	static final Instant NOV_8 = Instant.parse("2030-11-08T10:00:00Z");

	static final Instant NOV_12 = Instant.parse("2030-11-12T10:00:00Z");

	static final Instant NOV_19 = Instant.parse("2030-11-19T15:00:00Z");

	static final Person MINISTER = person(1, "Jane Roe", Level.MINISTER);

	static final Person PR = person(2, "Sam Poe", Level.PERMANENT_REPRESENTATIVE);

	static final Person AMBASSADOR = person(3, "Ann Bee", Level.AMBASSADOR);

	static final Person FORMER = new Person(4, "Old Hand", 1, "US mission", Level.AMBASSADOR, null, null, false, 0);

	@Test
	void aFirmStateAtOurAskGetsNoSuggestion() {
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR));
		assertThat(decide(Ask.YES, Stance.YES, contacts, List.of(move(1, Stance.UNKNOWN, Stance.YES, NOV_12, 1L)), null,
				Map.of()))
			.isEmpty();
		assertThat(decide(Ask.ABSTAIN, Stance.ABSENT, List.of(), List.of(), null, Map.of()))
			.as("absent is as good as an abstention")
			.isEmpty();
		assertThat(decide(Ask.YES, Stance.LEANING_YES, List.of(), List.of(), null, Map.of())).as("leaning is not firm")
			.isPresent();
	}

	@Test
	void aStateNeverContactedGetsAFirstContactByItsOwnerAtTheOwnersLevel() {
		Suggestion suggestion = decide(Ask.YES, Stance.UNKNOWN, List.of(), List.of(), AMBASSADOR,
				Map.of(Level.PERMANENT_REPRESENTATIVE, holder(PR, Holder.Source.AT_LEVEL)))
			.orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.FIRST_CONTACT);
		assertThat(suggestion.level()).isEqualTo(Level.AMBASSADOR);
		assertThat(suggestion.official()).isEqualTo(AMBASSADOR);
		assertThat(suggestion.channel()).isEqualTo(Channel.DEMARCHE);
		assertThat(suggestion.reason()).isEqualTo("Brazil has not been contacted in this campaign yet: suggest a first "
				+ "démarche at Ambassador level by its owner, Ann Bee.");
		assertThat(suggestion.basis()).isEqualTo("FIRST_CONTACT:AMBASSADOR:none:v0");
	}

	@Test
	void aStateNeverContactedAndOwnedByNobodyGetsAFirstContactAtPermanentRepresentativeLevel() {
		Suggestion suggestion = decide(Ask.YES, Stance.UNDECIDED, List.of(), List.of(), null,
				Map.of(Level.PERMANENT_REPRESENTATIVE, holder(PR, Holder.Source.MOST_CONTACTS)))
			.orElseThrow();
		assertThat(suggestion.level()).isEqualTo(Level.PERMANENT_REPRESENTATIVE);
		assertThat(suggestion.official()).isEqualTo(PR);
		assertThat(suggestion.reason()).contains("nobody owns it")
			.contains("by Sam Poe, who has had the most contacts with Brazil at that level");
		Suggestion nobody = decide(Ask.YES, Stance.UNDECIDED, List.of(), List.of(), FORMER, Map.of()).orElseThrow();
		assertThat(nobody.official()).as("an owner who left is no owner").isNull();
		assertThat(nobody.level()).isEqualTo(Level.PERMANENT_REPRESENTATIVE);
		assertThat(nobody.reason()).contains("none of our active officials is at that level");
	}

	@Test
	void aStanceThatSlippedSinceOurLastContactGoesALevelAboveTheHighestUsed() {
		List<PastContact> contacts = List.of(contact(1, NOV_8, Level.DESK_OFFICER, null),
				contact(2, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR));
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_8, 1L),
				move(2, Stance.UNDECIDED, Stance.LEANING_YES, NOV_12.plusSeconds(600), 2L),
				// read from the press, no contact of ours
				move(3, Stance.LEANING_YES, Stance.UNDECIDED, NOV_19, null));
		Suggestion suggestion = decide(Ask.YES, Stance.UNDECIDED, contacts, moves, PR,
				Map.of(Level.AMBASSADOR, holder(AMBASSADOR, Holder.Source.MOST_CONTACTS)))
			.orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.SLIPPED);
		assertThat(suggestion.level()).isEqualTo(Level.AMBASSADOR);
		assertThat(suggestion.official()).isEqualTo(AMBASSADOR);
		assertThat(suggestion.reason())
			.startsWith("Brazil slipped from Leaning yes to Undecided since our last contact "
					+ "(12 Nov, Permanent Representative level): suggest a démarche at Ambassador level by Ann Bee");
		assertThat(suggestion.basis()).isEqualTo("SLIPPED:AMBASSADOR:c2:v3");
	}

	@Test
	void twoContactsAtPermanentRepresentativeLevelAndNoMovementSuggestTheMinisterWhoHoldsTheRelationship() {
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_19, Level.PERMANENT_REPRESENTATIVE, PR));
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_12, 1L),
				move(2, Stance.UNDECIDED, Stance.UNDECIDED, NOV_19, 2L));
		Suggestion suggestion = decide(Ask.YES, Stance.UNDECIDED, contacts, moves, PR, Map.of(Level.AMBASSADOR,
				holder(AMBASSADOR, Holder.Source.AT_LEVEL), Level.MINISTER, holder(MINISTER, Holder.Source.ASSIGNED)))
			.orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		assertThat(suggestion.level()).isEqualTo(Level.MINISTER);
		assertThat(suggestion.official()).isEqualTo(MINISTER);
		assertThat(suggestion.channel()).isEqualTo(Channel.CALL);
		assertThat(suggestion.reason()).isEqualTo("Two contacts at Permanent Representative level (12 Nov, 19 Nov) and "
				+ "no movement toward Yes: suggest a call at Minister level by Jane Roe, who holds the relationship at "
				+ "that level (nobody of ours holds it at the levels in between).");
	}

	@Test
	void withNobodyHoldingTheRelationshipAboveEscalationGoesOneLevelUp() {
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_19, Level.PERMANENT_REPRESENTATIVE, PR));
		Map<Level, Holder> holders = Map.of(Level.AMBASSADOR, holder(AMBASSADOR, Holder.Source.AT_LEVEL),
				Level.MINISTER, holder(MINISTER, Holder.Source.AT_LEVEL));
		Suggestion suggestion = decide(Ask.YES, Stance.UNKNOWN, contacts, List.of(), PR, holders).orElseThrow();
		assertThat(suggestion.level()).isEqualTo(Level.AMBASSADOR);
		assertThat(suggestion.official()).isEqualTo(AMBASSADOR);
		assertThat(suggestion.reason()).contains("none of them has contacted Brazil yet");
		Suggestion nobody = decide(Ask.YES, Stance.UNKNOWN, contacts, List.of(), PR, Map.of()).orElseThrow();
		assertThat(nobody.level()).isEqualTo(Level.AMBASSADOR);
		assertThat(nobody.official()).isNull();
		assertThat(nobody.reason()).isEqualTo("Two contacts at Permanent Representative level (12 Nov, 19 Nov) and no "
				+ "movement toward Yes: suggest a démarche at Ambassador level (none of our active officials is at that "
				+ "level: add one, or assign an owner at that level).");
	}

	/**
	 * "None of our officials fits" was said with an Assistant Secretary and the Secretary
	 * of State on file: an organisation has no one at every rung, and the next official
	 * up is the one to call.
	 */
	@Test
	void withNobodyAtTheNextLevelTheNextOfficialUpOnFileIsNamed() {
		Person assistant = person(7, "Dana Ruiz", Level.ASSISTANT_SECRETARY);
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_19, Level.PERMANENT_REPRESENTATIVE, PR));
		Map<Level, Holder> holders = Map.of(Level.ASSISTANT_SECRETARY, holder(assistant, Holder.Source.AT_LEVEL),
				Level.MINISTER, holder(MINISTER, Holder.Source.AT_LEVEL));
		Suggestion suggestion = decide(Ask.YES, Stance.UNKNOWN, contacts, List.of(), PR, holders).orElseThrow();
		assertThat(suggestion.level()).isEqualTo(Level.ASSISTANT_SECRETARY);
		assertThat(suggestion.official()).isEqualTo(assistant);
		assertThat(suggestion.reason()).contains("by Dana Ruiz")
			.contains("(nobody of ours is at Ambassador level)")
			.doesNotContain("none of our active officials");
		// a first contact with no Permanent Representative on file goes to the nearest
		// official, above first
		Suggestion first = decide(Ask.YES, Stance.UNKNOWN, List.of(), List.of(), null, holders).orElseThrow();
		assertThat(first.official()).isEqualTo(assistant);
		assertThat(first.reason()).contains("(nobody of ours is at Permanent Representative level)");
		// only with nobody on file at all does none fit
		Suggestion none = decide(Ask.YES, Stance.UNKNOWN, List.of(), List.of(), null, Map.of()).orElseThrow();
		assertThat(none.official()).isNull();
		assertThat(none.reason()).contains("none of our active officials");
	}

	@Test
	void onlyContactsSinceTheLastMovementTowardTheAskCount() {
		List<PastContact> contacts = List.of(contact(1, NOV_5, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_8, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(3, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR));
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_5, 1L),
				move(2, Stance.UNDECIDED, Stance.LEANING_YES, NOV_8, 2L));
		// one contact since the movement: not yet a reason to go up; the last is 9 days
		// old
		Suggestion suggestion = decide(Ask.YES, Stance.LEANING_YES, contacts, moves, PR, Map.of()).orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.RECONTACT);
		List<PastContact> more = new java.util.ArrayList<>(contacts);
		more.add(contact(4, NOV_19, Level.DEPUTY_PERMANENT_REPRESENTATIVE, null));
		more.add(contact(5, NOV_19.plusSeconds(3600), Level.PERMANENT_REPRESENTATIVE, PR));
		Suggestion escalate = decide(Ask.YES, Stance.LEANING_YES, more, moves, PR, Map.of()).orElseThrow();
		assertThat(escalate.rule()).isEqualTo(Suggestion.Rule.ESCALATE);
		assertThat(escalate.reason()).startsWith("Two contacts at Permanent Representative level (12 Nov, 19 Nov) and "
				+ "no movement toward Yes since 8 Nov");
	}

	@Test
	void aStateMovingOurWayIsConsolidatedByWhoeverMadeTheLastContact() {
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				new PastContact(2, NOV_19, Channel.VIDEO_CALL, Level.AMBASSADOR, AMBASSADOR));
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_12, 1L),
				move(2, Stance.UNDECIDED, Stance.LEANING_YES, NOV_19.plusSeconds(7200), 2L));
		Suggestion suggestion = decide(Ask.YES, Stance.LEANING_YES, contacts, moves, PR,
				Map.of(Level.MINISTER, holder(MINISTER, Holder.Source.ASSIGNED)))
			.orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.CONSOLIDATE);
		assertThat(suggestion.level()).isEqualTo(Level.AMBASSADOR);
		assertThat(suggestion.official()).isEqualTo(AMBASSADOR);
		assertThat(suggestion.channel()).isEqualTo(Channel.VIDEO_CALL);
		assertThat(suggestion.reason()).isEqualTo("Brazil moved from Undecided to Leaning yes since the contact of "
				+ "12 Nov: consolidate with a video call at Ambassador level by Ann Bee again, who made the last contact.");
	}

	@Test
	void aQuietStateIsRecontactedAtTheSameLevelOnceTheDaysHavePassed() {
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_12, 1L));
		Suggestion suggestion = decide(Ask.YES, Stance.UNDECIDED,
				List.of(contact(1, NOV_12, Level.DEPUTY_PERMANENT_REPRESENTATIVE, FORMER)), moves, PR,
				Map.of(Level.DEPUTY_PERMANENT_REPRESENTATIVE, holder(PR, Holder.Source.AT_LEVEL)))
			.orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.RECONTACT);
		assertThat(suggestion.level()).isEqualTo(Level.DEPUTY_PERMANENT_REPRESENTATIVE);
		assertThat(suggestion.official()).as("the official of the last contact left: someone at that level")
			.isEqualTo(PR);
		assertThat(suggestion.reason()).startsWith("The last contact with Brazil was on 12 Nov, more than 7 days ago");
		// three days after the contact: nothing to do yet
		List<PastContact> recent = List.of(contact(1, NOW.minus(Duration.ofDays(3)), Level.AMBASSADOR, AMBASSADOR));
		assertThat(decide(Ask.YES, Stance.UNDECIDED, recent,
				List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOW.minus(Duration.ofDays(3)), 1L)), PR, Map.of()))
			.isEmpty();
	}

	@Test
	void aSlipComesBeforeTheOtherRules() {
		List<PastContact> contacts = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_19, Level.PERMANENT_REPRESENTATIVE, PR));
		List<Move> moves = List.of(move(1, Stance.UNKNOWN, Stance.LEANING_YES, NOV_12, 1L),
				move(2, Stance.LEANING_YES, Stance.LEANING_YES, NOV_19, 2L),
				move(3, Stance.LEANING_YES, Stance.LEANING_NO, NOV_19.plusSeconds(86400), null));
		assertThat(decide(Ask.YES, Stance.LEANING_NO, contacts, moves, PR, Map.of()).orElseThrow().rule())
			.isEqualTo(Suggestion.Rule.SLIPPED);
	}

	@Test
	void legislatorsAreOffTheLadderAndTheTopHasNothingAbove() {
		List<PastContact> legislators = List.of(contact(1, NOV_12, Level.LEGISLATOR, null),
				contact(2, NOV_19, Level.LEGISLATOR, null));
		assertThat(decide(Ask.YES, Stance.UNDECIDED, legislators, List.of(), PR, Map.of())).isEmpty();
		List<PastContact> leaders = List.of(contact(1, NOV_5, Level.HEAD_OF_STATE, null),
				contact(2, NOV_8, Level.HEAD_OF_STATE, null));
		Suggestion suggestion = decide(Ask.YES, Stance.UNDECIDED, leaders, List.of(), PR, Map.of()).orElseThrow();
		assertThat(suggestion.rule()).isEqualTo(Suggestion.Rule.RECONTACT);
		assertThat(suggestion.level()).isEqualTo(Level.HEAD_OF_STATE);
	}

	@Test
	void contactsLoggedWithoutOurLevelStillGetASuggestion() {
		// a quick log by a whip not linked to an official: no level on our side
		List<PastContact> quick = List.of(contact(2, NOV_8, null, null), contact(1, NOV_5, null, null));
		Suggestion recontact = decide(Ask.YES, Stance.UNDECIDED, quick,
				List.of(move(1, Stance.UNKNOWN, Stance.UNDECIDED, NOV_5, 1L)), PR, Map.of())
			.orElseThrow();
		assertThat(recontact.rule()).isEqualTo(Suggestion.Rule.RECONTACT);
		assertThat(recontact.level()).isNotNull();
		assertThat(recontact.reason()).contains(recontact.level().label());
		Suggestion slipped = decide(Ask.YES, Stance.LEANING_NO, quick,
				List.of(move(1, Stance.UNKNOWN, Stance.LEANING_YES, NOV_5, 1L),
						move(2, Stance.LEANING_YES, Stance.LEANING_NO, NOV_19, null)),
				PR, Map.of())
			.orElseThrow();
		assertThat(slipped.rule()).isEqualTo(Suggestion.Rule.SLIPPED);
		assertThat(slipped.level()).isNotNull();
	}

	@Test
	void theBasisChangesWithANewContactOrANewStanceVersion() {
		List<PastContact> two = List.of(contact(1, NOV_12, Level.PERMANENT_REPRESENTATIVE, PR),
				contact(2, NOV_19, Level.PERMANENT_REPRESENTATIVE, PR));
		List<PastContact> three = List.of(two.get(0), two.get(1),
				contact(7, NOV_19.plusSeconds(60), Level.PERMANENT_REPRESENTATIVE, PR));
		String before = decide(Ask.YES, Stance.UNKNOWN, two, List.of(), PR, Map.of()).orElseThrow().basis();
		String after = decide(Ask.YES, Stance.UNKNOWN, three, List.of(), PR, Map.of()).orElseThrow().basis();
		assertThat(before).isEqualTo("ESCALATE:AMBASSADOR:c2:v0");
		assertThat(after).isEqualTo("ESCALATE:AMBASSADOR:c7:v0");
	}

	private static Optional<Suggestion> decide(Ask ask, Stance stance, List<PastContact> contacts, List<Move> moves,
			Person owner, Map<Level, Holder> holders) {
		int version = moves.stream().mapToInt(Move::version).max().orElse(0);
		return EscalationRules
			.decide(new Facts("BRA", "Brazil", ask, stance, version, contacts, moves, owner, holders, 7, NOW));
	}

	private static PastContact contact(long id, Instant at, Level level, Person official) {
		return new PastContact(id, at, Channel.CALL, level, official);
	}

	private static Move move(int version, Stance from, Stance to, Instant at, Long contactId) {
		return new Move(version, from, to, at, contactId);
	}

	private static Holder holder(Person person, Holder.Source source) {
		return new Holder(person, source);
	}

	private static Person person(long id, String name, Level level) {
		return new Person(id, name, 1, "US mission", level, null, null, true, 0);
	}

}
