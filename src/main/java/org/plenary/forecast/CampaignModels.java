package org.plenary.forecast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.forecast.core.model.Departure;
import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.PastVotes;
import org.plenary.forecast.core.model.VoteForecast;
import org.plenary.forecast.core.model.VoteModel;
import org.plenary.history.RollCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each campaign's vote model, prepared in the background and kept in PostgreSQL
 * ({@code forecast_model}, {@code forecast_model_state}) so that every instance reads the
 * same and a refresh costs milliseconds. A model is prepared again when what it was
 * prepared from changes: the references, the members, the day of the vote, or the
 * history. Preparing takes an advisory lock per campaign, so two instances never prepare
 * the same campaign at once; each instance prepares one campaign at a time.
 */
@Component
class CampaignModels implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CampaignModels.class);

	// an arbitrary first key of the advisory lock, so that it cannot meet another
	// module's
	private static final int LOCK_SPACE = 0x466f7265; // "Fore"

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final RollCalls rollCalls;

	private final ForecastHistory history;

	private final TransactionTemplate transactions;

	private final ForecastSettings settings;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("forecast-models").factory());

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final Map<Long, String> failures = new ConcurrentHashMap<>();

	// the last stored model read per campaign, reused while its preparation time stands
	private final Map<Long, Stored> cache = new ConcurrentHashMap<>();

	CampaignModels(JdbcClient jdbc, Campaigns campaigns, RollCalls rollCalls, ForecastHistory history,
			TransactionTemplate transactions, org.springframework.context.ApplicationEventPublisher events,
			ForecastSettings settings) {
		this.settings = settings;
		this.events = events;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.rollCalls = rollCalls;
		this.history = history;
		this.transactions = transactions;
	}

	/** A campaign's stored model. */
	record Stored(long campaignId, String basis, LocalDate asOf, double sigmaShift, double sigmaAbsence,
			int trainingVotes, Double trainingLoss, String weights, String referencesUsed, Instant preparedAt,
			int tookMillis, List<String> members, double[][] utilities, double[] absenceLogit, double[] idealPoints,
			double[] switching) {

		/** The forecast before any read, over the stored members. */
		VoteForecast forecast(Set<String> nonVoting, Set<String> permanent, ModelSettings settings) {
			boolean[] certain = new boolean[this.members.size()];
			boolean[] veto = new boolean[this.members.size()];
			for (int i = 0; i < certain.length; i++) {
				certain[i] = nonVoting.contains(this.members.get(i));
				veto[i] = permanent.contains(this.members.get(i));
			}
			return VoteForecast.of(this.members, this.utilities, this.absenceLogit, certain, veto, this.sigmaShift,
					this.sigmaAbsence, settings);
		}

	}

	/** The day the model reads the history before: the vote's day, or tomorrow. */
	static LocalDate asOf(Campaign campaign) {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		return (campaign.voteOn() != null && campaign.voteOn().isBefore(tomorrow)) ? campaign.voteOn() : tomorrow;
	}

	/** What a model of the campaign would be prepared from, as a digest. */
	String basis(long campaignId) {
		return basis(this.campaigns.campaign(campaignId), this.campaigns.members(campaignId));
	}

	/** The same, for a campaign and members the caller has read already. */
	String basis(Campaign campaign, List<Member> members) {
		StringBuilder text = new StringBuilder("model 3|").append(asOf(campaign)).append('|');
		this.campaigns.references(campaign.id()).stream().sorted().forEach((id) -> text.append(id).append(','));
		text.append('|');
		members.forEach((m) -> text.append(m.iso3()).append(','));
		text.append('|').append(this.rollCalls.version());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<Stored> stored(long campaignId) {
		Optional<Stored> head = this.jdbc.sql("""
				select basis, as_of, sigma_shift, sigma_absence, training_votes, training_loss, weights,
				       references_used, prepared_at, took_ms
				from forecast_model where campaign_id = ?
				""")
			.param(campaignId)
			.query((rs, n) -> new Stored(campaignId, rs.getString(1), rs.getObject(2, LocalDate.class), rs.getDouble(3),
					rs.getDouble(4), rs.getInt(5), (Double) rs.getObject(6), rs.getString(7), rs.getString(8),
					rs.getTimestamp(9).toInstant(), rs.getInt(10), null, null, null, null, null))
			.optional();
		if (head.isEmpty()) {
			return head;
		}
		// the members' rows change only with a new preparation: read them once per model
		Stored cached = this.cache.get(campaignId);
		if (cached != null && cached.preparedAt().equals(head.get().preparedAt())) {
			return Optional.of(cached);
		}
		List<String> members = new ArrayList<>();
		List<double[]> utilities = new ArrayList<>();
		List<double[]> rest = new ArrayList<>();
		this.jdbc.sql("""
				select iso3, u_yes, u_abstain, u_no, absence_logit, ideal_point, switching
				from forecast_model_state where campaign_id = ? order by iso3
				""").param(campaignId).query((rs) -> {
			members.add(rs.getString(1));
			utilities.add(new double[] { rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) });
			Double ideal = (Double) rs.getObject(6);
			rest.add(new double[] { rs.getDouble(5), (ideal == null) ? Double.NaN : ideal, rs.getDouble(7) });
		});
		Stored h = head.get();
		Stored full = new Stored(campaignId, h.basis(), h.asOf(), h.sigmaShift(), h.sigmaAbsence(), h.trainingVotes(),
				h.trainingLoss(), h.weights(), h.referencesUsed(), h.preparedAt(), h.tookMillis(), List.copyOf(members),
				utilities.toArray(double[][]::new), rest.stream().mapToDouble((r) -> r[0]).toArray(),
				rest.stream().mapToDouble((r) -> r[1]).toArray(), rest.stream().mapToDouble((r) -> r[2]).toArray());
		this.cache.put(campaignId, full);
		return Optional.of(full);
	}

	/** Whether a preparation of the campaign's model is queued or running here. */
	boolean preparing(long campaignId) {
		return this.pending.contains(campaignId);
	}

	/** Why the last preparation failed on this instance, if it did. */
	Optional<String> failure(long campaignId) {
		return Optional.ofNullable(this.failures.get(campaignId));
	}

	/**
	 * Queues the preparation of the campaign's model (once, however often asked), unless
	 * preparing in the background is turned off.
	 */
	void prepareLater(long campaignId) {
		prepareLater(campaignId, false);
	}

	/**
	 * Queues the preparation of the campaign's model; {@code asked} when a person asked
	 * for it, which prepares it whatever the settings say.
	 */
	void prepareLater(long campaignId, boolean asked) {
		if ((asked || this.settings.prepareInBackground()) && this.pending.add(campaignId)) {
			try {
				this.worker.execute(() -> {
					try {
						if (prepare(campaignId)) {
							this.events.publishEvent(new ForecastModelPrepared(campaignId));
						}
						this.failures.remove(campaignId);
					}
					catch (RuntimeException ex) {
						this.failures.put(campaignId, String.valueOf(ex.getMessage()));
						log.warn("Could not prepare the forecast of campaign {}: {}", campaignId, ex.getMessage());
					}
					finally {
						this.pending.remove(campaignId);
					}
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				this.pending.remove(campaignId); // shutting down
			}
		}
	}

	/**
	 * Prepares the campaign's model now and stores it, unless another instance holds the
	 * campaign's lock (then it is left to that one).
	 * @return whether this call prepared it
	 */
	boolean prepare(long campaignId) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
				.params(LOCK_SPACE, (int) campaignId)
				.query(Boolean.class)
				.single();
			if (!locked) {
				return false;
			}
			long start = System.nanoTime();
			String basis = basis(campaignId);
			Campaign campaign = this.campaigns.campaign(campaignId);
			LocalDate asOf = asOf(campaign);
			PastVotes votes = this.history.read(asOf);
			List<Integer> references = new ArrayList<>();
			for (long id : this.campaigns.references(campaignId)) {
				int index = votes.indexOf(id);
				if (index >= 0) {
					references.add(index);
				}
			}
			// the most recent reference first: the model trusts its first reference most
			references.sort((a, b) -> Integer.compare(b, a));
			List<String> used = new ArrayList<>();
			for (int index : references) {
				used.add((votes.symbol(index) != null) ? votes.symbol(index) + " of " + votes.date(index)
						: "roll call " + votes.id(index) + " of " + votes.date(index));
			}
			int[] refs = references.stream().mapToInt(Integer::intValue).toArray();
			List<Member> members = this.campaigns.members(campaignId);
			List<String> codes = members.stream().map(Member::iso3).sorted().toList();
			VoteModel model = VoteModel.asOf(votes, asOf, refs, this.history.groupings(asOf), ModelSettings.defaults());
			VoteForecast forecast = model.forecast(refs, codes, Set.of(), new HashSet<>());
			// a vote that departs from its references gets wider intervals, as on the
			// command line (docs/benchmarks.md, "Honest intervals on novel votes")
			double widen = Departure.of(votes, refs, asOf).factor();
			int took = (int) ((System.nanoTime() - start) / 1_000_000);
			this.jdbc.sql("delete from forecast_model where campaign_id = ?").param(campaignId).update();
			this.jdbc.sql("""
					insert into forecast_model (campaign_id, basis, as_of, sigma_shift, sigma_absence, training_votes,
					  training_loss, weights, references_used, took_ms)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(campaignId, basis, asOf, widen * model.weights().sigmaShift(),
						widen * model.weights().sigmaAbsence(), model.weights().trainingVotes(),
						Double.isNaN(model.trainingLogLoss()) ? null : model.trainingLogLoss(),
						model.weights().toString(), String.join(", ", used), took)
				.update();
			for (int i = 0; i < codes.size(); i++) {
				double[] u = forecast.utilities(i);
				double ideal = model.idealPosition(codes.get(i));
				this.jdbc.sql("""
						insert into forecast_model_state (campaign_id, iso3, u_yes, u_abstain, u_no, absence_logit,
						  ideal_point, switching) values (?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(campaignId, codes.get(i), u[0], u[1], u[2], forecast.absenceLogit(i),
							Double.isNaN(ideal) ? null : ideal, model.switching(codes.get(i)))
					.update();
			}
			log.info("Prepared the forecast of campaign {} in {} ms ({} references, {} past votes learned from)",
					campaignId, took, refs.length, model.weights().trainingVotes());
			return true;
		}));
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
