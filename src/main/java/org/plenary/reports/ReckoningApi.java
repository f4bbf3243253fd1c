package org.plenary.reports;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** After the vote, over JSON: record the vote cast, read the reckoning. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/reckoning")
@Tag(name = "Reports")
class ReckoningApi {

	private final Reckoning reckoning;

	ReckoningApi(Reckoning reckoning) {
		this.reckoning = reckoning;
	}

	/** The reckoning, or (recorded: false) a word on why there is none yet. */
	record ReckoningJson(long campaign, boolean recorded, String message, Reckoned reckoning) {

		static ReckoningJson of(long campaign, Reckoned reckoned) {
			return new ReckoningJson(campaign, true, null, reckoned);
		}

		/** The message says when recording moved the campaign's status to Voted. */
		static ReckoningJson of(long campaign, Reckoning.Recorded recorded) {
			return new ReckoningJson(campaign, true, recorded.statusNote(), recorded.reckoned());
		}

	}

	record ActualRequest(@Schema(
			description = "The roll call of the voting history the vote became: its symbol (A/RES/ES-11/1) or id; "
					+ "give this or votes") @Size(max = 100) String rollCall,
			@Schema(description = "Each member's vote typed in, by ISO 3166-1 alpha-3 code: YES, NO, ABSTAIN or "
					+ "NON_VOTING; give this or rollCall",
					example = "{\"FRA\": \"YES\", \"BRA\": \"ABSTAIN\"}") @Size(max = 400) Map<String, String> votes,
			@Schema(description = "With votes: the day of the vote (default: the campaign's vote day)") LocalDate date) {
	}

	@GetMapping
	@Operation(summary = "The reckoning after the vote: each member's vote cast against the board's read and the "
			+ "forecast just before it, commitments kept and broken by source level and official, the accuracy figures",
			description = "recorded is false (and reckoning null) until the vote is recorded with POST .../actual.")
	ReckoningJson reckoning(@PathVariable long id) {
		return this.reckoning.reckoning(id)
			.map((r) -> ReckoningJson.of(id, r))
			.orElseGet(() -> new ReckoningJson(id, false,
					"The vote is not recorded yet: POST /api/v1/campaigns/" + id + "/reckoning/actual", null));
	}

	@PostMapping("/actual")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(
			summary = "Record the vote cast (a roll call of the history, or each member's vote typed in) and "
					+ "answer the reckoning",
			description = "The first time, the board's reads and the forecast are kept as they stand, then the vote is "
					+ "recorded (the forecast learns from it how reliable reads are). Recording again replaces the votes "
					+ "cast and keeps what was foreseen. All or nothing: an unknown state, a state outside the body or an "
					+ "unknown vote refuses the whole (400, every problem named).")
	ReckoningJson record(@PathVariable long id, @Valid @RequestBody ActualRequest request, Principal principal) {
		return ReckoningJson.of(id, this.reckoning.record(id,
				new Reckoning.RecordActual(request.rollCall(), request.votes(), request.date()), principal.getName()));
	}

}
