/**
 * Outreach: our officials (people) and each state's counterparts, each organisation's own
 * roster and directory (row-level security: another organisation neither reads nor
 * changes them, unless the organisation shares them with a campaign,
 * {@link RosterSharing}; pickers offer one's own officials and those shared with the
 * campaign), the contact log (a contact's stance read updates the whip board in the same
 * transaction, with the contact as its source), the quick log for phones, opposition
 * activity, assignments of states to officials, follow-ups (by hand, from a contact, or
 * raised by rules when a stance slips or a state goes uncontacted), escalation
 * suggestions, and a state's timeline in a campaign.
 * <p>
 * Listens to {@link org.plenary.whip.StanceRecorded}; provides
 * {@link org.plenary.whip.BoardAnnotations} to the board. Depends on {@code system},
 * {@code accounts}, {@code states}, {@code campaigns} and {@code whip}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package org.plenary.outreach;
