/**
 * Accounts: organisations, their users and roles, API tokens, sign-in and the security of
 * every page and API call.
 * <p>
 * Roles, from most to least powerful: administrator (manages its own organisation's users
 * and two-factor rule), coordinator (sets up campaigns), whip (records stances and
 * contacts), viewer (reads). Each role includes the powers of the ones below it. Every
 * user, administrators included, sees what its organisation may see (ADR 0011). An
 * operator is an administrator who also manages the installation: every organisation and
 * its users; its session and API tokens carry the authority {@code OPERATOR}. Only the
 * first start and {@code ./plenary user add --operator} make one
 * ({@link org.plenary.accounts.Administration}). The web UI signs in with a form (or an
 * OpenID Connect provider, when configured), then a second factor where the user has one
 * or the organisation requires it ({@link org.plenary.accounts.TwoFactor}); sessions are
 * kept in PostgreSQL, with an idle timeout and an absolute lifetime. {@code /api/v1}
 * takes {@code Authorization: Bearer} tokens, rate-limited per token in PostgreSQL.
 * Passwords are checked against a list of common ones.
 * <p>
 * Who may call each page and API endpoint is one table,
 * {@link org.plenary.accounts.Rights} (written out as {@code docs/rights.md}), enforced
 * for every controller by one interceptor before the controller runs; an endpoint without
 * a row is refused. Where a campaign's endpoint needs to know how the caller's
 * organisation takes part in the campaign, it asks
 * {@link org.plenary.accounts.CampaignStandings}, which the campaigns module provides.
 * <p>
 * Depends on {@code system}. Publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.plenary.accounts;
