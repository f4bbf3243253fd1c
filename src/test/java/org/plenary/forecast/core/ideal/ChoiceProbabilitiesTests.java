package org.plenary.forecast.core.ideal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChoiceProbabilitiesTests {

	@Test
	void aKnownPositionGivesTheOrderedProbit() {
		ChoiceProbabilities p = ChoiceProbabilities.orderedProbit(1.5, -1, 1, 0.2, 0);
		assertThat(p.no()).isCloseTo(0.0968004845856103, within(1e-7));
		assertThat(p.yes()).isCloseTo(0.2419636522230730, within(1e-7));
		assertThat(p.yes() + p.abstain() + p.no()).isCloseTo(1, within(1e-12));
		assertThat(p.mostLikely()).isEqualTo(VoteChoice.ABSTAIN);
	}

	@Test
	void anUncertainPositionIsIntegratedOver() {
		double beta = -2.0;
		double cutNo = -0.3;
		double cutYes = 0.9;
		double mean = 0.4;
		double variance = 0.5;
		double yes = 0;
		double abstain = 0;
		double no = 0;
		int steps = 40_000;
		double sd = Math.sqrt(variance);
		double h = 16.0 / steps;
		for (int k = 0; k < steps; k++) {
			double u = -8 + (k + 0.5) * h;
			double weight = Normal.pdf(u) * h;
			ChoiceProbabilities p = ChoiceProbabilities.orderedProbit(beta, cutNo, cutYes, mean + sd * u, 0);
			yes += weight * p.yes();
			abstain += weight * p.abstain();
			no += weight * p.no();
		}
		ChoiceProbabilities integrated = ChoiceProbabilities.orderedProbit(beta, cutNo, cutYes, mean, variance);
		assertThat(integrated.yes()).isCloseTo(yes, within(1e-6));
		assertThat(integrated.abstain()).isCloseTo(abstain, within(1e-6));
		assertThat(integrated.no()).isCloseTo(no, within(1e-6));
		assertThat(integrated.of(VoteChoice.NO)).isEqualTo(integrated.no());
	}

}
