package org.plenary.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Counterpart;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.FollowUps;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator goes through a campaign's outreach pages on a desk, and a whip through
 * the same pages on a phone: every page renders with its facts, breaks no
 * Content-Security- Policy rule, and on the phone needs no sideways scrolling. The
 * screenshots stay in target/screenshots to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorWorksTheOutreachPagesBrowserTests {

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
	FollowUps followUps;

	@Test
	void everyOutreachPageRendersOnADeskAndOnAPhone() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String whip = this.accounts.user(Role.WHIP);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Person pr = this.outreach.person("Lena Hoffmann", Level.PERMANENT_REPRESENTATIVE, whip);
		Person minister = this.outreach.person("Jane Roe", Level.MINISTER);
		Counterpart theirs = this.outreach.counterpart("CIV", "Awa Koné", Level.PERMANENT_REPRESENTATIVE);
		this.assignments.assign(campaign.id(), "CIV", pr.id(), null, coordinator);
		this.assignments.assign(campaign.id(), "TUR", pr.id(), null, coordinator);
		this.assignments.assign(campaign.id(), "CIV", minister.id(), Level.MINISTER, coordinator);
		Contact contact = this.contacts
			.log(new Contacts.LogContact(campaign.id(), null, Channel.MEETING,
					List.of(new Contacts.StateRead("CIV", Stance.LEANING_YES, null, null)),
					List.of(new Contact.Participant(pr.id(), null, null, null)),
					List.of(new Contact.Participant(null, theirs.id(), null, null)), "Co-sponsor the draft",
					"Côte d'Ivoire leans yes; waits for Abidjan", null, LocalDate.now().plusDays(2), "Call Abidjan"),
					whip)
			.contact();
		this.followUps.open(new FollowUps.NewFollowUp(campaign.id(), "TUR", "Send Türkiye the revised text",
				LocalDate.now().minusDays(1), pr.id(), null, FollowUp.Origin.MANUAL, null), coordinator);
		String base = "/campaigns/" + campaign.id();
		List<String[]> pages = List.of(new String[] { base + "/contacts", "Côte d'Ivoire" },
				new String[] { base + "/contacts/" + contact.id(), "waits for Abidjan" },
				new String[] { base + "/contacts/new?state=CIV", "Awa Koné" },
				new String[] { base + "/follow-ups", "Send Türkiye the revised text" },
				new String[] { base + "/assignments", "Lena Hoffmann" },
				new String[] { base + "/workload", "Lena Hoffmann" },
				new String[] { base + "/opposition", "Opposition" },
				new String[] { base + "/states/CIV/timeline", "waits for Abidjan" },
				new String[] { "/people", "Jane Roe" }, new String[] { "/states/CIV/counterparts", "Awa Koné" },
				new String[] { base + "?owner=-", "members shown" });
		try (Browser desk = Browser.open(1280, 900)) {
			signIn(desk, coordinator);
			int n = 50;
			for (String[] page : pages) {
				desk.driver().get(url(page[0]));
				assertThat(desk.driver().findElement(By.tagName("main")).getText()).as(page[0]).contains(page[1]);
				desk.screenshot((n++) + "-desk-" + name(page[0]));
			}
			assertThat(desk.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
		try (Browser phone = Browser.open(390, 844)) {
			signIn(phone, whip);
			int n = 70;
			for (String[] page : pages) {
				phone.driver().get(url(page[0]));
				assertThat(phone.driver().findElement(By.tagName("main")).getText()).as(page[0]).contains(page[1]);
				long width = (Long) ((JavascriptExecutor) phone.driver())
					.executeScript("return document.documentElement.scrollWidth");
				assertThat(width).as("sideways scrolling on " + page[0]).isLessThanOrEqualTo(390L);
				phone.screenshot((n++) + "-phone-" + name(page[0]));
			}
			assertThat(phone.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	private static String name(String path) {
		return path.replaceAll("^/campaigns/\\d+", "campaign").replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-$", "");
	}

	private void signIn(Browser browser, String username) {
		browser.signIn("http://localhost:" + this.port, username, TestAccounts.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
