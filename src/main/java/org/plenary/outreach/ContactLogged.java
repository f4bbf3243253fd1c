package org.plenary.outreach;

import java.util.List;

/**
 * A contact was logged with these states: follow-ups waiting for a contact close.
 * Published inside the logging transaction.
 */
public record ContactLogged(long campaignId, long contactId, List<String> iso3s, String loggedBy) {
}
