package org.plenary.campaigns;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRulesTests {

	@ParameterizedTest(name = "{0}: {1}-{2}-{3} adopted={4}")
	@CsvSource(textBlock = """
			SIMPLE_MAJORITY, 100, 99, 0, true
			SIMPLE_MAJORITY, 99, 99, 10, false
			SIMPLE_MAJORITY, 0, 0, 193, false
			SIMPLE_MAJORITY, 1, 0, 192, true
			TWO_THIRDS, 141, 5, 35, true
			TWO_THIRDS, 93, 24, 58, true
			TWO_THIRDS, 100, 11, 58, true
			TWO_THIRDS, 100, 50, 0, true
			TWO_THIRDS, 99, 50, 0, false
			TWO_THIRDS, 0, 0, 193, false
			TWO_THIRDS, 1, 0, 0, true
			SECURITY_COUNCIL_PROCEDURAL, 9, 6, 0, true
			SECURITY_COUNCIL_PROCEDURAL, 8, 0, 7, false
			QUOTA, 97, 0, 0, true
			QUOTA, 96, 0, 0, false
			""")
	void appliesEachRule(DecisionRule rule, int yes, int no, int abstain, boolean adopted) {
		assertThat(DecisionRules.adopted(rule, VoteCount.of(yes, no, abstain), 97)).isEqualTo(adopted);
	}

	@Test
	void es11Slash3PassesUnderTwoThirdsBecauseAbstentionsDoNotCount() {
		// 93 of the 117 present and voting: 79.5 %, although 93 is less than half of 193
		Decision decision = DecisionRules.decide(DecisionRule.TWO_THIRDS, new VoteCount(93, 24, 58, 18, 0), 0);
		assertThat(decision.adopted()).isTrue();
		assertThat(decision.marginYes()).isEqualTo(93 - 48);
		assertThat(decision.explanation()).isEqualTo("Passes 93-24-58, with 45 Yes to spare");
	}

	@Test
	void exactlyTwoThirdsPasses() {
		assertThat(DecisionRules.decide(DecisionRule.TWO_THIRDS, VoteCount.of(100, 50, 43), 0).marginYes()).isZero();
		Decision oneShort = DecisionRules.decide(DecisionRule.TWO_THIRDS, VoteCount.of(99, 50, 44), 0);
		assertThat(oneShort.adopted()).isFalse();
		assertThat(oneShort.moreYesNeeded()).isEqualTo(1);
		assertThat(oneShort.fewerNoNeeded()).isEqualTo(1);
		assertThat(oneShort.explanation()).isEqualTo("Fails 99-50-44: needs 1 more Yes, or 1 fewer No");
	}

	@Test
	void aTieRejectsUnderSimpleMajority() {
		Decision tie = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, VoteCount.of(80, 80, 33), 0);
		assertThat(tie.adopted()).isFalse();
		assertThat(tie.moreYesNeeded()).isEqualTo(1);
		assertThat(tie.fewerNoNeeded()).isEqualTo(1);
	}

	@Test
	void allAbstainingAdoptsNothing() {
		for (DecisionRule rule : DecisionRule.values()) {
			Decision decision = DecisionRules.decide(rule, VoteCount.of(0, 0, 193), 1);
			assertThat(decision.adopted()).as(rule.name()).isFalse();
			assertThat(decision.fewerNoNeeded()).as(rule.name()).isEqualTo(-1);
		}
	}

	@Test
	void aPermanentMembersNoIsAVetoButItsAbstentionIsNot() {
		Decision vetoed = DecisionRules.decide(DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE, new VoteCount(11, 1, 3, 0, 1),
				0);
		assertThat(vetoed.adopted()).isFalse();
		assertThat(vetoed.moreYesNeeded()).isEqualTo(-1);
		assertThat(vetoed.fewerNoNeeded()).isEqualTo(1);
		assertThat(vetoed.explanation()).isEqualTo("Fails 11-1-3: vetoed by 1 permanent member voting No");
		// a non-permanent member's No is no veto
		assertThat(DecisionRules.adopted(DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE, new VoteCount(9, 2, 4, 0, 0), 0))
			.isTrue();
		// a permanent member abstaining (in the abstain count) is no veto either
		// (practice since 1946)
		assertThat(DecisionRules.adopted(DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE, new VoteCount(13, 0, 2, 0, 0), 0))
			.isTrue();
		// the procedural rule ignores permanent members
		assertThat(DecisionRules.adopted(DecisionRule.SECURITY_COUNCIL_PROCEDURAL, new VoteCount(9, 3, 3, 0, 2), 0))
			.isTrue();
	}

	@Test
	void eachBodyHasItsUsualRule() {
		assertThat(Body.SECURITY_COUNCIL.defaultRule()).isEqualTo(DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE);
		// the GA's normal rule is a majority of those present and voting (Art. 18(3));
		// two-thirds is for important questions, chosen by name
		assertThat(Body.EMERGENCY_SPECIAL_SESSION.defaultRule()).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		assertThat(Body.GA_PLENARY.defaultRule()).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		assertThat(Body.HUMAN_RIGHTS_COUNCIL.defaultRule()).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		for (Body body : Body.values()) {
			assertThat(body.rules()).contains(body.defaultRule());
		}
	}

	@Property
	void whatItTakesIsExactlyEnough(@ForAll @IntRange(max = 193) int yes, @ForAll @IntRange(max = 193) int no,
			@ForAll @IntRange(max = 60) int abstain) {
		for (DecisionRule rule : new DecisionRule[] { DecisionRule.SIMPLE_MAJORITY, DecisionRule.TWO_THIRDS }) {
			Decision decision = DecisionRules.decide(rule, VoteCount.of(yes, no, abstain), 0);
			if (decision.adopted()) {
				assertThat(decision.moreYesNeeded()).isZero();
				continue;
			}
			int more = decision.moreYesNeeded();
			assertThat(DecisionRules.adopted(rule, VoteCount.of(yes + more, no, abstain), 0)).isTrue();
			assertThat(DecisionRules.adopted(rule, VoteCount.of(yes + more - 1, no, abstain), 0)).isFalse();
			int fewer = decision.fewerNoNeeded();
			if (fewer > 0) {
				assertThat(DecisionRules.adopted(rule, VoteCount.of(yes, no - fewer, abstain + fewer), 0)).isTrue();
				assertThat(DecisionRules.adopted(rule, VoteCount.of(yes, no - fewer + 1, abstain + fewer - 1), 0))
					.isFalse();
			}
		}
	}

}
