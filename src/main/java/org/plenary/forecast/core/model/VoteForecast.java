package org.plenary.forecast.core.model;

import java.util.ArrayList;
import java.util.List;

import org.plenary.forecast.core.tally.Scenarios;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.forecast.core.tally.VoteProbabilities;

/**
 * The vote model's forecast of one vote: for each member state, how it votes given the
 * vote's two shared shifts (towards Yes, and of absence), and the shifts' spread. From it
 * come the scenarios of the tally and each state's probabilities, with or without the
 * whip's evidence ({@link #given(double[][])}).
 * <p>
 * With evidence, Bayes' rule applies twice: the reads tell about the shared shift (if the
 * states we have read are more for Yes than the model expected, the whole vote leans Yes:
 * this is how commitments move the level of the vote), and each read tells about its own
 * state. The shift's posterior is found on a fine grid and then integrated by
 * Gauss-Hermite nodes placed where it lies (adaptive quadrature).
 */
public final class VoteForecast {

	private static final int GRID = 161;

	/** The least a read state keeps on each vote before the read is weighed. */
	static final double READ_FLOOR = 0.02;

	// the absence shift's nodes when weighing the reads' evidence about the other shift
	private static final int EVIDENCE_ABSENCE_NODES = 5;

	private final List<String> members;

	private final double[][] utilities;

	private final double[] absenceLogit;

	private final boolean[] certainNonVoting;

	private final boolean[] permanent;

	private final double sigmaShift;

	private final double sigmaAbsence;

	private final ModelSettings settings;

	/**
	 * A forecast from stored parts (as {@link #utilities(int)} and
	 * {@link #absenceLogit(int)} gave them), e.g. a campaign's model kept in the
	 * database.
	 */
	public static VoteForecast of(List<String> members, double[][] utilities, double[] absenceLogit,
			boolean[] certainNonVoting, boolean[] permanent, double sigmaShift, double sigmaAbsence,
			ModelSettings settings) {
		int n = members.size();
		if (utilities.length != n || absenceLogit.length != n || certainNonVoting.length != n
				|| permanent.length != n) {
			throw new IllegalArgumentException("One value per member state in every part");
		}
		double[][] copy = new double[n][];
		for (int i = 0; i < n; i++) {
			if (utilities[i].length != 3) {
				throw new IllegalArgumentException("Three utilities per state: Yes, Abstain, No");
			}
			copy[i] = utilities[i].clone();
		}
		return new VoteForecast(members, copy, absenceLogit.clone(), certainNonVoting.clone(), permanent.clone(),
				sigmaShift, sigmaAbsence, settings);
	}

	/** The state's utilities of Yes, Abstain and No when present, before any shift. */
	public double[] utilities(int state) {
		return this.utilities[state].clone();
	}

	/** The log-odds of the state's absence, before any shift. */
	public double absenceLogit(int state) {
		return this.absenceLogit[state];
	}

	/**
	 * The same forecast with other states on the Charter Art. 19 list and other settings
	 * (e.g. fewer nodes for a live board).
	 */
	public VoteForecast with(java.util.Set<String> nonVoting, ModelSettings settings) {
		boolean[] certain = new boolean[this.members.size()];
		for (int i = 0; i < certain.length; i++) {
			certain[i] = nonVoting.contains(this.members.get(i));
		}
		return new VoteForecast(this.members, this.utilities, this.absenceLogit, certain, this.permanent,
				this.sigmaShift, this.sigmaAbsence, settings);
	}

	/**
	 * The same forecast with the spreads of both shared shifts (towards Yes, and of
	 * absence) multiplied by {@code factor}: wider intervals of the counts for a vote
	 * that departs from its references ({@link Departure}). Most of the recurring votes
	 * whose Yes count moved far from their reference's moved by absences, so both widen.
	 */
	public VoteForecast widened(double factor) {
		if (!(factor >= 1)) {
			throw new IllegalArgumentException("A forecast is widened by a factor of at least 1");
		}
		return new VoteForecast(this.members, this.utilities, this.absenceLogit, this.certainNonVoting, this.permanent,
				this.sigmaShift * factor, this.sigmaAbsence * factor, this.settings);
	}

