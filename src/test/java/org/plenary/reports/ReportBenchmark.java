package org.plenary.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.campaigns.Visibility;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.FollowUps;
import org.plenary.outreach.Opposition;
import org.plenary.outreach.OppositionActivity;
import org.plenary.outreach.TestOutreach;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Speed of the PDF reports (issue 8's targets: a 193-page call-sheet PDF under 5 s, the
 * daily report under 2 s), on a campaign as full as a real one: every member read twice,
 * three contacts with what was said per state, a counterpart each, talking points for
 * every state, for the EU and per state, overdue follow-ups and opposition activity; with
 * ../shared/data present, the real roll calls are imported and the campaign has two
 * reference resolutions and a prepared forecast, so each page carries its reference votes
 * and its forecast. Each figure is the whole request's work: gathering (queries) and
 * writing the PDF. Not a test of the build: run it by hand and copy the printed figures
 * to docs/benchmarks.md:
 * {@code ./mvnw test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
class ReportBenchmark {

	private static final Path DATA = Path.of("..", "shared", "data");

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOutreach outreach;

	@Autowired
	WhipCount whip;

	@Autowired
	Contacts contacts;

	@Autowired
	TalkingPoints talkingPoints;

	@Autowired
	FollowUps followUps;

	@Autowired
	Opposition opposition;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	CallSheets callSheets;

	@Autowired
	DailyReports dailyReports;

	@Test
	void measure() throws Exception {
		String user = this.accounts.user(Role.WHIP);
		Campaign campaign = this.testCampaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		boolean history = Files.isDirectory(DATA);
		if (history) {
			this.importer.importFiles(
					List.of(DATA.resolve("unvotes/un_votes.csv.xz"), DATA.resolve("unvotes/un_roll_calls.csv.xz"),
							DATA.resolve("undl/ga_voting_2019-2022_undl-layout.csv.xz")),
					new VoteImporter.Options(false, "benchmark"), VoteImporter.Progress.NONE);
			this.campaigns.addReferences(id, List.of(this.rollCalls.bySymbol("A/RES/ES-11/1").get(0).id(),
					this.rollCalls.bySymbol("A/RES/68/262").get(0).id()));
		}
		Stance[] reads = { Stance.UNDECIDED, Stance.YES, Stance.LEANING_YES, Stance.ABSTAIN, Stance.NO,
				Stance.LEANING_NO };
		List<String> states = this.campaigns.members(id).stream().map((m) -> m.iso3()).toList();
		Acting.asUser(user, () -> {
			int i = 0;
			for (String iso3 : states) {
				this.whip.record(new WhipCount.RecordStance(id, iso3, reads[i % 6], null, "Desk officer", null, null,
						"First read of " + iso3, 0, null), user);
				this.whip.record(new WhipCount.RecordStance(id, iso3, reads[(i + 1) % 6], null, "Ambassador",
						Level.AMBASSADOR, Channel.MEETING, "Second read of " + iso3 + " after the briefing", 1, null),
						user);
				this.outreach.counterpart(iso3, "Counterpart of " + iso3, Level.PERMANENT_REPRESENTATIVE);
				for (int k = 0; k < 3; k++) {
					this.contacts.log(new Contacts.LogContact(id, null, Channel.CALL,
							List.of(new Contacts.StateRead(iso3, null, null, null)), List.of(), List.of(),
							"Vote yes and co-sponsor",
							"Call " + k + ": the capital is weighing the operative "
									+ "paragraphs and will instruct the mission before the vote; "
									+ "the ambassador asked for the revised text",
							null, null, null), user);
				}
				this.talkingPoints.write(id, new TalkingPoints.Write(iso3, null,
						"Recall " + iso3 + "'s statement in the general debate", Visibility.COALITION), user);
				if (i % 10 == 0) {
					this.followUps.open(new FollowUps.NewFollowUp(id, iso3, "Call back " + iso3,
							LocalDate.now().minusDays(2), null, null, FollowUp.Origin.MANUAL, null), user);
				}
				i++;
			}
			for (String point : List.of("The text protects civilians everywhere",
					"The draft restates the Charter's principles", "Co-sponsorship stays open until the vote")) {
				this.talkingPoints.write(id, new TalkingPoints.Write(null, null, point, Visibility.COALITION), user);
			}
			this.talkingPoints.write(id,
					new TalkingPoints.Write(null, "EU", "The EU's common position holds", Visibility.COALITION), user);
			for (int k = 0; k < 5; k++) {
				this.opposition.record(new Opposition.RecordActivity(id, LocalDate.now().minusDays(k),
						OppositionActivity.Kind.values()[k % OppositionActivity.Kind.values().length],
						"Delegation " + k, "Lobbying against the draft in the regional group",
						List.of(states.get(k * 7))), user);
			}
			return null;
		});
		if (history) {
			this.forecasts.prepare(id);
			for (int wait = 0; wait < 240 && !this.forecasts.forecast(id).ready(); wait++) {
				Thread.sleep(500);
			}
			if (!this.forecasts.forecast(id).ready()) {
				throw new IllegalStateException("the forecast is not ready: " + this.forecasts.forecast(id).message());
			}
		}
		byte[] sample = CallSheetPdf.write(this.callSheets.sheets(id, false, null, user));
		try (PDDocument document = Loader.loadPDF(sample)) {
			if (document.getNumberOfPages() != 193) {
				throw new IllegalStateException("pages: " + document.getNumberOfPages());
			}
		}
		Files.write(Files.createDirectories(Path.of("target", "pdf-renders")).resolve("call-sheets-193.pdf"), sample);
		report("193-page call sheets (every member)", 3, 10,
				() -> CallSheetPdf.write(this.callSheets.sheets(id, false, null, user)));
		report("one state's call sheet", 5, 30,
				() -> CallSheetPdf.write(this.callSheets.sheets(id, false, List.of("CIV"), user)));
		report("daily report PDF", 5, 30, () -> DailyReportPdf.write(this.dailyReports.report(id)));
		System.out.printf(Locale.ROOT, "(forecast and reference votes on the pages: %s; 193-page PDF %d bytes)%n",
				history ? "yes" : "no, ../shared/data absent", sample.length);
	}

	private static void report(String what, int warm, int runs, Supplier<byte[]> work) {
		List<Double> times = new ArrayList<>();
		int size = 0;
		for (int i = 0; i < warm + runs; i++) {
			long start = System.nanoTime();
			size = work.get().length;
			if (i >= warm) {
				times.add((System.nanoTime() - start) / 1e6);
			}
		}
		times.sort(Double::compare);
		System.out.printf(Locale.ROOT, "%s: median %.0f ms, p95 %.0f ms, max %.0f ms (n=%d, %d bytes)%n", what,
				times.get(times.size() / 2), times.get((int) Math.min(times.size() - 1, times.size() * 0.95)),
				times.get(times.size() - 1), times.size(), size);
	}

}
