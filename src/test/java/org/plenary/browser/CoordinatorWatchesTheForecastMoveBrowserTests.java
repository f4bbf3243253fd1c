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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator keeps a campaign's forecast page open; a whip records on the board that
 * Cuba, which voted No on the reference, will vote Yes; the forecast page, never
 * reloaded, shows the new expected Yes count, and so does the panel on the coordinator's
 * board. The page also reads on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorWatchesTheForecastMoveBrowserTests {

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

	@Test
	void theForecastMovesWhenAWhipRecordsAStance() throws Exception {
		Campaign campaign = campaignWithAForecast();
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String whip = this.accounts.user(Role.WHIP);
		try (Browser watching = Browser.open(1280, 900); Browser editing = Browser.open(1280, 900)) {
			watching.signIn(base(), coordinator, TestAccounts.PASSWORD);
			watching.driver().get(base() + "/campaigns/" + campaign.id() + "/forecast");
			watching.waiting()
				.until(ExpectedConditions
					.presenceOfElementLocated(By.cssSelector("#forecast-body .fc-count.yes strong")));
			String yesBefore = yes(watching);
			assertThat(watching.driver().findElement(By.tagName("main")).getText())
				.contains("Where the next call is worth most")
				.contains("Every member");
			assertThat(watching.driver().findElements(By.cssSelector("svg.world-map path.country.fc-no-strong")))
				.isNotEmpty();
			watching.screenshot("90-forecast-page");

			editing.signIn(base(), whip, TestAccounts.PASSWORD);
			WebDriver board = editing.driver();
			board.get(base() + "/campaigns/" + campaign.id());
			editing.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-panel .fc-row")));
			String cubaBefore = board.findElement(By.cssSelector("#row-CUB .forecast-cell")).getText();
			assertThat(cubaBefore).startsWith("No");
			for (String iso3 : List.of("CUB", "IRN", "SYR")) {
				board.findElement(By.cssSelector("#row-" + iso3 + " button")).click();
				editing.waiting()
					.until(ExpectedConditions
						.presenceOfElementLocated(By.cssSelector("#row-" + iso3 + " select[name=stance]")));
				new Select(board.findElement(By.cssSelector("#row-" + iso3 + " select[name=stance]")))
					.selectByValue("YES");
				new Select(board.findElement(By.cssSelector("#row-" + iso3 + " select[name=sourceLevel]")))
					.selectByValue("MINISTER");
				board.findElement(By.cssSelector("#row-" + iso3 + " button[type=submit]")).click();
				editing.waiting()
					.until(ExpectedConditions
						.textToBePresentInElementLocated(By.cssSelector("#row-" + iso3 + " .badge"), "Yes"));
			}
			// the whip's own row shows the new forecast: a read against the history moves
			// a state a long way, not all the way
			editing.waiting()
				.until((driver) -> !driver.findElement(By.cssSelector("#row-CUB .forecast-cell"))
					.getText()
					.equals(cubaBefore));
			editing.screenshot("91-board-with-forecast");
			// the coordinator's page, never reloaded, has moved
			watching.waiting().until((driver) -> !yes(watching).equals(yesBefore));
			assertThat(Integer.parseInt(yes(watching))).isGreaterThan(Integer.parseInt(yesBefore));
			assertThat(watching.driver().findElement(By.id("fc-CUB")).getText()).startsWith("Cuba Yes");
			watching.screenshot("92-forecast-page-moved");
			assertThat(watching.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
			assertThat(editing.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
		try (Browser phone = Browser.open(390, 844)) {
			phone.signIn(base(), whip, TestAccounts.PASSWORD);
			phone.driver().get(base() + "/campaigns/" + campaign.id() + "/forecast");
			phone.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-body .fc-count.yes")));
			Long width = (Long) ((org.openqa.selenium.JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth");
			phone.screenshot("93-forecast-phone");
			assertThat(width).as("sideways scrolling").isLessThanOrEqualTo(390L);
		}
	}

	private String yes(Browser browser) {
		return browser.driver().findElement(By.cssSelector("#forecast-body .fc-count.yes strong")).getText();
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
