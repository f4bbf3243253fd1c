package org.plenary.states;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class StatesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theStatesPageListsAllMembersAndObservers() throws Exception {
		String page = fetch("/states", false);
		assertThat(page).contains("<html").contains("<strong>195</strong>").contains("Côte d&#39;Ivoire");
		assertThat(count(page, "<tr>")).isEqualTo(195 + 1);
	}

	@Test
	void anHtmxFilterRequestGetsOnlyTheTable() throws Exception {
		String fragment = fetch("/states?bloc=EU", true);
		assertThat(fragment).doesNotContain("<html").doesNotContain("<header").contains("id=\"results\"");
		assertThat(fragment).contains("<strong>27</strong>").contains("Germany").doesNotContain("United Kingdom");
	}

	@Test
	void filtersByGroupBlocAndName() throws Exception {
		assertThat(fetch("/states?group=EASTERN_EUROPEAN&bloc=EU", true)).contains("<strong>11</strong>");
		assertThat(fetch("/states?q=ivoire", true)).contains("<strong>1</strong>");
		assertThat(fetch("/states?q=%3Cscript%3E", true)).contains("<strong>0</strong>").contains("No state matches");
		assertThat(fetch("/states?q=soviet&former=true", true)).contains("Union of Soviet Socialist Republics");
	}

	@Test
	void anUnknownGroupingIsABadRequestThatSaysSo() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		String body = this.mvc.perform(get("/states?bloc=NOPE").with(user(username).roles("VIEWER")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("No regional group or bloc with code &#39;NOPE&#39;");
	}

	@Test
	void aStatePageShowsItsGroupsBlocsAndNames() throws Exception {
		String page = fetch("/states/TUR", false);
		assertThat(page).contains("Türkiye")
			.contains("Republic of Türkiye")
			.contains("TURKEY")
			.contains("WEOG")
			.contains("NATO")
			.contains("G20");
		String soviet = fetch("/states/SUN", false);
		assertThat(soviet).contains("Succeeded by").contains("Russian Federation");
	}

	@Test
	void anUnknownStateIsNotFound() throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		this.mvc.perform(get("/states/XYZ").with(user(username).roles("VIEWER"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/states/XYZ").header("Authorization", "Bearer " + this.accounts.token(username)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiListsFiltersAndResolves() throws Exception {
		String token = this.accounts.token(this.accounts.user(Role.VIEWER));
		String eu = this.mvc.perform(get("/api/v1/states?grouping=EU").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(count(eu, "\"iso3\"")).isEqualTo(27);
		String resolved = this.mvc
			.perform(get("/api/v1/states/resolve?name=YUGOSLAVIA&on=1985-05-01").header("Authorization",
					"Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(resolved).contains("\"iso3\":\"YUG\"");
		this.mvc.perform(get("/api/v1/states?grouping=NOPE").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest());
	}

	private String fetch(String path, boolean htmx) throws Exception {
		String username = this.accounts.user(Role.VIEWER);
		var request = get(java.net.URI.create(path)).with(user(username).roles("VIEWER"));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
