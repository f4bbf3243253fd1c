package org.plenary.forecast.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The vote model on a synthetic history: 60 states in two blocs vote every year from 2009
 * to 2020 on the same 16 resolutions (same titles), each vote with its own shared shift
 * towards Yes; two states are often absent; two "twins" vote alike everywhere except on
 * the reference, where one votes Yes and the other No.
 */
class VoteModelTests {

	private static final LocalDate DATE = LocalDate.of(2021, 6, 1);

	private static final int STATES = 60;

	private static final int TOPICS = 16;

	/** Often absent (60 % of roll calls). */
	private static final Set<String> ABSENTEES = Set.of("S15", "S45");

	/** On the Charter Art. 19 list at the date. */
	private static final String IN_ARREARS = "S07";

	/** Twins: the same votes, except Yes and No on the reference. */
	private static final String TWIN_YES = "S57";

	private static final String TWIN_NO = "S58";

	/** A state that appears in the history only after the date. */
	private static final String LATECOMER = "AAA";

	private static final ModelSettings SETTINGS = ModelSettings.defaults();

	private static List<String> states;

	private static Map<String, String> groups;

	private static PastVotes history;

	private static PastVotes longerHistory;

	private static int reference;

	private static VoteModel model;

	private static VoteForecast forecast;

	private record Roll(long id, LocalDate date, String symbol, String title, Map<String, Vote> votes) {
	}

	@BeforeAll
	static void simulate() {
		states = new ArrayList<>();
		groups = new HashMap<>();
		for (int i = 0; i < STATES; i++) {
			String iso3 = String.format("S%02d", i);
			states.add(iso3);
			groups.put(iso3, (i < STATES / 2) ? "WEOG" : "GRULAC");
		}
		groups.put(LATECOMER, "WEOG");
		Random random = new Random(20220302L);
		double[] position = new double[STATES];
		for (int i = 0; i < STATES; i++) {
			position[i] = ((i < STATES / 2) ? 1 : -1) + 0.3 * random.nextGaussian();
		}
		double[] direction = new double[TOPICS];
		double[] level = new double[TOPICS];
		double[][] bias = new double[STATES][TOPICS];
		for (int t = 0; t < TOPICS; t++) {
			direction[t] = switch (t % 4) {
				case 0 -> 1.5;
				case 1 -> -1.5;
				case 2 -> 0.8;
				default -> 0;
			};
			level[t] = (t % 4 == 3) ? 2.5 : 0.3 * random.nextGaussian();
			for (int i = 0; i < STATES; i++) {
				bias[i][t] = 0.8 * random.nextGaussian();
			}
		}
		List<Roll> rolls = new ArrayList<>();
		for (int year = 2009; year <= 2020; year++) {
			for (int t = 0; t < TOPICS; t++) {
				LocalDate date = LocalDate.of(year, 10 + t / 8, 1 + (t % 8) * 3);
				double shift = 0.7 * random.nextGaussian();
				Map<String, Vote> votes = new LinkedHashMap<>();
				for (int i = 0; i < STATES; i++) {
					String iso3 = states.get(i);
					double absent = ABSENTEES.contains(iso3) ? 0.6 : 0.04;
					if (random.nextDouble() < absent) {
						votes.put(iso3, Vote.NON_VOTING);
						continue;
					}
					double u = random.nextDouble();
					double z = direction[t] * position[i] + level[t] + bias[i][t] + shift + Math.log(u / (1 - u));
					votes.put(iso3, (z > 0.7) ? Vote.YES : (z < -0.7) ? Vote.NO : Vote.ABSTAIN);
				}
				// the twins: one votes as the other, except on the last vote of topic 0
				boolean isReference = year == 2020 && t == 0;
				votes.put(TWIN_NO, isReference ? Vote.NO : votes.get(TWIN_YES));
				if (isReference) {
					votes.put(TWIN_YES, Vote.YES);
				}
				rolls.add(
						new Roll(year * 100L + t, date, "A/RES/" + (year - 1944) + "/" + (t + 1), "Topic " + t, votes));
			}
		}
		PastVotes.Builder builder = PastVotes.builder(states);
		rolls.forEach((roll) -> builder.add(roll.id(), roll.date(), roll.symbol(), roll.title(), roll.votes()));
		history = builder.build();

		// the same, and then votes on and after the date, with a state that is new then
		List<String> moreStates = new ArrayList<>();
		moreStates.add(LATECOMER);
		moreStates.addAll(states);
		PastVotes.Builder longer = PastVotes.builder(moreStates);
		rolls.forEach((roll) -> longer.add(roll.id(), roll.date(), roll.symbol(), roll.title(), roll.votes()));
		Random later = new Random(2021);
		LocalDate[] laterDates = { DATE, DATE, DATE.plusDays(1), LocalDate.of(2021, 10, 1), LocalDate.of(2022, 3, 2) };
		for (int j = 0; j < laterDates.length; j++) {
			Map<String, Vote> votes = new HashMap<>();
			for (String iso3 : moreStates) {
				votes.put(iso3, Vote.values()[later.nextInt(4)]);
			}
			// small ids: they still come after the date's cut
			longer.add(j, laterDates[j], "A/RES/76/" + (j + 1), "Topic " + (j % TOPICS), votes);
		}
		longerHistory = longer.build();

		reference = history.find("A/RES/76/1", history.before(DATE)).get(0);
		model = VoteModel.asOf(history, DATE, new int[] { reference }, groups, SETTINGS);
		forecast = model.forecast(new int[] { reference }, states, Set.of(IN_ARREARS), Set.of());
	}

