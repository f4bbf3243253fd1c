package org.plenary.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.OutOfReach;
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
 * Two coordinators open the states out of reach, one at a desk and one on a phone. The
 * one at the desk saves Belarus first; the one on the phone, saving Syria on the page as
 * it read it, is told that someone saved meanwhile and shown the list as it stands, with
 * what it typed; saved again on top of it, both are kept. Then a coordinator reads a
 * scenario of What if in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoCoordinatorsSaveTheStatesOutOfReachAtOnceBrowserTests {

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
	OutOfReach outOfReach;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Test
	void theLaterSaveIsShownTheListAsItStandsInsteadOfOverwritingIt() {
		long id = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS).id();
		String page = base() + "/campaigns/" + id + "/out-of-reach";
		try (Browser desk = Browser.open(1366, 900); Browser phone = Browser.open(390, 844)) {
			desk.signIn(base(), this.accounts.user(Role.COORDINATOR), TestAccounts.PASSWORD);
			phone.signIn(base(), this.accounts.user(Role.COORDINATOR), TestAccounts.PASSWORD);
			desk.driver().get(page);
			phone.driver().get(page);
			save(desk.driver(), "Russian Federation", "Belarus");
			desk.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Out of reach:"));
			save(phone.driver(), "Russian Federation", "Syrian Arab Republic");
			phone.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"Someone else saved this list"));
			String seen = phone.driver().findElement(By.tagName("main")).getText();
			assertThat(seen).contains("Belarus")
				.contains("What you had typed, not saved")
				.contains("Syrian Arab Republic");
			assertThat(phone.driver().findElement(By.name("outOfReach")).getAttribute("value")).isEqualTo("Belarus");
			assertThat(sideways(phone.driver())).as("sideways scrolling").isLessThanOrEqualTo(390L);
			phone.screenshot("out-of-reach-conflict-phone");
			assertThat(this.outOfReach.states(id)).extracting(OutOfReach.State::iso3).containsExactly("RUS", "BLR");
			// on top of the list as it stands
			save(phone.driver(), "Russian Federation", "Belarus, Syrian Arab Republic");
			phone.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Out of reach:"));
			assertThat(this.outOfReach.states(id)).extracting(OutOfReach.State::iso3)
				.containsExactly("RUS", "BLR", "SYR");
			desk.driver().get(page);
			desk.screenshot("out-of-reach-desk");
			assertThat(sideways(desk.driver())).isLessThanOrEqualTo(1366L);
			assertThat(phone.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	@Test
	void aCoordinatorReadsAScenarioInWords() throws Exception {
		Campaign campaign = campaignWithAForecast();
		String coordinator = this.accounts.user(Role.COORDINATOR);
		for (int width : new int[] { 1366, 390 }) {
			try (Browser browser = Browser.open(width, 900)) {
				browser.signIn(base(), coordinator, TestAccounts.PASSWORD);
				browser.driver()
					.get(base() + "/campaigns/" + campaign.id()
							+ "/forecast/what-if?target=USA&vote=NO&target=AFRICAN&vote=ABSTAIN");
				String main = browser.driver().findElement(By.tagName("main")).getText();
				assertThat(main).contains("If the United States of America votes No, the African States abstain");
				assertThat(sideways(browser.driver())).isLessThanOrEqualTo((long) width);
				((JavascriptExecutor) browser.driver())
					.executeScript("document.querySelector('main h2').scrollIntoView()");
				browser.screenshot("what-if-" + width);
			}
		}
	}

	private static void save(WebDriver driver, String subject, String outOfReach) {
		WebElement subjectField = driver.findElement(By.name("subject"));
		subjectField.clear();
		subjectField.sendKeys(subject);
		WebElement others = driver.findElement(By.name("outOfReach"));
		others.clear();
		others.sendKeys(outOfReach);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
	}

	private static long sideways(WebDriver driver) {
		return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
	}

	/** A campaign on the fixture's topic 1, its model prepared. */
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
