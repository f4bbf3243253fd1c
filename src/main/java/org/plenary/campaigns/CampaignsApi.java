package org.plenary.campaigns;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Campaigns, their bodies, members and rules")
class CampaignsApi {

	private final Campaigns campaigns;

	private final DraftsAndBriefings work;

	CampaignsApi(Campaigns campaigns, DraftsAndBriefings work) {
		this.campaigns = campaigns;
		this.work = work;
	}

	record DraftRequest(@NotBlank @Size(max = 100) String symbol, LocalDate issuedOn,
			@Size(max = 2000) String whatChanged, @Size(max = 200_000) String text) {
	}

	record CosponsorRequest(List<String> states, LocalDate on) {
	}

	record BriefingRequest(@NotBlank @Size(max = 300) String title, LocalDate heldOn, @Size(max = 100) String rule,
			List<String> add, List<String> remove) {
	}

	/**
	 * An answer (or an invitation), on top of the version of the invitation read
	 * ({@code expectedVersion}, or the If-Match header); without one, only a state not
	 * invited yet or an invitation not answered yet is written.
	 */
	record InvitationRequest(@NotNull Briefing.Status status, Integer expectedVersion) {
	}

	/** One invitation of a bulk answer and the version read (null: not answered yet). */
	record AnswerItem(@NotBlank @Size(max = 3) String iso3, Integer expectedVersion) {
	}

	/**
	 * The same answer for several invitations, all or nothing: those listed, or
	 * ({@code unanswered}) every invitation not answered yet.
	 */
	record AnswersRequest(@NotNull Briefing.Status status, @Valid @Size(max = 400) List<AnswerItem> invitations,
			Boolean unanswered) {
	}

	@GetMapping("/{id}/drafts")
	@Operation(summary = "The revisions of the text with their co-sponsors")
	List<Draft> drafts(@PathVariable long id) {
		return this.work.drafts(id);
	}

	@PostMapping("/{id}/drafts")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Add a revision of the text")
	ResponseEntity<Draft> addDraft(@PathVariable long id, @Valid @RequestBody DraftRequest request) {
		Draft draft = this.work.addDraft(id, request.symbol(), request.issuedOn(), request.whatChanged(),
				request.text());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/drafts")).body(draft);
	}

