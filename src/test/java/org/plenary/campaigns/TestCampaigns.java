package org.plenary.campaigns;

import java.util.List;

import org.springframework.stereotype.Component;

/** Opens campaigns for tests. */
@Component
public class TestCampaigns {

	private final Campaigns campaigns;

	TestCampaigns(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	public Campaign generalAssembly(DecisionRule rule) {
		return generalAssembly(rule, "test");
	}

	/** A campaign opened by this user: its organisation owns it. */
	public Campaign generalAssembly(DecisionRule rule, String openedBy) {
		return this.campaigns.open(new Campaigns.OpenCampaign("Test campaign " + System.nanoTime(),
				Body.EMERGENCY_SPECIAL_SESSION, null, rule, null, Campaign.Ask.YES, "A/ES-99/L.1", 142,
				"More than 141 Yes", null, null, null, List.of(), List.of(), null, null, false), openedBy);
	}

	public Campaign securityCouncil(List<String> elected) {
		return securityCouncil(elected, "test");
	}

	public Campaign securityCouncil(List<String> elected, String openedBy) {
		List<String> members = new java.util.ArrayList<>(List.of("CHN", "FRA", "RUS", "GBR", "USA"));
		members.addAll(elected);
		return this.campaigns.open(new Campaigns.OpenCampaign("Test Security Council " + System.nanoTime(),
				Body.SECURITY_COUNCIL, null, DecisionRule.SECURITY_COUNCIL_SUBSTANTIVE, null, Campaign.Ask.YES, null,
				null, null, null, null, null, members, List.of(), null, null, false), openedBy);
	}

}
