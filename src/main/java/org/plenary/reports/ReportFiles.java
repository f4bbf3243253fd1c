package org.plenary.reports;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PDF reports, from the pages and through the API: call sheets and the daily report.
 */
@RestController
@Tag(name = "Reports")
class ReportFiles {

	private final CallSheets callSheets;

	private final DailyReports dailyReports;

	ReportFiles(CallSheets callSheets, DailyReports dailyReports) {
		this.callSheets = callSheets;
		this.dailyReports = dailyReports;
	}

	@GetMapping({ "/campaigns/{id}/call-sheets.pdf", "/api/v1/campaigns/{id}/call-sheets" })
	@Operation(summary = "Call sheets as a PDF, one page per state: for the states named (states=FRA,CIV), "
			+ "for the caller's calls today (for=mine: overdue follow-ups, slipping states, the best targets, the "
			+ "longest without contact; limit, default 10, at most 193), or for every member; recorded in the audit "
			+ "trail")
	ResponseEntity<byte[]> callSheets(@PathVariable long id, @RequestParam(required = false) List<String> states,
			@RequestParam(name = "for", required = false) String forWhom, @RequestParam(defaultValue = "10") int limit,
			Principal principal) {
		CallSheets.CallSheetSet set = this.callSheets.sheets(id, "mine".equalsIgnoreCase(forWhom), states,
				principal.getName(), Math.max(1, Math.min(limit, 193)));
		return pdf("plenary-call-sheets-" + id + ".pdf", CallSheetPdf.write(set));
	}

	@GetMapping({ "/campaigns/{id}/daily.pdf", "/api/v1/campaigns/{id}/daily-report.pdf" })
	@Operation(summary = "The daily whip report as a PDF: the tally and forecast with their change since "
			+ "yesterday, the map, movers, commitments gained and lost, overdue follow-ups, opposition activity "
			+ "and the targeting list")
	ResponseEntity<byte[]> daily(@PathVariable long id) {
		DailyReports.DailyReport report = this.dailyReports.report(id);
		return pdf("plenary-daily-report-" + id + "-" + report.at().toString().substring(0, 10) + ".pdf",
				DailyReportPdf.write(report));
	}

	/** Shown in the browser's viewer (inline), saved under its name. */
	private static ResponseEntity<byte[]> pdf(String name, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(content);
	}

}
