package org.plenary.forecast;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.core.tally.CountForecast;
import org.plenary.forecast.core.tally.Targeting;
import org.plenary.forecast.core.tally.VoteProbabilities;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's forecast over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/forecast")
@Tag(name = "Forecast",
		description = "Each member's vote probabilities, the tally's distribution and the targeting list")
class ForecastApi {

	private final CampaignForecasts forecasts;

	private final ReadReliability reliability;

	private final Campaigns campaigns;

	private final org.springframework.beans.factory.ObjectProvider<TargetPeople> people;

	private final TrackRecords trackRecords;

	ForecastApi(CampaignForecasts forecasts, ReadReliability reliability, Campaigns campaigns,
			org.springframework.beans.factory.ObjectProvider<TargetPeople> people, TrackRecords trackRecords) {
		this.people = people;
		this.trackRecords = trackRecords;
		this.forecasts = forecasts;
		this.reliability = reliability;
		this.campaigns = campaigns;
	}

	record Probabilities(double yes, double no, double abstain, double nonVoting) {

		static Probabilities of(VoteProbabilities p) {
			return new Probabilities(p.yes(), p.no(), p.abstain(), p.nonVoting());
		}

	}

	record StateJson(String iso3, String name, String stance, boolean withoutVote, Probabilities probabilities,
			Probabilities historyAlone, Double idealPoint) {
	}

	record Counts(CountForecast yes, CountForecast no, CountForecast abstain, CountForecast nonVoting) {
	}

	record ModelJson(LocalDate asOf, String references, int trainingVotes, double sigmaShift, String weights,
			Instant preparedAt, int tookMillis, boolean stale) {
	}

	/**
	 * {@code objective}: what the targets are ranked toward; {@code leftOut}: members no
	 * call will move (name to why), left out of the targets; {@code trackRecord}: how the
	 * model scored in backtests on votes like this one.
	 */
	record ForecastJson(long campaign, String status, String message, Double adoptionProbability, Counts counts,
			double[] yesDistribution, double[] noDistribution, int reads, ModelJson model, String reliability,
			List<StateJson> states, ObjectiveJson objective, java.util.Map<String, String> leftOut,
			TrackRecordJson trackRecord) {
	}

	/**
	 * How the model scored in backtests on past votes like this one (recurring General
	 * Assembly votes of the last three years of the history, the contested ones when this
	 * campaign's first reference was contested), against copying the reference's vote.
	 * {@code ready}: false while the backtest is computed (the other fields null but
	 * {@code words}); {@code enough}: false when too few comparable votes exist to say;
	 * {@code within}: the distance from the result that counts as right;
	 * {@code modelWithin} and {@code baselineWithin}: on how many votes the model's
	 * expected Yes count, and the reference's Yes count, were that close.
	 */
	record TrackRecordJson(boolean ready, String kind, Integer votes, LocalDate from, LocalDate to, Boolean enough,
			Integer within, Integer modelWithin, Integer baselineWithin, String words) {

		static TrackRecordJson of(TrackRecords.View view) {
			var s = view.summary();
			if (s == null) {
				return new TrackRecordJson(false, null, null, null, null, null, null, null, null, view.words());
			}
			return new TrackRecordJson(true, s.kind(), s.votes(), s.from(), s.to(), s.enough(),
					org.plenary.forecast.core.model.TrackRecord.WITHIN, s.modelWithin(), s.baselineWithin(),
					view.words());
		}

	}

	/**
	 * One target: {@code objectiveGain} is the gain toward the objective in force (see
	 * the forecast's {@code objective}); {@code ask} the step in words ("from Abstain to
	 * Yes"); {@code why} one sentence; {@code owner}, {@code caller} and {@code level}
	 * who owns the state and who should call it, at what level (null: none; given for the
	 * first 50).
	 */
	record TargetJson(int rank, String iso3, String state, Probabilities probabilities, double adoptionGain,
			double expectedYesGain, double expectedNoGain, double movability, double score, String reason,
			double objectiveGain, String ask, String why, String owner, String caller, String level) {
	}

	/**
	 * The targets given their owner and caller: each caller is an escalation decision of
	 * its own, and a list of 190 is read for its head.
	 */
	static final int PEOPLE_SHOWN = 50;

	/** What the targets are ranked toward: ADOPTION, GOAL or MARGIN, in words. */
	record ObjectiveJson(String kind, Integer goalYes, String words) {
	}

	record OutcomeRequest(@NotBlank @Size(max = 100) String rollCall) {
	}

	/**
	 * {@code movedToVoted}: recording it moved the campaign's status to Voted (only in
	 * the answer to a recording).
	 */
	record OutcomeJson(boolean recorded, Long rollCall, String label, String recordedBy, Instant recordedAt,
			boolean movedToVoted) {

		static OutcomeJson of(ReadReliability.RecordedOutcome o) {
			return new OutcomeJson(true, o.rollCallId(), o.label(), o.recordedBy(), o.recordedAt(), o.movedToVoted());
		}

	}

