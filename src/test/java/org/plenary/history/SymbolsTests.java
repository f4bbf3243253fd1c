package org.plenary.history;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Symbols as people type them, read as the datasets store them. */
class SymbolsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "ES-11/1|A/RES/ES-11/1", "A/RES/ES-11/1|A/RES/ES-11/1", "a/res/es-11/1|A/RES/ES-11/1",
					"es 11/1|A/RES/ES-11/1", "ES11/1|A/RES/ES-11/1", "' A / RES / ES-11 / 1 '|A/RES/ES-11/1",
					"RES/ES-11/1|A/RES/ES-11/1", "68/262|A/RES/68/262", "A/RES/68/262|A/RES/68/262",
					"R/68/262|A/RES/68/262", "37/100 A|A/RES/37/100 A", "37/100A|A/RES/37/100 A",
					"a/res/75/254 a-c|A/RES/75/254 A-C", "377 (V)|A/RES/377(V)", "A/RES/66(I)|A/RES/66(I)",
					"S-10/2|A/RES/S-10/2" })
	void aResolutionsSymbolIsReadHoweverWritten(String typed, String stored) {
		assertThat(Symbols.typedResolution(typed)).contains(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "territorial integrity", "ES-11", "A/ES-11/L.1", "2022", "68", "" })
	void wordsADraftOrASessionAreNotAResolutionsSymbol(String typed) {
		assertThat(Symbols.typedResolution(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "A/ES-11/L.1|A/ES-11/L.1", "es-11/l.1|A/ES-11/L.1", "A/68/L.39|A/68/L.39",
			"A/ES-11/L.5/Rev.1|A/ES-11/L.5/REV.1" })
	void aDraftsSymbolIsReadHoweverWritten(String typed, String stored) {
		assertThat(Symbols.typedDraft(typed)).contains(stored);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ES-11|A/RES/ES-11/", "A/RES/ES-11|A/RES/ES-11/", "es 11|A/RES/ES-11/" })
	void aSessionIsReadHoweverWritten(String typed, String stored) {
		assertThat(Symbols.typedSession(typed)).contains(stored);
	}

}
