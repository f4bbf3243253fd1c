package org.plenary.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip on a desk (1366 px) finds every page of the campaign in its menu, each link on
 * one line, the rest in menus that open from the keyboard; logs a démarche to Kenya's
 * minister from the board's row with its level and confidence, and lands back on the
 * board with Kenya's row in sight, below the board's sticky header; and on the full
 * contact form each radio button sits on the line of its label.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipLogsADemarcheFromTheBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Contacts contacts;

	@Test
	void aWhipFindsEveryPageLogsADemarcheFromTheBoardAndSeesItsRow() {
		String whip = this.accounts.user(Role.WHIP);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY, whip);
		try (Browser desk = Browser.open(1366, 900)) {
			desk.signIn("http://localhost:" + this.port, whip, TestAccounts.PASSWORD);
			WebDriver page = desk.driver();
			JavascriptExecutor js = (JavascriptExecutor) page;
			page.get(url("/campaigns/" + campaign.id()));
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-KEN")));

			// the campaign's menu: one line, no link broken over lines, nothing off the
			// page
			WebElement menu = page.findElement(By.cssSelector("nav.campaign-nav"));
			assertThat(menu.getRect().getHeight()).as("the menu's height").isLessThan(60);
			assertThat(menu.getRect().getX() + menu.getRect().getWidth()).isLessThanOrEqualTo(1366);
			for (WebElement link : menu.findElements(By.cssSelector(":scope > a, :scope > details > summary"))) {
				assertThat(link.getRect().getHeight()).as(link.getText() + " on one line").isLessThan(45);
			}
			assertThat(menu.getText()).contains("Quick log", "Forecast", "My states", "Contacts", "Follow-ups",
					"Settings");
			// a menu opens with the keyboard, its links reached with Tab, closed with
			// Escape
			WebElement reports = page.findElement(By.xpath("//nav[@class='campaign-nav']//summary[.='Reports']"));
			js.executeScript("arguments[0].focus()", reports);
			reports.sendKeys(Keys.ENTER);
			WebElement daily = page.findElement(By.linkText("Daily report"));
			assertThat(daily.isDisplayed()).isTrue();
			page.switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(page.switchTo().activeElement().getText()).isEqualTo("Daily report");
			page.switchTo().activeElement().sendKeys(Keys.ESCAPE);
			assertThat(daily.isDisplayed()).isFalse();
			assertThat(page.switchTo().activeElement().getText()).isEqualTo("Reports");
			for (String hidden : List.of("Assignments", "Opposition", "Coalition", "Drafts and co-sponsors",
					"Briefings", "Reference resolutions", "Call sheets", "Talking points", "After the vote", "Export",
					"Import")) {
				assertThat(page
					.findElements(By.xpath("//nav[@class='campaign-nav']//a[normalize-space(.)='" + hidden + "']")))
					.as(hidden)
					.hasSize(1);
			}
			desk.screenshot("90-campaign-menu-1366");

			// a démarche from Kenya's row, with the level and the confidence
			WebElement log = page.findElement(By.cssSelector("#row-KEN a[aria-label='Log a contact with Kenya']"));
			js.executeScript("arguments[0].scrollIntoView({block: 'center'})", log);
			log.click();
			desk.waiting().until(ExpectedConditions.urlContains("/quick-log"));
			page.findElement(By.xpath("//label[normalize-space()='Démarche']")).click();
			page.findElement(By.xpath("//label[.//span[normalize-space()='Leaning yes']]")).click();
			new Select(page.findElement(By.name("theirLevel"))).selectByValue("MINISTER");
			new Select(page.findElement(By.name("confidence"))).selectByValue("HIGH");
			desk.screenshot("91-quick-log-demarche-1366");
			page.findElement(By.cssSelector("button[type=submit].primary")).click();
			desk.waiting().until(ExpectedConditions.urlContains("#row-KEN"));
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.notice")));
			@SuppressWarnings("unchecked")
			Map<String, Object> where = (Map<String, Object>) js.executeScript(
					"""
							const row = document.getElementById('row-KEN').getBoundingClientRect();
							const header = document.querySelector('#board thead th').getBoundingClientRect();
							return {rowTop: row.top, rowBottom: row.bottom, headerBottom: header.bottom, height: window.innerHeight};
							""");
			desk.screenshot("92-board-after-quick-log-1366");
			assertThat(((Number) where.get("rowTop")).doubleValue()).as("the row's top, below the sticky header")
				.isGreaterThanOrEqualTo(((Number) where.get("headerBottom")).doubleValue());
			assertThat(((Number) where.get("rowBottom")).doubleValue()).as("the row's bottom, in the window")
				.isLessThanOrEqualTo(((Number) where.get("height")).doubleValue());

			// the full form: every radio button on the line of its label, before its text
			page.get(url("/campaigns/" + campaign.id() + "/contacts/new?state=KEN"));
			@SuppressWarnings("unchecked")
			List<String> misplaced = (List<String>) js.executeScript(
					"""
							const wrong = [];
							for (const radio of document.querySelectorAll('fieldset input[type=radio]')) {
							  const label = radio.closest('label');
							  const box = radio.getBoundingClientRect();
							  const range = document.createRange();
							  range.selectNodeContents(label);
							  range.setStartAfter(radio);
							  const text = range.getBoundingClientRect();
							  const middle = box.top + box.height / 2;
							  if (middle < text.top || middle > text.bottom || box.right > text.left + 1) {
							    wrong.push(label.textContent.trim() + ': radio at ' + Math.round(box.top) + '-' + Math.round(box.bottom)
							      + ', text at ' + Math.round(text.top) + '-' + Math.round(text.bottom));
							  }
							}
							return wrong;
							""");
			js.executeScript("document.querySelector('fieldset.choices').scrollIntoView()");
			desk.screenshot("93-contact-form-radios-1366");
			assertThat(misplaced).as("radio buttons off the line of their label").isEmpty();
		}
		Contact contact = this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 5)).get(0);
		assertThat(contact.channel()).isEqualTo(Channel.DEMARCHE);
		assertThat(contact.theirs()).extracting(Contact.Participant::level).containsExactly(Level.MINISTER);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