	@GetMapping
	@Operation(
			summary = "The forecast: P(adoption), expected counts with 80 % intervals, distributions, each member's probabilities",
			description = "status is READY, PREPARING (the model is being prepared: ask again in a few seconds) or FAILED.")
	ForecastJson forecast(@PathVariable long id, @io.swagger.v3.oas.annotations.Parameter(
			description = "coalition (the shared board) or own (your organisation's private reads in place of the "
					+ "coalition's; the same as coalition when it holds none)") @org.springframework.web.bind.annotation.RequestParam(
							defaultValue = "coalition") String view) {
		if (!view.equals("coalition") && !view.equals("own")) {
			throw new org.plenary.system.InvalidInputException("view",
					"The view is coalition or own, not '" + view + "'");
		}
		CampaignForecast own = view.equals("own") ? this.forecasts.ownForecast(id) : null;
		CampaignForecast f = (own != null) ? own : this.forecasts.forecast(id);
		if (!f.ready()) {
			return new ForecastJson(id, f.status().name(), f.message(), null, null, new double[0], new double[0], 0,
					null, null, List.of(), null, java.util.Map.of(),
					TrackRecordJson.of(this.trackRecords.forCampaign(id)));
		}
		var s = f.summary();
		var m = f.model();
		return new ForecastJson(id, f.status().name(), f.message(), s.adoptionProbability(),
				new Counts(s.yes(), s.no(), s.abstain(), s.nonVoting()), f.yes(), f.no(), f.reads(),
				new ModelJson(m.asOf(), m.references(), m.trainingVotes(), m.sigmaShift(), m.weights(), m.preparedAt(),
						m.tookMillis(), m.stale()),
				f.reliability().toString(),
				f.states()
					.stream()
					.map((st) -> new StateJson(st.iso3(), st.name(), st.stance(), st.withoutVote(),
							Probabilities.of(st.probabilities()), Probabilities.of(st.modelOnly()),
							Double.isNaN(st.idealPoint()) ? null : st.idealPoint()))
					.toList(),
				new ObjectiveJson(f.objective().kind().name(),
						(f.objective().kind() == Targeting.Objective.Kind.GOAL) ? f.objective().goalYes() : null,
						f.objective().words()),
				f.leftOut(), TrackRecordJson.of(this.trackRecords.forCampaign(id)));
	}

	@GetMapping("/targets")
	@Operation(summary = "Where the next call is worth most: every movable member, best first, with the reason")
	List<TargetJson> targets(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit) {
		CampaignForecast f = this.forecasts.forecast(id);
		List<Targeting.Target> targets = f.targets().subList(0, Math.min(Math.max(0, limit), f.targets().size()));
		TargetPeople provider = this.people.getIfAvailable();
		java.util.Map<String, TargetPeople.People> people = (provider == null || targets.isEmpty()) ? java.util.Map.of()
				: provider.people(id, targets.stream().map((t) -> f.iso3Of(t.state())).toList());
		List<TargetJson> result = new java.util.ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			Targeting.Target t = targets.get(i);
			String iso3 = f.iso3Of(t.state());
			TargetPeople.People p = people.get(iso3);
			result.add(new TargetJson(i + 1, iso3, t.state(), Probabilities.of(t.probabilities()), t.adoptionGain(),
					t.expectedYesGain(), t.expectedNoGain(), t.movability(), t.score(), t.reason(), t.objectiveGain(),
					t.ask(), t.why(), (p == null) ? null : p.owner(), (p == null) ? null : p.caller(),
					(p == null) ? null : p.level()));
		}
		return result;
	}

	@GetMapping("/history")
	@Operation(summary = "How the forecast moved: one point per change, oldest first")
	List<CampaignForecasts.Snapshot> history(@PathVariable long id, @RequestParam(defaultValue = "500") int limit) {
		return this.forecasts.history(id, Math.max(1, Math.min(limit, 5000)));
	}

	@PostMapping("/prepare")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Prepare the campaign's model again (in the background)")
	ResponseEntity<Void> prepare(@PathVariable long id) {
		this.forecasts.prepare(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	@GetMapping("/outcome")
	@Operation(summary = "The roll call the campaign's vote became, if recorded (recorded: false when not)")
	OutcomeJson outcome(@PathVariable long id) {
		this.campaigns.campaign(id);
		return this.reliability.outcome(id)
			.map(OutcomeJson::of)
			.orElse(new OutcomeJson(false, null, null, null, null, false));
	}

	@PutMapping("/outcome")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(
			summary = "Record the roll call the campaign's vote became (a symbol or an id): its reads teach the forecast how reliable reads are")
	OutcomeJson recordOutcome(@PathVariable long id, @Valid @RequestBody OutcomeRequest request, Principal principal) {
		return OutcomeJson.of(this.reliability.record(id, request.rollCall(), principal.getName()));
	}

}
