package org.plenary.forecast;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.plenary.forecast.core.tally.CountForecast;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.system.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "What if", over JSON: the forecast with some votes fixed, and saved scenarios. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/forecast")
@Tag(name = "Forecast")
class WhatIfApi {

	private final WhatIfs whatIfs;

	WhatIfApi(WhatIfs whatIfs) {
		this.whatIfs = whatIfs;
	}

	/** A forecast in brief. */
	record Brief(double adoptionProbability, CountForecast yes, CountForecast no, CountForecast abstain) {

		static Brief of(TallySummary s) {
			return new Brief(s.adoptionProbability(), s.yes(), s.no(), s.abstain());
		}

	}

	record ResultJson(String scenario, List<String> fixed, Brief now, Brief then) {

		static ResultJson of(WhatIfs.Result r) {
			return (r == null) ? null : new ResultJson(r.words(), r.fixed(), Brief.of(r.now()), Brief.of(r.then()));
		}

	}

	/**
	 * One choice: a member, group or bloc by code or name, and YES, NO, ABSTAIN or
	 * NON_VOTING.
	 */
	record ChoiceJson(@NotBlank @Size(max = 200) String target, @NotNull Vote vote) {
	}

	record ScenarioRequest(@NotBlank @Size(max = 120) String name,
			@NotNull @Size(min = 1, max = WhatIfs.MAX_CHOICES) List<@Valid ChoiceJson> choices) {
	}

	record SavedJson(long id, String name, List<ChoiceJson> choices, String savedBy, Instant savedAt,
			ResultJson result) {

		static SavedJson of(WhatIfs.Saved s) {
			return new SavedJson(s.id(), s.name(),
					s.choices().stream().map((c) -> new ChoiceJson(c.target(), c.vote())).toList(), s.savedBy(),
					s.savedAt(), ResultJson.of(s.result()));
		}

	}

	@GetMapping("/what-if")
	@Operation(
			summary = "The forecast if some members, groups or blocs vote as given, beside the forecast now; "
					+ "the board is not changed",
			description = "choice=United States:NO&choice=AFRICAN:ABSTAIN; a later choice wins for a member "
					+ "named twice. 400 for an unknown name or vote, a state outside the body, or while the "
					+ "forecast is being prepared.")
	ResultJson whatIf(@PathVariable long id,
			@Parameter(description = "target:VOTE, target a member, group or bloc by code or name") @RequestParam(
					required = false) List<String> choice) {
		return ResultJson.of(this.whatIfs.whatIf(id, parse(choice)));
	}

	@GetMapping("/scenarios")
	@Operation(summary = "The campaign's saved scenarios, each with the forecast under it now")
	List<SavedJson> scenarios(@PathVariable long id) {
		return this.whatIfs.saved(id).stream().map(SavedJson::of).toList();
	}

	@PostMapping("/scenarios")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Save a named scenario (its choices, not its numbers: it follows the reads)")
	ResponseEntity<SavedJson> save(@PathVariable long id, @Valid @RequestBody ScenarioRequest request,
			Principal principal) {
		WhatIfs.Saved saved = this.whatIfs.save(id, request.name(),
				request.choices().stream().map((c) -> new WhatIfs.Choice(c.target(), c.vote())).toList(),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/forecast/scenarios/" + saved.id()))
			.body(SavedJson.of(saved));
	}

	@DeleteMapping("/scenarios/{scenarioId}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Delete one of your organisation's saved scenarios")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long scenarioId) {
		this.whatIfs.delete(id, scenarioId);
		return ResponseEntity.noContent().build();
	}

	/** "United States:NO" -> a choice; the vote after the last colon. */
	static List<WhatIfs.Choice> parse(List<String> choices) {
		if (choices == null) {
			return List.of();
		}
		return choices.stream().filter((c) -> c != null && !c.isBlank()).map((c) -> {
			int at = c.lastIndexOf(':');
			if (at <= 0) {
				throw new InvalidInputException("choice",
						"Write a choice as target:VOTE, e.g. USA:NO, not '" + c + "'");
			}
			return new WhatIfs.Choice(c.substring(0, at), WhatIfs.vote(c.substring(at + 1)));
		}).toList();
	}

}
