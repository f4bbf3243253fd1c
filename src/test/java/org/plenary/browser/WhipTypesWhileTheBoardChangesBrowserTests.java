package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's first defect: with a row's inline edit open, a change recorded by someone
 * else moved the focus to the stance select, so typing "No doubt..." picked No. Here a
 * second browser records changes of other states, and then of the edited state itself,
 * while the first types; the first saves exactly what it typed, and is told of the change
 * of its own state instead of having its form replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipTypesWhileTheBoardChangesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Test
	void whatAWhipTypesIsWhatIsSavedWhateverTheBoardReceivesMeanwhile() throws Exception {
		String typing = this.accounts.user(Role.WHIP);
		String other = this.accounts.user(Role.WHIP);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY, typing);
		try (Browser first = Browser.open(1366, 900); Browser second = Browser.open(1366, 900)) {
			first.signIn(url(""), typing, TestAccounts.PASSWORD);
			second.signIn(url(""), other, TestAccounts.PASSWORD);
			WebDriver page = first.driver();
			page.get(url("/campaigns/" + campaign.id()));
			first.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-BRA")));
			second.driver().get(url("/campaigns/" + campaign.id()));
			second.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-FRA")));

			click(page, By.cssSelector("#row-BRA button"));
			first.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-BRA select[name=stance]")));
			new Select(page.findElement(By.cssSelector("#row-BRA select[name=stance]"))).selectByValue("YES");
			WebElement note = page.findElement(By.cssSelector("#row-BRA input[name=note]"));
			note.click();
			String typed = "No doubt they vote with us; Abstain is off the table";
			String[] words = typed.split("(?<= )");
			String[] others = { "FRA", "DEU", "KEN", "IND", "MEX", "JPN" };
			for (int i = 0; i < words.length; i++) {
				// typed as a person types: into whatever has the focus now
				new org.openqa.selenium.interactions.Actions(page).sendKeys(words[i]).perform();
				if (i < others.length) {
					// the second browser records a change of another state
					recordFromTheSecondBrowser(second, others[i], (i % 2 == 0) ? "NO" : "LEANING_YES");
					first.waiting()
						.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
								"#row-" + others[i] + " .badge.stance-" + ((i % 2 == 0) ? "no" : "leaning-yes"))));
				}
			}
			assertThat(page.switchTo().activeElement().getAttribute("name")).as("the focus stays in the note")
				.isEqualTo("note");
			assertThat(new Select(page.findElement(By.cssSelector("#row-BRA select[name=stance]")))
				.getFirstSelectedOption()
				.getAttribute("value")).isEqualTo("YES");
			assertThat(note.getAttribute("value")).isEqualTo(typed);
			first.screenshot("33-typing-while-the-board-changes");
			new org.openqa.selenium.interactions.Actions(page).sendKeys(Keys.ENTER).perform();
			first.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#row-BRA .badge"), "Yes"));
			CurrentStance saved = this.whip.stance(campaign.id(), "BRA");
			assertThat(saved.stance()).isEqualTo(Stance.YES);
			assertThat(saved.note()).isEqualTo(typed);

			// now the edited state itself changes meanwhile: the form stays, a line says
			// so
			click(page, By.cssSelector("#row-KEN button"));
			first.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-KEN select[name=stance]")));
			WebElement kenyaNote = page.findElement(By.cssSelector("#row-KEN input[name=note]"));
			kenyaNote.click();
			new org.openqa.selenium.interactions.Actions(page).sendKeys("Nairobi confirms").perform();
			recordFromTheSecondBrowser(second, "KEN", "ABSTAIN");
			first.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#row-KEN .changed-meanwhile")));
			assertThat(page.findElement(By.cssSelector("#row-KEN .changed-meanwhile")).getText())
				.contains("Changed meanwhile by " + other + " to Abstain");
			assertThat(kenyaNote.getAttribute("value")).isEqualTo("Nairobi confirms");
			assertThat(page.findElement(By.cssSelector("#row-KEN")).getAttribute("class")).contains("editing");
			first.screenshot("34-changed-meanwhile");
			assertThat(first.consoleMessages()).isEmpty();
		}
	}

	/** The second whip edits a row of its own board and saves. */
	private void recordFromTheSecondBrowser(Browser second, String iso3, String stance) {
		WebDriver page = second.driver();
		click(page, By.cssSelector("#row-" + iso3 + " button"));
		second.waiting()
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#row-" + iso3 + " select[name=stance]")));
		new Select(page.findElement(By.cssSelector("#row-" + iso3 + " select[name=stance]"))).selectByValue(stance);
		click(page, By.cssSelector("#row-" + iso3 + " button[type=submit]"));
		second.waiting()
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#row-" + iso3 + ":not(.editing) .badge")));
	}

	/**
	 * Clicks an element brought to the middle of the window, clear of the sticky header.
	 */
	private static void click(WebDriver page, By by) {
		WebElement element = page.findElement(by);
		((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				element);
		element.click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
