package org.plenary.outreach;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	org.plenary.accounts.TestAccounts testAccounts;

	// the users the tests sign in as belong to the test organisation, whose officials and
	// counterparts they see
	@org.junit.jupiter.api.BeforeEach
	void users() {
		this.testAccounts.named("viewer-p", Role.VIEWER);
		this.testAccounts.named("coordinator-p", Role.COORDINATOR);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	TestAccounts accounts;

	@Test
	void aCoordinatorAddsAndChangesAnOfficialOverTheApiOnTopOfTheVersionRead() throws Exception {
		String organisation = this.accounts.organisation("State Department " + System.nanoTime());
		String token = this.accounts.token(this.accounts.user(Role.COORDINATOR, organisation));
		String location = this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Ann Lee " + System.nanoTime() + "\",\"organisation\":\"" + organisation
						+ "\",\"level\":\"ASSISTANT_SECRETARY\",\"title\":\"Bureau of International Organizations\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisation").value(organisation))
			.andExpect(jsonPath("$.level").value("ASSISTANT_SECRETARY"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""));
		String change = "{\"name\":\"Ann Lee\",\"organisation\":\"" + organisation
				+ "\",\"level\":\"MINISTER\",\"active\":false,\"expectedVersion\":0}";
		this.mvc
			.perform(put(location).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("MINISTER"))
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.version").value(1));
		// the same edit on top of version 0 again: someone changed it since
		this.mvc
			.perform(put(location).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.replace("MINISTER", "AMBASSADOR")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.level").value("MINISTER"))
			.andExpect(jsonPath("$.current.version").value(1));
		this.mvc
			.perform(put(location).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.replace(",\"expectedVersion\":0", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("expectedVersion"));
		String list = this.mvc.perform(get("/api/v1/people").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(organisation);
	}

	@Test
	void theApiNamesTheFieldForAnUnknownOrganisationOrUserAndRefusesAUserLinkedTwice() throws Exception {
		String token = this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String linked = this.accounts.user(Role.WHIP);
		this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Nobody\",\"organisation\":\"No Such Ministry\",\"level\":\"MINISTER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("organisation"));
		this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Nobody\",\"organisation\":\"Test Mission\",\"level\":\"MINISTER\","
						+ "\"username\":\"no-such-user-" + System.nanoTime() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("username"));
		this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\":\"Test Mission\",\"level\":\"MINISTER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		String body = "{\"name\":\"Linked\",\"organisation\":\"Test Mission\",\"level\":\"DESK_OFFICER\","
				+ "\"username\":\"" + linked + "\"}";
		this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/people/999999999").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyACoordinatorAddsOfficials() throws Exception {
		String body = "{\"name\":\"Denied\",\"organisation\":\"Test Mission\",\"level\":\"MINISTER\"}";
		for (Role role : new Role[] { Role.VIEWER, Role.WHIP }) {
			String token = this.accounts.token(this.accounts.user(role));
			this.mvc
				.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/people").header("Authorization", "Bearer " + token))
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(post("/people").param("name", "Denied")
				.param("organisation", "Test Mission")
				.param("level", "MINISTER")
				.with(user("viewer-p").roles("VIEWER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePageListsOfficialsByOrganisationAndEscapesWhatTheyTyped() throws Exception {
		String organisation = this.accounts.organisation("Test Mission");
		this.mvc
			.perform(post("/people").param("name", HOSTILE)
				.param("organisation", organisation)
				.param("level", "AMBASSADOR")
				.param("title", "Head of delegation")
				.param("active", "true")
				.with(user("coordinator-p").roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/people"));
		Person added = this.people.people()
			.stream()
			.filter((p) -> p.organisation().equals(organisation))
			.findFirst()
			.orElseThrow();
		assertThat(added.name()).isEqualTo(HOSTILE);
		assertThat(added.active()).isTrue();
		String page = this.mvc.perform(get("/people").with(user("viewer-p").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(organisation)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain(HOSTILE)
			.contains("Head of delegation")
			.contains("Ambassador");
		String edit = this.mvc.perform(get("/people/" + added.id()).with(user("viewer-p").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(edit).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
	}

	@Test
	void aRefusedFormKeepsWhatWasTypedAndSaysWhy() throws Exception {
		String page = this.mvc
			.perform(post("/people").param("name", "Kept Name")
				.param("organisation", "No Such Ministry")
				.param("level", "MINISTER")
				.with(user("coordinator-p").roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("No organisation").contains("value=\"Kept Name\"");
	}

	@Test
	void aStaleEditOnThePageShowsTheNewerValues() throws Exception {
		Person person = this.people.add(new People.PersonDetails("Bo Stale " + System.nanoTime(),
				this.accounts.organisation("Test Mission"), Level.DESK_OFFICER, null, null, true));
		this.people.change(person.id(), new People.PersonDetails(person.name(), "Test Mission", Level.MINISTER,
				"Promoted meanwhile", null, true), 0);
		String page = this.mvc
			.perform(post("/people/" + person.id()).param("name", person.name())
				.param("organisation", "Test Mission")
				.param("level", "AMBASSADOR")
				.param("version", "0")
				.param("active", "true")
				.with(user("coordinator-p").roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("changed by someone else")
			.contains("Promoted meanwhile")
			.contains("Minister")
			.contains("name=\"version\" value=\"1\"");
		assertThat(this.people.person(person.id()).level()).isEqualTo(Level.MINISTER);
		// saving again on top of the version now shown is a deliberate overwrite
		this.mvc
			.perform(post("/people/" + person.id()).param("name", person.name())
				.param("organisation", "Test Mission")
				.param("level", "AMBASSADOR")
				.param("version", "1")
				.param("active", "true")
				.with(user("coordinator-p").roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.people.person(person.id()).level()).isEqualTo(Level.AMBASSADOR);
	}

	@Test
	void theServiceRefusesBadInput() {
		assertThatThrownBy(
				() -> this.people.add(new People.PersonDetails(" ", "Test Mission", Level.MINISTER, null, null, true)))
			.isInstanceOf(InvalidInputException.class)
			.extracting((e) -> ((InvalidInputException) e).field())
			.isEqualTo("name");
		assertThatThrownBy(
				() -> this.people.add(new People.PersonDetails("No level", "Test Mission", null, null, null, true)))
			.isInstanceOf(InvalidInputException.class)
			.extracting((e) -> ((InvalidInputException) e).field())
			.isEqualTo("level");
		Person person = this.people.add(new People.PersonDetails("Versioned " + System.nanoTime(),
				this.accounts.organisation("Test Mission"), Level.MINISTER, null, null, true));
		assertThatThrownBy(() -> this.people.change(person.id(),
				new People.PersonDetails(person.name(), "Test Mission", Level.MINISTER, null, null, true), 5))
			.isInstanceOf(ConflictException.class);
	}

}