	@Test
	void theReferenceIsLastYearsVoteOnTheTopic() {
		assertThat(history.date(reference)).isEqualTo(LocalDate.of(2020, 10, 1));
		assertThat(history.title(reference)).isEqualTo("Topic 0");
		assertThat(history.vote(reference, history.stateIndex(TWIN_YES))).isEqualTo(Vote.YES);
		assertThat(history.vote(reference, history.stateIndex(TWIN_NO))).isEqualTo(Vote.NO);
	}

	@Test
	void learnsFromThePastVotesThatRepeatATitle() {
		// three years of 16 repeated titles before the date
		assertThat(model.weights().trainingVotes()).isEqualTo(3 * TOPICS);
		assertThat(model.weights()).isNotEqualTo(ModelWeights.defaults());
		assertThat(model.trainingLogLoss()).isFinite().isPositive();
		// every vote has its own shared shift (sd 0.7 on the utility of Yes over
		// Abstain); the model must find one
		assertThat(forecast.sigmaShift()).isGreaterThan(0.2);
		assertThat(forecast.members()).containsExactlyElementsOf(states);
	}

	@Test
	void everyStatesProbabilitiesAreFiniteNonNegativeAndSumToOne() {
		List<String> members = new ArrayList<>(states);
		members.add("NEW"); // a member the history does not know
		VoteForecast withNewMember = model.forecast(new int[] { reference }, members, Set.of(IN_ARREARS), Set.of());
		List<VoteProbabilities> marginals = withNewMember.marginals();

		assertThat(marginals).hasSize(STATES + 1);
		for (VoteProbabilities p : marginals) {
			double sum = 0;
			for (Vote vote : Vote.values()) {
				assertThat(p.probability(vote)).isFinite().isGreaterThanOrEqualTo(0);
				sum += p.probability(vote);
			}
			assertThat(sum).isCloseTo(1, within(1e-12));
		}
		Scenarios scenarios = withNewMember.scenarios();
		assertThat(scenarios.size()).isEqualTo(SETTINGS.scenarios());
		assertThat(scenarios.members()).isEqualTo(STATES + 1);
	}

	@Test
	void aStateInArrearsCertainlyDoesNotVote() {
		int state = states.indexOf(IN_ARREARS);

		assertThat(forecast.marginals().get(state)).isEqualTo(VoteProbabilities.certain(Vote.NON_VOTING));
		for (int s = 0; s < forecast.scenarios().size(); s++) {
			assertThat(forecast.scenarios().states(s).get(state).nonVoting()).isEqualTo(1.0);
		}
		assertThat(forecast.probabilities(state, 3, -3).nonVoting()).isEqualTo(1.0);
		// without the Art. 19 list, the same state would likely vote
		VoteForecast withoutArrears = model.forecast(new int[] { reference }, states, Set.of(), Set.of());
		assertThat(withoutArrears.marginals().get(state).nonVoting()).isLessThan(0.5);
	}

	@Test
	void aStateThatVotedYesOnTheReferenceIsLikelierToVoteYesThanOneThatVotedNo() {
		List<VoteProbabilities> marginals = forecast.marginals();
		VoteProbabilities yes = marginals.get(states.indexOf(TWIN_YES));
		VoteProbabilities no = marginals.get(states.indexOf(TWIN_NO));

		assertThat(yes.yes()).isGreaterThan(no.yes() + 0.03);
		assertThat(no.no()).isGreaterThan(yes.no() + 0.03);
		// and in each bloc, on average
		for (int from : new int[] { 0, STATES / 2 }) {
			double[] sum = new double[2];
			int[] count = new int[2];
			for (int i = from; i < from + STATES / 2; i++) {
				Vote vote = history.vote(reference, i);
				if (states.get(i).equals(IN_ARREARS) || (vote != Vote.YES && vote != Vote.NO)) {
					continue;
				}
				int k = (vote == Vote.YES) ? 0 : 1;
				sum[k] += marginals.get(i).yes();
				count[k]++;
			}
			assertThat(count[0]).isPositive();
			assertThat(count[1]).isPositive();
			assertThat(sum[0] / count[0]).as("bloc from %d", from).isGreaterThan(sum[1] / count[1]);
		}
	}

