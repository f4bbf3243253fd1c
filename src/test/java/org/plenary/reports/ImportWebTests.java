package org.plenary.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.Acting;
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

	@Autowired
	org.plenary.accounts.Accounts accountsService;

	@Autowired
	org.plenary.campaigns.Coalitions coalitions;

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
	void theApiListsStaleRowsWarningsAndProblemsPerLineAndTakesFixes() throws Exception {
		String whip = this.accounts.user(Role.WHIP);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, whip);
		String token = this.accounts.token(whip);
		String base = "/api/v1/campaigns/" + campaign.id() + "/imports";
		// a sheet written when Russia was version 0; the board has moved since
		this.whip.record(
				new WhipCount.RecordStance(campaign.id(), "RUS", Stance.NO, null, null, null, null, null, 0, null),
				"analyst");
		String sheet = "Country,Stance,Version\nRussia,?,0\nHoly See,Y,\nAtlantis,N,\nKenya,Y,0\n";
		MvcResult uploaded = this.mvc
			.perform(multipart(base).file(file(sheet)).header("Authorization", "Bearer " + token))
			.andReturn();
		String json = uploaded.getResponse().getContentAsString();
		assertThat(uploaded.getResponse().getStatus()).as(json).isEqualTo(201);
		assertThat(json).contains("\"versioned\":true")
			.contains("\"stale\":1")
			.contains("\"notMembers\":1")
			.contains("\"problems\":1")
			.contains("\"outcome\":\"STALE\"")
			.contains("changed since this sheet was exported: now No, by analyst on ")
			.contains(
					"\"warning\":\"Holy See is an observer state, not a member of this campaign's body: row skipped\"")
			.contains("\"kind\":\"COUNTRY\"");
		String upload = json.replaceAll("(?s).*\"upload\":\"([0-9a-f-]{36})\".*", "$1");
		// still broken: refused, naming the row, nothing written
		MvcResult refused = this.mvc
			.perform(post(base + "/" + upload + "/apply").contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("row 4: unknown state name or code 'Atlantis'");
		assertThat(this.whip.stance(campaign.id(), "KEN").version()).isZero();
		// Atlantis was meant as Ghana; Russia's stale row is included, having seen
		// version 1
		MvcResult applied = this.mvc
			.perform(post(base + "/" + upload + "/apply").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"fixes": [{"line": 4, "iso3": "GHA"},
						           {"line": 2, "includeStale": true, "boardVersion": 1}]}""")
				.header("Authorization", "Bearer " + token))
			.andReturn();
		assertThat(applied.getResponse().getStatus()).as(applied.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(applied.getResponse().getContentAsString()).contains("\"changed\":3").contains("\"skipped\":1");
		assertThat(this.whip.stance(campaign.id(), "GHA").stance()).isEqualTo(Stance.NO);
		assertThat(this.whip.stance(campaign.id(), "RUS").stance()).isEqualTo(Stance.UNDECIDED);
	}

	@Test
	void anotherOrganisationsWhipCannotPreviewOrApplyYourUpload() throws Exception {
		String owner = "Import owner " + System.nanoTime();
		String partner = "Import partner " + System.nanoTime();
		String ownerCoordinator = this.accounts.user(Role.COORDINATOR, owner);
		String ownerWhip = this.accounts.user(Role.WHIP, owner);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
		String partnerWhip = this.accounts.user(Role.WHIP, partner);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, ownerCoordinator);
		long partnerId = this.accountsService.findOrganisation(partner).orElseThrow().id();
		Acting.asUser(ownerCoordinator, () -> this.coalitions.invite(campaign.id(), partnerId, ownerCoordinator));
		Acting.asUser(partnerCoordinator, () -> this.coalitions.answer(campaign.id(), true, partnerCoordinator));
		String base = "/api/v1/campaigns/" + campaign.id() + "/imports";
		String json = this.mvc
			.perform(multipart(base).file(file("Country,Stance\nKenya,Y\n"))
				.header("Authorization", "Bearer " + this.accounts.token(ownerWhip)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String upload = json.replaceAll("(?s).*\"upload\":\"([0-9a-f-]{36})\".*", "$1");
		String partnerToken = "Bearer " + this.accounts.token(partnerWhip);
		for (String step : List.of("/preview", "/apply")) {
			assertThat(this.mvc.perform(post(base + "/" + upload + step).header("Authorization", partnerToken))
				.andReturn()
				.getResponse()
				.getStatus()).as(step).isEqualTo(404);
		}
		String page = "/campaigns/" + campaign.id() + "/import/" + upload;
		assertThat(
				this.mvc.perform(get(page).with(user(partnerWhip).roles("WHIP"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(post(page).with(user(partnerWhip).roles("WHIP")).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.whip.stance(campaign.id(), "KEN").version()).isZero();
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
