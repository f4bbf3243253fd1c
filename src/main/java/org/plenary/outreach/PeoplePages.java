package org.plenary.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.plenary.accounts.Accounts;
import org.plenary.accounts.Organisation;
import org.plenary.states.MemberStates;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Our officials, and each state's counterparts with the history of who held each post. A
 * refused form comes back with what was typed and the reason; a stale edit comes back
 * with the newer values beside the form, so the user decides what to keep.
 */
@Controller
class PeoplePages {

	private final People people;

	private final Counterparts counterparts;

	private final Accounts accounts;

	private final MemberStates states;

	PeoplePages(People people, Counterparts counterparts, Accounts accounts, MemberStates states) {
		this.people = people;
		this.counterparts = counterparts;
		this.accounts = accounts;
		this.states = states;
	}

	/** What the person form holds, as typed. */
	record PersonForm(String name, String organisation, String level, String title, String username, boolean active) {

		static PersonForm of(Person person) {
			return new PersonForm(person.name(), person.organisation(), person.level().name(), person.title(),
					person.username(), person.active());
		}

		People.PersonDetails details() {
			return new People.PersonDetails(this.name, this.organisation, PeoplePages.level(this.level), this.title,
					this.username, this.active);
		}

	}

	/** What the counterpart form holds, as typed. */
	record CounterpartForm(String name, String post, String level, String phone, String messaging, String email,
			String languages, String notes, LocalDate heldFrom, LocalDate heldUntil) {

		static CounterpartForm of(Counterpart c) {
			return new CounterpartForm(c.name(), c.post(), c.level().name(), c.phone(), c.messaging(), c.email(),
					c.languages(), c.notes(), c.heldFrom(), c.heldUntil());
		}

		static CounterpartForm empty() {
			return new CounterpartForm(null, null, null, null, null, null, null, null, null, null);
		}

		Counterparts.CounterpartDetails details() {
			return new Counterparts.CounterpartDetails(this.name, this.post, PeoplePages.level(this.level), this.phone,
					this.messaging, this.email, this.languages, this.notes, this.heldFrom, this.heldUntil);
		}

	}

	@GetMapping("/people")
	String people(Model model) {
		return peoplePage(model, new PersonForm(null, null, null, null, null, true));
	}

	@PostMapping("/people")
	@PreAuthorize("hasRole('COORDINATOR')")
	String addPerson(@RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String level, @RequestParam(required = false) String title,
			@RequestParam(required = false) String username, @RequestParam(defaultValue = "false") boolean active,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PersonForm form = new PersonForm(name, organisation, level, title, username, active);
		try {
			Person person = this.people.add(form.details());
			redirect.addFlashAttribute("notice", "Added " + person.describe());
			return "redirect:/people";
		}
		catch (InvalidInputException | ConflictException ex) {
			refuse(ex, model, response);
			return peoplePage(model, form);
		}
	}

	@GetMapping("/people/{pid}")
	String person(@PathVariable long pid, Model model) {
		Person person = this.people.person(pid);
		return personPage(model, person, PersonForm.of(person), person.version());
	}

	@PostMapping("/people/{pid}")
	@PreAuthorize("hasRole('COORDINATOR')")
	String changePerson(@PathVariable long pid, @RequestParam(required = false) String name,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String level,
			@RequestParam(required = false) String title, @RequestParam(required = false) String username,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam int version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PersonForm form = new PersonForm(name, organisation, level, title, username, active);
		try {
			Person person = this.people.change(pid, form.details(), version);
			redirect.addFlashAttribute("notice", "Saved " + person.describe());
			return "redirect:/people/" + pid;
		}
		catch (InvalidInputException | ConflictException ex) {
			refuse(ex, model, response);
			Person current = this.people.person(pid);
			if (ex instanceof ConflictException conflict && conflict.current() != null) {
				// show the newer values; saving again on top of them is a deliberate
				// overwrite
				model.addAttribute("newer", current);
				return personPage(model, current, form, current.version());
			}
			return personPage(model, current, form, version);
		}
	}

