package org.plenary.outreach;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the caller's organisation shares the bare fact of its contacts, over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Follow-ups")
class ContactSignalApi {

	private final ContactSignals signals;

	ContactSignalApi(ContactSignals signals) {
		this.signals = signals;
	}

	record SharingRequest(@NotNull Boolean shared) {
	}

	@GetMapping("/contact-signal")
	@Operation(summary = "Whether your organisation lets the campaign's other organisations see "
			+ "\"contacted by <organisation> on <day> at <level>\" for its contacts (off until it chooses)")
	ContactSignals.Sharing sharing(@PathVariable long id, Principal principal) {
		return this.signals.sharing(id, principal.getName());
	}

	@PutMapping("/contact-signal")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Turn on or off, for your organisation in this campaign, the bare signal of its contacts: "
			+ "organisation, day and level, never names, time or content")
	ContactSignals.Sharing share(@PathVariable long id, @Valid @RequestBody SharingRequest request,
			Principal principal) {
		return this.signals.share(id, request.shared(), principal.getName());
	}

}
