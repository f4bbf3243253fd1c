package org.plenary.whip;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.plenary.campaigns.Body;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary demo}: a clearly labelled demo campaign (an emergency special session
 * draft under the two-thirds rule, a few dozen stances with some history) so that a
 * newcomer sees a living board. Invented reads, not intelligence. The forecast module
 * gives it the reference resolutions the voting history holds ({@code ForecastDemo}).
 */
@Component
class DemoCommand implements PlenaryCommand {

	static final String USER = "demo";

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final org.springframework.context.ApplicationEventPublisher events;

	DemoCommand(Campaigns campaigns, WhipCount whip, org.springframework.context.ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.whip = whip;
		this.events = events;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return "demo   (load a demo campaign: invented stances on an emergency special session draft)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Campaign existing = this.campaigns.campaigns().stream().filter(Campaign::demo).findFirst().orElse(null);
		if (existing != null) {
			out.println("The demo campaign exists already: /campaigns/" + existing.id());
			return 0;
		}
		Campaign campaign = load();
		out.println("Loaded the demo campaign \"" + campaign.title() + "\": /campaigns/" + campaign.id());
		return 0;
	}

	Campaign load() {
		LocalDate today = LocalDate.now();
		Campaign campaign = this.campaigns
			.open(new Campaigns.OpenCampaign("DEMO: Humanitarian consequences of the aggression (ES draft)",
					Body.EMERGENCY_SPECIAL_SESSION, null, DecisionRule.TWO_THIRDS, null, Campaign.Ask.YES,
					"A/ES-99/L.2", 142, "More than 141 Yes", today.minusDays(5), today.plusDays(6), today.plusDays(7),
					List.of(), List.of("VEN", "AFG"), null, null, true), USER);
		// first reads, then a few movements, so that history and "moved since" have
		// something to show
		String[][] reads = { { "UKR", "YES" }, { "USA", "YES" }, { "GBR", "YES" }, { "FRA", "YES" }, { "DEU", "YES" },
				{ "POL", "YES" }, { "JPN", "YES" }, { "CAN", "YES" }, { "AUS", "YES" }, { "KOR", "YES" },
				{ "ITA", "YES" }, { "ESP", "YES" }, { "NLD", "YES" }, { "SWE", "YES" }, { "NOR", "YES" },
				{ "TUR", "LEANING_YES" }, { "MEX", "LEANING_YES" }, { "ARG", "LEANING_YES" }, { "CHL", "YES" },
				{ "KEN", "LEANING_YES" }, { "GHA", "LEANING_YES" }, { "NGA", "UNDECIDED" }, { "BRA", "UNDECIDED" },
				{ "IDN", "UNDECIDED" }, { "SAU", "LEANING_ABSTAIN" }, { "ARE", "LEANING_ABSTAIN" },
				{ "EGY", "UNDECIDED" }, { "IND", "ABSTAIN" }, { "CHN", "ABSTAIN" }, { "ZAF", "ABSTAIN" },
				{ "PAK", "LEANING_ABSTAIN" }, { "VNM", "LEANING_NO" }, { "RUS", "NO" }, { "BLR", "NO" },
				{ "PRK", "NO" }, { "SYR", "NO" }, { "ERI", "LEANING_NO" }, { "NIC", "LEANING_NO" },
				{ "CUB", "LEANING_NO" }, { "MLI", "UNDECIDED" } };
		for (String[] read : reads) {
			this.whip.record(
					new WhipCount.RecordStance(campaign.id(), read[0], Stance.valueOf(read[1]), Confidence.MEDIUM,
							"Permanent Mission", Level.PERMANENT_REPRESENTATIVE, Channel.MEETING, "Demo read", 0, null),
					USER);
		}
		String[][] moves = { { "BRA", "LEANING_YES", "Capital call: leaning our way if the text stays humanitarian" },
				{ "NGA", "LEANING_YES", "AU consultations went well" },
				{ "MEX", "YES", "Confirmed by the Foreign Ministry" }, { "IDN", "LEANING_ABSTAIN", "Cautious" } };
		for (String[] move : moves) {
			int version = this.whip.stance(campaign.id(), move[0]).version();
			this.whip.record(new WhipCount.RecordStance(campaign.id(), move[0], Stance.valueOf(move[1]),
					Confidence.HIGH, "Minister", Level.MINISTER, Channel.CALL, move[2], version, null), USER);
		}
		Campaign whipping = this.campaigns.changeStatus(campaign.id(), Campaign.Status.WHIPPING, campaign.version());
		this.events.publishEvent(new DemoCampaignLoaded(campaign.id(), USER));
		return whipping;
	}

}
