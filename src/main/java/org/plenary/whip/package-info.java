/**
 * The whip board: every member's current stance on a campaign, with its full history
 * (every change appended, never overwritten), the tally under the body's decision rule,
 * and live updates of every open board through server-sent events, fanned out across
 * instances by PostgreSQL LISTEN/NOTIFY, each change only to the boards of the
 * organisations that may see it; and the private reads an organisation keeps to itself
 * (or to named partners) until it publishes them, bare of a private contact's metadata.
 * {@link org.plenary.whip.AskDistance} says how far a read is from the campaign's ask and
 * what a commitment is, for every module that counts them.
 * <p>
 * Publishes {@link org.plenary.whip.StanceRecorded} and
 * {@link org.plenary.whip.PrivateReadRecorded}. Depends on {@code system}, {@code states}
 * and {@code campaigns}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Whip board")
package org.plenary.whip;
