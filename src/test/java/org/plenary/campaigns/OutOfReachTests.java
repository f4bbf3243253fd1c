package org.plenary.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.system.ConflictException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The list of states out of reach is replaced whole, on top of the version its editor
 * read: two coordinators saving at once no longer have the later silently undo the
 * earlier. The second is refused with the list as it stands, on the page and in the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutOfReachTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	OutOfReach outOfReach;

	@Test
	void twoCoordinatorsSavingAtOnceOneIsRefusedWithTheListAsItStands() throws Exception {
		long id = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		assertThat(this.outOfReach.listed(id).version()).isZero();
		CyclicBarrier together = new CyclicBarrier(2);
		List<Callable<OutOfReach.Listed>> saves = List.of(() -> {
			together.await();
			return this.outOfReach.set(id, 0, List.of("RUS"), List.of("BLR"), "coordinator-a");
		}, () -> {
			together.await();
			return this.outOfReach.set(id, 0, List.of("RUS"), List.of("PRK", "SYR"), "coordinator-b");
		});
		List<Object> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (Future<OutOfReach.Listed> future : pool.invokeAll(saves)) {
				try {
					outcomes.add(future.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
		}
		assertThat(outcomes).filteredOn(OutOfReach.Listed.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
		OutOfReach.Listed saved = (OutOfReach.Listed) outcomes.stream()
			.filter(OutOfReach.Listed.class::isInstance)
			.findFirst()
			.orElseThrow();
		ConflictException refused = (ConflictException) outcomes.stream()
			.filter(ConflictException.class::isInstance)
			.findFirst()
			.orElseThrow();
		// the one refused is shown what the other saved, and nothing of its own was kept
		assertThat(refused.current()).isEqualTo(saved);
		assertThat(this.outOfReach.listed(id)).isEqualTo(saved);
		assertThat(saved.version()).isEqualTo(1);
	}

	@Test
	void theApiAsksForTheVersionReadAndAnswersAStaleOneWithTheCurrentList() throws Exception {
		long id = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		String coordinator = "Bearer " + this.accounts.token(this.accounts.user(Role.COORDINATOR));
		String path = "/api/v1/campaigns/" + id + "/out-of-reach";
		this.mvc.perform(get(path).header("Authorization", coordinator))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""));
		// without saying which version it read, nothing is saved
		this.mvc
			.perform(put(path).header("Authorization", coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": [\"Russia\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("expectedVersion"));
		this.mvc
			.perform(put(path).header("Authorization", coordinator)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": [\"Russia\"], \"outOfReach\": [\"Belarus\"], \"expectedVersion\": 0}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$[0].iso3").value("RUS"));
		// a second coordinator who read version 0 too
		this.mvc
			.perform(put(path).header("Authorization", coordinator)
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": [], \"outOfReach\": [\"Syria\"]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.version").value(1))
			.andExpect(jsonPath("$.current.states[0].iso3").value("RUS"))
			.andExpect(jsonPath("$.current.states[1].iso3").value("BLR"));
		// on top of what it now read, it is saved
		this.mvc
			.perform(put(path).header("Authorization", coordinator)
				.header("If-Match", "W/\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"subject\": [\"RUS\"], \"outOfReach\": [\"BLR\", \"Syria\"]}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
		assertThat(this.outOfReach.states(id)).extracting(OutOfReach.State::iso3).containsExactly("RUS", "BLR", "SYR");
	}

	@Test
	void thePageCarriesTheVersionAndAStaleFormShowsTheListAsItStands() throws Exception {
		long id = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String page = this.mvc
			.perform(get("/campaigns/" + id + "/out-of-reach").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"version\" value=\"0\"");
		// another coordinator saves first
		this.outOfReach.set(id, 0, List.of("Russian Federation"), List.of("Belarus"), "another");
		String refused = this.mvc
			.perform(post("/campaigns/" + id + "/out-of-reach").param("subject", "")
				.param("outOfReach", "Syrian Arab Republic")
				.param("version", "0")
				.with(csrf())
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Someone else saved this list since you opened the page")
			.contains("What you had typed, not saved")
			.contains("Syrian Arab Republic")
			.contains("name=\"version\" value=\"1\"")
			.contains("value=\"Russian Federation\"")
			.contains("value=\"Belarus\"");
		assertThat(this.outOfReach.states(id)).extracting(OutOfReach.State::iso3).containsExactly("RUS", "BLR");
		// saved on top of the current version
		this.mvc
			.perform(post("/campaigns/" + id + "/out-of-reach").param("subject", "Russian Federation")
				.param("outOfReach", "Belarus, Syrian Arab Republic")
				.param("version", "1")
				.with(csrf())
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.outOfReach.states(id)).extracting(OutOfReach.State::iso3).containsExactly("RUS", "BLR", "SYR");
		// a form without a version saves nothing
		this.mvc
			.perform(post("/campaigns/" + id + "/out-of-reach").param("subject", "")
				.param("outOfReach", "")
				.with(csrf())
				.with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isBadRequest());
		assertThat(this.outOfReach.states(id)).hasSize(3);
	}

}
