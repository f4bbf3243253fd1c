package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.accounts.TestTwoFactor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip who has turned on two-factor sign-in types the password, then the code from the
 * authenticator app (computed here from the secret): a wrong code is refused with a clear
 * message, the right one lands on the campaigns. A whip whose organisation requires
 * two-factor sets it up at sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipSignsInWithTwoFactorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestTwoFactor twoFactor;

	@Autowired
	Accounts directory;

	@Autowired
	org.plenary.campaigns.TestCampaigns campaigns;

	@Autowired
	org.plenary.campaigns.Coalitions coalitions;

	@Autowired
	org.plenary.outreach.Contacts contacts;

	@Autowired
	org.plenary.whip.WhipCount whip;

	@Test
	void aPartnersWhipSeesTheSharedBoardButNotTheOwnersPrivateNote() {
		String run = "" + System.nanoTime();
		String secretWords = "PRIVATELY" + run;
		String note = "The minister told us " + secretWords;
		String ownerCoordinator = this.accounts.user(Role.COORDINATOR, "Owner Delegation " + run);
		String ownerWhip = this.accounts.user(Role.WHIP, "Owner Delegation " + run);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, "Partner Delegation " + run);
		String partnerWhip = this.accounts.user(Role.WHIP, "Partner Delegation " + run);
		long partner = this.directory.organisations()
			.stream()
			.filter((o) -> o.name().equals("Partner Delegation " + run))
			.findFirst()
			.orElseThrow()
			.id();
		long id = this.campaigns.generalAssembly(org.plenary.campaigns.DecisionRule.TWO_THIRDS, ownerCoordinator).id();
		org.plenary.system.Acting.asUser(ownerCoordinator, () -> this.coalitions.invite(id, partner, ownerCoordinator));
		org.plenary.system.Acting.asUser(partnerCoordinator,
				() -> this.coalitions.answer(id, true, partnerCoordinator));
		// the owner's whip logs a call with Kenya kept to its organisation, and a private
		// read of Ghana
		org.plenary.system.Acting.asUser(ownerWhip,
				() -> this.contacts
					.log(new org.plenary.outreach.Contacts.LogContact(id, null, org.plenary.whip.Channel.CALL,
							java.util.List.of(new org.plenary.outreach.Contacts.StateRead("KEN",
									org.plenary.whip.Stance.LEANING_YES, null, null)),
							java.util.List.of(), java.util.List.of(), null, note, null, null, null), ownerWhip));
		org.plenary.system.Acting.asUser(ownerWhip,
				() -> this.whip.recordPrivately(new org.plenary.whip.WhipCount.RecordStance(id, "GHA",
						org.plenary.whip.Stance.YES, null, null, null, null, note + " (Ghana)", 0, null),
						java.util.List.of(), ownerWhip));
		String secret = this.twoFactor.enable(partnerWhip).secret();
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			signInWithTwoFactor(browser, partnerWhip, secret);
			page.get(url("/campaigns/" + id));
			String kenya = browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("row-KEN")))
				.getText();
			// the read of a contact kept to the owner stays off the shared board
			assertThat(kenya).contains("Unknown").doesNotContain("Leaning yes");
			assertThat(page.findElement(By.id("row-GHA")).getText()).contains("Unknown");
			assertThat(page.getPageSource()).doesNotContain(secretWords).doesNotContain("Private read");
			browser.screenshot("25-partner-board-without-private-note");
			page.get(url("/campaigns/" + id + "/contacts"));
			assertThat(page.getPageSource()).doesNotContain(secretWords);
		}
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			browser.signIn("http://localhost:" + this.port, ownerWhip, TestAccounts.PASSWORD);
			page.get(url("/campaigns/" + id));
			String ghana = browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-GHA .private-read")))
				.getText();
			assertThat(ghana).contains("Private read").contains(secretWords);
			assertThat(page.findElement(By.cssSelector(".own-view")).getText()).contains("2 Yes");
			browser.screenshot("26-owner-board-with-private-read");
			page.get(url("/campaigns/" + id + "/coalition"));
			assertThat(page.findElement(By.cssSelector("table.grid")).getText()).contains("Partner Delegation " + run)
				.contains("Partner")
				.doesNotContain("Remove");
			assertThat(page.findElements(By.cssSelector("form"))).hasSize(1); // signing
																				// out,
																				// not
																				// inviting
			browser.screenshot("27-coalition");
		}
	}

	@Test
	void signsInWithThePasswordThenACode() {
		String whip = this.accounts.user(Role.WHIP);
		String secret = this.twoFactor.enable(whip).secret();
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			typePassword(browser, whip, TestAccounts.PASSWORD);
			browser.waiting().until(ExpectedConditions.urlContains("/login/two-factor"));
			// the password alone reaches nothing
			page.get(url("/campaigns"));
			assertThat(page.getCurrentUrl()).endsWith("/login/two-factor");
			browser.screenshot("20-two-factor-code");

			typeCode(browser, TestTwoFactor.wrongCode(secret));
			assertThat(browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.error")))
				.getText()).contains("That code is not right");
			assertThat(page.getCurrentUrl()).endsWith("/login/two-factor");
			browser.screenshot("21-two-factor-wrong-code");

			typeCode(browser, TestTwoFactor.code(secret));
			browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));
			assertThat(page.findElement(By.cssSelector(".topbar .who")).getText()).contains("Test Whip");
			browser.screenshot("22-two-factor-signed-in");
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	@Test
	void setsTwoFactorUpWhenTheOrganisationRequiresIt() {
		String organisation = this.accounts.organisation("Strict Delegation " + System.nanoTime());
		String whip = "strict-whip" + System.nanoTime() % 100000;
		this.directory.createUser(
				new Accounts.NewUser(whip, "Strict Whip", null, organisation, Role.WHIP, TestAccounts.PASSWORD));
		this.twoFactor.require(organisation, true);
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			typePassword(browser, whip, TestAccounts.PASSWORD);
			browser.waiting().until(ExpectedConditions.urlContains("/login/two-factor/setup"));
			String secret = page.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
			assertThat(secret).matches("[A-Z2-7]{32}");
			assertThat(page.findElement(By.id("two-factor-uri")).getText()).startsWith("otpauth://totp/Plenary:");
			browser.screenshot("23-two-factor-setup");

			typeCode(browser, TestTwoFactor.code(secret));
			assertThat(browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")))
				.findElements(By.tagName("li"))).hasSize(10);
			browser.screenshot("24-two-factor-recovery-codes");
			page.findElement(By.id("continue")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	/**
	 * Signs in through both steps and waits for the campaigns: for stories that start
	 * with a signed-in user who has two-factor sign-in.
	 */
	void signInWithTwoFactor(Browser browser, String username, String secret) {
		typePassword(browser, username, TestAccounts.PASSWORD);
		browser.waiting().until(ExpectedConditions.urlContains("/login/two-factor"));
		typeCode(browser, TestTwoFactor.code(secret));
		browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));
	}

	private void typePassword(Browser browser, String username, String password) {
		WebDriver page = browser.driver();
		page.get(url("/login"));
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(password);
		page.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private static void typeCode(Browser browser, String code) {
		WebDriver page = browser.driver();
		page.findElement(By.id("code")).clear();
		page.findElement(By.id("code")).sendKeys(code);
		page.findElement(By.cssSelector("button.primary[type=submit]")).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
