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

	@Autowired
	java.util.List<org.plenary.system.PlenaryCommand> commands;

	@Autowired
	org.plenary.campaigns.Campaigns campaignService;

	@Test
	void aStanceChangedOnOneBoardAppearsOnAnother() throws Exception {
		// ./plenary demo, as a newcomer would run it
		org.plenary.system.PlenaryCommand demo = this.commands.stream()
			.filter((c) -> c.name().equals("demo"))
			.findFirst()
			.orElseThrow();
		demo.run(List.of(), System.out);
		Campaign campaign = this.campaignService.campaigns().stream().filter(Campaign::demo).findFirst().orElseThrow();
		String whip = this.accounts.user(Role.WHIP);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		try (Browser watching = Browser.open(1280, 900); Browser editing = Browser.open(1280, 900)) {
			signIn(watching, coordinator);
			watching.driver().get(url("/campaigns/" + campaign.id()));
			watching.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-KAZ")));
			int yesBefore = Integer
				.parseInt(watching.driver().findElement(By.cssSelector("#tally .count-box.yes strong")).getText());
			String yesAfter = String.valueOf(yesBefore + 1);

			signIn(editing, whip);
			WebDriver page = editing.driver();
			page.get(url("/campaigns/" + campaign.id()));
			editing.screenshot("29-demo-board");
			page.findElement(By.cssSelector("#row-KAZ button")).click();
			editing.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-KAZ select[name=stance]")));
			new Select(page.findElement(By.cssSelector("#row-KAZ select[name=stance]"))).selectByValue("LEANING_YES");
			page.findElement(By.cssSelector("#row-KAZ input[name=note]")).sendKeys("Capital call: leaning yes");
			page.findElement(By.cssSelector("#row-KAZ button[type=submit]")).click();
			editing.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#row-KAZ .badge"),
						"Leaning yes"));
			editing.waiting()
				.until(ExpectedConditions.textToBe(By.cssSelector("#tally .count-box.yes strong"), yesAfter));
			editing.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(
						By.cssSelector("svg.world-map path.country.stance-leaning-yes[data-m49='398']")));
			editing.screenshot("30-board-after-edit");

			// the other board, never reloaded, shows the change
			watching.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#row-KAZ .badge"),
						"Leaning yes"));
			watching.waiting()
				.until(ExpectedConditions.textToBe(By.cssSelector("#tally .count-box.yes strong"), yesAfter));
			assertThat(watching.driver().findElement(By.id("row-KAZ")).getText()).contains("Capital call: leaning yes");
			// the map is repainted from the pushed colours, not fetched again
			watching.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(
						By.cssSelector("svg.world-map path.country.stance-leaning-yes[data-m49='398']")));
			assertThat(watching.driver()
				.findElement(By.cssSelector("svg.world-map path.country[data-m49='398'] title"))
				.getAttribute("textContent")).isEqualTo("Kazakhstan: Leaning yes");
			// each sees who else is looking
			watching.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("viewers"), whip));
			// the pushed tally replaces the old one rather than nesting inside it
			assertThat(watching.driver().findElements(By.cssSelector("#tally #tally"))).isEmpty();
			watching.screenshot("31-board-live");
			List<String> messages = watching.consoleMessages();
			assertThat(messages).noneMatch((message) -> message.contains("Refused to"));
		}
		try (Browser phone = Browser.open(390, 844)) {
			signIn(phone, whip);
			phone.driver().get(url("/campaigns/" + campaign.id() + "?stance=LEANING_YES"));
			phone.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-KAZ")));
			phone.screenshot("32-board-phone");
		}
	}

	private void signIn(Browser browser, String username) {
		browser.signIn("http://localhost:" + this.port, username, TestAccounts.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
