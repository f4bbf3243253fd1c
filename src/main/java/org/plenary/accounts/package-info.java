/**
 * Accounts: organisations, their users and roles, API tokens, sign-in and the security of
 * every page and API call.
 * <p>
 * Roles, from most to least powerful: administrator (manages users and organisations),
 * coordinator (sets up campaigns), whip (records stances and contacts), viewer (reads).
 * Each role includes the powers of the ones below it. The web UI signs in with a form and
 * a session kept in PostgreSQL; {@code /api/v1} takes {@code Authorization: Bearer}
 * tokens.
 * <p>
 * Depends on {@code system}. Publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.plenary.accounts;
