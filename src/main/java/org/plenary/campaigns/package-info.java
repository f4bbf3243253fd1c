/**
 * Campaigns: one drive to win one vote in one body. The body's members and its decision
 * rule ({@link org.plenary.campaigns.DecisionRule}, applied by
 * {@link org.plenary.campaigns.DecisionRules}), our ask, the goal, key dates, reference
 * resolutions from the voting history, and the members without a vote under Charter Art.
 * 19.
 * <p>
 * Depends on {@code system}, {@code states}, {@code history} and {@code accounts} (it
 * tells the table of rights where an organisation stands in a campaign,
 * {@code accounts.CampaignStandings}). Publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.plenary.campaigns;