	/** Whether the state is a permanent member of the Security Council. */
	public boolean permanent(int state) {
		return this.permanent[state];
	}

	VoteForecast(List<String> members, double[][] utilities, double[] absenceLogit, boolean[] certainNonVoting,
			boolean[] permanent, double sigmaShift, double sigmaAbsence, ModelSettings settings) {
		this.members = List.copyOf(members);
		this.utilities = utilities;
		this.absenceLogit = absenceLogit;
		this.certainNonVoting = certainNonVoting;
		this.permanent = permanent;
		this.sigmaShift = sigmaShift;
		this.sigmaAbsence = sigmaAbsence;
		this.settings = settings;
	}

	/** The member states, in the order of every list here. */
	public List<String> members() {
		return this.members;
	}

	public double sigmaShift() {
		return this.sigmaShift;
	}

	public double sigmaAbsence() {
		return this.sigmaAbsence;
	}

	/** A state's probabilities when the vote's shifts are known. */
	public VoteProbabilities probabilities(int state, double shift, double absenceShift) {
		double[] p = new double[4];
		fill(state, shift, absenceShift, p);
		return new VoteProbabilities(p[0], p[1], p[2], p[3], this.permanent[state]);
	}

	/** Yes, No, Abstain, Non-voting (the order of {@link Vote}) into {@code out}. */
	private void fill(int state, double shift, double absenceShift, double[] out) {
		if (this.certainNonVoting[state]) {
			out[0] = 0;
			out[1] = 0;
			out[2] = 0;
			out[3] = 1;
			return;
		}
		double[] u = this.utilities[state];
		double yes = u[0] + shift;
		double abstain = u[1];
		double no = u[2] - shift;
		double max = Math.max(yes, Math.max(abstain, no));
		double ey = Math.exp(yes - max);
		double ea = Math.exp(abstain - max);
		double en = Math.exp(no - max);
		double total = ey + ea + en;
		double absent = logistic(this.absenceLogit[state] + absenceShift);
		out[0] = (1 - absent) * ey / total;
		out[1] = (1 - absent) * en / total;
		out[2] = (1 - absent) * ea / total;
		out[3] = absent;
	}

	/** The scenarios of the tally with no evidence beyond the history. */
	public Scenarios scenarios() {
		return given(new double[this.members.size()][]);
	}

	/** Each state's probabilities with no evidence beyond the history. */
	public List<VoteProbabilities> marginals() {
		return scenarios().marginals();
	}

