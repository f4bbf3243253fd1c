package org.plenary.whip;

/**
 * {@code ./plenary demo} loaded its demo campaign: other modules add their demo data to
 * it (outreach: officials, owners, contacts). Published inside the command, after the
 * stances are recorded.
 */
public record DemoCampaignLoaded(long campaignId, String username) {
}
