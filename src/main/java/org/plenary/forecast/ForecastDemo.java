package org.plenary.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.history.RollCall;
import org.plenary.history.RollCalls;
import org.plenary.whip.DemoCampaignLoaded;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo campaign (an emergency special session draft on the humanitarian
 * consequences of an aggression) the reference resolutions a team would pick, when the
 * voting history holds them: without any, the newcomer's first forecast rests on each
 * state's recent votes alone and shows little of what references do.
 */
@Component
class ForecastDemo {

	/**
	 * The votes most like the demo's: the ES-11 resolutions on the aggression against
	 * Ukraine and its humanitarian consequences, and the 2014 resolution on Ukraine's
	 * territorial integrity.
	 */
	static final List<String> REFERENCES = List.of("A/RES/ES-11/1", "A/RES/ES-11/2", "A/RES/ES-11/4", "A/RES/68/262");

	private final Campaigns campaigns;

	private final RollCalls rollCalls;

	private final List<String> symbols;

	@Autowired
	ForecastDemo(Campaigns campaigns, RollCalls rollCalls) {
		this(campaigns, rollCalls, REFERENCES);
	}

	ForecastDemo(Campaigns campaigns, RollCalls rollCalls, List<String> symbols) {
		this.campaigns = campaigns;
		this.rollCalls = rollCalls;
		this.symbols = symbols;
	}

	@EventListener
	void on(DemoCampaignLoaded demo) {
		Campaign campaign = this.campaigns.campaign(demo.campaignId());
		List<Long> found = new ArrayList<>();
		for (String symbol : this.symbols) {
			// the adoption of the whole text is the last roll call on its symbol
			List<RollCall> onSymbol = this.rollCalls.bySymbol(symbol);
			if (!onSymbol.isEmpty() && earlier(onSymbol.getLast(), campaign.voteOn())) {
				found.add(onSymbol.getLast().id());
			}
		}
		if (!found.isEmpty()) {
			this.campaigns.addReferences(campaign.id(), found);
		}
	}

	/** A reference is an earlier vote than the campaign's. */
	private static boolean earlier(RollCall rollCall, LocalDate voteOn) {
		return voteOn == null || rollCall.date().isBefore(voteOn);
	}

}
