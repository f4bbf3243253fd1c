package org.plenary.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Body;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.campaigns.Visibility;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Opposition;
import org.plenary.outreach.OppositionActivity;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.states.WorldMap;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The PDF reports read back with PDFBox: call sheets (one page per state, with its
 * stance, movement, ask, contacts, counterpart, talking points, in fonts that print Côte
 * d'Ivoire and Türkiye), for a selection, an official's own states and every member; the
 * daily report with what moved since yesterday; each read in the audit trail; a page of
 * each rendered with pdftoppm into {@code target/pdf-renders}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportPdfTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOutreach outreach;

	@Autowired
	WhipCount whip;

	@Autowired
	Contacts contacts;

	@Autowired
	Assignments assignments;

	@Autowired
	TalkingPoints talkingPoints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Opposition opposition;

	@Autowired
	MyCalls myCalls;

	@Autowired
	org.plenary.outreach.FollowUps followUps;

	@Test
	void aCallSheetHasOnePagePerStateWithItsFactsAndTalkingPoints() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		this.whip.record(new WhipCount.RecordStance(id, "CIV", Stance.UNDECIDED, null, "Desk officer", null, null,
				"first read", 0, null), "whip");
		this.whip.record(
				new WhipCount.RecordStance(id, "CIV", Stance.LEANING_YES, null, "Ambassador Kouassi",
						Level.PERMANENT_REPRESENTATIVE, Channel.MEETING, "warming after the briefing", 1, null),
				"whip");
		this.outreach.counterpart("CIV", "Aya Kouassi", Level.PERMANENT_REPRESENTATIVE);
		this.contacts.log(new Contacts.LogContact(id, null, Channel.CALL,
				List.of(new Contacts.StateRead("CIV", null, null, null)), List.of(), List.of(),
				"Vote yes and co-sponsor", "Capital is reviewing the operative paragraphs; answer by Friday", null,
				null, null), "whip");
		this.talkingPoints.write(id,
				new TalkingPoints.Write(null, null, "The text protects civilians everywhere", Visibility.COALITION),
				"whip");
		this.talkingPoints.write(id, new TalkingPoints.Write("CIV", null,
				"Thank Abidjan for hosting the regional meeting", Visibility.COALITION), "whip");
		this.talkingPoints.write(id,
				new TalkingPoints.Write("TUR", null, "Only for Türkiye: the Black Sea paragraph", Visibility.COALITION),
				"whip");
		// a letter to every member names no state, yet belongs on every call sheet
		this.opposition
			.record(new Opposition.RecordActivity(id, LocalDate.now().minusDays(1), OppositionActivity.Kind.LETTER,
					null, "Letter to all Permanent Representatives urging a No vote", List.of(), true, null), "whip");
		String viewer = this.accounts.user(Role.VIEWER);

		byte[] pdf = get200(
				this.mvc.perform(get("/campaigns/" + id + "/call-sheets.pdf?states=CIV,tur").with(user(viewer))));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			String ivory = page(document, 1);
			assertThat(ivory).contains("Côte d'Ivoire")
				.contains("Leaning yes")
				.contains("Undecided → Leaning yes")
				.contains("Ambassador Kouassi")
				.contains("Aya Kouassi")
				.contains("Capital is reviewing the operative paragraphs")
				.contains("Firm up: ask it to confirm it will vote Yes")
				.contains("Last asked: Vote yes and co-")
				.contains("The text protects civilians everywhere")
				.contains("Thank Abidjan for hosting the regional meeting")
				.doesNotContain("Black Sea")
				.containsPattern("page 1 of ?2");
			String turkey = page(document, 2);
			assertThat(turkey).contains("Türkiye")
				.contains("Unknown")
				.contains("Never contacted")
				.contains("Only for Türkiye: the Black Sea paragraph")
				.contains("The text protects civilians everywhere")
				.contains("Letter urging a vote (to Every member): Letter to all Permanent")
				.doesNotContain("by null")
				.containsPattern("page 2 of ?2");
		}
		render(pdf, "call-sheet");
		// the state's page links to its call sheet
		assertThat(this.mvc.perform(get("/campaigns/" + id + "/stances/CIV").with(user(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"/campaigns/" + id + "/call-sheets.pdf?states=CIV\"");
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = ? and action = 'CALL_SHEET'")
			.param(viewer)
			.query(Long.class)
			.single()).isEqualTo(1);

		// every member: one page each
		byte[] all = get200(this.mvc.perform(get("/api/v1/campaigns/" + id + "/call-sheets").header("Authorization",
				"Bearer " + this.accounts.token(viewer))));
		try (PDDocument document = Loader.loadPDF(all)) {
			assertThat(document.getNumberOfPages()).isEqualTo(193);
			assertThat(page(document, 193)).containsPattern("page 193 of ?193");
		}
	}

	@Test
	void aLongCampaignTitleStaysBesideTheMapAndClearOfTheDateAndPageNumber() throws Exception {
		Campaign campaign = this.campaigns.open(new Campaigns.OpenCampaign(
				"Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations, "
						+ "and the humanitarian consequences of the aggression " + System.nanoTime(),
				Body.EMERGENCY_SPECIAL_SESSION, null, DecisionRule.TWO_THIRDS, null, Campaign.Ask.YES,
				"A/ES-11/L.5/Rev.1", null, null, null, null, null, List.of(), List.of(), null, null, false), "test");
		byte[] pdf = get200(this.mvc.perform(get("/campaigns/" + campaign.id() + "/call-sheets.pdf?states=GBR")
			.with(user(this.accounts.user(Role.VIEWER)))));
		render(pdf, "call-sheet-long-title");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// A4, margins of 40 points: the map is the 150 points at the top right
			int[] map = WorldMap.size();
			PDFTextStripperByArea area = new PDFTextStripperByArea();
			area.addRegion("map", new Rectangle2D.Float(595 - 40 - 150, 40, 150, 150f * map[1] / map[0]));
			area.extractRegions(document.getPage(0));
			assertThat(area.getTextForRegion("map").strip()).as("text under the map").isEmpty();
			assertThat(page(document, 1)).contains("Territorial integrity of Ukraine").contains("United Kingdom");

			// the footer: the title, shortened, ends before the date and page number
			// begin
			List<TextPosition> footer = new ArrayList<>();
			PDFTextStripper positions = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					if (text.getYDirAdj() > 800) {
						footer.add(text);
					}
				}
			};
			positions.setStartPage(1);
			positions.setEndPage(1);
			positions.getText(document);
			String line = String.join("", footer.stream().map(TextPosition::getUnicode).toList());
			assertThat(line).startsWith("Plenary · Call sheets · Territorial integrity")
				.contains("…")
				.contains("page 1");
			int ellipsis = line.indexOf('…');
			float titleEnds = footer.subList(0, ellipsis + 1)
				.stream()
				.map((t) -> t.getXDirAdj() + t.getWidthDirAdj())
				.max(Float::compare)
				.orElseThrow();
			float stampBegins = footer.subList(ellipsis + 1, footer.size())
				.stream()
				.map(TextPosition::getXDirAdj)
				.min(Float::compare)
				.orElseThrow();
			assertThat(titleEnds).as("the title ends before the date and page number").isLessThan(stampBegins);
		}
	}

	@Test
	void anUnknownStateIsRefusedWithItsName() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		MvcResult result = this.mvc
			.perform(get("/api/v1/campaigns/" + campaign.id() + "/call-sheets?states=FRA,Narnia")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.VIEWER))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("Narnia");
	}

	/**
	 * "My calls today" printed 109 pages: every state the whip owned, firm Yes included.
	 * It is a short ranked list now.
	 */
	@Test
	void myCallsTodayAreAShortRankedListWithoutTheStatesFirmAtOurAsk() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		long id = campaign.id();
		String whipUser = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Official " + whipUser, Level.AMBASSADOR, whipUser);
		List<String> owned = List.of("FRA", "KEN", "PER", "BRA", "IND", "IDN", "MEX", "NGA", "ZAF", "EGY", "TUR", "ARG",
				"CHL", "COL");
		for (String iso3 : owned) {
			this.assignments.assign(id, iso3, me.id(), null, "coordinator");
		}
		// France firm Yes, our ask: nothing to call about
		this.whip.record(new WhipCount.RecordStance(id, "FRA", Stance.YES, null, null, null, null, null, 0, null), "w");
		// Peru slipped from Yes to Leaning no
		this.whip.record(new WhipCount.RecordStance(id, "PER", Stance.YES, null, null, null, null, null, 0, null), "w");
		this.whip.record(
				new WhipCount.RecordStance(id, "PER", Stance.LEANING_NO, null, null, null, null, null, 1, null), "w");
		// Kenya: a follow-up overdue
		this.followUps.open(new org.plenary.outreach.FollowUps.NewFollowUp(id, "KEN", "Call back Nairobi",
				LocalDate.now().minusDays(2), me.id(), null, org.plenary.outreach.FollowUp.Origin.MANUAL, null,
				org.plenary.campaigns.Visibility.COALITION), whipUser);

		List<MyCalls.Call> calls = this.myCalls.today(id, whipUser, MyCalls.DEFAULT);
		assertThat(calls).hasSize(10);
		assertThat(calls).extracting(MyCalls.Call::iso3).startsWith("KEN", "PER").doesNotContain("FRA");
		assertThat(calls.get(0).why()).isEqualTo("1 follow-up overdue");
		assertThat(calls.get(1).why()).startsWith("slipped from Yes to Leaning no");
		assertThat(this.myCalls.today(id, whipUser, 193)).hasSize(13);

		byte[] pdf = get200(
				this.mvc.perform(get("/campaigns/" + id + "/call-sheets.pdf?for=mine").with(user(whipUser))));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(10);
			assertThat(page(document, 1)).contains("Kenya");
		}
		MvcResult json = this.mvc
			.perform(get("/api/v1/campaigns/" + id + "/my-calls?limit=3").header("Authorization",
					"Bearer " + this.accounts.token(whipUser)))
			.andReturn();
		assertThat(json.getResponse().getStatus()).isEqualTo(200);
		assertThat(json.getResponse().getContentAsString()).contains("\"iso3\":\"KEN\"").contains("overdue");
		MvcResult page = this.mvc.perform(get("/campaigns/" + id + "/my-calls").with(user(whipUser).roles("WHIP")))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("My calls today")
			.contains("1 follow-up overdue")
			.doesNotContain(">France<");
	}

	/**
	 * A slip 20 days old is history, not "slipping": My calls reads only the last 14 days
	 * of the campaign's changes, and a slip within them still ranks first.
	 */
	@Test
	void aSlipOlderThanTwoWeeksIsNotSlipping() {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		long id = campaign.id();
		String whipUser = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Official " + whipUser, Level.AMBASSADOR, whipUser);
		for (String iso3 : List.of("PER", "CHL")) {
			this.assignments.assign(id, iso3, me.id(), null, "coordinator");
			this.whip.record(new WhipCount.RecordStance(id, iso3, Stance.YES, null, null, null, null, null, 0, null),
					"w");
			this.whip.record(
					new WhipCount.RecordStance(id, iso3, Stance.LEANING_NO, null, null, null, null, null, 1, null),
					"w");
		}
		this.jdbc
			.sql("update whip_stance_change set recorded_at = now() - interval '20 days' where campaign_id = ? "
					+ "and iso3 = 'PER'")
			.param(id)
			.update();

		List<MyCalls.Call> calls = this.myCalls.today(id, whipUser, 193);
		assertThat(calls).extracting(MyCalls.Call::iso3).containsExactly("CHL", "PER");
		assertThat(calls.get(0).why()).startsWith("slipped from Yes to Leaning no");
		assertThat(calls.get(1).why()).doesNotContain("slipped");
		assertThat(this.whip.changesSince(id, java.time.Instant.now().minus(MyCalls.SLIP)))
			.extracting(org.plenary.whip.StanceChange::iso3)
			.containsOnly("CHL");
	}

	@Test
	void myCallsAreTheStatesIOwnOverdueFirst() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String whipUser = this.accounts.user(Role.WHIP);
		Person me = this.outreach.person("Official " + whipUser, Level.AMBASSADOR, whipUser);
		this.assignments.assign(campaign.id(), "KEN", me.id(), null, "coordinator");
		this.assignments.assign(campaign.id(), "PER", me.id(), null, "coordinator");
		byte[] pdf = get200(this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/call-sheets.pdf?for=mine").with(user(whipUser))));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			assertThat(new PDFTextStripper().getText(document)).contains("Kenya").contains("Peru").contains("My calls");
		}
		// a user who is no official owns nothing and is told so
		MvcResult nobody = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/call-sheets.pdf?for=mine")
				.with(user(this.accounts.user(Role.VIEWER))))
			.andReturn();
		assertThat(nobody.getResponse().getStatus()).isEqualTo(400);
	}

	/**
	 * A campaign whose vote is past: the report is of the vote day (what moved that day,
	 * the opposition's week before it), not an empty window counted from today.
	 */
	@Test
	void theDailyReportOfAPastVoteIsOfTheVoteDay() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		long id = campaign.id();
		this.jdbc.sql("update campaigns_campaign set vote_on = date '2022-10-12' where id = ?").param(id).update();
		this.whip.record(
				new WhipCount.RecordStance(id, "TUR", Stance.LEANING_YES, null, null, null, null, null, 0, null),
				"whip");
		this.whip.record(new WhipCount.RecordStance(id, "BRA", Stance.YES, null, "Minister", Level.MINISTER,
				Channel.CALL, null, 0, null), "whip");
		this.whip.record(new WhipCount.RecordStance(id, "NOR", Stance.YES, null, null, null, null, null, 0, null),
				"whip");
		at(id, "TUR", "2022-10-09 15:00");
		at(id, "BRA", "2022-10-12 09:30");
		// read today, long after the vote: not the vote day's news
		this.opposition.record(new Opposition.RecordActivity(id, LocalDate.of(2022, 10, 8),
				OppositionActivity.Kind.LETTER, "Belarus", "Letter urging a No vote", List.of(), true, null), "whip");
		this.opposition.record(new Opposition.RecordActivity(id, LocalDate.now(), OppositionActivity.Kind.OTHER, null,
				"Press release after the vote", List.of("RUS")), "whip");
		String viewer = this.accounts.user(Role.VIEWER);
		MvcResult result = this.mvc.perform(get("/campaigns/" + id + "/daily").with(user(viewer))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("the vote day, 12 October 2022 (the vote is past)")
			.contains("States that moved (1)")
			.contains("Brazil")
			.contains("12 Oct 2022 09:30")
			.contains("Opposition activity, the 7 days up to the vote (1)")
			.contains("Letter urging a No vote")
			.doesNotContain("Press release after the vote")
			.contains("no follow-up is due once the vote is past");
		byte[] pdf = get200(this.mvc.perform(get("/campaigns/" + id + "/daily.pdf").with(user(viewer))));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("12 October 2022")
				.contains("STATES THAT MOVED (1)")
				.contains("12 Oct 2022 09:30 UTC")
				.doesNotContain("Norway");
		}
	}

	private void at(long campaignId, String iso3, String when) {
		this.jdbc
			.sql("update whip_stance_change set recorded_at = cast(? as timestamp) at time zone 'UTC' "
					+ "where campaign_id = ? and iso3 = ?")
			.params(when, campaignId, iso3)
			.update();
	}

	@Test
	void theDailyReportSaysWhatMovedSinceYesterday() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		this.whip.record(new WhipCount.RecordStance(id, "BRA", Stance.YES, null, "Minister", Level.MINISTER,
				Channel.CALL, null, 0, null), "whip");
		this.whip.record(
				new WhipCount.RecordStance(id, "TUR", Stance.LEANING_NO, null, null, null, null, null, 0, null),
				"whip");
		// a day-old read: before the report's window, not a mover
		this.whip.record(new WhipCount.RecordStance(id, "NOR", Stance.YES, null, null, null, null, null, 0, null),
				"whip");
		this.jdbc
			.sql("update whip_stance_change set recorded_at = now() - interval '2 days' where campaign_id = ? "
					+ "and iso3 = 'NOR'")
			.param(id)
			.update();
		String viewer = this.accounts.user(Role.VIEWER);
		byte[] pdf = get200(this.mvc.perform(get("/campaigns/" + id + "/daily.pdf").with(user(viewer))));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			String text = stripper.getText(document);
			assertThat(text).contains("Daily whip report")
				.contains("STATES THAT MOVED (2)")
				.contains("Türkiye")
				.contains("Unknown → Leaning no")
				.contains("COMMITMENTS GAINED (1) AND LOST (0)")
				.contains("Gained: Brazil (Yes)")
				.contains("Yes 2 (+1)")
				.doesNotContain("Norway");
		}
		render(pdf, "daily-report");
		String page = this.mvc.perform(get("/campaigns/" + id + "/daily").with(user(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("States that moved (2)").contains("Gained (1):").contains("<svg");
		String json = this.mvc
			.perform(get("/api/v1/campaigns/" + id + "/daily-report").header("Authorization",
					"Bearer " + this.accounts.token(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"commitmentsGained\":[{\"iso3\":\"BRA\"");
	}

	@Test
	void talkingPointsAreWrittenOnceAndOnlyByWhips() throws Exception {
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.SIMPLE_MAJORITY);
		String whipUser = this.accounts.user(Role.WHIP);
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/campaigns/" + campaign.id() + "/talking-points").with(user(whipUser).roles("WHIP"))
					.with(csrf())
					.param("scope", "state:FRA")
					.param("body", "<script>alert(1)</script> Paris agreement"))
				.andReturn();
		}
		assertThat(this.talkingPoints.all(campaign.id())).hasSize(1);
		String page = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/talking-points").with(user(whipUser).roles("WHIP")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Paris agreement")
			.doesNotContain("<script>alert");
		MvcResult viewer = this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/talking-points")
				.header("Authorization", "Bearer " + this.accounts.token(this.accounts.user(Role.VIEWER)))
				.contentType("application/json")
				.content("{\"body\":\"x\"}"))
			.andReturn();
		assertThat(viewer.getResponse().getStatus()).isEqualTo(403);
		MvcResult tooLong = this.mvc
			.perform(post("/api/v1/campaigns/" + campaign.id() + "/talking-points")
				.header("Authorization", "Bearer " + this.accounts.token(whipUser))
				.contentType("application/json")
				.content("{\"iso3\":\"XXX\",\"body\":\"x\"}"))
			.andReturn();
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooLong.getResponse().getContentAsString()).contains("XXX");
	}

	private static byte[] get200(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
		MvcResult result = actions.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		return result.getResponse().getContentAsByteArray();
	}

	private static String page(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	/**
	 * The first page as a PNG in {@code target/pdf-renders}, to look at (when Debian's
	 * poppler-utils is installed, as CI installs it).
	 */
	static void render(byte[] pdf, String name) throws Exception {
		Path pdftoppm = Path.of("/usr/bin/pdftoppm");
		if (!Files.isExecutable(pdftoppm)) {
			return;
		}
		Path folder = Files.createDirectories(Path.of("target", "pdf-renders"));
		Path file = folder.resolve(name + ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", "-f", "1", "-l", "1",
				file.toString(), folder.resolve(name).toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}

}
