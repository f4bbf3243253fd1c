package org.plenary.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Briefing;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.DraftsAndBriefings;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whip answers a briefing's invitations: one in place (only its row changes, the page
 * is not reloaded), then every one not yet answered at once. A coordinator finds a
 * reference resolution by its symbol. The pages are looked at on a desk (1366 px) and on
 * a phone (390 px): no sideways scrolling, no Content-Security-Policy violation; the
 * screenshots stay in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhipAnswersBriefingInvitationsInPlaceAndInBulkBrowserTests {

	// the UN Digital Library's layout, in a session of its own
	private static final String UNDL = """
			undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link
			9401,UKR,UKRAINE,Y,2033-03-02,ES-94,A/RES/ES-94/1,A/ES-94/L.1,,A/ES-94/PV.5,Fixture for the browser: aggression against the reef states,Letter,Fixtures,,1,3,0,189,193,
			9401,RUS,RUSSIAN FEDERATION,N,2033-03-02,ES-94,A/RES/ES-94/1,A/ES-94/L.1,,A/ES-94/PV.5,Fixture for the browser: aggression against the reef states,Letter,Fixtures,,1,3,0,189,193,
			9401,BLR,BELARUS,N,2033-03-02,ES-94,A/RES/ES-94/1,A/ES-94/L.1,,A/ES-94/PV.5,Fixture for the browser: aggression against the reef states,Letter,Fixtures,,1,3,0,189,193,
			9401,SYR,SYRIAN ARAB REPUBLIC,N,2033-03-02,ES-94,A/RES/ES-94/1,A/ES-94/L.1,,A/ES-94/PV.5,Fixture for the browser: aggression against the reef states,Letter,Fixtures,,1,3,0,189,193,
			""";

	// what sticks out furthest to the right, to say why a page scrolls sideways
	private static final String WIDEST = """
			var w = null; document.querySelectorAll('main *').forEach(function (e) {
			  var r = e.getBoundingClientRect(); if (!w || r.right > w.r) { w = {r: r.right, e: e.outerHTML.slice(0, 200)}; } });
			return w && (w.r + ' ' + w.e);""";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	DraftsAndBriefings work;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Test
	void aWhipAnswersOneInvitationInPlaceThenAllNotYetAnsweredAtOnce() throws Exception {
		Path undl = Files.writeString(Files.createTempFile("browser-briefing", ".csv"), UNDL);
		this.importer.importFiles(List.of(undl), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		long reference = this.rollCalls.bySymbol("A/RES/ES-94/1").get(0).id();
		String coordinator = this.accounts.user(Role.COORDINATOR);
		String whip = this.accounts.user(Role.WHIP);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator);
		this.campaignService.addReferences(campaign.id(), List.of(reference));
		Briefing briefing = this.work.openBriefing(campaign.id(), "EU briefing on the draft", null, "EXCEPT:ES-94/1:N",
				List.of(), List.of());
		assertThat(briefing.invitations()).hasSize(190);
		String page = url("/campaigns/" + campaign.id() + "/briefings/" + briefing.id());

		try (Browser desk = Browser.open(1366, 900)) {
			desk.signIn(base(), whip, TestAccounts.PASSWORD);
			WebDriver driver = desk.driver();
			driver.get(page);
			assertThat(driver.findElement(By.tagName("main")).getText())
				.contains("everyone except those that voted No on A/RES/ES-94/1")
				.contains("Left out by the rule (3): Belarus, Russian Federation, Syrian Arab Republic");
			// a mark on the page: a reload would lose it
			((JavascriptExecutor) driver).executeScript("window.notReloaded = true");

			// one answer, in place
			new Select(driver.findElement(By.cssSelector("#invitation-KEN select[name=status]")))
				.selectByValue("ACCEPTED");
			driver.findElement(By.cssSelector("#invitation-KEN button[type=submit]")).click();
			desk.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#invitation-KEN .answer"),
						"by " + whip));
			assertThat(driver.findElement(By.cssSelector("#invitation-KEN .answer strong")).getText())
				.isEqualTo("Accepted");
			desk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "Accepted 1"));
			assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded")).isEqualTo(true);
			// the row keeps its place and its number
			assertThat(driver.findElements(By.cssSelector("table.invitations tbody tr"))).hasSize(190);

			// every one not yet answered, at once
			driver.findElement(By.cssSelector("button[data-select=unanswered]")).click();
			assertThat(driver.findElement(By.cssSelector("[data-selected]")).getText()).isEqualTo("189 selected");
			assertThat(driver.findElement(By.cssSelector("#invitation-KEN input[name=pick]")).isSelected()).isFalse();
			new Select(driver.findElement(By.cssSelector("#bulk select[name=status]"))).selectByValue("DECLINED");
			desk.screenshot("briefing-desk-selected");
			driver.findElement(By.cssSelector("#bulk button[type=submit]")).click();
			desk.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitations"),
						"189 invitations set to Declined"));
			assertThat(driver.findElement(By.id("counts")).getText()).contains("Invited 0")
				.contains("Accepted 1")
				.contains("Declined 189");
			assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded")).isEqualTo(true);
			assertThat(this.work.invitation(campaign.id(), briefing.id(), "KEN").status())
				.isEqualTo(Briefing.Status.ACCEPTED);
			assertThat(this.work.briefing(campaign.id(), briefing.id()).count(Briefing.Status.DECLINED)).isEqualTo(189);
			desk.screenshot("briefing-desk-answered");
			assertThat(desk.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}

		// a campaign whose vote date was moved before its reference: marked, not removed
		Campaign moved = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator);
		this.campaignService.addReferences(moved.id(), List.of(reference));
		this.campaignService.change(moved.id(), new Campaigns.CampaignSettings(moved.title(), null, null, null, null,
				null, java.time.LocalDate.of(2033, 3, 1), Campaign.Status.WHIPPING, moved.version()));

		// the pages on a desk and on a phone, as a coordinator
		List<String> pages = List.of(page, url("/campaigns/" + campaign.id() + "/briefings"),
				url("/campaigns/" + moved.id() + "/references"),
				url("/campaigns/" + campaign.id() + "/references?q=ES-94/1"));
		for (int width : new int[] { 1366, 390 }) {
			try (Browser browser = Browser.open(width, 900)) {
				browser.signIn(base(), coordinator, TestAccounts.PASSWORD);
				int n = 0;
				for (String address : pages) {
					browser.driver().get(address);
					browser.screenshot("procedure-" + width + "-" + n);
					if (address.contains("/" + moved.id() + "/")) {
						assertThat(browser.driver().findElement(By.tagName("main")).getText())
							.contains("1 reference is no longer earlier than the vote date")
							.contains(
									"A/RES/ES-94/1 was voted on 2 Mar 2033, on or after this campaign's vote date 1 Mar 2033");
					}
					long scrollWidth = (Long) ((JavascriptExecutor) browser.driver())
						.executeScript("return document.documentElement.scrollWidth");
					assertThat(scrollWidth).as("sideways scrolling on " + address + " at " + width)
						.as(String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(WIDEST)))
						.isLessThanOrEqualTo(width);
					n++;
				}
				// found by its symbol, and already a reference
				assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("A/RES/ES-94/1")
					.contains("Added");
				assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
			}
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private String url(String path) {
		return base() + path;
	}

}
