package org.plenary.outreach;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.plenary.system.InvalidInputException;
import org.plenary.whip.Channel;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The contact log over JSON. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Contacts", description = "The contact log: calls, messages, meetings, with the stance read from them")
class ContactsApi {

	private final Contacts contacts;

	private final ContactSignals signals;

	ContactsApi(Contacts contacts, ContactSignals signals) {
		this.contacts = contacts;
		this.signals = signals;
	}

	/**
	 * A logged contact, with what its logger should know (its states owned by someone
	 * else, or contacted today by another organisation): warnings, not refusals.
	 */
	record LoggedContact(@JsonUnwrapped Contact contact, List<String> warnings) {
	}

	/**
	 * A contact to log. {@code states} lists each state with the stance read from it (if
	 * any) and, to guard against a stance changed meanwhile, the version of the stance
	 * you saw. Participants name an official ({@code personId}), a counterpart
	 * ({@code counterpartId}) or just a name and level.
	 */
	record ContactRequest(Instant occurredAt, @NotNull Channel channel,
			@NotEmpty @Size(max = 193) List<Contacts.StateRead> states, @Size(max = 30) List<Contact.Participant> ours,
			@Size(max = 30) List<Contact.Participant> theirs, @Size(max = 4000) String asked,
			@Size(max = 8000) String said, LocalDate followUpOn, @Size(max = 500) String followUpTitle,
			org.plenary.campaigns.Visibility visibility, @Size(max = 100) List<Long> sharedWith, Boolean privateReads) {
	}

	/**
	 * What an edit may change; {@code expectedVersion} is the contact's version you read.
	 */
	record ContactChangeRequest(Instant occurredAt, @NotNull Channel channel,
			@Size(max = 30) List<Contact.Participant> ours, @Size(max = 30) List<Contact.Participant> theirs,
			@Size(max = 4000) String asked, @Size(max = 8000) String said, @PositiveOrZero Integer expectedVersion) {
	}

	@GetMapping("/contacts")
	@Operation(summary = "Contacts of the campaign, newest first, without deleted ones")
	List<Contact> contacts(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) String loggedBy,
			@RequestParam(required = false) Long personId, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidInputException("limit", "limit is between 1 and 1000");
		}
		return this.contacts.contacts(id,
				new Contacts.ContactFilter(state, channel, loggedBy, personId, limit, offset));
	}

	@PostMapping("/contacts")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Log a contact; a stance read is recorded with the contact as its source, in the same "
			+ "transaction: on the shared board when the contact is the coalition's to see (409 with the current "
			+ "stance if it changed since the version you give), else, or with privateReads, as a private read of "
			+ "your organisation (shared with the partners the contact names, unless privateReads). The same "
			+ "Idempotency-Key again returns the first contact (200, Idempotent-Replay: true) and stores nothing twice")
	ResponseEntity<LoggedContact> log(@PathVariable long id, @Valid @RequestBody ContactRequest request,
			@Parameter(description = "a unique key per contact, reused on retries") @RequestHeader(
					name = "Idempotency-Key", required = false) String key,
			Principal principal) {
		Contacts.Logged logged = this.contacts.log(new Contacts.LogContact(id, request.occurredAt(), request.channel(),
				request.states(), request.ours(), request.theirs(), request.asked(), request.said(), key,
				request.followUpOn(), request.followUpTitle(),
				request.visibility() == null ? org.plenary.campaigns.Visibility.ORGANISATION : request.visibility(),
				request.sharedWith(), Boolean.TRUE.equals(request.privateReads())), principal.getName());
		Contact contact = logged.contact();
		ResponseEntity.BodyBuilder response = logged.stored()
				? ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/contacts/" + contact.id()))
				: ResponseEntity.ok();
		List<String> warnings = new ArrayList<>();
		for (Contact.ContactState state : contact.states()) {
			warnings.addAll(this.signals.warnings(id, state.iso3(), state.name(), principal.getName()));
		}
		return response.eTag("\"" + contact.version() + "\"")
			.header("Idempotent-Replay", String.valueOf(!logged.stored()))
			.body(new LoggedContact(contact, warnings));
	}

	@GetMapping("/contacts/{contactId}")
	@Operation(summary = "One contact (its version is in the ETag); a deleted one shows who deleted it and why")
	ResponseEntity<Contact> contact(@PathVariable long id, @PathVariable long contactId) {
		Contact contact = this.contacts.contact(id, contactId);
		return ResponseEntity.ok().eTag("\"" + contact.version() + "\"").body(contact);
	}

	@PutMapping("/contacts/{contactId}")
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Change a contact on top of the version you read (409 if it changed since); the earlier "
			+ "version is kept. States and stance reads stay as logged")
	ResponseEntity<Contact> change(@PathVariable long id, @PathVariable long contactId,
			@Valid @RequestBody ContactChangeRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, Principal principal) {
		int version = org.plenary.system.ExpectedVersion.of(request.expectedVersion(), ifMatch, "the contact");
		Contact contact = this.contacts.edit(id, contactId, new Contacts.ContactChange(request.occurredAt(),
				request.channel(), request.ours(), request.theirs(), request.asked(), request.said()), version,
				principal.getName());
		return ResponseEntity.ok().eTag("\"" + contact.version() + "\"").body(contact);
	}

	@DeleteMapping("/contacts/{contactId}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Delete a contact (administrators): it leaves every list, and who, when and why are kept")
	Contact delete(@PathVariable long id, @PathVariable long contactId, @RequestParam String reason,
			Principal principal) {
		return this.contacts.delete(id, contactId, reason, principal.getName());
	}

	@GetMapping("/contacts/{contactId}/revisions")
	@Operation(summary = "Every saved version of a contact, and its deletion, oldest first")
	List<Contacts.Revision> revisions(@PathVariable long id, @PathVariable long contactId) {
		return this.contacts.revisions(id, contactId);
	}

	@PostMapping(path = "/contacts/{contactId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('WHIP')")
	@Operation(summary = "Attach a file (at most 20 MB) to a contact")
	ResponseEntity<Contact.Attachment> attach(@PathVariable long id, @PathVariable long contactId,
			@RequestPart("file") MultipartFile file, Principal principal) throws IOException {
		if (file.getSize() > Contacts.MAX_ATTACHMENT_BYTES) {
			throw new InvalidInputException("file",
					"The file " + file.getOriginalFilename() + " is larger than the 20 MB an attachment may have");
		}
		Contact.Attachment attachment = this.contacts.attach(id, contactId, file.getOriginalFilename(),
				file.getContentType(), file.getBytes(), principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/attachments/" + attachment.id()))
			.body(attachment);
	}

	@GetMapping("/attachments/{attachmentId}")
	@Operation(summary = "Download an attached file")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return ContactPages.download(this.contacts.attachment(id, attachmentId));
	}

}
