package org.plenary.outreach;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.Visibility;
import org.plenary.states.StateNameResolver;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact log on pages: the list, the full form, one contact with its versions and
 * files, editing, deletion by an administrator, and the quick log for phones. A form that
 * fails (bad input, or a stance changed meanwhile) comes back with everything typed in
 * it.
 */
@Controller
class ContactPages {

	private final Contacts contacts;

	private final Campaigns campaigns;

	private final People people;

	private final Counterparts counterparts;

	private final WhipCount whip;

	private final StateNameResolver resolver;

	private final org.plenary.campaigns.Coalitions coalitions;

	private final ContactSignals signals;

	ContactPages(Contacts contacts, Campaigns campaigns, People people, Counterparts counterparts, WhipCount whip,
			StateNameResolver resolver, org.plenary.campaigns.Coalitions coalitions, ContactSignals signals) {
		this.coalitions = coalitions;
		this.signals = signals;
		this.contacts = contacts;
		this.campaigns = campaigns;
		this.people = people;
		this.counterparts = counterparts;
		this.whip = whip;
		this.resolver = resolver;
	}

	/** What the contact forms send; every field is text as typed, parsed on save. */
	record ContactForm(String key, String states, String occurredAt, String channel, String read, String confidence,
			Integer version, Long ourPerson, String ourOthers, Long theirCounterpart, String theirName,
			String theirLevel, String asked, String said, String followUpOn, String followUpTitle, String back,
			String visibility, Boolean privateReads, String sharedWith) {

		/** The partners named (organisation ids; checkboxes arrive joined by commas). */
		public List<Long> partners() {
			List<Long> ids = new ArrayList<>();
			for (String part : (this.sharedWith == null) ? new String[0] : this.sharedWith.split(",")) {
				if (!part.isBlank()) {
					try {
						ids.add(Long.valueOf(part.trim()));
					}
					catch (NumberFormatException ex) {
						throw new InvalidInputException("sharedWith",
								"A partner is named by its number, not '" + part + "'");
					}
				}
			}
			return ids;
		}

		ContactForm withVersion(int newVersion) {
			return new ContactForm(this.key, this.states, this.occurredAt, this.channel, this.read, this.confidence,
					newVersion, this.ourPerson, this.ourOthers, this.theirCounterpart, this.theirName, this.theirLevel,
					this.asked, this.said, this.followUpOn, this.followUpTitle, this.back, this.visibility,
					this.privateReads, this.sharedWith);
		}

	}

	@GetMapping("/campaigns/{id}/contacts")
	String list(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String channel, @RequestParam(required = false) Long person,
			@RequestParam(defaultValue = "0") int offset, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		String iso3 = (state == null || state.isBlank()) ? null : memberCode(id, state);
		int pageSize = 100;
		List<Contact> found = this.contacts.contacts(id, new Contacts.ContactFilter(iso3,
				parse(Channel.class, channel, "channel"), null, person, pageSize + 1, offset));
		model.addAttribute("campaign", campaign);
		model.addAttribute("contacts", found.subList(0, Math.min(pageSize, found.size())));
		model.addAttribute("more", found.size() > pageSize);
		model.addAttribute("offset", offset);
		model.addAttribute("nextOffset", offset + pageSize);
		model.addAttribute("state", iso3);
		model.addAttribute("channel", channel);
		model.addAttribute("person", person);
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("people", this.people.offered(id));
		return "outreach/contacts";
	}

	@GetMapping("/campaigns/{id}/contacts/new")
	@PreAuthorize("hasRole('WHIP')")
	String newContact(@PathVariable long id, @RequestParam(required = false) String state, Principal principal,
			Model model) {
		String iso3 = (state == null || state.isBlank()) ? null : memberCode(id, state);
		Long me = this.people.forUser(principal.getName()).map(Person::id).orElse(null);
		ContactForm form = new ContactForm(UUID.randomUUID().toString(), iso3, null, null, null, null,
				(iso3 == null) ? null : this.whip.stance(id, iso3).version(), me, null, null, null, null, null, null,
				null, null, null, null, null, null);
		coordination(id, iso3, principal, model);
		return form(id, form, null, model);
	}

