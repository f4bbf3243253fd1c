package org.plenary.outreach;

/**
 * A campaign's outreach settings: after how many days without a contact a state gets a
 * follow-up.
 */
public record OutreachSettings(long campaignId, int notContactedDays) {
}
