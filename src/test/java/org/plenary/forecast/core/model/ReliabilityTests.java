package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReliabilityTests {

	private static final double DEPUTY_PR = 0.9;

	private final Reliability defaults = Reliability.defaults();

	/**
	 * Thailand: its history says Yes; its Deputy Permanent Representative says it will
	 * abstain. The read must win: a fixed Bayes factor left it at 86 % Yes, and it
	 * abstained.
	 */
	@Test
	void aFirmAbstainFromADeputyPermanentRepresentativeOutweighsAHistoryOfYes() {
		VoteProbabilities history = VoteProbabilities.of(0.95, 0.005, 0.04, 0.005);
		WhipRead read = new WhipRead(Vote.ABSTAIN, true, 1, DEPUTY_PR, 0);
		VoteProbabilities given = this.defaults.given(read, history);
		assertThat(given.abstain()).isGreaterThan(given.yes());
		assertThat(given.abstain()).isGreaterThan(0.9);
		// a leaning read moves it too, less: most likely to abstain still
		VoteProbabilities leaning = this.defaults.given(new WhipRead(Vote.ABSTAIN, false, 1, DEPUTY_PR, 0), history);
		assertThat(leaning.abstain()).isGreaterThan(leaning.yes());
		assertThat(leaning.abstain()).isLessThan(given.abstain());
		// two months old, a leaning read no longer carries it
		VoteProbabilities old = this.defaults.given(new WhipRead(Vote.ABSTAIN, false, 1, DEPUTY_PR, 60), history);
		assertThat(old.yes()).isGreaterThan(old.abstain());
	}

	@Test
	void theLikelihoodGivesTheMixtureByBayesRule() {
		VoteProbabilities history = VoteProbabilities.of(0.7, 0.1, 0.15, 0.05);
		WhipRead read = new WhipRead(Vote.NO, true, 1.25, 1.2, 3);
		double[] l = this.defaults.likelihood(read, history);
		double[] p = { history.yes(), history.no(), history.abstain(), history.nonVoting() };
		double total = 0;
		for (int v = 0; v < 4; v++) {
			total += p[v] * l[v];
		}
		VoteProbabilities mixture = this.defaults.given(read, history);
		assertThat(p[0] * l[0] / total).isCloseTo(mixture.yes(), within(1e-12));
		assertThat(p[1] * l[1] / total).isCloseTo(mixture.no(), within(1e-12));
		assertThat(p[2] * l[2] / total).isCloseTo(mixture.abstain(), within(1e-12));
		assertThat(this.defaults.trust(read))
			.isGreaterThan(this.defaults.trust(new WhipRead(Vote.NO, true, 1, 0.75, 3)));
	}

	/**
	 * Reads that are kept 60 % of the time, whatever the model said, teach a trust near
	 * 60 %.
	 */
	@Test
	void learningFindsHowOftenReadsAreKept() {
		List<Reliability.Outcome> outcomes = new ArrayList<>();
		VoteProbabilities against = VoteProbabilities.of(0.9, 0.05, 0.04, 0.01);
		for (int i = 0; i < 400; i++) {
			boolean kept = i % 10 < 6;
			// a firm Abstain read on a state whose history says Yes
			outcomes.add(new Reliability.Outcome(new WhipRead(Vote.ABSTAIN, true, 1, 1, 0), against,
					kept ? Vote.ABSTAIN : Vote.YES));
		}
		Reliability learned = Reliability.learn(outcomes);
		double trust = learned.trust(new WhipRead(Vote.ABSTAIN, true, 1, 1, 0));
		// P(kept) = trust + (1 - trust) 0.04 = 0.6 gives trust 0.583; the prior pulls a
		// little toward 95 %
		assertThat(trust).isBetween(0.57, 0.62);
		assertThat(learned.firmReads()).isEqualTo(400);
		assertThat(learned.leaning()).isEqualTo(Reliability.DEFAULT_LEANING);
	}

}
