package org.plenary.outreach;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.plenary.system.InvalidInputException;
import org.plenary.whip.Level;

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

/** Follow-ups, the not-contacted setting and escalation suggestions over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Follow-ups", description = "Tasks with due dates and owners (by hand, from contacts, or opened by rules), "
		+ "the not-contacted setting, and escalation suggestions")
class FollowUpsApi {

	private final FollowUps followUps;

	private final FollowUpRules rules;

	private final Escalation escalation;

	private final People people;

	FollowUpsApi(FollowUps followUps, FollowUpRules rules, Escalation escalation, People people) {
		this.followUps = followUps;
		this.rules = rules;
		this.escalation = escalation;
		this.people = people;
	}

	record NewFollowUpRequest(@Size(max = 3) String iso3, @NotBlank @Size(max = 500) String title,
			@NotNull LocalDate dueOn, Long ownerId, Level suggestedLevel, org.plenary.campaigns.Visibility visibility) {
	}

	record FollowUpChangeRequest(@NotBlank @Size(max = 500) String title, @NotNull LocalDate dueOn, Long ownerId,
			@NotNull @PositiveOrZero Integer expectedVersion) {
	}

	record SettingsRequest(@NotNull @Min(1) @Max(365) Integer notContactedDays) {
	}

	/** The suggestion a caller saw (optional for accept, required for dismiss). */
	record BasisRequest(@Size(max = 200) String basis) {
	}

	@GetMapping("/follow-ups")
	@Operation(summary = "A campaign's follow-ups: open ones by due date, closed ones most recent first; "
			+ "runs the not-contacted check first so the list is current")
	List<FollowUp> list(@PathVariable long id,
			@Parameter(description = "OPEN, DONE or DISMISSED") @RequestParam(required = false) String status,
			@Parameter(description = "OVERDUE, TODAY or UPCOMING (open follow-ups; days are UTC days)") @RequestParam(
					required = false) String due,
			@Parameter(description = "an official's id") @RequestParam(required = false) Long owner,
			@Parameter(description = "a member's ISO 3166-1 alpha-3 code") @RequestParam(required = false) String state,
			@Parameter(description = "only those owned by the official linked to your account") @RequestParam(
					defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "500") int limit, Principal principal) {
		this.rules.checkNotContacted(id, Instant.now());
		Long ownerId = owner;
		if (mine) {
			ownerId = this.people.forUser(principal.getName())
				.orElseThrow(() -> new InvalidInputException("mine",
						"Your account is not linked to one of our officials: ask an administrator to link it"))
				.id();
		}
		return this.followUps.followUps(id, new FollowUps.FollowUpFilter(parse(FollowUp.Status.class, "status", status),
				parse(FollowUps.Due.class, "due", due), ownerId, state, limit));
	}

	@GetMapping("/follow-ups/{followUpId}")
	@Operation(summary = "One follow-up, with its version")
	FollowUp followUp(@PathVariable long id, @PathVariable long followUpId) {
		return this.followUps.followUp(id, followUpId);
	}

	@PostMapping("/follow-ups")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Open a follow-up by hand (the state, the owner and the level are optional)")
	ResponseEntity<FollowUp> open(@PathVariable long id, @Valid @RequestBody NewFollowUpRequest request,
			Principal principal) {
		FollowUp followUp = this.followUps.open(new FollowUps.NewFollowUp(id, request.iso3(), request.title(),
				request.dueOn(), request.ownerId(), request.suggestedLevel(), FollowUp.Origin.MANUAL, null,
				request.visibility() == org.plenary.campaigns.Visibility.PARTNERS ? null : request.visibility()),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/follow-ups/" + followUp.id()))
			.body(followUp);
	}

	@PutMapping("/follow-ups/{followUpId}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Change a follow-up's title, due date and owner on top of the version you read; "
			+ "409 with the current follow-up if it changed since")
	FollowUp change(@PathVariable long id, @PathVariable long followUpId,
			@Valid @RequestBody FollowUpChangeRequest request, Principal principal) {
		return this.followUps.change(id, followUpId,
				new FollowUps.FollowUpChange(request.title(), request.dueOn(), request.ownerId()),
				request.expectedVersion(), principal.getName());
	}

	@PostMapping("/follow-ups/{followUpId}/done")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Mark a follow-up done (again: no change; 409 if it was dismissed)")
	FollowUp done(@PathVariable long id, @PathVariable long followUpId, Principal principal) {
		return this.followUps.done(id, followUpId, principal.getName());
	}

	@PostMapping("/follow-ups/{followUpId}/dismiss")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Dismiss a follow-up: it no longer needs doing (again: no change; 409 if it was done)")
	FollowUp dismiss(@PathVariable long id, @PathVariable long followUpId, Principal principal) {
		return this.followUps.dismiss(id, followUpId, principal.getName());
	}

	@GetMapping("/outreach-settings")
	@Operation(summary = "After how many days without a contact a state gets a follow-up")
	OutreachSettings settings(@PathVariable long id) {
		return this.followUps.settings(id);
	}

	@PutMapping("/outreach-settings")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Change after how many days (1 to 365) without a contact a state gets a follow-up")
	OutreachSettings changeSettings(@PathVariable long id, @Valid @RequestBody SettingsRequest request) {
		return this.followUps.changeSettings(id, request.notContactedDays());
	}

	@GetMapping("/states/{iso3}/escalation")
	@Operation(summary = "Who should make the next contact with a state, at what level, and why; "
			+ "204 when there is no suggestion (firm at our ask, nothing due, or dismissed)")
	ResponseEntity<Suggestion> suggestion(@PathVariable long id, @PathVariable String iso3) {
		return this.escalation.suggestion(id, iso3)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/states/{iso3}/escalation/accept")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Accept the suggestion as a follow-up for the official it names, due in two days; "
			+ "with a basis, 409 if the suggestion changed since you read it")
	ResponseEntity<FollowUp> accept(@PathVariable long id, @PathVariable String iso3,
			@Valid @RequestBody(required = false) BasisRequest request, Principal principal) {
		FollowUp followUp = this.escalation.accept(id, iso3, (request == null) ? null : request.basis(),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/follow-ups/" + followUp.id()))
			.body(followUp);
	}

	@PostMapping("/states/{iso3}/escalation/dismiss")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Dismiss the suggestion with this basis: not suggested again until the situation changes")
	ResponseEntity<Void> dismiss(@PathVariable long id, @PathVariable String iso3,
			@Valid @RequestBody BasisRequest request, Principal principal) {
		this.escalation.dismiss(id, iso3, request.basis(), principal.getName());
		return ResponseEntity.noContent().build();
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "Unknown " + field + " '" + text + "': use one of "
					+ java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
		}
	}

}
