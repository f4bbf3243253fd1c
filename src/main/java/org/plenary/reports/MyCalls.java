package org.plenary.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.CampaignForecast;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.outreach.Assignments;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.AskDistance;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

import org.springframework.stereotype.Service;

/**
 * "My calls today": a short ranked list of the states a whip owns, not all of them.
 * Overdue follow-ups first, then states slipping away from our ask, then those where the
 * forecast says a call is worth most, then the longest without a contact; a state firm at
 * our ask is left out unless a follow-up on it is overdue.
 */
@Service
public class MyCalls {

	/** How many calls the list holds unless asked for more. */
	public static final int DEFAULT = 10;

	/** How recent a slip must be to put a state near the top. */
	static final Duration SLIP = Duration.ofDays(14);

	/**
	 * One call to make.
	 *
	 * @param why why it is on today's list, in words
	 */
	public record Call(String iso3, String name, String stance, String why) {
	}

	private final Assignments assignments;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final CampaignForecasts forecasts;

	MyCalls(Assignments assignments, Campaigns campaigns, WhipCount whip, CampaignForecasts forecasts) {
		this.assignments = assignments;
		this.campaigns = campaigns;
		this.whip = whip;
		this.forecasts = forecasts;
	}

	/**
	 * Today's calls of the user, best first, at most {@code limit}.
	 * @throws InvalidInputException when the user is linked to no official
	 */
	public List<Call> today(long campaignId, String username, int limit) {
		Assignments.MyStates mine = this.assignments.mine(campaignId, username);
		if (mine.official() == null) {
			throw new InvalidInputException("for",
					"Your account is not linked to an official of this campaign, so you own no states: "
							+ "choose the states instead");
		}
		Campaign campaign = this.campaigns.campaign(campaignId);
		Instant now = Instant.now();
		Map<String, StanceChange> slips = new HashMap<>();
		// only the last SLIP days: a slip older than that is not "slipping", and a long
		// campaign's whole history is not read for it
		for (StanceChange change : this.whip.changesSince(campaignId, now.minus(SLIP))) {
			if (AskDistance.slipped(campaign.ask(), change.from(), change.to())) {
				slips.put(change.iso3(), change);
			}
			else if (slips.containsKey(change.iso3())) {
				slips.remove(change.iso3()); // moved again since
			}
		}
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		Map<String, Integer> rank = new HashMap<>();
		if (forecast.ready()) {
			List<String> codes = forecast.targetCodes();
			for (int i = 0; i < codes.size(); i++) {
				rank.putIfAbsent(codes.get(i), i + 1);
			}
		}
		Map<String, Call> chosen = new LinkedHashMap<>();
		List<Assignments.MyState> states = new ArrayList<>(mine.states());
		states.sort(Comparator.comparingInt(Assignments.MyState::overdueFollowUps).reversed());
		for (Assignments.MyState state : states) {
			if (state.overdueFollowUps() > 0) {
				chosen.put(state.iso3(), call(state, state.overdueFollowUps() + " follow-up"
						+ ((state.overdueFollowUps() == 1) ? "" : "s") + " overdue"));
			}
		}
		for (Assignments.MyState state : states) {
			StanceChange slip = slips.get(state.iso3());
			if (slip != null && !chosen.containsKey(state.iso3())) {
				chosen.put(state.iso3(), call(state, "slipped from " + slip.from().label() + " to " + slip.to().label()
						+ " " + org.plenary.whip.Ago.text(slip.recordedAt())));
			}
		}
		List<Assignments.MyState> open = states.stream()
			.filter((s) -> !chosen.containsKey(s.iso3()) && !AskDistance.firmAtAsk(campaign.ask(), s.stance()))
			.toList();
		open.stream()
			.filter((s) -> rank.containsKey(s.iso3()))
			.sorted(Comparator.comparingInt((Assignments.MyState s) -> rank.get(s.iso3())))
			.limit(Math.max(0, limit - chosen.size()))
			.forEach((s) -> chosen.put(s.iso3(),
					call(s, "ranks " + ordinal(rank.get(s.iso3())) + " where the next call is worth most")));
		open.stream()
			.filter((s) -> !chosen.containsKey(s.iso3()))
			.sorted(Comparator.comparing(Assignments.MyState::lastContact,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.forEach((s) -> chosen.put(s.iso3(), call(s, (s.lastContact() == null) ? "never contacted"
					: "last contacted " + org.plenary.whip.Ago.text(s.lastContact()))));
		return chosen.values().stream().limit(Math.max(1, limit)).toList();
	}

	private static Call call(Assignments.MyState state, String why) {
		return new Call(state.iso3(), state.name(), state.stance().label(), why);
	}

	static String ordinal(int n) {
		String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return n + suffix;
	}

}
