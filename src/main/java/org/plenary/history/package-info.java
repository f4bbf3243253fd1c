/**
 * Voting history: the General Assembly's roll calls since 1946, imported from the UN's
 * public datasets (the UN Digital Library's voting data, the machine-readable GA
 * resolutions, Erik Voeten's roll calls, a plain long CSV, and one column per state),
 * kept once whatever the number of datasets that carried them, and explored by roll call
 * and by state (record, voting coincidence, similar resolutions).
 * <p>
 * Imports are all-or-nothing per file and never guess: names are resolved by the
 * register's {@link org.plenary.states.StateNameResolver}; what is wrong with a file is
 * reported with its line. A name no state answers to is reported with the likeliest
 * states, and the user maps it ({@link org.plenary.states.StateNameMappings}) before the
 * file is imported again. Depends on {@code system} and {@code states}. Publishes no
 * events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voting history")
package org.plenary.history;
