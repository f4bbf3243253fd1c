package org.plenary.outreach;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.plenary.whip.Level;

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

/** Our officials over JSON. */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Our side's officials, by organisation and level, linked to user accounts")
class PeopleApi {

	private final People people;

	PeopleApi(People people) {
		this.people = people;
	}

	/**
	 * An official to add or change. {@code organisation} is an organisation's name as in
	 * the accounts, your own (left out: your own, or the official's); {@code username}
	 * links a user account of that organisation (at most one official per user);
	 * {@code expectedVersion} (or the If-Match header) is needed to change.
	 */
	record PersonRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String organisation,
			@NotNull Level level, @Size(max = 200) String title, @Size(max = 100) String username, Boolean active,
			@PositiveOrZero Integer expectedVersion) {

		People.PersonDetails details() {
			return new People.PersonDetails(this.name, this.organisation, this.level, this.title, this.username,
					this.active == null || this.active);
		}

	}

	@GetMapping
	@Operation(summary = "Your organisation's officials, and those partners share with a campaign you take part in; "
			+ "active first, by name")
	List<Person> people() {
		return this.people.people();
	}

	@PostMapping
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Add an official to your organisation's roster; 400 naming the field for an unknown "
			+ "organisation or a user not of it, 403 for another organisation, 409 if the user is linked to another "
			+ "official")
	ResponseEntity<Person> add(@Valid @RequestBody PersonRequest request) {
		Person person = this.people.add(request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
			.eTag("\"" + person.version() + "\"")
			.body(person);
	}

	@GetMapping("/{pid}")
	@Operation(summary = "One official (its version is in the ETag); 404 for one you may not see")
	ResponseEntity<Person> person(@PathVariable long pid) {
		Person person = this.people.person(pid);
		return ResponseEntity.ok().eTag("\"" + person.version() + "\"").body(person);
	}

	@PutMapping("/{pid}")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Change an official of your organisation on top of the version you read; 404 for one you "
			+ "may not see, 403 for another organisation's or to move it to another, 409 with the current official if "
			+ "it changed since")
	ResponseEntity<Person> change(@PathVariable long pid, @Valid @RequestBody PersonRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Person person = this.people.change(pid, request.details(),
				org.plenary.system.ExpectedVersion.of(request.expectedVersion(), ifMatch, "the official"));
		return ResponseEntity.ok().eTag("\"" + person.version() + "\"").body(person);
	}

}
