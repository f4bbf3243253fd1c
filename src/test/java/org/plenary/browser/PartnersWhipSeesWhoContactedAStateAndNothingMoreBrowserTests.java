package org.plenary.browser;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Coalitions;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.People;
import org.plenary.outreach.Person;
import org.plenary.system.Acting;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two organisations whip one campaign. The owner's coordinator turns on the bare signal
 * of its contacts, and its whip logs a call with Brazil's minister, two days ago, kept to
 * the organisation. A partner's whip, on a desk (1366 px) and on a phone (390 px), sees
 * "Contacted by US Mission on <day> (Minister)" on the board and in the quick log, with a
 * warning that Brazil is owned by US Mission (its official not named), and nothing of the
 * call itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnersWhipSeesWhoContactedAStateAndNothingMoreBrowserTests {

	private static final String OWNER = "US Mission";

	private static final String PARTNER = "EU Delegation";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Coalitions coalitions;

	@Autowired
	People people;

	@Autowired
	Assignments assignments;

	@Test
	void aPartnersWhipSeesThatTheOwnerContactedBrazilAndNothingMore() {
		String secret = "SECRET" + System.nanoTime();
		String ownerCoordinator = this.accounts.user(Role.COORDINATOR, OWNER);
		String ownerWhip = this.accounts.user(Role.WHIP, OWNER);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, PARTNER);
		String partnerWhip = this.accounts.user(Role.WHIP, PARTNER);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, ownerCoordinator);
		long partnerId = this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(PARTNER))
			.findFirst()
			.orElseThrow()
			.id();
		Acting.asUser(ownerCoordinator, () -> this.coalitions.invite(campaign.id(), partnerId, ownerCoordinator));
		Acting.asUser(partnerCoordinator, () -> this.coalitions.answer(campaign.id(), true, partnerCoordinator));
		// the owner's official owns Brazil in the campaign
		Person official = this.people
			.add(new People.PersonDetails("Jane Doe", OWNER, Level.AMBASSADOR, null, null, true));
		this.assignments.assign(campaign.id(), "BRA", official.id(), null, ownerCoordinator);
		LocalDate called = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		String expected = "Contacted by " + OWNER + " on "
				+ DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(called) + " (Minister)";

		try (Browser desk = Browser.open(1366, 900)) {
			// the owner's coordinator chooses to share the bare fact of its contacts
			signIn(desk, ownerCoordinator);
			WebDriver page = desk.driver();
			page.get(url("/campaigns/" + campaign.id() + "/follow-ups"));
			page.findElement(By.xpath("//button[normalize-space()='Share the day and level of our contacts']")).click();
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.notice")));
			assertThat(page.findElement(By.cssSelector(".contact-signal")).getText()).contains("Now: On");
			((JavascriptExecutor) page).executeScript("document.querySelector('.contact-signal').scrollIntoView()");
			desk.screenshot("80-owner-shares-the-contact-signal-1366");
		}
		try (Browser desk = Browser.open(1366, 900)) {
			// its whip logs a call with Brazil's minister, kept to the organisation
			signIn(desk, ownerWhip);
			WebDriver page = desk.driver();
			page.get(url("/campaigns/" + campaign.id() + "/contacts/new?state=BRA"));
			((JavascriptExecutor) page).executeScript(
					"document.querySelector('input[name=occurredAt]').value = arguments[0]", called + "T16:42");
			new Select(page.findElement(By.name("channel"))).selectByValue("CALL");
			page.findElement(By.name("theirName")).sendKeys(secret + " Minister Costa");
			new Select(page.findElement(By.name("theirLevel"))).selectByValue("MINISTER");
			page.findElement(By.name("said")).sendKeys(secret + " will vote yes if the paragraph stays");
			assertThat(page.findElement(By.cssSelector("input[name=visibility][value=ORGANISATION]")).isSelected())
				.isTrue();
			page.findElement(By.xpath("//button[normalize-space()='Log contact']")).click();
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.notice")));
		}
		try (Browser desk = Browser.open(1366, 900)) {
			signIn(desk, partnerWhip);
			WebDriver page = desk.driver();
			page.get(url("/campaigns/" + campaign.id()));
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-BRA")));
			String row = page.findElement(By.id("row-BRA")).getText();
			assertThat(row).contains(expected).doesNotContain(secret).doesNotContain("Costa").doesNotContain("16:42");
			assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain(secret);
			((JavascriptExecutor) page)
				.executeScript("document.getElementById('row-BRA').scrollIntoView({block: 'center'})");
			desk.screenshot("81-partner-board-contacted-by-1366");

			page.get(url("/campaigns/" + campaign.id() + "/quick-log?state=BRA"));
			String quickLog = page.findElement(By.tagName("main")).getText();
			// the owner is named by its organisation only
			assertThat(quickLog).contains(expected)
				.contains("Brazil is owned by " + OWNER)
				.doesNotContain("Jane Doe")
				.doesNotContain(secret)
				.doesNotContain("Costa")
				.doesNotContain("16:42");
			desk.screenshot("82-partner-quick-log-contacted-by-1366");
			assertThat(desk.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
		try (Browser phone = Browser.open(390, 844)) {
			signIn(phone, partnerWhip);
			WebDriver page = phone.driver();
			page.get(url("/campaigns/" + campaign.id()));
			phone.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-BRA")));
			assertThat(page.findElement(By.id("row-BRA")).getText()).contains(expected).doesNotContain(secret);
			((JavascriptExecutor) page)
				.executeScript("document.getElementById('row-BRA').scrollIntoView({block: 'center'})");
			phone.screenshot("83-partner-board-contacted-by-390");

			page.get(url("/campaigns/" + campaign.id() + "/quick-log?state=BRA"));
			assertThat(page.findElement(By.tagName("main")).getText()).contains(expected).doesNotContain(secret);
			phone.screenshot("84-partner-quick-log-contacted-by-390");
			// no sideways scrolling on the phone
			assertThat((Long) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo(390L);
		}
	}

	private void signIn(Browser browser, String username) {
		browser.signIn("http://localhost:" + this.port, username, TestAccounts.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
