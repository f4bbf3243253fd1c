/**
 * The audit trail: every change to the records people make (who, when, what, before and
 * after, from which address), written by PostgreSQL triggers in the changing transaction
 * (migration {@code V14__audit.sql}), events the application adds (e.g. reads of
 * sensitive exports, backups), a SHA-256 hash chain sealed behind the writers
 * ({@link org.plenary.audit.AuditSealer}), {@code ./plenary audit verify}, and the audit
 * page and API for administrators, each reading its part
 * ({@link org.plenary.audit.AuditTrail.Reader}): an organisation's administrator what its
 * users did and what was done to them, an operator that and the installation's records
 * and the chain's check.
 * <p>
 * Depends on {@code system} (which tells each database connection who acts). Publishes no
 * events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.plenary.audit;
