package org.plenary.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The history pages and API on a small import of our own (dated 2032). */
@SpringBootTest
@AutoConfigureMockMvc
class HistoryWebTests {

	private static final String VOTES = """
			resolution,date,iso3,vote,title
			A/RES/87/1,2032-01-10,FRA,Y,Fixture: protection of <b>journalists</b>
			A/RES/87/1,2032-01-10,DEU,Y,Fixture: protection of <b>journalists</b>
			A/RES/87/1,2032-01-10,RUS,N,Fixture: protection of <b>journalists</b>
			A/RES/87/1,2032-01-10,IND,A,Fixture: protection of <b>journalists</b>
			A/RES/87/2,2032-01-11,FRA,Y,Fixture: protection of journalists and media workers
			A/RES/87/2,2032-01-11,RUS,Y,Fixture: protection of journalists and media workers
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	private String viewer;

	@BeforeEach
	void importFixture() throws Exception {
		Path file = Files.writeString(Files.createTempFile("history-web", ".csv"), VOTES);
		this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		this.viewer = this.accounts.user(Role.VIEWER);
	}

	@Test
	void searchFindsByWordsAndSymbolAndAnHtmxRequestGetsTheTableOnly() throws Exception {
		String page = page("/history?q=journalists%20media", false);
		assertThat(page).contains("<html").contains("A/RES/87/2").doesNotContain("A/RES/87/1<");
		String fragment = page("/history?symbol=A/RES/87/", true);
		assertThat(fragment).doesNotContain("<html")
			.contains("id=\"results\"")
			.contains("A/RES/87/1")
			.contains("A/RES/87/2");
		assertThat(page("/history?symbol=A/RES/87/1&outcome=REJECTED", true)).contains("<strong>0</strong>");
		// hostile search text is just text
		assertThat(page("/history?q=%27%3B%20drop%20table%20history_vote%3B%20--", true))
			.contains("<strong>0</strong>");
	}

	@Test
	void aRollCallPageShowsTheTallyTheMapTheListsAndSimilarResolutions() throws Exception {
		long id = this.rollCalls.bySymbol("A/RES/87/1").get(0).id();
		String page = page("/history/roll-calls/" + id, false);
		assertThat(page).contains("Fixture: protection of &lt;b&gt;journalists&lt;/b&gt;")
			.doesNotContain("<b>journalists");
		assertThat(page).contains("<svg")
			.contains("class=\"country yes\" data-m49=\"250\"")
			.contains("class=\"country no\" data-m49=\"643\"")
			.contains("class=\"country abstain\" data-m49=\"356\"");
		assertThat(page).contains("Resolutions like this one").contains("A/RES/87/2");
	}

	@Test
	void aStateRecordShowsSessionsAndCoincidence() throws Exception {
		String page = page("/states/FRA/record?from=2032-01-01&to=2032-12-31&with=RUS", false);
		assertThat(page).contains("France: voting record").contains("<svg");
		// both voted Yes or No twice, agreed once: 50%
		assertThat(page).contains("voted the same way on 50.0% of 2 roll calls");
	}

	@Test
	void theApiAnswersSearchRollCallRecordAndCoincidence() throws Exception {
		String token = this.accounts.token(this.viewer);
		long id = this.rollCalls.bySymbol("A/RES/87/1").get(0).id();
		assertThat(api("/api/v1/roll-calls?symbol=A/RES/87/", token)).contains("\"total\":2");
		assertThat(api("/api/v1/roll-calls/" + id, token)).contains("\"outcome\":\"ADOPTED\"")
			.contains("\"YES\":[{\"iso3\":\"FRA\"");
		assertThat(api("/api/v1/states/FRA/coincidence/RUS?from=2032-01-01", token)).contains("\"common\":2")
			.contains("\"agreed\":1")
			.contains("\"percent\":50.0");
		assertThat(api("/api/v1/states/FRA/record?from=2032-01-01&partners=3", token)).contains("\"yes\":2");
		this.mvc.perform(get("/api/v1/roll-calls?outcome=MAYBE").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/roll-calls/999999999").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
	}

	@Test
	void theImportApiSaysWhyAFileWasRefused() throws Exception {
		// the voting history is the installation's: its operators import it
		String token = this.accounts.token(this.accounts.operator("Test Mission"));
		String body = this.mvc
			.perform(multipart("/api/v1/imports")
				.file(new MockMultipartFile("files", "bad.csv", "text/csv",
						"resolution,date,iso3,vote\nA/RES/87/9,2032-02-01,Atlantis,Y\n".getBytes()))
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("unknown state name or code 'Atlantis' on lines 2").contains("\"status\":\"FAILED\"");
	}

	private String page(String path, boolean htmx) throws Exception {
		var request = get(java.net.URI.create(path)).with(user(this.viewer).roles("VIEWER"));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String api(String path, String token) throws Exception {
		return this.mvc.perform(get(path).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
