package org.plenary.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Contacts;
import org.plenary.whip.Channel;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Exports of a campaign: an XLSX workbook with a sheet per part (typed cells, a frozen
 * header, filters) and CSV files; a note that would be a formula in a spreadsheet program
 * exports as inert text; each export is in the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportsTests {

	private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWorkbookHasTypedCellsAFrozenFilteredHeaderAndInertFormulas() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.whip.record(new WhipCount.RecordStance(campaign.id(), "CIV", Stance.LEANING_YES, null, "@ambassador", null,
				null, FORMULA, 0, null), "whip");
		this.contacts.log(new Contacts.LogContact(campaign.id(), null, Channel.CALL,
				List.of(new Contacts.StateRead("TUR", null, null, null)), List.of(), List.of(), "-1+1", FORMULA, null,
				null, null), "whip");
		String viewer = this.accounts.user(Role.VIEWER);
		MvcResult result = this.mvc.perform(get("/campaigns/" + campaign.id() + "/export").with(user(viewer)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo(Exports.XLSX);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			// the history: one row per change, oldest first, with its note inert
			Sheet history = workbook.getSheet("History");
			assertThat(history.getLastRowNum()).isEqualTo(1);
			assertThat(history.getRow(1).getCell(1).getStringCellValue()).isEqualTo("CIV");
			assertThat(history.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Leaning yes");
			assertThat(DateUtil.isCellDateFormatted(history.getRow(1).getCell(0))).isTrue();
			inert(history.getRow(1).getCell(9), FORMULA);
			// the forecast: here without references, a line that says why
			Sheet forecast = workbook.getSheet("Forecast");
			assertThat(forecast.getRow(0).getCell(3).getStringCellValue()).isEqualTo("P(Yes)");
			assertThat(forecast.getRow(1).getCell(1).getStringCellValue()).contains("forecast");
			XSSFSheet board = workbook.getSheet("Board");
			assertThat(board.getPaneInformation().isFreezePane()).isTrue();
			assertThat(board.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
			assertThat(board.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ISO3");
			assertThat(board.getLastRowNum()).isEqualTo(193);
			org.apache.poi.ss.usermodel.Row ivory = row(board, "CIV");
			assertThat(ivory.getCell(1).getStringCellValue()).isEqualTo("Côte d'Ivoire");
			assertThat(ivory.getCell(2).getStringCellValue()).isEqualTo("Leaning yes");
			inert(ivory.getCell(4), "@ambassador");
			inert(ivory.getCell(7), FORMULA);
			assertThat(ivory.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(ivory.getCell(9))).isTrue();
			assertThat(ivory.getCell(10).getNumericCellValue()).isEqualTo(1.0);
			Sheet contactSheet = workbook.getSheet("Contacts");
			assertThat(contactSheet.getLastRowNum()).isEqualTo(1);
			assertThat(contactSheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			inert(contactSheet.getRow(1).getCell(7), "-1+1");
			inert(contactSheet.getRow(1).getCell(8), FORMULA);
			assertThat(contactSheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Türkiye");
		}
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = ? and action = 'EXPORT'")
			.param(viewer)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCsvHoldsOnePartWithFormulasNeutralised() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.whip.record(
				new WhipCount.RecordStance(campaign.id(), "BRA", Stance.NO, null, null, null, null, FORMULA, 0, null),
				"whip");
		String viewer = this.accounts.user(Role.VIEWER);
		String token = this.accounts.token(viewer);
		MvcResult result = this.mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/export?format=csv&part=board")
			.header("Authorization", "Bearer " + token)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFISO3,State,Stance");
		String brazil = csv.lines().filter((l) -> l.startsWith("BRA,")).findFirst().orElseThrow();
		assertThat(brazil).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",").doesNotContain(",=HYPERLINK");
		assertThat(this.mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/export?format=csv")
			.header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus()).isEqualTo(200);
		String history = new String(this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/export?format=csv&part=history")
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(history).startsWith("\uFEFFWhen (UTC),ISO3,State,From,To").contains(",BRA,Brazil,Unknown,No,");
		for (String bad : List.of("?format=pdf", "?format=csv&part=everything")) {
			MvcResult refused = this.mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/export" + bad)
				.header("Authorization", "Bearer " + token)).andReturn();
			assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(400);
			assertThat(refused.getResponse().getContentAsString()).as(bad).contains("\"detail\"");
		}
		assertThat(
				this.mvc.perform(get("/api/v1/campaigns/999999999/export").header("Authorization", "Bearer " + token))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(404);
	}

	/** Text that a spreadsheet program shows as text, never evaluates. */
	private static void inert(Cell cell, String text) {
		assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
		assertThat(cell.getStringCellValue()).isEqualTo(text);
		assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
	}

	private static org.apache.poi.ss.usermodel.Row row(Sheet sheet, String iso3) {
		for (org.apache.poi.ss.usermodel.Row row : sheet) {
			if (iso3.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("No row for " + iso3);
	}

}
