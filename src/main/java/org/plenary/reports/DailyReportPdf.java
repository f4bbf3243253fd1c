package org.plenary.reports;

import java.awt.Color;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.plenary.forecast.CampaignForecast;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.OppositionActivity;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

/**
 * The daily whip report as a PDF: the headline numbers and their change since yesterday,
 * the map of the reads, then the lists, flowing over as many pages as they need.
 */
final class DailyReportPdf {

	private DailyReportPdf() {
	}

	static byte[] write(DailyReports.DailyReport report) {
		String title = "Daily whip report · " + report.campaign().title();
		return Pdfs.write(title, title, report.at(), (document, writer) -> body(document, writer, report));
	}

	private static void body(Document document, PdfWriter writer, DailyReports.DailyReport report) {
		document.add(new Paragraph("DAILY WHIP REPORT · " + Pdfs.STAMP.format(report.at()).toUpperCase(Locale.ROOT),
				Pdfs.bold(8, Pdfs.MUTED)));
		Paragraph title = new Paragraph(report.campaign().title(), Pdfs.bold(18));
		document.add(title);
		if (report.campaign().draftSymbol() != null) {
			document.add(new Paragraph(
					report.campaign().draftSymbol() + " · " + ((report.campaign().bodyName() != null)
							? report.campaign().bodyName() : report.campaign().body().label()),
					Pdfs.font(9, Pdfs.MUTED)));
		}
		if (report.votePast()) {
			document.add(new Paragraph("Report of " + report.window(), Pdfs.font(9, Pdfs.MUTED)));
		}
		CallSheetPdf.section(document, report.votePast() ? "The count at the end of the vote day, and the day before"
				: "The count, and since yesterday");
		for (String line : DailyReportText.countLines(report)) {
			document.add(CallSheetPdf.text(line, 10.5f));
		}
		CallSheetPdf.section(document, "The forecast");
		for (String line : DailyReportText.forecastLines(report)) {
			document.add(CallSheetPdf.text(line, 10.5f));
		}
		Paragraph space = new Paragraph(" ", Pdfs.font(4));
		document.add(space);
		float top = writer.getVerticalPosition(true);
		float width = document.right() - document.left();
		Map<Integer, Color> fills = new HashMap<>();
		for (WhipCount.BoardRow row : report.board().rows()) {
			if (row.member().m49() != null) {
				fills.put(row.member().m49(), Pdfs.colour(row.stance().stance()));
			}
		}
		float height = Pdfs.map(writer.getDirectContent(), document.left(), top, width, fills);
		Paragraph below = new Paragraph(" ", Pdfs.font(2));
		below.setSpacingBefore(height);
		document.add(below);
		document.add(key(report));
		CallSheetPdf.section(document, "States that moved (" + report.moved().size() + ")");
		if (report.moved().isEmpty()) {
			document.add(CallSheetPdf.text("No read changed in the last 24 hours.", 9));
		}
		else {
			PdfPTable table = CallSheetPdf.table(new float[] { 32, 38, 30 });
			for (DailyReports.Movement movement : report.moved()) {
				table.addCell(CallSheetPdf.cell(new Phrase(movement.name(), Pdfs.bold(8.5f))));
				table.addCell(CallSheetPdf.cell(movement.before().label() + " → " + movement.now().label(), 8.5f));
				table.addCell(CallSheetPdf.cell("by " + movement.recordedBy() + ", "
						+ org.plenary.system.Dates.momentOf(movement.recordedAt()) + " UTC", 8.5f));
			}
			document.add(table);
		}
		CallSheetPdf.section(document,
				"Commitments gained (" + report.gained().size() + ") and lost (" + report.lost().size() + ")");
		document.add(CallSheetPdf.text("Gained: " + DailyReportText.movements(report.gained(), true), 9));
		document.add(CallSheetPdf.text("Lost: " + DailyReportText.movements(report.lost(), false), 9));
		document.add(CallSheetPdf.text("Now firm against our ask (" + report.firmAgainst().size() + "): "
				+ DailyReportText.movements(report.firmAgainst(), true), 9));
		CallSheetPdf.section(document, "Overdue follow-ups (" + report.overdue().size() + ")");
		if (report.overdue().isEmpty()) {
			document.add(CallSheetPdf.text(report.noneOverdue(), 9));
		}
		else {
			PdfPTable table = CallSheetPdf.table(new float[] { 22, 14, 44, 20 });
			for (FollowUp followUp : report.overdue()) {
				table.addCell(CallSheetPdf.cell(new Phrase(followUp.stateName(), Pdfs.bold(8.5f))));
				table.addCell(CallSheetPdf.cell("due " + followUp.dueOn(), 8.5f));
				table.addCell(CallSheetPdf.cell(CallSheetPdf.shorten(followUp.title(), 140), 8.5f));
				table.addCell(
						CallSheetPdf.cell((followUp.ownerName() != null) ? followUp.ownerName() : "unowned", 8.5f));
			}
			document.add(table);
		}
		CallSheetPdf.section(document, report.oppositionHeading());
		if (report.opposition().isEmpty()) {
			document.add(CallSheetPdf.text("None recorded.", 9));
		}
		else {
			PdfPTable table = CallSheetPdf.table(new float[] { 14, 26, 60 });
			for (OppositionActivity activity : report.opposition()) {
				table.addCell(CallSheetPdf.cell(activity.occurredOn().toString(), 8.5f));
				table.addCell(CallSheetPdf.cell(new Phrase(
						activity.kind().label() + ((activity.actor() == null) ? "" : "\n" + activity.actor()),
						Pdfs.bold(8.5f))));
				table.addCell(CallSheetPdf.cell(CallSheetPdf.shorten(activity.description(), 220)
						+ (activity.concernsNoOne() ? "" : "\nConcerns: " + activity.concerns()), 8.5f));
			}
			document.add(table);
		}
		CallSheetPdf.section(document, "Where the next calls are worth most");
		if (report.targets().isEmpty()) {
			document.add(CallSheetPdf.text((report.forecastMessage() != null) ? report.forecastMessage()
					: "No state's call would change the forecast.", 9));
		}
		else {
			if (report.objective() != null) {
				document.add(CallSheetPdf.text(report.objective(), 8.5f));
			}
			boolean gain = report.gainShown();
			PdfPTable table = CallSheetPdf
				.table(gain ? new float[] { 20, 16, 9, 10, 45 } : new float[] { 22, 18, 10, 50 });
			table.addCell(CallSheetPdf.cell(new Phrase("State", Pdfs.font(7.5f, Pdfs.MUTED))));
			table.addCell(CallSheetPdf.cell(new Phrase("Ask", Pdfs.font(7.5f, Pdfs.MUTED))));
			table.addCell(CallSheetPdf.cell(new Phrase("P(Yes)", Pdfs.font(7.5f, Pdfs.MUTED))));
			if (gain) {
				table.addCell(CallSheetPdf.cell(new Phrase("Gain", Pdfs.font(7.5f, Pdfs.MUTED))));
			}
			table.addCell(CallSheetPdf.cell(new Phrase("Why", Pdfs.font(7.5f, Pdfs.MUTED))));
			for (CampaignForecast.Call call : report.targets()) {
				table.addCell(CallSheetPdf.cell(new Phrase(call.name(), Pdfs.bold(8.5f))));
				table.addCell(CallSheetPdf.cell(call.ask(), 8.5f));
				table.addCell(CallSheetPdf.cell(DailyReportText.percent(call.yes()), 8.5f));
				if (gain) {
					table.addCell(CallSheetPdf.cell(DailyReportText.points(call.objectiveGain()), 8.5f));
				}
				table.addCell(CallSheetPdf.cell(CallSheetPdf.shorten(call.why(), 200), 8.5f));
			}
			document.add(table);
		}
	}

	/** The colours of the map, with how many states have each read. */
	private static Paragraph key(DailyReports.DailyReport report) {
		Paragraph key = new Paragraph();
		key.setLeading(12);
		for (Stance stance : Stance.values()) {
			Integer count = report.tally().counts().get(stance);
			if (count == null || count == 0) {
				continue;
			}
			Chunk swatch = new Chunk("    ", Pdfs.font(8));
			swatch.setBackground(Pdfs.colour(stance));
			key.add(swatch);
			key.add(new Chunk(" " + stance.label() + " " + count + "    ", Pdfs.font(8)));
		}
		return key;
	}

}
