package org.plenary.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip opens a campaign's board, changes a stance inline, sees the tally and the map
 * change, and a coordinator's board open in another browser shows the change without
 * reloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipUpdatesTheLiveBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Test
	void aStanceChangedOnOneBoardAppearsOnAnother() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		try (Browser watching = Browser.open(1280, 900); Browser editing = Browser.open(1280, 900)) {
			signIn(watching, coordinator);
			watching.driver().get(url("/campaigns/" + campaign.id()));
			watching.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-BRA")));
			String yesBefore = watching.driver().findElement(By.cssSelector("#tally .count-box.yes strong")).getText();
			assertThat(yesBefore).isEqualTo("0");

			signIn(editing, whip);
			WebDriver page = editing.driver();
			page.get(url("/campaigns/" + campaign.id()));
			page.findElement(By.cssSelector("#row-BRA button")).click();
			editing.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-BRA select[name=stance]")));
			new Select(page.findElement(By.cssSelector("#row-BRA select[name=stance]"))).selectByValue("LEANING_YES");
			page.findElement(By.cssSelector("#row-BRA input[name=note]")).sendKeys("Capital call: leaning yes");
			page.findElement(By.cssSelector("#row-BRA button[type=submit]")).click();
			editing.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#row-BRA .badge"),
						"Leaning yes"));
			editing.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#tally .count-box.yes strong"), "1"));
			editing.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(
						By.cssSelector("svg.world-map path.country.stance-leaning-yes[data-m49='076']")));
			editing.screenshot("30-board-after-edit");

			// the other board, never reloaded, shows the change
			watching.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#row-BRA .badge"),
						"Leaning yes"));
			watching.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#tally .count-box.yes strong"), "1"));
			assertThat(watching.driver().findElement(By.id("row-BRA")).getText()).contains("Capital call: leaning yes");
			// each sees who else is looking
			watching.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("viewers"), whip));
			// the pushed tally replaces the old one rather than nesting inside it
			assertThat(watching.driver().findElements(By.cssSelector("#tally #tally"))).isEmpty();
			watching.screenshot("31-board-live");
			List<String> messages = watching.consoleMessages();
			assertThat(messages).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	private void signIn(Browser browser, String username) {
		WebDriver page = browser.driver();
		page.get(url("/login"));
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		page.findElement(By.cssSelector("button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
