package org.plenary.outreach;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counterparts share one table across tests: each test works on a post name of its own
 * and filters by it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CounterpartsTests {

	private static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	org.plenary.accounts.TestAccounts testAccounts;

	@Autowired
	People peopleOfTests;

	// the directory the tests' counterparts are in: the test organisation's
	private long testMission() {
		return this.peopleOfTests.organisationId(this.testAccounts.organisation("Test Mission"));
	}

	// the users the tests sign in as belong to the test organisation, whose officials and
	// counterparts they see
	@org.junit.jupiter.api.BeforeEach
	void users() {
		this.testAccounts.named("viewer-c", Role.VIEWER);
		this.testAccounts.named("whip-c", Role.WHIP);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Counterparts counterparts;

	@Autowired
	TestAccounts accounts;

	@Test
	void aNewHolderKeepsThePostsHistoryWithBothHoldersAndTheirDates() {
		String post = "Permanent Representative " + System.nanoTime();
		Counterpart first = this.counterparts.add(testMission(), "BRA",
				details("Ana Costa", post, LocalDate.of(2019, 9, 1), null));
		Counterpart second = this.counterparts.succeed(first.id(), details("Bruno Lima", null, null, null),
				LocalDate.of(2024, 2, 1));
		Counterpart third = this.counterparts.succeed(second.id(), details("Carla Reis", null, null, null),
				LocalDate.now().minusDays(3));
		List<Counterpart> holders = this.counterparts.of("bra").stream().filter((c) -> c.post().equals(post)).toList();
		// in post first, then the former holders, latest first
		assertThat(holders).extracting(Counterpart::name).containsExactly("Carla Reis", "Bruno Lima", "Ana Costa");
		assertThat(holders.get(0).current()).isTrue();
		assertThat(holders.get(0).heldFrom()).isEqualTo(LocalDate.now().minusDays(3));
		assertThat(holders.get(0).heldUntil()).isNull();
		assertThat(holders.get(1).current()).isFalse();
		assertThat(holders.get(1).heldFrom()).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(holders.get(1).heldUntil()).isEqualTo(LocalDate.now().minusDays(4));
		assertThat(holders.get(2).heldFrom()).isEqualTo(LocalDate.of(2019, 9, 1));
		assertThat(holders.get(2).heldUntil()).isEqualTo(LocalDate.of(2024, 1, 31));
		// the successor takes the post and, unless told otherwise, its level
		assertThat(third.post()).isEqualTo(post);
		assertThat(third.level()).isEqualTo(Level.PERMANENT_REPRESENTATIVE);
	}

	@Test
	void twoOfficialsRecordingASuccessorAtOnceAddOneSuccessor() throws Exception {
		Counterpart pr = this.counterparts.add(testMission(), "MLI", new Counterparts.CounterpartDetails("Outgoing PR",
				"Permanent Representative", Level.PERMANENT_REPRESENTATIVE, null, null, null, null, null, null, null));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
		for (String name : List.of("New PR A", "New PR B")) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					this.counterparts.succeed(pr.id(), new Counterparts.CounterpartDetails(name, null, null, null, null,
							null, null, null, null, null), java.time.LocalDate.of(2031, 3, 1));
					return "added";
				}
				catch (org.plenary.system.ConflictException ex) {
					return "conflict: " + ex.getMessage();
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new java.util.ArrayList<>();
		for (java.util.concurrent.Future<String> result : results) {
			outcomes.add(result.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce("added");
		assertThat(outcomes).anySatisfy((o) -> assertThat(o).contains("already succeeded Outgoing PR"));
		assertThat(this.counterparts.of("MLI")
			.stream()
			.filter((c) -> c.post().equals("Permanent Representative"))
			.filter((c) -> c.name().startsWith("New PR"))).hasSize(1);
	}

	@Test
	void aKnownEarlierEndStaysWhenTheSuccessorComesLater() {
		String post = "Foreign Minister " + System.nanoTime();
		Counterpart first = this.counterparts.add(testMission(), "ZAF",
				details("Left Early", post, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 6, 30)));
		this.counterparts.succeed(first.id(), details("Came Later", null, null, null), LocalDate.of(2024, 9, 1));
		assertThat(this.counterparts.counterpart(first.id()).heldUntil()).isEqualTo(LocalDate.of(2024, 6, 30));
	}

	@Test
	void badCounterpartsAreRefusedNamingTheField() {
		assertThat(field(() -> this.counterparts.add(testMission(), "BRA", details("No post", " ", null, null))))
			.isEqualTo("post");
		assertThat(field(() -> this.counterparts.add(testMission(), "BRA", details(" ", "PR", null, null))))
			.isEqualTo("name");
		assertThat(field(() -> this.counterparts.add(testMission(), "BRA",
				details("Backwards", "PR", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1)))))
			.isEqualTo("heldUntil");
		assertThat(field(
				() -> this.counterparts.add(testMission(), "BRA", new Counterparts.CounterpartDetails("Long phone",
						"PR", Level.AMBASSADOR, "1".repeat(101), null, null, null, null, null, null))))
			.isEqualTo("phone");
		Counterpart holder = this.counterparts.add(testMission(), "BRA",
				details("Since 2023", "Post " + System.nanoTime(), LocalDate.of(2023, 1, 1), null));
		assertThat(field(() -> this.counterparts.succeed(holder.id(), details("Too early", null, null, null),
				LocalDate.of(2022, 12, 31))))
			.isEqualTo("heldFrom");
		assertThat(field(() -> this.counterparts.succeed(holder.id(), details("No date", null, null, null), null)))
			.isEqualTo("heldFrom");
		assertThat(this.counterparts.counterpart(holder.id()).heldUntil()).isNull();
		assertThatThrownBy(() -> this.counterparts.add(testMission(), "XYZ", details("Nowhere", "PR", null, null)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theApiAddsChangesAndSucceedsAndAnswersWithTheRightStatus() throws Exception {
		String whip = this.accounts.token(this.accounts.user(Role.WHIP));
		String viewer = this.accounts.token(this.accounts.user(Role.VIEWER));
		String post = "Deputy PR " + System.nanoTime();
		String body = "{\"name\":\"Dara Okoye\",\"post\":\"" + post
				+ "\",\"level\":\"DEPUTY_PERMANENT_REPRESENTATIVE\","
				+ "\"phone\":\"+1 212 555 0111\",\"messaging\":\"WhatsApp +234 800 000\",\"languages\":\"English\","
				+ "\"heldFrom\":\"2022-08-01\"}";
		this.mvc
			.perform(post("/api/v1/states/NGA/counterparts").header("Authorization", "Bearer " + viewer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		String location = this.mvc
			.perform(post("/api/v1/states/nga/counterparts").header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.iso3").value("NGA"))
			.andExpect(jsonPath("$.phone").value("+1 212 555 0111"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(put(location).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("English", "English, French").replace("}", ",\"expectedVersion\":0}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.languages").value("English, French"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put(location).header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("}", ",\"expectedVersion\":0}")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.languages").value("English, French"));
		this.mvc
			.perform(post(location + "/successor").header("Authorization", "Bearer " + viewer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Eze Nnamdi\",\"heldFrom\":\"2025-01-15\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(location + "/successor").header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Eze Nnamdi\",\"heldFrom\":\"2025-01-15\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.post").value(post))
			.andExpect(jsonPath("$.heldFrom").value("2025-01-15"));
		this.mvc.perform(get(location).header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.heldUntil").value("2025-01-14"));
		String list = this.mvc
			.perform(get("/api/v1/states/NGA/counterparts").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list.indexOf("Eze Nnamdi")).isLessThan(list.indexOf("Dara Okoye"));
		this.mvc
			.perform(post("/api/v1/states/NGA/counterparts").header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Backwards\",\"post\":\"PR\",\"level\":\"AMBASSADOR\","
						+ "\"heldFrom\":\"2024-05-01\",\"heldUntil\":\"2024-04-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("heldUntil"));
		this.mvc.perform(get("/api/v1/states/XYZ/counterparts").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/states/XYZ/counterparts").header("Authorization", "Bearer " + whip)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/counterparts/999999999").header("Authorization", "Bearer " + viewer))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageShowsHoldersWithPhoneLinksAndFormerHoldersAndEscapesText() throws Exception {
		String post = "Ambassador in Brasília " + System.nanoTime();
		Counterpart former = this.counterparts.add(testMission(), "CHL", new Counterparts.CounterpartDetails(
				"Old Holder", post, Level.AMBASSADOR, null, null, null, null, null, LocalDate.of(2018, 3, 1), null));
		this.mvc
			.perform(post("/states/CHL/counterparts/" + former.id() + "/successor").param("name", HOSTILE)
				.param("heldFrom", "2024-04-01")
				.param("phone", "+56 2 555 0100")
				.param("messaging", "Signal @" + HOSTILE)
				.with(user("whip-c").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/states/CHL/counterparts").with(user("viewer-c").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"tel:+5625550100\"")
			.contains("Signal @&lt;script&gt;")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain(HOSTILE)
			.contains("Former holders")
			.contains("Old Holder")
			.contains("2024-03-31");
		// a counterpart is only found under its own state
		this.mvc.perform(get("/states/ARG/counterparts/" + former.id()).with(user("viewer-c").roles("VIEWER")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/states/CHL/counterparts").param("name", "Viewer try")
				.param("post", "PR")
				.param("level", "AMBASSADOR")
				.with(user("viewer-c").roles("VIEWER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		String refused = this.mvc
			.perform(post("/states/CHL/counterparts").param("name", "No level typed")
				.param("post", "PR")
				.with(user("whip-c").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("A level is required").contains("value=\"No level typed\"");
	}

	@Test
	void aStaleCounterpartEditOnThePageShowsTheNewerValues() throws Exception {
		Counterpart counterpart = this.counterparts.add(testMission(), "PER",
				details("Stale Test", "Post " + System.nanoTime(), null, null));
		this.counterparts.change(counterpart.id(), new Counterparts.CounterpartDetails(counterpart.name(),
				counterpart.post(), Level.MINISTER, "+51 1 555 0000", null, null, "Spanish, Quechua", null, null, null),
				0);
		String page = this.mvc
			.perform(post("/states/PER/counterparts/" + counterpart.id()).param("name", "Stale Test")
				.param("post", counterpart.post())
				.param("level", "AMBASSADOR")
				.param("version", "0")
				.with(user("whip-c").roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("changed by someone else").contains("Spanish, Quechua").contains("Minister");
	}

	private static Counterparts.CounterpartDetails details(String name, String post, LocalDate from, LocalDate until) {
		return new Counterparts.CounterpartDetails(name, post, Level.PERMANENT_REPRESENTATIVE, null, null, null, null,
				null, from, until);
	}

	private static String field(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.field();
		}
		return null;
	}

}