	/**
	 * The scenarios of the tally given the whip's evidence.
	 * @param likelihood for each state (in the order of {@link #members()}), the
	 * likelihood of our reads of it given each vote, in the order of {@link Vote}, or
	 * null for no read
	 */
	public Scenarios given(double[][] likelihood) {
		if (likelihood.length != this.members.size()) {
			throw new IllegalArgumentException("One likelihood per member state");
		}
		Quadrature absence = Quadrature.normal(EVIDENCE_ABSENCE_NODES, 0, this.sigmaAbsence);
		// the shift's posterior on a fine grid, to place the scenarios where it lies
		double mean = 0;
		double sd = this.sigmaShift;
		boolean anyEvidence = false;
		for (double[] l : likelihood) {
			anyEvidence |= l != null;
		}
		if (anyEvidence && this.sigmaShift > 0) {
			double[] grid = new double[GRID];
			double[] logPosterior = new double[GRID];
			double max = Double.NEGATIVE_INFINITY;
			for (int g = 0; g < GRID; g++) {
				grid[g] = this.sigmaShift * (-6 + 12.0 * g / (GRID - 1));
				double z = grid[g] / this.sigmaShift;
				logPosterior[g] = -0.5 * z * z + logEvidence(likelihood, grid[g], absence);
				max = Math.max(max, logPosterior[g]);
			}
			double total = 0;
			double first = 0;
			double second = 0;
			for (int g = 0; g < GRID; g++) {
				double w = Math.exp(logPosterior[g] - max);
				total += w;
				first += w * grid[g];
				second += w * grid[g] * grid[g];
			}
			mean = first / total;
			double gridStep = 12.0 * this.sigmaShift / (GRID - 1);
			sd = Math.sqrt(Math.max(second / total - mean * mean, gridStep * gridStep / 4));
		}
		// a rank-1 lattice over the two shifts: every scenario has its own shift towards
		// Yes and its own shift of absence, so the tally's distribution comes out smooth
		// with few scenarios (a product grid of 3 absence nodes would give 3 humps)
		int n = this.settings.scenarios();
		int generator = Lattice.generator(n);
		double[] logWeights = new double[n];
		List<List<VoteProbabilities>> states = new ArrayList<>(n);
		double maxLog = Double.NEGATIVE_INFINITY;
		double[] p = new double[4];
		for (int i = 0; i < n; i++) {
			double u = (i + 0.5) / n;
			double v = ((long) i * generator % n + 0.5) / n;
			double z = Lattice.normalQuantile(u);
			double b = (this.sigmaShift > 0) ? mean + sd * z : 0;
			double e = this.sigmaAbsence * Lattice.normalQuantile(v);
			// importance ratio of the prior to the normal the scenarios were placed for
			double log = (this.sigmaShift > 0) ? -0.5 * (b / this.sigmaShift) * (b / this.sigmaShift) + 0.5 * z * z : 0;
			List<VoteProbabilities> scenario = new ArrayList<>(this.members.size());
			for (int state = 0; state < this.members.size(); state++) {
				fill(state, b, e, p);
				double[] l = likelihood[state];
				if (l != null) {
					floor(p, l);
					double sum = 0;
					for (int vote = 0; vote < 4; vote++) {
						p[vote] *= l[vote];
						sum += p[vote];
					}
					log += Math.log(sum);
					for (int vote = 0; vote < 4; vote++) {
						p[vote] /= sum;
					}
				}
				scenario.add(new VoteProbabilities(p[0], p[1], p[2], p[3], this.permanent[state]));
			}
			logWeights[i] = log;
			maxLog = Math.max(maxLog, log);
			states.add(scenario);
		}
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = Math.exp(logWeights[i] - maxLog);
		}
		return new Scenarios(weights, states);
	}

	/** log P(reads | shift), with the absence shift integrated out by its nodes. */
	private double logEvidence(double[][] likelihood, double shift, Quadrature absence) {
		double[] perNode = new double[absence.size()];
		double[] p = new double[4];
		for (int c = 0; c < absence.size(); c++) {
			double log = Math.log(absence.weight(c));
			for (int i = 0; i < this.members.size(); i++) {
				double[] l = likelihood[i];
				if (l == null) {
					continue;
				}
				fill(i, shift, absence.point(c), p);
				floor(p, l);
				log += Math.log(p[0] * l[0] + p[1] * l[1] + p[2] * l[2] + p[3] * l[3]);
			}
			perNode[c] = log;
		}
		double max = Double.NEGATIVE_INFINITY;
		for (double v : perNode) {
			max = Math.max(max, v);
		}
		double sum = 0;
		for (double v : perNode) {
			sum += Math.exp(v - max);
		}
		return max + Math.log(sum);
	}

	/**
	 * A state we have read keeps at least {@value #READ_FLOOR} on each vote before its
	 * read is weighed (a certain Non-voting stays certain). The history is trained on
	 * votes that repeat themselves, where a state can look all but certain; a campaign
	 * exists to move votes, and a minister's word against a history of 99.9 % No should
	 * count for more than a rounding error.
	 */
	private static void floor(double[] p, double[] likelihood) {
		boolean flat = likelihood[0] == likelihood[1] && likelihood[1] == likelihood[2]
				&& likelihood[2] == likelihood[3];
		if (p[3] == 1 || flat) {
			return; // a read that says nothing changes nothing
		}
		for (int vote = 0; vote < 4; vote++) {
			p[vote] = (1 - 4 * READ_FLOOR) * p[vote] + READ_FLOOR;
		}
	}

	private static double logistic(double x) {
		if (x >= 0) {
			return 1 / (1 + Math.exp(-x));
		}
		double e = Math.exp(x);
		return e / (1 + e);
	}

}