	@Test
	void aStateThatIsOftenAbsentIsLikelierNotToVote() {
		List<VoteProbabilities> marginals = forecast.marginals();
		double mostPresent = 0;
		for (int i = 0; i < STATES; i++) {
			String iso3 = states.get(i);
			if (!ABSENTEES.contains(iso3) && !iso3.equals(IN_ARREARS)) {
				mostPresent = Math.max(mostPresent, marginals.get(i).nonVoting());
			}
		}
		for (String absentee : ABSENTEES) {
			assertThat(marginals.get(states.indexOf(absentee)).nonVoting()).as(absentee)
				.isGreaterThan(mostPresent)
				.isGreaterThan(0.3);
		}
	}

	@Test
	void readsNothingFromTheDateOn() {
		assertThat(longerHistory.size()).isGreaterThan(history.size());
		int longerReference = longerHistory.find("A/RES/76/1", longerHistory.before(DATE)).get(0);
		assertThat(longerHistory.id(longerReference)).isEqualTo(history.id(reference));
		VoteModel longerModel = VoteModel.asOf(longerHistory, DATE, new int[] { longerReference }, groups, SETTINGS);

		assertThat(longerModel.weights()).isEqualTo(model.weights());
		assertThat(longerModel.trainingLogLoss()).isEqualTo(model.trainingLogLoss());
		for (String iso3 : states) {
			assertThat(longerModel.idealPosition(iso3)).as(iso3).isEqualTo(model.idealPosition(iso3));
		}
		VoteForecast longerForecast = longerModel.forecast(new int[] { longerReference }, states, Set.of(IN_ARREARS),
				Set.of());
		assertSame(longerForecast.scenarios(), forecast.scenarios());
		assertThat(longerForecast.marginals()).isEqualTo(forecast.marginals());
		// with evidence too
		double[][] likelihood = yesReads(List.of("S30", "S31", "S32"));
		assertSame(longerForecast.given(likelihood), forecast.given(likelihood));
	}

	@Test
	void aStateThatFirstVotesAfterTheDateIsForecastAsOneTheHistoryDoesNotKnow() {
		List<String> members = new ArrayList<>(states);
		members.add(LATECOMER);
		int longerReference = longerHistory.find("A/RES/76/1", longerHistory.before(DATE)).get(0);
		VoteModel longerModel = VoteModel.asOf(longerHistory, DATE, new int[] { longerReference }, groups, SETTINGS);

		VoteForecast known = longerModel.forecast(new int[] { longerReference }, members, Set.of(), Set.of());
		VoteForecast unknown = model.forecast(new int[] { reference }, members, Set.of(), Set.of());

		assertThat(known.marginals().get(STATES)).isEqualTo(unknown.marginals().get(STATES));
		assertThat(known.marginals()).isEqualTo(unknown.marginals());
	}

