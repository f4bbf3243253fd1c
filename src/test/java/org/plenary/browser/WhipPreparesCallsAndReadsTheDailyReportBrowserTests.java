package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip gets ready for the day's calls: writes a talking point for Côte d'Ivoire, opens
 * the call-sheet choices, then reads the daily report on a laptop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipPreparesCallsAndReadsTheDailyReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Test
	void talkingPointCallSheetsAndTheDailyReport() {
		long id = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		this.whip.record(new WhipCount.RecordStance(id, "CIV", Stance.LEANING_YES, null, "Ambassador", null, null,
				"warming", 0, null), "whip");
		this.whip.record(new WhipCount.RecordStance(id, "TUR", Stance.NO, null, null, null, null, null, 0, null),
				"whip");
		String whipUser = this.accounts.user(Role.WHIP);
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, whipUser, TestAccounts.PASSWORD);
			page.get("http://localhost:" + this.port + "/campaigns/" + id);
			// the board's menu: talking points and the daily report are under Reports
			page.findElement(By.xpath("//nav[@class='campaign-nav']//summary[.='Reports']")).click();
			page.findElement(By.linkText("Talking points")).click();
			new Select(page.findElement(By.name("scope"))).selectByVisibleText("Côte d'Ivoire");
			page.findElement(By.name("body")).sendKeys("Thank Abidjan for hosting the regional meeting");
			page.findElement(By.cssSelector("form.stack button.primary")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"),
						"Talking point saved"));
			assertThat(page.findElement(By.cssSelector("table.grid")).getText()).contains("Côte d'Ivoire")
				.contains("Thank Abidjan");
			browser.screenshot("40-talking-points");
			page.findElement(By.linkText("call sheet")).click();
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Call sheets");
			assertThat(page.findElements(By.cssSelector(".state-picks input[type=checkbox]"))).hasSize(193);
			browser.screenshot("41-call-sheet-choices");
			page.get("http://localhost:" + this.port + "/campaigns/" + id);
			page.findElement(By.xpath("//nav[@class='campaign-nav']//summary[.='Reports']")).click();
			page.findElement(By.linkText("Daily report")).click();
			String report = page.findElement(By.tagName("main")).getText();
			assertThat(report).contains("States that moved (2)")
				.contains("Gained (0)")
				.contains("Now firm against our ask (1): Türkiye (No)")
				.contains("Yes 1 (+1) · No 1 (+1)");
			assertThat(page.findElements(By.cssSelector(".map svg path.stance-no"))).isNotEmpty();
			browser.screenshot("42-daily-report");
			page.manage().window().setSize(new Dimension(390, 844));
			browser.screenshot("43-daily-report-phone");
			assertThat(browser.consoleMessages()).isEmpty();
		}
	}

}