	private String peoplePage(Model model, PersonForm form) {
		Map<String, List<Person>> byOrganisation = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Person person : this.people.people()) {
			byOrganisation.computeIfAbsent(person.organisation(), (k) -> new java.util.ArrayList<>()).add(person);
		}
		model.addAttribute("byOrganisation", byOrganisation);
		model.addAttribute("form", form);
		formChoices(model, null);
		return "outreach/people";
	}

	private String personPage(Model model, Person person, PersonForm form, int version) {
		model.addAttribute("person", person);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		formChoices(model, person);
		Long heldTo = this.people.heldTo();
		model.addAttribute("mayEdit", heldTo == null || heldTo == person.organisationId());
		return "outreach/person";
	}

	/**
	 * The form offers the user's own organisation and its users only (an administrator
	 * too: the roster it keeps is its organisation's). An official of another
	 * organisation that the user may change (an administrator's view) keeps its own
	 * organisation and is linked to that organisation's users: saving the form never
	 * moves it unasked.
	 */
	private void formChoices(Model model, Person person) {
		Long own = this.people.ownOrganisation();
		Long organisation = (person != null) ? Long.valueOf(person.organisationId()) : own;
		List<Organisation> organisations = new java.util.ArrayList<>();
		if (own != null && own >= 0) {
			organisations.add(this.accounts.organisation(own));
		}
		if (organisation != null && !organisation.equals(own)) {
			organisations.add(this.accounts.organisation(organisation));
		}
		model.addAttribute("organisations", organisations);
		model.addAttribute("users",
				this.accounts.users()
					.stream()
					.filter((u) -> organisation != null && u.organisationId() == organisation)
					.toList());
		model.addAttribute("levels", Level.values());
	}

	@GetMapping("/states/{iso3}/counterparts")
	String counterparts(@PathVariable String iso3, Model model) {
		return counterpartsPage(iso3, model, CounterpartForm.empty());
	}

	@PostMapping("/states/{iso3}/counterparts")
	@PreAuthorize("hasRole('WHIP')")
	String addCounterpart(@PathVariable String iso3, CounterpartFormParams params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CounterpartForm form = params.form();
		try {
			Counterpart added = this.counterparts.add(iso3, form.details());
			redirect.addFlashAttribute("notice", "Added " + added.name() + " (" + added.post() + ")");
			return "redirect:/states/" + added.iso3() + "/counterparts";
		}
		catch (InvalidInputException ex) {
			refuse(ex, model, response);
			return counterpartsPage(iso3, model, form);
		}
	}

	@GetMapping("/states/{iso3}/counterparts/{cid}")
	String counterpart(@PathVariable String iso3, @PathVariable long cid, Model model) {
		Counterpart counterpart = counterpartOf(iso3, cid);
		return counterpartPage(model, counterpart, CounterpartForm.of(counterpart), counterpart.version(),
				CounterpartForm.empty());
	}

	@PostMapping("/states/{iso3}/counterparts/{cid}")
	@PreAuthorize("hasRole('WHIP')")
	String changeCounterpart(@PathVariable String iso3, @PathVariable long cid, CounterpartFormParams params,
			@RequestParam int version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		counterpartOf(iso3, cid);
		CounterpartForm form = params.form();
		try {
			Counterpart changed = this.counterparts.change(cid, form.details(), version);
			redirect.addFlashAttribute("notice", "Saved " + changed.name());
			return "redirect:/states/" + changed.iso3() + "/counterparts/" + cid;
		}
		catch (InvalidInputException | ConflictException ex) {
			refuse(ex, model, response);
			Counterpart current = this.counterparts.counterpart(cid);
			if (ex instanceof ConflictException) {
				model.addAttribute("newer", current);
				return counterpartPage(model, current, form, current.version(), CounterpartForm.empty());
			}
			return counterpartPage(model, current, form, version, CounterpartForm.empty());
		}
	}

	@PostMapping("/states/{iso3}/counterparts/{cid}/successor")
	@PreAuthorize("hasRole('WHIP')")
	String succeed(@PathVariable String iso3, @PathVariable long cid, CounterpartFormParams params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Counterpart current = counterpartOf(iso3, cid);
		CounterpartForm form = params.form();
		try {
			Counterpart successor = this.counterparts.succeed(cid,
					new Counterparts.CounterpartDetails(form.name(), null,
							blank(form.level()) ? null : level(form.level()), form.phone(), form.messaging(),
							form.email(), form.languages(), form.notes(), null, null),
					form.heldFrom());
			redirect.addFlashAttribute("notice",
					successor.name() + " holds the post of " + successor.post() + " from " + successor.heldFrom());
			return "redirect:/states/" + successor.iso3() + "/counterparts";
		}
		catch (InvalidInputException ex) {
			refuse(ex, model, response);
			return counterpartPage(model, current, CounterpartForm.of(current), current.version(), form);
		}
	}

	/** The counterpart form's fields, bound by name from the request. */
	record CounterpartFormParams(String name, String post, String level, String phone, String messaging, String email,
			String languages, String notes, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldUntil) {

		CounterpartForm form() {
			return new CounterpartForm(this.name, this.post, this.level, this.phone, this.messaging, this.email,
					this.languages, this.notes, this.heldFrom, this.heldUntil);
		}

	}

	private String counterpartsPage(String iso3, Model model, CounterpartForm form) {
		model.addAttribute("state", this.states.state(iso3.toUpperCase(Locale.ROOT)));
		List<Counterpart> all = this.counterparts.of(iso3);
		model.addAttribute("current", all.stream().filter(Counterpart::current).toList());
		model.addAttribute("former", all.stream().filter((c) -> !c.current()).toList());
		model.addAttribute("form", form);
		model.addAttribute("levels", Level.values());
		return "outreach/counterparts";
	}

	private String counterpartPage(Model model, Counterpart counterpart, CounterpartForm form, int version,
			CounterpartForm successor) {
		model.addAttribute("state", this.states.state(counterpart.iso3()));
		model.addAttribute("counterpart", counterpart);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		model.addAttribute("successor", successor);
		model.addAttribute("levels", Level.values());
		Long heldTo = this.people.heldTo();
		model.addAttribute("mayEdit", heldTo == null || heldTo == counterpart.organisationId());
		return "outreach/counterpart";
	}

	/** A counterpart, only under its own state's address. */
	private Counterpart counterpartOf(String iso3, long cid) {
		Counterpart counterpart = this.counterparts.counterpart(cid);
		if (!counterpart.iso3().equalsIgnoreCase(iso3)) {
			throw new NotFoundException("No counterpart " + cid + " of " + iso3);
		}
		return counterpart;
	}

	private static void refuse(RuntimeException ex, Model model, HttpServletResponse response) {
		response.setStatus(
				(ex instanceof ConflictException) ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", ex.getMessage());
		if (ex instanceof InvalidInputException invalid) {
			model.addAttribute("errorField", invalid.field());
		}
	}

	static Level level(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("level", "Unknown level '" + text + "'");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
