package org.plenary.forecast.core.model;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.plenary.forecast.core.model.TargetsFile.InvalidTargets;
import org.plenary.forecast.core.tally.AdoptionRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetsFileTests {

	private static List<Target> read(String text) throws IOException {
		return TargetsFile.read(new StringReader(text));
	}

	@Test
	void readsAGoodFile() throws IOException {
		List<Target> targets = read("""
				\uFEFFtarget,date,references,rule
				A/ES-11/L.1,2022-03-02,A/RES/68/262,two-thirds

				"Suspension, HRC",2022-04-07, A/RES/ES-11/1 ; A/RES/ES-11/2 ;,Two_Thirds
				Cuba embargo,2023-11-02,"A/RES/77/7;A/RES/76/5",simple
				"Say \"\"no\"\"",2023-12-01,A/RES/77/8,majority
				""");

		assertThat(targets).hasSize(4);
		Target first = targets.get(0);
		assertThat(first.name()).isEqualTo("A/ES-11/L.1");
		assertThat(first.date()).isEqualTo(LocalDate.of(2022, 3, 2));
		assertThat(first.references()).containsExactly("A/RES/68/262");
		assertThat(first.rule()).isEqualTo(AdoptionRule.twoThirds());
		Target second = targets.get(1);
		assertThat(second.name()).isEqualTo("Suspension, HRC");
		assertThat(second.references()).containsExactly("A/RES/ES-11/1", "A/RES/ES-11/2");
		assertThat(second.rule()).isEqualTo(AdoptionRule.twoThirds());
		Target third = targets.get(2);
		assertThat(third.references()).containsExactly("A/RES/77/7", "A/RES/76/5");
		assertThat(third.rule()).isEqualTo(AdoptionRule.simpleMajority());
		assertThat(targets.get(3).name()).isEqualTo("Say \"no\"");
		assertThat(targets.get(3).rule()).isEqualTo(AdoptionRule.simpleMajority());
	}

	@Test
	void readsTheColumnsInAnyOrderWithExtraColumnsAndWindowsLineEnds() throws IOException {
		List<Target> targets = read(
				"Rule, Notes ,DATE,Target,References\r\n2/3,first try,2022-03-02,L.1,ES-11/1;ES-11/2\r\n\r\n  \r\n");

		assertThat(targets).hasSize(1);
		assertThat(targets.get(0).name()).isEqualTo("L.1");
		assertThat(targets.get(0).date()).isEqualTo(LocalDate.of(2022, 3, 2));
		assertThat(targets.get(0).references()).containsExactly("ES-11/1", "ES-11/2");
		assertThat(targets.get(0).rule()).isEqualTo(AdoptionRule.twoThirds());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					missing header column | target,date,references\\nL.1,2022-03-02,ES-11/1                       | Line 1:  | 'rule'
					bad date              | target,date,references,rule\\nL.1,2022-3-2,ES-11/1,simple          | Line 2:  | '2022-3-2'
					impossible date       | target,date,references,rule\\nL.1,2022-02-30,ES-11/1,simple        | Line 2:  | '2022-02-30'
					empty references      | target,date,references,rule\\nL.1,2022-03-02, ; ,simple            | Line 2:  | no reference
					unknown rule          | target,date,references,rule\\nL.1,2022-03-02,ES-11/1,unanimity     | Line 2:  | 'unanimity'
					empty rule            | target,date,references,rule\\nL.1,2022-03-02,ES-11/1,              | Line 2:  | rule
					duplicate target      | target,date,references,rule\\nL.1,2022-03-02,ES-11/1,simple\\n\\nL.1,2022-04-07,ES-11/2,simple | Line 4: | L.1
					unclosed quote        | target,date,references,rule\\nL.1,2022-03-02,ES-11/1,simple\\n"L.2,2022-04-07,ES-11/2,simple | Line 3: | quote
					unclosed header quote | "target,date,references,rule\\nL.1,2022-03-02,ES-11/1,simple       | Line 1:  | quote
					too few columns       | target,date,references,rule\\nL.1,2022-03-02,ES-11/1               | Line 2:  | 3 columns
					no name               | target,date,references,rule\\n  ,2022-03-02,ES-11/1,simple         | Line 2:  | no name
					""")
	void refusesABadLineNamingIt(String problem, String text, String line, String detail) {
		assertThatExceptionOfType(InvalidTargets.class).isThrownBy(() -> read(text.replace("\\n", "\n")))
			.withMessageStartingWith(line)
			.withMessageContaining(detail);
	}

	@Test
	void countsBlankLinesInTheLineNumbers() {
		assertThatExceptionOfType(InvalidTargets.class)
			.isThrownBy(() -> read(
					"target,date,references,rule\n\n\nL.1,2022-03-02,ES-11/1,simple\n\nL.2,soon,ES-11/2,simple\n"))
			.withMessage("Line 6: the date 'soon' is not YYYY-MM-DD");
	}

	@Test
	void refusesAFileWithAHeaderButNoTarget() {
		assertThatExceptionOfType(InvalidTargets.class).isThrownBy(() -> read("target,date,references,rule\n\n   \n"))
			.withMessageContaining("no target");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(InvalidTargets.class).isThrownBy(() -> read(""))
			.withMessageContaining("target,date,references,rule");
	}

	@Test
	void anInvalidTargetsIsAnIllegalArgument() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> read("target,date,references,rule\nL.1,2022-03-02,ES-11/1,veto\n"))
			.isInstanceOf(InvalidTargets.class);
	}

}