	@Test
	void refusesAReferenceOnOrAfterTheDate() {
		int cut = longerHistory.before(DATE);
		assertThat(longerHistory.date(cut)).isEqualTo(DATE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoteModel.asOf(longerHistory, DATE, new int[] { cut }, groups, SETTINGS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoteModel.asOf(longerHistory, DATE, new int[] { cut + 3 }, groups, SETTINGS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoteModel.asOf(longerHistory, DATE, new int[] { -1 }, groups, SETTINGS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model.forecast(new int[] { reference, history.size() }, states, Set.of(), Set.of()));
		VoteModel longerModel = VoteModel.asOf(longerHistory, DATE, new int[0], groups, SETTINGS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> longerModel.forecast(new int[] { cut }, states, Set.of(), Set.of()));
	}

	@Test
	void aStrongReadOfYesMakesThatStateAlmostCertainlyYes() {
		int state = states.indexOf("S40"); // bloc B, which votes No on the topic
		double before = forecast.marginals().get(state).yes();
		double[][] likelihood = new double[STATES][];
		likelihood[state] = new double[] { 1, 1e-4, 1e-4, 1e-4 };

		double after = forecast.given(likelihood).marginals().get(state).yes();

		assertThat(before).isLessThan(0.5);
		assertThat(after).isGreaterThan(0.99);
	}

	@Test
	void manyUnexpectedReadsOfYesMoveTheStatesNotRead() {
		// bloc B mostly votes No on the topic; half of it is read as Yes
		List<String> read = new ArrayList<>();
		for (int i = STATES / 2; i < STATES / 2 + 15; i++) {
			read.add(states.get(i));
		}
		List<VoteProbabilities> before = forecast.marginals();
		List<VoteProbabilities> after = forecast.given(yesReads(read)).marginals();

		double expectedYes = 0;
		for (String iso3 : read) {
			expectedYes += before.get(states.indexOf(iso3)).yes();
		}
		assertThat(expectedYes).as("the model expected few of them to vote Yes").isLessThan(9);
		for (int i = 0; i < STATES; i++) {
			String iso3 = states.get(i);
			if (read.contains(iso3) || iso3.equals(IN_ARREARS)) {
				continue;
			}
			assertThat(after.get(i).yes()).as(iso3).isGreaterThanOrEqualTo(before.get(i).yes());
		}
		for (String iso3 : List.of("S50", "S55", "S10")) {
			int i = states.indexOf(iso3);
			assertThat(after.get(i).yes()).as(iso3).isGreaterThan(before.get(i).yes() + 0.02);
		}
		// reads of what the model expected move the others much less
		double[][] asExpected = new double[STATES][];
		for (int i = STATES / 2; i < STATES / 2 + 15; i++) {
			asExpected[i] = reads(before.get(i).mostLikely());
		}
		List<VoteProbabilities> afterExpected = forecast.given(asExpected).marginals();
		int s50 = states.indexOf("S50");
		assertThat(Math.abs(afterExpected.get(s50).yes() - before.get(s50).yes()))
			.isLessThan(after.get(s50).yes() - before.get(s50).yes());
	}

	@Test
	void noEvidenceIsTheForecastWithoutEvidence() {
		Scenarios none = forecast.given(new double[STATES][]);
		assertSame(none, forecast.scenarios());

		// reads that say nothing (every vote as likely) change almost nothing either
		double[][] flat = new double[STATES][];
		for (int i = 0; i < STATES; i++) {
			flat[i] = new double[] { 0.3, 0.3, 0.3, 0.3 };
		}
		List<VoteProbabilities> given = forecast.given(flat).marginals();
		List<VoteProbabilities> marginals = forecast.marginals();
		for (int i = 0; i < STATES; i++) {
			for (Vote vote : Vote.values()) {
				assertThat(given.get(i).probability(vote)).isCloseTo(marginals.get(i).probability(vote), within(1e-6));
			}
		}
	}

	@Test
	void theMarginalsAreTheScenariosAveraged() {
		Scenarios scenarios = forecast.scenarios();
		List<VoteProbabilities> marginals = forecast.marginals();
		double total = 0;
		for (int s = 0; s < scenarios.size(); s++) {
			total += scenarios.weight(s);
		}
		assertThat(total).isCloseTo(1, within(1e-12));
		for (int i = 0; i < STATES; i++) {
			for (Vote vote : Vote.values()) {
				double average = 0;
				for (int s = 0; s < scenarios.size(); s++) {
					average += scenarios.weight(s) * scenarios.states(s).get(i).probability(vote);
				}
				assertThat(marginals.get(i).probability(vote)).isCloseTo(average, within(1e-12));
			}
		}
		// and the scenarios differ: the shared shifts move the states together
		int s40 = states.indexOf("S40");
		assertThat(scenarios.states(0).get(s40).yes())
			.isNotCloseTo(scenarios.states(scenarios.size() - 1).get(s40).yes(), within(0.05));
	}

	@Test
	void aShiftTowardsYesMovesEveryStateTowardsYes() {
		for (int i = 0; i < STATES; i++) {
			if (states.get(i).equals(IN_ARREARS)) {
				continue;
			}
			VoteProbabilities low = forecast.probabilities(i, -1, 0);
			VoteProbabilities high = forecast.probabilities(i, 1, 0);
			assertThat(high.yes()).isGreaterThan(low.yes());
			assertThat(high.no()).isLessThan(low.no());
			assertThat(high.nonVoting()).isCloseTo(low.nonVoting(), within(1e-15));
			assertThat(forecast.probabilities(i, 0, 1).nonVoting()).isGreaterThan(high.nonVoting());
		}
	}

	private static double[][] yesReads(List<String> read) {
		double[][] likelihood = new double[STATES][];
		for (String iso3 : read) {
			likelihood[states.indexOf(iso3)] = reads(Vote.YES);
		}
		return likelihood;
	}

	/** A commitment: the read is ten times likelier if the state votes so. */
	private static double[] reads(Vote vote) {
		double[] likelihood = { 0.1, 0.1, 0.1, 0.1 };
		likelihood[vote.ordinal()] = 1;
		return likelihood;
	}

	private static void assertSame(Scenarios actual, Scenarios expected) {
		assertThat(actual.size()).isEqualTo(expected.size());
		for (int s = 0; s < expected.size(); s++) {
			assertThat(actual.weight(s)).isEqualTo(expected.weight(s));
			assertThat(actual.states(s)).isEqualTo(expected.states(s));
		}
	}

}
