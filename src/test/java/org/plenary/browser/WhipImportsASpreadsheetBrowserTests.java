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

}