	@PostMapping("/{id}/drafts/{draftId}/cosponsors")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "States join the co-sponsors of a revision")
	Draft cosponsor(@PathVariable long id, @PathVariable long draftId, @RequestBody CosponsorRequest request) {
		return this.work.cosponsor(id, draftId, request.states(), request.on());
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/drafts/{draftId}/cosponsors/{iso3}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "A state withdraws its co-sponsorship (kept, with the date)")
	Draft withdraw(@PathVariable long id, @PathVariable long draftId, @PathVariable String iso3) {
		return this.work.withdraw(id, draftId, iso3, null);
	}

	@GetMapping("/{id}/briefings")
	@Operation(summary = "Briefings with their invitation lists")
	List<Briefing> briefings(@PathVariable long id) {
		return this.work.briefings(id);
	}

	@PostMapping("/{id}/briefings")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Open a briefing; invitations by rule (ALL, GROUP:<code>, EXCEPT:<roll call id or symbol>:"
			+ "<Y|N|A|X>, e.g. EXCEPT:A/RES/ES-11/1:N; X: those that did not vote) plus additions and removals; the "
			+ "briefing says the rule in words and who it left out")
	ResponseEntity<Briefing> openBriefing(@PathVariable long id, @Valid @RequestBody BriefingRequest request) {
		Briefing briefing = this.work.openBriefing(id, request.title(), request.heldOn(), request.rule(), request.add(),
				request.remove());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/briefings")).body(briefing);
	}

	@PutMapping("/{id}/briefings/{briefingId}/invitations/{iso3}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Invite a state, or record its answer (accepted, declined, attended, no-show) on top of the "
			+ "version read (expectedVersion or If-Match); without one, only a state not invited or not answered yet; "
			+ "409 with the invitation as it is if it changed since")
	Briefing invitation(@PathVariable long id, @PathVariable long briefingId, @PathVariable String iso3,
			@Valid @RequestBody InvitationRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
		Integer version = (request.expectedVersion() == null && ifMatch == null) ? null
				: org.plenary.system.ExpectedVersion.of(request.expectedVersion(), ifMatch, "the invitation");
		this.work.answer(id, briefingId, iso3, request.status(), version, principal.getName());
		return this.work.briefing(id, briefingId);
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/briefings/{briefingId}/invitations/{iso3}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Withdraw a state's invitation, on top of the version read (If-Match); without one, only an "
			+ "invitation not answered yet; 409 if it changed since")
	Briefing uninvite(@PathVariable long id, @PathVariable long briefingId, @PathVariable String iso3,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Integer version = (ifMatch == null) ? null
				: org.plenary.system.ExpectedVersion.of(null, ifMatch, "the invitation");
		return this.work.uninvite(id, briefingId, iso3, version);
	}

	@PostMapping("/{id}/briefings/{briefingId}/answers")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Record the same answer for several invitations at once, all or nothing: those listed, each "
			+ "on top of the version read (null: not answered yet), or every invitation not answered yet "
			+ "(unanswered: true); 409 with the invitations that changed since, and nothing recorded")
	Briefing answers(@PathVariable long id, @PathVariable long briefingId, @Valid @RequestBody AnswersRequest request,
			Principal principal) {
		boolean listed = request.invitations() != null && !request.invitations().isEmpty();
		boolean unanswered = Boolean.TRUE.equals(request.unanswered());
		if (listed == unanswered) {
			throw new org.plenary.system.InvalidInputException("invitations",
					"List the invitations to answer, or ask for every one not answered yet (unanswered: true), not both");
		}
		if (unanswered) {
			return this.work.answerUnanswered(id, briefingId, request.status(), principal.getName());
		}
		return this.work.answerAll(id, briefingId, request.status(),
				request.invitations()
					.stream()
					.map((i) -> new DraftsAndBriefings.Answer(i.iso3(), i.expectedVersion()))
					.toList(),
				principal.getName());
	}

	record OpenRequest(@NotBlank @Size(max = 300) String title, @NotNull Body body, @Size(max = 200) String bodyName,
			DecisionRule rule, Integer quota, Campaign.Ask ask, @Size(max = 100) String draftSymbol, Integer goalYes,
			@Size(max = 300) String goalText, LocalDate tabledOn, LocalDate debateOn, LocalDate voteOn,
			List<String> members, List<String> withoutVote, Long partOf, @Size(max = 200) String partLabel,
			List<Long> references) {
	}

	/**
	 * A campaign with its members and references; {@code referenceWarnings}: references
	 * that are no longer earlier than the vote date (it was moved), which stay until
	 * removed and which the forecast leaves out.
	 */
	record CampaignDetail(Campaign campaign, List<Member> members, List<Long> references,
			List<Campaigns.ReferenceWarning> referenceWarnings) {
	}

	/** A roll call by id, or by symbol however written (ES-11/1, A/RES/68/262). */
	record ReferenceRequest(Long rollCall, @Size(max = 100) String symbol) {
	}

	record StatusRequest(@NotNull Campaign.Status status, int version) {
	}

	@GetMapping
	@Operation(summary = "All campaigns")
	List<Campaign> campaigns() {
		return this.campaigns.campaigns();
	}

	@PostMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Open a campaign (coordinators)")
	ResponseEntity<CampaignDetail> open(@Valid @RequestBody OpenRequest request, Principal principal) {
		// opened with its references or not at all: a refused reference opens nothing
		Campaign campaign = this.campaigns.open(
				new Campaigns.OpenCampaign(request.title(), request.body(), request.bodyName(), request.rule(),
						request.quota(), request.ask(), request.draftSymbol(), request.goalYes(), request.goalText(),
						request.tabledOn(), request.debateOn(), request.voteOn(), request.members(),
						request.withoutVote(), request.partOf(), request.partLabel(), false),
				principal.getName(), request.references());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(detail(campaign.id()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One campaign with its members and reference resolutions")
	CampaignDetail campaign(@PathVariable long id) {
		return detail(id);
	}

	@GetMapping("/{id}/references/candidates")
	@Operation(summary = "Roll calls that could be references, by symbol however written (ES-11/1, A/RES/68/262, "
			+ "68/262) or by words of the title; each says whether it is one already and why it cannot be added")
	List<Campaigns.ReferenceCandidate> referenceCandidates(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam String q,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "30") int limit) {
		return this.campaigns.referenceCandidates(id, q, Math.max(1, Math.min(limit, 100)));
	}

	@PostMapping("/{id}/references")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Add a reference resolution, by roll call id or by symbol; 400 with the reason if it is "
			+ "not earlier than the campaign's vote date")
	CampaignDetail addReference(@PathVariable long id, @Valid @RequestBody ReferenceRequest request) {
		this.campaigns.addReferences(id,
				List.of(this.campaigns.referenceBySymbolOrId(request.rollCall(), request.symbol())));
		return detail(id);
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/references/{rollCall}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Remove a reference resolution")
	CampaignDetail removeReference(@PathVariable long id, @PathVariable long rollCall) {
		this.campaigns.removeReference(id, rollCall);
		return detail(id);
	}

	@PutMapping("/{id}/without-vote")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Replace the list of members without a vote (Charter Art. 19)")
	CampaignDetail withoutVote(@PathVariable long id, @RequestBody List<String> iso3s) {
		this.campaigns.setWithoutVote(id, iso3s);
		return detail(id);
	}

	record SettingsRequest(@NotBlank @Size(max = 300) String title, @Size(max = 100) String draftSymbol,
			Integer goalYes, @Size(max = 300) String goalText, LocalDate tabledOn, LocalDate debateOn, LocalDate voteOn,
			@NotNull Campaign.Status status, int version) {
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Change a campaign's settings; 409 with the current campaign if version is stale")
	Campaign change(@PathVariable long id, @Valid @RequestBody SettingsRequest request) {
		return this.campaigns.change(id,
				new Campaigns.CampaignSettings(request.title(), request.draftSymbol(), request.goalYes(),
						request.goalText(), request.tabledOn(), request.debateOn(), request.voteOn(), request.status(),
						request.version()));
	}

	@PutMapping("/{id}/status")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Move the campaign on (preparing, whipping, voted, archived); 409 if version is stale")
	Campaign status(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
		return this.campaigns.changeStatus(id, request.status(), request.version());
	}

	record ChainRequest(Long partOf, @Size(max = 200) String partLabel, int version) {
	}

	@PutMapping("/{id}/chain")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Move the campaign into a chain as a part of another (partOf), or out of it (partOf null); "
			+ "409 if version is stale")
	Campaign chain(@PathVariable long id, @Valid @RequestBody ChainRequest request) {
		return this.campaigns.link(id, request.partOf(), request.partLabel(), request.version());
	}

	private CampaignDetail detail(long id) {
		return new CampaignDetail(this.campaigns.campaign(id), this.campaigns.members(id),
				this.campaigns.references(id), this.campaigns.referenceWarnings(id));
	}

}
