package org.plenary.reports;

import org.plenary.campaigns.PartnerSuggestion;
import org.plenary.campaigns.PartnerSuggestions;

import org.springframework.stereotype.Component;

/**
 * A partner's suggested outcome, accepted by the campaign's owner: recorded as the owner
 * would record it on the reckoning page, so that the reckoning's snapshot is taken first.
 */
@Component
class OutcomeSuggestions implements PartnerSuggestions.Taker {

	private final Reckoning reckoning;

	OutcomeSuggestions(Reckoning reckoning) {
		this.reckoning = reckoning;
	}

	@Override
	public PartnerSuggestion.Kind kind() {
		return PartnerSuggestion.Kind.OUTCOME;
	}

	@Override
	public void take(long campaignId, long rollCallId, String by) {
		this.reckoning.record(campaignId, Reckoning.RecordActual.rollCall(Long.toString(rollCallId)), by);
	}

}
