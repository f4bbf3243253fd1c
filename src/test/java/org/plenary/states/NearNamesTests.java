package org.plenary.states;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How near an unknown name is to a state's: the spellings the UN's own files use for
 * Türkiye (issue 21) fold alike or a letter apart.
 */
class NearNamesTests {

	@Test
	void accentsAndDottedOrUndottedIFoldAlike() {
		assertThat(StateNameResolver.fold("TÜRKİYE")).isEqualTo("TURKIYE");
		assertThat(StateNameResolver.fold("Türkıye")).isEqualTo("TURKIYE");
		assertThat(StateNameResolver.fold("türkiye")).isEqualTo("TURKIYE");
	}

	@Test
	void typingSlipsCostOneEach() {
		assertThat(StateNameResolver.distance("TURKIYYE", "TURKIYE")).isEqualTo(1); // a
																					// letter
																					// too
																					// many
		assertThat(StateNameResolver.distance("TRUKIYE", "TURKIYE")).isEqualTo(1); // two
																					// swapped
		assertThat(StateNameResolver.distance("TUERKIYE", "TURKIYE")).isEqualTo(1); // ü
																					// written
																					// ue
		assertThat(StateNameResolver.distance("FRANSE", "FRANCE")).isEqualTo(1);
		assertThat(StateNameResolver.distance("CHAD", "CHILE")).isEqualTo(3);
	}

}