	@PostMapping("/campaigns/{id}/contacts")
	@PreAuthorize("hasRole('WHIP')")
	String log(@PathVariable long id, @ModelAttribute ContactForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			checkSizes(files);
			Contacts.Logged logged = this.contacts.log(command(id, form, false), principal.getName());
			attach(id, logged, files, principal);
			redirect.addFlashAttribute("notice", logged.stored() ? "Contact logged" : "Already logged");
			return "redirect:/campaigns/" + id + "/contacts/" + logged.contact().id();
		}
		catch (InvalidInputException ex) {
			coordination(id, singleState(form.states()), principal, model);
			return form(id, form, ex.getMessage(), model);
		}
		catch (WhipCount.StaleStance ex) {
			coordination(id, singleState(form.states()), principal, model);
			return form(id, form.withVersion(((CurrentStance) ex.current()).version()),
					ex.getMessage() + ". Save again to record your read on top of it.", model);
		}
	}

	private String form(long id, ContactForm form, String error, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("members", this.campaigns.members(id));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("stances", Stance.values());
		model.addAttribute("confidences", Confidence.values());
		model.addAttribute("levels", Level.values());
		model.addAttribute("people", this.people.offered(id));
		model.addAttribute("partners", this.coalitions.others(id));
		String single = singleState(form.states());
		model.addAttribute("counterparts", (single == null) ? List.of()
				: this.counterparts.of(single, id).stream().filter(Counterpart::current).toList());
		model.addAttribute("now", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
		return "outreach/contact-form";
	}

	@GetMapping("/campaigns/{id}/contacts/{contactId}")
	String contact(@PathVariable long id, @PathVariable long contactId, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("contact", this.contacts.contact(id, contactId));
		model.addAttribute("revisions", this.contacts.revisions(id, contactId));
		return "outreach/contact";
	}

	@GetMapping("/campaigns/{id}/contacts/{contactId}/edit")
	@PreAuthorize("hasRole('WHIP')")
	String edit(@PathVariable long id, @PathVariable long contactId, Model model) {
		Contact contact = this.contacts.contact(id, contactId);
		Contact.Participant ours = contact.ours().isEmpty() ? null : contact.ours().get(0);
		Contact.Participant theirs = contact.theirs().isEmpty() ? null : contact.theirs().get(0);
		ContactForm form = new ContactForm(null, contact.stateNames(),
				LocalDateTime.ofInstant(contact.occurredAt(), ZoneOffset.UTC)
					.truncatedTo(ChronoUnit.MINUTES)
					.toString(),
				contact.channel().name(), null, null, contact.version(), (ours == null) ? null : ours.personId(),
				names(contact.ours(), 1), (theirs == null) ? null : theirs.counterpartId(),
				(theirs == null || theirs.counterpartId() != null) ? null : theirs.name(),
				(theirs == null || theirs.level() == null) ? null : theirs.level().name(), contact.asked(),
				contact.said(), null, null, null, contact.visibility().name(), null,
				String.join(",", contact.sharedWith().stream().map(String::valueOf).toList()));
		return editForm(id, contact, form, null, model);
	}

	@PostMapping("/campaigns/{id}/contacts/{contactId}/edit")
	@PreAuthorize("hasRole('WHIP')")
	String change(@PathVariable long id, @PathVariable long contactId, @ModelAttribute ContactForm form,
			Principal principal, Model model, RedirectAttributes redirect) {
		Contact contact = this.contacts.contact(id, contactId);
		try {
			Contacts.LogContact parsed = command(id, form, true);
			if (form.version() == null) {
				throw new InvalidInputException("version", "The form lost the contact's version: open it again");
			}
			this.contacts.edit(id, contactId, new Contacts.ContactChange(parsed.occurredAt(), parsed.channel(),
					parsed.ours(), parsed.theirs(), parsed.asked(), parsed.said()), form.version(),
					principal.getName());
			redirect.addFlashAttribute("notice", "Contact changed; the earlier version is kept below");
			return "redirect:/campaigns/" + id + "/contacts/" + contactId;
		}
		catch (InvalidInputException | org.plenary.system.ConflictException ex) {
			return editForm(id, contact, form, ex.getMessage(), model);
		}
	}

	private String editForm(long id, Contact contact, ContactForm form, String error, Model model) {
		model.addAttribute("contact", contact);
		form(id, form, error, model);
		List<Counterpart> theirs = new ArrayList<>();
		for (Contact.ContactState state : contact.states()) {
			theirs.addAll(this.counterparts.of(state.iso3(), id));
		}
		model.addAttribute("counterparts", theirs);
		return "outreach/contact-edit";
	}

	@PostMapping("/campaigns/{id}/contacts/{contactId}/delete")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String delete(@PathVariable long id, @PathVariable long contactId, @RequestParam(required = false) String reason,
			Principal principal, RedirectAttributes redirect) {
		this.contacts.delete(id, contactId, reason, principal.getName());
		redirect.addFlashAttribute("notice", "Contact deleted; the trace is kept");
		return "redirect:/campaigns/" + id + "/contacts/" + contactId;
	}

	@PostMapping("/campaigns/{id}/contacts/{contactId}/attachments")
	@PreAuthorize("hasRole('WHIP')")
	String upload(@PathVariable long id, @PathVariable long contactId,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal,
			RedirectAttributes redirect) throws IOException {
		if (files == null || files.stream().allMatch(MultipartFile::isEmpty)) {
			throw new InvalidInputException("files", "Choose a file to attach");
		}
		checkSizes(files);
		for (MultipartFile file : files) {
			if (!file.isEmpty()) {
				this.contacts.attach(id, contactId, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
						principal.getName());
			}
		}
		redirect.addFlashAttribute("notice", "Attached");
		return "redirect:/campaigns/" + id + "/contacts/" + contactId;
	}

	@GetMapping("/campaigns/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return download(this.contacts.attachment(id, attachmentId));
	}

	/**
	 * A file as a download, never shown inline: an uploaded HTML or SVG file must not run
	 * in Plenary's origin.
	 */
	static ResponseEntity<byte[]> download(Contacts.AttachmentContent file) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@GetMapping("/campaigns/{id}/quick-log")
	@PreAuthorize("hasRole('WHIP')")
	String quickLog(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String back, Principal principal, Model model) {
		String iso3 = (state == null || state.isBlank()) ? null : memberCode(id, state);
		ContactForm form = new ContactForm(UUID.randomUUID().toString(), iso3, null, null, null, null,
				(iso3 == null) ? null : this.whip.stance(id, iso3).version(), null, null, null, null, null, null, null,
				null, null, safeBack(id, back), null, null, null);
		coordination(id, iso3, principal, model);
		return quickForm(id, form, null, model);
	}

	@PostMapping("/campaigns/{id}/quick-log")
	@PreAuthorize("hasRole('WHIP')")
	String quickSave(@PathVariable long id, @ModelAttribute ContactForm form, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			Contacts.Logged logged = this.contacts.log(command(id, form, false), principal.getName());
			Contact.ContactState state = logged.contact().states().get(0);
			redirect.addFlashAttribute("notice", "Logged: " + state.name()
					+ ((state.read() == null) ? "" : ", " + state.read().label()) + (logged.stored() ? "" : " (once)"));
			String back = safeBack(id, form.back());
			return "redirect:" + ((back == null) ? "/campaigns/" + id + "#row-" + state.iso3() : back);
		}
		catch (InvalidInputException ex) {
			coordination(id, singleState(form.states()), principal, model);
			return quickForm(id, form, ex.getMessage(), model);
		}
		catch (WhipCount.StaleStance ex) {
			coordination(id, singleState(form.states()), principal, model);
			return quickForm(id, form.withVersion(((CurrentStance) ex.current()).version()),
					ex.getMessage() + ". Save again to record your read on top of it.", model);
		}
	}

	private String quickForm(long id, ContactForm form, String error, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		String single = singleState(form.states());
		model.addAttribute("member", (single == null) ? null
				: this.campaigns.members(id).stream().filter((m) -> m.iso3().equals(single)).findFirst().orElse(null));
		model.addAttribute("members", (single == null) ? this.campaigns.members(id) : List.of());
		model.addAttribute("current", (single == null) ? null : this.whip.stance(id, single));
		// every channel of domain.md, the most frequent first
		model.addAttribute("channels",
				List.of(Channel.CALL, Channel.MESSAGE, Channel.MEETING, Channel.DEMARCHE, Channel.LETTER,
						Channel.BRIEFING, Channel.PUBLIC_STATEMENT, Channel.EMAIL, Channel.VIDEO_CALL, Channel.OTHER));
		model.addAttribute("stances", Stance.values());
		// optional, as on the full form: no level, no confidence unless chosen
		model.addAttribute("levels", Level.values());
		model.addAttribute("confidences", Confidence.values());
		return "outreach/quick-log";
	}

	/**
	 * What a whip should know before logging a contact with the state: who owns it, and
	 * the other organisations' shared contacts with it.
	 */
	private void coordination(long id, String iso3, Principal principal, Model model) {
		Member member = (iso3 == null) ? null
				: this.campaigns.members(id).stream().filter((m) -> m.iso3().equals(iso3)).findFirst().orElse(null);
		if (member == null) {
			return;
		}
		model.addAttribute("warnings", this.signals.warnings(id, iso3, member.name(), principal.getName()));
		// today's contacts are among the warnings already
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		model.addAttribute("contactedBy",
				this.signals.signals(id, iso3).stream().filter((signal) -> !signal.on().equals(today)).toList());
	}

	/** Only a page of this campaign may be the way back: no open redirect. */
	private static String safeBack(long id, String back) {
		if (back == null || back.isBlank()) {
			return null;
		}
		String prefix = "/campaigns/" + id;
		boolean local = back.equals(prefix) || back.startsWith(prefix + "/") || back.startsWith(prefix + "#")
				|| back.startsWith(prefix + "?");
		return (local && !back.contains("//") && !back.contains("\\") && back.length() < 500) ? back : null;
	}

	/**
	 * The form as a command. The quick log and the full form send one read for every
	 * state they name.
	 */
	private Contacts.LogContact command(long id, ContactForm form, boolean editing) {
		List<String> codes = editing ? List.of() : stateCodes(id, form.states());
		Stance read = blank(form.read()) ? null : Stance.parse(form.read());
		Confidence confidence = parse(Confidence.class, form.confidence(), "confidence");
		List<Contacts.StateRead> reads = new ArrayList<>();
		for (String code : codes) {
			// the version the form saw applies only when it was opened for that one state
			Integer expected = (codes.size() == 1) ? form.version() : null;
			reads.add(new Contacts.StateRead(code, read, confidence, expected));
		}
		List<Contact.Participant> ours = new ArrayList<>();
		if (form.ourPerson() != null) {
			ours.add(new Contact.Participant(form.ourPerson(), null, null, null));
		}
		for (String name : split(form.ourOthers())) {
			ours.add(new Contact.Participant(null, null, name, null));
		}
		List<Contact.Participant> theirs = new ArrayList<>();
		Level theirLevel = parse(Level.class, form.theirLevel(), "theirLevel");
		if (form.theirCounterpart() != null) {
			theirs.add(new Contact.Participant(null, form.theirCounterpart(), null, theirLevel));
		}
		if (!blank(form.theirName())) {
			theirs.add(new Contact.Participant(null, null, form.theirName().trim(), theirLevel));
		}
		else if (theirLevel != null && form.theirCounterpart() == null) {
			// the quick log asks the level only: whoever it was is named by it
			theirs.add(new Contact.Participant(null, null, theirLevel.label(), theirLevel));
		}
		LocalDate followUpOn = null;
		if (!blank(form.followUpOn())) {
			try {
				followUpOn = LocalDate.parse(form.followUpOn().trim());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("followUpOn",
						"The follow-up date '" + form.followUpOn() + "' is not a date (YYYY-MM-DD)");
			}
		}
		Channel channel = parse(Channel.class, form.channel(), "channel");
		if (channel == null) {
			throw new InvalidInputException("channel", "Say how the contact happened (call, message, meeting, ...)");
		}
		return new Contacts.LogContact(id, occurredAt(form.occurredAt()), channel, reads,
				(ours.isEmpty() && editing) ? List.of() : ours, theirs, form.asked(), form.said(), form.key(),
				followUpOn, form.followUpTitle(), Visibility.parse(form.visibility(), Visibility.ORGANISATION),
				form.partners(), Boolean.TRUE.equals(form.privateReads()));
	}

	private static Instant occurredAt(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("occurredAt", "'" + text + "' is not a date and time (YYYY-MM-DDTHH:MM)");
		}
	}

	/**
	 * The states a form names: ISO codes or any name the register knows, comma-separated.
	 */
	private List<String> stateCodes(long id, String text) {
		List<String> codes = new ArrayList<>();
		for (String part : split(text)) {
			String code = memberCode(id, part);
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		if (codes.isEmpty()) {
			throw new InvalidInputException("states", "Say which state the contact was with");
		}
		return codes;
	}

	private String memberCode(long id, String nameOrCode) {
		String text = nameOrCode.trim();
		List<Member> members = this.campaigns.members(id);
		for (Member member : members) {
			if (member.iso3().equalsIgnoreCase(text) || member.name().equalsIgnoreCase(text)) {
				return member.iso3();
			}
		}
		StateNameResolver.Resolution resolution = this.resolver.resolve(text, LocalDate.now());
		if (!resolution.resolved()) {
			throw new InvalidInputException("states", resolution.problem());
		}
		if (members.stream().noneMatch((m) -> m.iso3().equals(resolution.iso3()))) {
			throw new InvalidInputException("states", text + " is not a member of this campaign's body");
		}
		return resolution.iso3();
	}

	private static String singleState(String states) {
		List<String> parts = split(states);
		return (parts.size() == 1 && parts.get(0).matches("[A-Za-z]{3}")) ? parts.get(0).toUpperCase(Locale.ROOT)
				: null;
	}

	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		if (text != null) {
			for (String part : text.split("[,;\\n]")) {
				if (!part.isBlank()) {
					parts.add(part.trim());
				}
			}
		}
		return parts;
	}

	private static String names(List<Contact.Participant> participants, int from) {
		List<String> names = new ArrayList<>();
		for (int i = from; i < participants.size(); i++) {
			names.add(participants.get(i).name());
		}
		return String.join(", ", names);
	}

	/**
	 * Refuses a too large file, or too many, before the contact is logged, so nothing is
	 * half done. The files wait on disk: each is read into memory only while it is
	 * stored.
	 */
	private static void checkSizes(List<MultipartFile> files) {
		if (files == null) {
			return;
		}
		if (files.stream().filter((file) -> !file.isEmpty()).count() > AttachmentUploads.FILES_AT_ONCE) {
			throw new InvalidInputException("files",
					"Attach at most " + AttachmentUploads.FILES_AT_ONCE + " files at once; add more from the contact");
		}
		for (MultipartFile file : files) {
			if (file.getSize() > Contacts.MAX_ATTACHMENT_BYTES) {
				throw new InvalidInputException("files",
						"The file " + file.getOriginalFilename() + " is " + (file.getSize() / (1024 * 1024))
								+ " MB; an attachment has at most " + (Contacts.MAX_ATTACHMENT_BYTES / (1024 * 1024))
								+ " MB");
			}
		}
	}

	private void attach(long id, Contacts.Logged logged, List<MultipartFile> files, Principal principal) {
		if (files == null || !logged.stored()) {
			return;
		}
		for (MultipartFile file : files) {
			if (!file.isEmpty()) {
				try {
					this.contacts.attach(id, logged.contact().id(), file.getOriginalFilename(), file.getContentType(),
							file.getBytes(), principal.getName());
				}
				catch (IOException ex) {
					throw new InvalidInputException("files", "The file " + file.getOriginalFilename()
							+ " could not be read; the contact is logged, attach the file again from its page");
				}
			}
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
		if (blank(text)) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "Unknown " + field + " '" + text + "'");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
