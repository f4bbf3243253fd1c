package org.plenary.history;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Updating the voting history from the UN's datasets, over JSON. */
@RestController
@RequestMapping("/api/v1/history-fetches")
@Tag(name = "Voting history", description = "Roll calls, imports and a state's record")
class HistoryFetchApi {

	private final HistoryFetches fetches;

	HistoryFetchApi(HistoryFetches fetches) {
		this.fetches = fetches;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Download the UN's current voting datasets and import what is new, in the background "
			+ "(the run already in progress if there is one); poll the run for its outcome")
	HistoryFetches.FetchRecord start(Principal principal) {
		return this.fetches.start(principal.getName());
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "The recent updates of the voting history, newest first")
	List<HistoryFetches.FetchRecord> recent() {
		return this.fetches.recent(20);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "One update of the voting history: running, or its outcome line by line")
	HistoryFetches.FetchRecord one(@PathVariable long id) {
		return this.fetches.find(id).orElseThrow(() -> new org.plenary.system.NotFoundException("No update " + id));
	}

}
