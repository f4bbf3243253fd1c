/**
 * Campaigns: one drive to win one vote in one body. The body's members and its decision
 * rule ({@link org.plenary.campaigns.DecisionRule}, applied by
 * {@link org.plenary.campaigns.DecisionRules}), our ask, the goal, key dates, reference
 * resolutions from the voting history, and the members without a vote under Charter Art.
 * 19.
 * <p>
 * What belongs to the campaign itself (settings, chain, members and Art. 19 list,
 * references, drafts and co-sponsors, briefings and invitations) is written by the
 * organisation that owns it ({@code Campaigns.requireOwner}, and the write policies of
 * migration V28); a partner's coordinators suggest a reference or the outcome instead
 * ({@code PartnerSuggestions}), which the owner accepts or declines: a suggestion of
 * another kind is recorded by the module that owns it, through a
 * {@code PartnerSuggestions.Taker} ({@code reports} takes the outcome). A vote of a chain
 * inherits the coalition, per-campaign roles, Art. 19 list and assignments of its head.
 * <p>
 * A reference resolution is an earlier vote than the campaign's (refused otherwise, with
 * the reason; kept and marked when the vote date moves before it). A briefing's rule
 * names its roll call by id or symbol and is said in words ({@code InvitationRule});
 * invitations are answered on top of the version seen, one at a time or in bulk, all or
 * nothing.
 * <p>
 * Depends on {@code system}, {@code states}, {@code history} and {@code accounts} (it
 * tells the table of rights where an organisation stands in a campaign,
 * {@code accounts.CampaignStandings}). Publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.plenary.campaigns;
