package org.plenary.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip brings the team's spreadsheet in: chooses the file, reads the preview, tells
 * Plenary what an unknown stance word means, and applies; the board shows the reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipImportsASpreadsheetBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	org.plenary.outreach.TestOutreach outreach;

	@Autowired
	org.plenary.whip.WhipCount whip;

	@Test
	void importsTheTeamsSheet() throws Exception {
		long id = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		String whip = this.accounts.user(Role.WHIP);
		Path sheet = Files.createTempFile("whip count ", ".csv");
		String jane = "Jane Roe " + System.nanoTime();
		this.outreach.person(jane, org.plenary.whip.Level.AMBASSADOR);
		Files.writeString(sheet, """
				Country,Position,Comments,Owner,Last contact
				Côte d'Ivoire,lean Y,Capital consulted,%s,2026-11-20
				Türkiye,abst,,,
				Kenya,Y,"Said yes, twice",,
				Mali,maybe,Depends on the AU,,
				""".formatted(jane), StandardCharsets.UTF_8);
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, whip, TestAccounts.PASSWORD);
			page.get("http://localhost:" + this.port + "/campaigns/" + id);
			// the board's menu: Import is under Spreadsheets
			page.findElement(By.xpath("//nav[@class='campaign-nav']//summary[.='Spreadsheets']")).click();
			page.findElement(By.linkText("Import")).click();
			page.findElement(By.cssSelector("input[type=file]")).sendKeys(sheet.toAbsolutePath().toString());
			page.findElement(By.cssSelector("button.primary")).click();
			browser.waiting().until(ExpectedConditions.urlMatches(".*/import/[0-9a-f-]{36}.*"));
			assertThat(page.findElement(By.tagName("main")).getText()).contains("unknown stance word 'maybe'");
			browser.screenshot("30-import-preview-with-an-unknown-word");
			new Select(page.findElement(By.name("word:maybe"))).selectByVisibleText("Undecided");
			page.findElement(By.xpath("//button[text()='Update the preview']")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"0 row(s) have a problem"));
			browser.screenshot("31-import-preview-ready");
			page.findElement(By.xpath("//button[starts-with(text(), 'Apply')]")).click();
			browser.waiting().until(ExpectedConditions.urlMatches(".*/campaigns/" + id + "$"));
			assertThat(page.findElement(By.cssSelector(".flash")).getText()).contains("4 stance(s) changed")
				.contains("1 owner(s) assigned")
				.contains("1 last contact(s) logged");
			assertThat(page.findElement(By.id("row-CIV")).getText()).contains(jane);
			assertThat(page.findElement(By.id("row-KEN")).getText()).contains("Yes");
			browser.screenshot("32-board-after-import");
		}
		finally {
			Files.deleteIfExists(sheet);
		}
	}

	/**
	 * Issue 19: a sheet written before newer reads, with a first-name owner, a country
	 * Plenary does not know and a non-member. The whip fixes the rows in the preview
	 * without uploading again, includes the stale row, and applies; on a phone the
	 * preview does not scroll sideways.
	 */
	@Test
	void fixesRowsAndIncludesAStaleRowInThePreview() throws Exception {
		String whip = this.accounts.user(Role.WHIP);
		long id = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, whip).id();
		String first = "Ximena" + System.nanoTime();
		org.plenary.outreach.Person ximena = this.outreach.person(first + " Okafor", org.plenary.whip.Level.AMBASSADOR);
		// the sheet was written when Russia had no read; the board has one since
		this.whip.record(new org.plenary.whip.WhipCount.RecordStance(id, "RUS", org.plenary.whip.Stance.NO, null, null,
				null, null, "Firm, said the PR", 0, null), "analyst");
		Path sheet = Files.createTempFile("old export ", ".csv");
		Files.writeString(sheet, """
				Country,Stance,Focal point,Version
				Russia,?,,0
				Kenya,Y,%s,0
				Atlantis,N,,
				Holy See,Y,,
				China,abst,,0
				""".formatted(first), StandardCharsets.UTF_8);
		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open(1366, 900)) {
			WebDriver page = browser.driver();
			browser.signIn(base, whip, TestAccounts.PASSWORD);
			page.get(base + "/campaigns/" + id + "/import");
			page.findElement(By.cssSelector("input[type=file]")).sendKeys(sheet.toAbsolutePath().toString());
			page.findElement(By.cssSelector("button.primary")).click();
			browser.waiting().until(ExpectedConditions.urlMatches(".*/import/[0-9a-f-]{36}.*"));
			String upload = page.getCurrentUrl().replaceAll(".*/import/([0-9a-f-]{36}).*", "$1");
			String main = page.findElement(By.tagName("main")).getText();
			assertThat(main).contains("2 row(s) have a problem")
				.contains("1 row(s) changed on the board since this sheet was exported")
				.contains("changed since this sheet was exported: now No, by analyst on")
				.contains("Holy See is an observer state, not a member of this campaign's body: row skipped")
				.contains("no active official is named exactly '" + first + "'");
			assertThat(page.findElement(By.xpath("//button[starts-with(text(), 'Apply')]")).isEnabled()).isFalse();
			assertThat(wide(page)).as("the preview scrolls sideways at 1366 px").isFalse();
			browser.screenshot("33-import-preview-stale-and-problems-1366");
			// the official whose name fits, the state meant, and the stale row included
			new Select(page.findElement(By.name("owner.3"))).selectByValue(String.valueOf(ximena.id()));
			new Select(page.findElement(By.name("state.4"))).selectByValue("GHA");
			page.findElement(By.name("include.2")).click();
			page.findElement(By.xpath("//button[text()='Update the preview']")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"0 row(s) have a problem"));
			assertThat(page.getCurrentUrl()).contains(upload);
			assertThat(page.findElement(By.name("include.2")).isSelected()).isTrue();
			assertThat(new Select(page.findElement(By.name("state.4"))).getFirstSelectedOption().getText())
				.isEqualTo("Ghana");
			assertThat(wide(page)).as("the fixed preview scrolls sideways at 1366 px").isFalse();
			browser.screenshot("34-import-preview-fixed-1366");
			((org.openqa.selenium.JavascriptExecutor) page)
				.executeScript("document.getElementById('line-4').scrollIntoView()");
			browser.screenshot("34b-import-preview-fixed-rows-1366");
			page.findElement(By.xpath("//button[starts-with(text(), 'Apply')]")).click();
			browser.waiting().until(ExpectedConditions.urlMatches(".*/campaigns/" + id + "$"));
			assertThat(page.findElement(By.cssSelector(".flash")).getText()).contains("4 stance(s) changed")
				.contains("1 owner(s) assigned")
				.contains("1 row(s) skipped");
			assertThat(page.findElement(By.id("row-RUS")).getText()).contains("Undecided");
			assertThat(page.findElement(By.id("row-GHA")).getText()).contains("No");
			assertThat(page.findElement(By.id("row-KEN")).getText()).contains(first);
		}
		// on a phone: the same kind of preview, rows as cards, no sideways scrolling
		try (Browser phone = Browser.open(390, 844)) {
			WebDriver page = phone.driver();
			phone.signIn(base, whip, TestAccounts.PASSWORD);
			page.get(base + "/campaigns/" + id + "/import");
			page.findElement(By.cssSelector("input[type=file]")).sendKeys(sheet.toAbsolutePath().toString());
			page.findElement(By.cssSelector("button.primary")).click();
			phone.waiting().until(ExpectedConditions.urlMatches(".*/import/[0-9a-f-]{36}.*"));
			assertThat(page.findElement(By.tagName("main")).getText()).contains("row(s) have a problem");
			assertThat(wide(page)).as("the preview scrolls sideways at 390 px").isFalse();
			phone.screenshot("35-import-preview-390");
			new Select(page.findElement(By.name("owner.3"))).selectByValue(String.valueOf(ximena.id()));
			page.findElement(By.xpath("//button[text()='Update the preview']")).click();
			phone.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"1 row(s) have a problem"));
			assertThat(wide(page)).as("the fixed preview scrolls sideways at 390 px").isFalse();
			((org.openqa.selenium.JavascriptExecutor) page)
				.executeScript("document.getElementById('line-3').scrollIntoView()");
			phone.screenshot("36-import-preview-rows-390");
			assertThat(phone.consoleMessages()).noneMatch((m) -> m.contains("Content Security Policy"));
		}
		finally {
			Files.deleteIfExists(sheet);
		}
	}

	private static boolean wide(WebDriver page) {
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) page;
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
		return scroll > inner;
	}

}
