/**
 * Reports: what enters and leaves Plenary as files, and the reckoning after the vote.
 * <ul>
 * <li>Exports of a campaign's board, contact log, history and forecast as XLSX (typed
 * cells, frozen header, filters, one sheet per part) and CSV, with text that could start
 * a formula neutralised ({@code Exports}).</li>
 * <li>The whip-spreadsheet import: preview, mapping, rows fixed in the preview (the state
 * or the official picked, or the row skipped), rows for non-members skipped with a
 * warning, stale rows of an older export left out unless included, one transaction for
 * stances, owners and last contacts ({@code WhipImport}). The staged upload
 * ({@code reports_upload}) is its uploader's, in its organisation, alone.</li>
 * <li>PDFs ({@code Pdfs}: A4, the bundled DejaVu fonts, the world map drawn from the same
 * outlines as the pages' SVG, "page n of m"): call sheets, one page per state
 * ({@code CallSheets}, {@code CallSheetPdf}), and the daily whip report, also a page
 * ({@code DailyReports}, {@code DailyReportPdf}). The talking points they print are
 * stored here ({@code TalkingPoints}, table {@code reports_talking_point}, seen by the
 * coalition or by the writing organisation only).</li>
 * <li>After the vote, {@code Reckoning} records the vote cast through the forecast's
 * {@code VoteOutcomes} (which also teaches the forecast how reliable reads are) and
 * keeps, in {@code reports_reckoning} and {@code reports_reckoning_state}, the board and
 * the forecast as they stood just before, so that the reckoning does not move when the
 * forecast learns from the vote. Only the campaign's owner records it; a partner's
 * suggested outcome, once the owner accepts it, is recorded the same way
 * ({@code OutcomeSuggestions}).</li>
 * </ul>
 * Reads through the other modules' facades, so every file holds exactly what its user may
 * see (row-level security, ADR 0011); exports, call sheets and daily reports are recorded
 * in the audit trail. Writes elsewhere only through {@code WhipCount} (stances),
 * {@code Assignments} and {@code Contacts} (an import's owners and last contacts) and
 * {@code VoteOutcomes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.plenary.reports;
