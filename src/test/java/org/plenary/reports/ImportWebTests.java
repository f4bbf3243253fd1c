package org.plenary.reports;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The import pages and API: upload, preview (with corrections), apply; viewers may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportWebTests {

	private static final String SHEET = "Country,Stance,Notes\nGhana,Y,<script>alert(1)</script>\nAtlantis,N,\nMali,maybe,\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Test
	void aWhipUploadsPreviewsCorrectsAndApplies() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		String base = "/campaigns/" + campaign.id() + "/import";
		assertThat(this.mvc.perform(get(base).with(user(whip).roles("WHIP"))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		MvcResult uploaded = this.mvc
			.perform(multipart(base).file(file(SHEET)).with(user(whip).roles("WHIP")).with(csrf()))
			.andReturn();
		String preview = uploaded.getResponse().getRedirectedUrl();
		assertThat(preview).matches(base + "/[0-9a-f-]{36}");
		String page = this.mvc.perform(get(preview).with(user(whip).roles("WHIP")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("unknown state name or code &#39;Atlantis&#39;")
			.contains("name=\"word:maybe\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.containsPattern("<button type=\"submit\" name=\"action\" value=\"apply\" class=\"primary\" disabled");
		// applying a sheet with a problem records nothing and says why
		MvcResult refused = this.mvc
			.perform(post(preview).param("country", "0")
				.param("stance", "1")
				.param("notes", "2")
				.param("word:maybe", "UNDECIDED")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		// back to the same preview, with the choices made
		assertThat(refused.getResponse().getRedirectedUrl()).startsWith(preview + "?")
			.contains("word%3Amaybe=UNDECIDED");
		assertThat(refused.getFlashMap().get("error").toString()).contains("nothing was imported");
		assertThat(this.whip.stance(campaign.id(), "GHA").version()).isZero();
		// without Atlantis, with "maybe" mapped, it applies
		MvcResult clean = this.mvc
			.perform(multipart(base).file(file(SHEET.replace("Atlantis,N,\n", "")))
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		MvcResult applied = this.mvc
			.perform(post(clean.getResponse().getRedirectedUrl()).param("country", "0")
				.param("stance", "1")
				.param("notes", "2")
				.param("word:maybe", "UNDECIDED")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		assertThat(applied.getResponse().getRedirectedUrl()).isEqualTo("/campaigns/" + campaign.id());
		assertThat(applied.getFlashMap().get("notice").toString()).contains("2 stance(s) changed");
		assertThat(this.whip.stance(campaign.id(), "MLI").stance()).isEqualTo(Stance.UNDECIDED);
		// a viewer may not import
		String viewer = this.accounts.user(Role.VIEWER);
		assertThat(this.mvc.perform(multipart(base).file(file(SHEET)).with(user(viewer).roles("VIEWER")).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theApiUploadsAndApplies() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String token = this.accounts.token(this.accounts.user(Role.WHIP));
		MvcResult uploaded = this.mvc
			.perform(multipart("/api/v1/campaigns/" + campaign.id() + "/imports")
				.file(file("Member state;Vote;Comment\nNorway;yes;\nPeru;lean n;call again\n"))
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		String json = uploaded.getResponse().getContentAsString();
		assertThat(json).contains("\"changes\":2").contains("\"problems\":0").contains("\"iso3\":\"PER\"");
		String upload = json.replaceAll("(?s).*\"upload\":\"([0-9a-f-]{36})\".*", "$1");
		MvcResult applied = this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/imports/" + upload + "/apply")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"country\": 0, \"stance\": 1, \"notes\": 2}")
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(applied.getResponse().getStatus()).isEqualTo(200);
		assertThat(applied.getResponse().getContentAsString()).contains("\"changed\":2");
		assertThat(this.whip.stance(campaign.id(), "PER").stance()).isEqualTo(Stance.LEANING_NO);
		assertThat(this.whip.stance(campaign.id(), "PER").note()).isEqualTo("call again");
		assertThat(this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/imports/" + java.util.UUID.randomUUID() + "/apply")
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aDamagedOrHostileWorkbookIsRefusedInPlenarysWordsOnThePageAndThroughTheApi() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		String token = this.accounts.token(whip);
		MockMultipartFile truncated = new MockMultipartFile("file", "whip.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", HostileSpreadsheets.truncated());
		MvcResult page = this.mvc
			.perform(multipart("/campaigns/" + campaign.id() + "/import").file(truncated)
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andReturn();
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/campaigns/" + campaign.id() + "/import");
		assertThat(page.getFlashMap().get("error").toString())
			.isEqualTo("whip.xlsx is not a readable XLSX workbook (it may be damaged, password-protected, or an old"
					+ " .xls file: save it as .xlsx or CSV)");
		MvcResult api = this.mvc
			.perform(multipart("/api/v1/campaigns/" + campaign.id() + "/imports").file(new MockMultipartFile("file",
					"rows.xlsx", "application/octet-stream", HostileSpreadsheets.manyRows(6_000)))
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		assertThat(api.getResponse().getContentAsString())
			.contains("rows.xlsx: row 5,001: a whip spreadsheet has at most 5,000 rows")
			.doesNotContainIgnoringCase("poi")
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("java.");
		// too large
		MvcResult large = this.mvc
			.perform(multipart("/api/v1/campaigns/" + campaign.id() + "/imports")
				.file(new MockMultipartFile("file", "large.csv", "text/csv", new byte[SheetReader.MAX_BYTES + 1]))
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(large.getResponse().getStatus()).isEqualTo(400);
		assertThat(large.getResponse().getContentAsString()).contains("a whip spreadsheet is at most 10 MB");
	}

	private static MockMultipartFile file(String text) {
		return new MockMultipartFile("file", "whip.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
