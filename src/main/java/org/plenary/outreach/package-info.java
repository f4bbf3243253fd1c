/**
 * Outreach: our officials (people) and each state's counterparts, each organisation's own
 * roster and directory (row-level security: another organisation neither reads nor
 * changes them, unless the organisation shares them with a campaign,
 * {@link RosterSharing}; pickers offer one's own officials and those shared with the
 * campaign), the contact log (a contact's stance read is recorded in the same
 * transaction, with the contact as its source: on the whip board when the contact is the
 * coalition's, else as a private read of the contact's audience), the quick log for
 * phones, opposition activity, assignments of states to officials, follow-ups (by hand,
 * from a contact, or raised by rules when a stance slips or a state goes uncontacted,
 * each seen by the audience of what it was made from), escalation suggestions, a state's
 * timeline in a campaign, and coordination without content: the bare "contacted by
 * <organisation> on <day> at <level>" an organisation may share with the others of a
 * campaign, and the warnings a whip gets before logging a contact with a state someone
 * else owns.
 * <p>
 * Listens to {@link org.plenary.whip.StanceRecorded} and
 * {@link org.plenary.whip.PrivateReadRecorded}; provides
 * {@link org.plenary.whip.BoardAnnotations} to the board. Depends on {@code system},
 * {@code accounts}, {@code states}, {@code campaigns} and {@code whip}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package org.plenary.outreach;
