package org.plenary.forecast.core.tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdoptionRuleTests {

	@ParameterizedTest(name = "{0}({1}): {2}-{3}, permanent No {4} -> {5}")
	@CsvSource(textBlock = """
			SIMPLE_MAJORITY, 0, 100, 99, false, true
			SIMPLE_MAJORITY, 0, 99, 99, false, false
			SIMPLE_MAJORITY, 0, 0, 0, false, false
			SIMPLE_MAJORITY, 0, 1, 0, false, true
			TWO_THIRDS, 0, 141, 5, false, true
			TWO_THIRDS, 0, 93, 24, false, true
			TWO_THIRDS, 0, 100, 50, false, true
			TWO_THIRDS, 0, 99, 50, false, false
			TWO_THIRDS, 0, 0, 0, false, false
			TWO_THIRDS, 0, 1, 0, false, true
			SECURITY_COUNCIL_PROCEDURAL, 9, 9, 6, true, true
			SECURITY_COUNCIL_PROCEDURAL, 9, 8, 0, false, false
			SECURITY_COUNCIL_SUBSTANTIVE, 9, 9, 0, false, true
			SECURITY_COUNCIL_SUBSTANTIVE, 9, 14, 1, true, false
			SECURITY_COUNCIL_SUBSTANTIVE, 9, 11, 1, false, true
			SECURITY_COUNCIL_SUBSTANTIVE, 9, 8, 0, false, false
			QUOTA, 97, 97, 96, false, true
			QUOTA, 97, 96, 0, false, false
			QUOTA, 0, 0, 0, false, true
			""")
	void appliesEachRuleAsTheCharterAndTheRulesOfProcedureSay(AdoptionRule.Kind kind, int yesNeeded, int yes, int no,
			boolean permanentNo, boolean adopted) {
		assertThat(new AdoptionRule(kind, yesNeeded).adopted(yes, no, permanentNo)).isEqualTo(adopted);
	}

	@Test
	void theCouncilNeedsNineVotes() {
		assertThat(AdoptionRule.securityCouncilProcedural().yesNeeded()).isEqualTo(9);
		assertThat(AdoptionRule.securityCouncilSubstantive().yesNeeded()).isEqualTo(9);
		assertThat(AdoptionRule.securityCouncilSubstantive().hasVeto()).isTrue();
		assertThat(AdoptionRule.securityCouncilProcedural().hasVeto()).isFalse();
	}

	@Test
	void takesTheRuleAsACampaignStatesIt() {
		assertThat(AdoptionRule.of(AdoptionRule.Kind.TWO_THIRDS, 97)).isEqualTo(AdoptionRule.twoThirds());
		assertThat(AdoptionRule.of(AdoptionRule.Kind.SECURITY_COUNCIL_SUBSTANTIVE, 0))
			.isEqualTo(AdoptionRule.securityCouncilSubstantive());
		assertThat(AdoptionRule.of(AdoptionRule.Kind.QUOTA, 97)).isEqualTo(AdoptionRule.quota(97));
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdoptionRule.quota(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> new AdoptionRule(AdoptionRule.Kind.SIMPLE_MAJORITY, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> new AdoptionRule(null, 0));
	}

	@Test
	void describesItselfInWords() {
		assertThat(AdoptionRule.twoThirds().describe()).isEqualTo("two-thirds majority of members present and voting");
		assertThat(AdoptionRule.quota(97).describe()).isEqualTo("at least 97 Yes votes");
	}

}
