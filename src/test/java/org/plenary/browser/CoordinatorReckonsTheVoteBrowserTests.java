package org.plenary.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.forecast.ForecastFixtures;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the vote, a coordinator opens the campaign's reckoning: the form lists every
 * member with its vote prefilled from the board; the coordinator names the roll call, now
 * in the voting history, and reads how the forecast and the reads did and which
 * commitments were kept. A phone shows it without sideways scrolling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorReckonsTheVoteBrowserTests {

	private static final int YEAR = 2026;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	WhipCount whip;

	@Test
	void aCoordinatorRecordsTheVoteFromTheHistoryAndReadsTheReckoning() throws Exception {
		Campaign campaign = campaignWithAForecast();
		long id = campaign.id();
		// the reads of two officials; Cuba promised Yes to a minister
		for (String iso3 : List.of("USA", "GBR", "FRA", "DEU", "JPN", "CAN")) {
			read(id, iso3, Stance.YES, Level.AMBASSADOR, "ambassador-ito");
		}
		read(id, "CUB", Stance.YES, Level.MINISTER, "minister-silva");
		read(id, "IRN", Stance.NO, Level.DESK_OFFICER, "ambassador-ito");
		read(id, "NIC", Stance.LEANING_NO, Level.DESK_OFFICER, "ambassador-ito");
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String vote = ForecastFixtures.symbol(YEAR, 3);
		try (Browser browser = Browser.open(1280, 900)) {
			browser.signIn(base(), coordinator, TestAccounts.PASSWORD);
			WebDriver page = browser.driver();
			page.get(base() + "/campaigns/" + id + "/reckoning");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("vote:USA")));
			assertThat(new Select(page.findElement(By.name("vote:CUB"))).getFirstSelectedOption().getText())
				.isEqualTo("Yes");
			assertThat(new Select(page.findElement(By.name("vote:BRA"))).getFirstSelectedOption().getText())
				.isEqualTo("–");
			browser.screenshot("95-reckoning-form");
			page.findElement(By.name("rollCall")).sendKeys(vote);
			page.findElement(By.xpath("//button[text()='Record from the history']")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "How accurate we were"));
			String main = page.findElement(By.tagName("main")).getText();
			assertThat(main).contains("The vote became " + vote)
				.contains("Commitments kept and broken")
				.contains("minister-silva")
				.contains("Mean log loss");
			assertThat(page.findElement(By.id("rk-CUB")).getText()).contains("broken");
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
			page.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
			browser.screenshot("96-reckoning");
		}
		try (Browser phone = Browser.open(390, 844)) {
			phone.signIn(base(), coordinator, TestAccounts.PASSWORD);
			phone.driver().get(base() + "/campaigns/" + id + "/reckoning");
			phone.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "How accurate we were"));
			Long width = (Long) ((org.openqa.selenium.JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth");
			phone.screenshot("97-reckoning-phone");
			assertThat(width).as("sideways scrolling").isLessThanOrEqualTo(390L);
		}
	}

	private void read(long campaignId, String iso3, Stance stance, Level level, String official) {
		this.whip.record(new WhipCount.RecordStance(campaignId, iso3, stance, null, null, level, null, null, 0, null),
				official);
	}

	/** A campaign on the fixture's topic 1, its model prepared in the background. */
	private Campaign campaignWithAForecast() throws Exception {
		synchronized (ForecastFixtures.class) {
			if (this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).isEmpty()) {
				Path file = ForecastFixtures.write(Files.createTempDirectory("forecast"), "web.csv",
						"Web forecast fixture", YEAR, YEAR, 21);
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
		}
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		this.campaigns.addReferences(campaign.id(),
				List.of(this.rollCalls.bySymbol(ForecastFixtures.symbol(YEAR, 1)).get(0).id()));
		this.forecasts.prepare(campaign.id());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!this.forecasts.forecast(campaign.id()).ready()) {
			assertThat(Instant.now()).as("the model is prepared within a minute").isBefore(deadline);
			Thread.sleep(100);
		}
		return campaign;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
