package org.plenary.history;

import java.util.List;

/**
 * What one import did, or why it did nothing. Written to the import's record and shown on
 * the import page, the command line and the API.
 *
 * @param status {@code DONE} (committed) or {@code FAILED} (nothing written)
 * @param errors what stopped the import, each with its line; {@code errorCount} counts
 * all
 * @param defects what is wrong in data that was kept (totals that disagree, states listed
 * twice, datasets that disagree), by roll call
 * @param warnings other oddities, e.g. a resolution that appears twice in one file
 */
public record ImportReport(long importId, String file, String format, String status, long rowsRead, int rollCallsRead,
		int added, int updated, int unchanged, int disagreeing, long votesWritten, List<String> errors, int errorCount,
		List<Defect> defects, List<String> warnings, long millis) {

	/** A defect of one roll call, as the import found it. */
	public record Defect(String rollCall, String kind, String detail) {
	}

	public boolean succeeded() {
		return "DONE".equals(this.status);
	}

	/** The report as lines of text, for the command line. */
	public List<String> summary() {
		List<String> lines = new java.util.ArrayList<>();
		lines.add(this.file + " (" + this.format + "): " + (succeeded() ? "imported" : "NOT imported, nothing changed")
				+ " in " + String.format("%.1f", this.millis / 1000.0) + " s");
		lines.add("  rows read: " + this.rowsRead + "; roll calls read: " + this.rollCallsRead);
		if (succeeded()) {
			lines.add("  roll calls added: " + this.added + ", updated: " + this.updated + ", unchanged: "
					+ this.unchanged + ", disagreeing with another dataset: " + this.disagreeing + "; votes written: "
					+ this.votesWritten);
		}
		if (!this.errors.isEmpty()) {
			lines.add("  errors (" + this.errorCount + "):");
			this.errors.forEach((e) -> lines.add("    " + e));
			if (this.errorCount > this.errors.size()) {
				lines.add("    ... and " + (this.errorCount - this.errors.size()) + " more");
			}
		}
		if (!this.defects.isEmpty()) {
			lines.add("  defects in the data (" + this.defects.size() + "):");
			this.defects.forEach((d) -> lines.add("    " + d.rollCall() + ": " + d.kind() + ": " + d.detail()));
		}
		this.warnings.forEach((w) -> lines.add("  warning: " + w));
		return lines;
	}

}
