package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.PrivateRead;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip on a phone (390 x 844) opens Kenya from "my states", logs a WhatsApp message
 * with a Leaning yes read in four taps, and a coordinator's board, open on a desk, shows
 * it without a reload: a private read of their organisation, as the contact is kept to
 * it; the contact is the read's source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipLogsAContactFromAPhoneBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Autowired
	WhipCount whip;

	private int taps;

	@Test
	void aWhipLogsAWhatsAppMessageWithALeaningYesReadInFourTaps() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whipUser = this.accounts.user(Role.WHIP);
		Person official = this.outreach.person("Amara Diallo", Level.DEPUTY_PERMANENT_REPRESENTATIVE, whipUser);
		for (String iso3 : new String[] { "KEN", "GHA", "SEN" }) {
			this.assignments.assign(campaign.id(), iso3, official.id(), null, "coordinator");
		}
		String coordinator = this.accounts.user(Role.COORDINATOR);
		try (Browser desk = Browser.open(1280, 900); Browser phone = Browser.open(390, 844)) {
			signIn(desk, coordinator);
			desk.driver().get(url("/campaigns/" + campaign.id()));
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("row-KEN")));

			signIn(phone, whipUser);
			WebDriver page = phone.driver();
			page.get(url("/campaigns/" + campaign.id() + "/mine"));
			phone.screenshot("40-my-states-phone");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Kenya", "Ghana", "Senegal");
			tap(page.findElement(By.cssSelector("a[aria-label='Log a contact with Kenya']")));
			phone.waiting().until(ExpectedConditions.urlContains("/quick-log"));
			tap(page.findElement(By.xpath("//label[normalize-space()='WhatsApp']")));
			tap(page.findElement(By.xpath("//label[.//span[normalize-space()='Leaning yes']]")));
			phone.screenshot("41-quick-log-phone");
			tap(page.findElement(By.cssSelector("button[type=submit].primary")));
			phone.waiting().until(ExpectedConditions.urlContains("/mine"));
			assertThat(page.findElement(By.cssSelector(".flash.notice")).getText())
				.isEqualTo("Logged: Kenya, Leaning yes");
			phone.screenshot("42-logged-phone");
			assertThat(this.taps).as("taps from my states to a saved contact").isLessThan(5);
			// no sideways scrolling on the phone pages
			assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) page)
				.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);

			// the board open on the desk shows it without a reload: the organisation's
			// private read, as the contact is kept to the organisation
			desk.waiting()
				.until(ExpectedConditions
					.textToBePresentInElementLocated(By.cssSelector("#row-KEN .private-read .badge"), "Leaning yes"));
			desk.screenshot("43-board-after-phone-log");
			assertThat(desk.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
			assertThat(phone.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
		Contact contact = this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 5)).get(0);
		assertThat(contact.channel()).isEqualTo(Channel.MESSAGE);
		assertThat(contact.ours()).extracting(Contact.Participant::name).containsExactly("Amara Diallo");
		PrivateRead read = Acting.asUser(whipUser, () -> this.whip.privateReads(campaign.id()).get("KEN"));
		assertThat(read.stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(read.contactId()).isEqualTo(contact.id());
		assertThat(this.whip.stance(campaign.id(), "KEN").stance()).isEqualTo(Stance.UNKNOWN);
	}

	private void tap(WebElement element) {
		element.click();
		this.taps++;
	}

	private void signIn(Browser browser, String username) {
		browser.signIn("http://localhost:" + this.port, username, TestAccounts.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
