/**
 * Reports: what leaves Plenary as files. Today, exports of a campaign's board and contact
 * log as XLSX (typed cells, frozen header, filters, one sheet per part) and CSV, with
 * text that could start a formula neutralised, each export recorded in the audit trail.
 * Reads only, through the other modules' facades, so it sees exactly what the user sees
 * (row-level security, ADR 0011).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.plenary.reports;
