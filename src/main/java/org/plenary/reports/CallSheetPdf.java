package org.plenary.reports;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.plenary.forecast.CampaignForecast;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Counterpart;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.OppositionActivity;
import org.plenary.states.WorldMap;
import org.plenary.whip.StanceChange;
import org.plenary.whip.WhipCount;

/**
 * Call sheets as a PDF: one A4 page per state. Long free text (what was said, talking
 * points) is shortened so a state keeps to its page; the full text is in Plenary. The
 * world map, drawn once per document as a template, sits in the corner of each page with
 * the state marked on it.
 */
final class CallSheetPdf {

	/** Free text longer than this is shortened on the sheet. */
	static final int TEXT = 300;

	static final int POINTS = 6;

	private static final float MAP_WIDTH = 150;

	private CallSheetPdf() {
	}

	static byte[] write(CallSheets.CallSheetSet set) {
		String title = "Call sheets · " + set.campaign().title() + " · " + set.title();
		return Pdfs.write(title, "Call sheets for " + set.campaign().title(), set.at(), (document, writer) -> {
			PdfTemplate map = baseMap(writer);
			boolean first = true;
			for (CallSheets.Sheet sheet : set.sheets()) {
				if (!first) {
					document.newPage();
				}
				first = false;
				page(document, writer, map, set, sheet);
			}
			if (set.sheets().isEmpty()) {
				document.add(new Paragraph("No states to call.", Pdfs.font(11)));
			}
		});
	}

	/** The map in grey, once: each page places it and marks its state on top. */
	private static PdfTemplate baseMap(PdfWriter writer) {
		int[] size = WorldMap.size();
		float height = size[1] * MAP_WIDTH / size[0];
		PdfTemplate template = writer.getDirectContent().createTemplate(MAP_WIDTH, height);
		Pdfs.map(template, 0, height, MAP_WIDTH, Map.of());
		return template;
	}

	private static void page(Document document, PdfWriter writer, PdfTemplate map, CallSheets.CallSheetSet set,
			CallSheets.Sheet sheet) {
		WhipCount.BoardRow row = sheet.row();
		PdfContentByte canvas = writer.getDirectContent();
		float top = document.top();
		float mapLeft = document.right() - MAP_WIDTH;
		canvas.addTemplate(map, mapLeft, top - map.getHeight());
		if (row.member().m49() != null) {
			mark(canvas, row.member().m49(), mapLeft, top, Pdfs.colour(row.stance().stance()));
		}
		Paragraph campaign = new Paragraph(
				set.campaign().title()
						+ ((set.campaign().draftSymbol() != null) ? " · " + set.campaign().draftSymbol() : ""),
				Pdfs.font(8.5f, Pdfs.MUTED));
		// the heading wraps beside the map, never under it: a title of a real resolution
		// runs to two or three lines
		float besideTheMap = MAP_WIDTH + 12;
		campaign.setIndentationRight(besideTheMap);
		document.add(campaign);
		Paragraph name = new Paragraph(sheet.name(), Pdfs.bold(20));
		name.setIndentationRight(besideTheMap);
		name.setSpacingAfter(2);
		document.add(name);
		Phrase badge = new Phrase();
		Chunk stance = new Chunk(" " + row.stance().stance().label() + " ",
				Pdfs.bold(10, Pdfs.onColour(row.stance().stance())));
		stance.setBackground(Pdfs.colour(row.stance().stance()), 1, 2, 1, 3);
		badge.add(stance);
		String confidence = (row.stance().confidence() != null)
				? "  " + row.stance().confidence().name().toLowerCase(Locale.ROOT) + " confidence" : "";
		badge.add(new Chunk(confidence + "   " + row.member().iso3() + (row.cosponsor() ? " · co-sponsor" : "")
				+ (row.member().withoutVote() ? " · no vote (Art. 19)" : ""), Pdfs.font(9, Pdfs.MUTED)));
		Paragraph line = new Paragraph(badge);
		line.setIndentationRight(besideTheMap);
		line.setSpacingAfter(6);
		document.add(line);
		PdfPTable facts = facts(sheet);
		facts.setTotalWidth(document.right() - document.left() - MAP_WIDTH - 12);
		facts.setLockedWidth(true);
		facts.setHorizontalAlignment(Element.ALIGN_LEFT);
		document.add(facts);
		float below = top - map.getHeight() - 8;
		if (writer.getVerticalPosition(true) > below) {
			// keep clear of the map
			Paragraph spacer = new Paragraph(" ", Pdfs.font(2));
			spacer.setSpacingBefore(writer.getVerticalPosition(true) - below);
			document.add(spacer);
		}
		section(document, "The ask");
		document.add(text(sheet.ask(), 9.5f));
		section(document, "Movement");
		if (sheet.movements().isEmpty()) {
			document.add(text("No read recorded yet.", 9));
		}
		else {
			PdfPTable table = table(new float[] { 17, 35, 48 });
			for (StanceChange change : sheet.movements()) {
				table.addCell(cell(Pdfs.DAY.format(change.recordedAt()), 8.5f));
				table.addCell(cell(change.from().label() + " → " + change.to().label(), 8.5f));
				table.addCell(cell(
						join(change.sourceName(), (change.sourceLevel() != null) ? change.sourceLevel().label() : null,
								"by " + change.recordedBy()),
						8.5f));
			}
			document.add(table);
		}
		section(document, "Counterparts");
		if (sheet.counterparts().isEmpty()) {
			document.add(text("No counterpart on file.", 9));
		}
		else {
			PdfPTable table = table(new float[] { 30, 30, 40 });
			for (Counterpart counterpart : sheet.counterparts().stream().limit(4).toList()) {
				table.addCell(cell(counterpart.name(), 8.5f));
				String level = (counterpart.level() != null) ? counterpart.level().label() : null;
				table.addCell(cell(
						join(counterpart.post(), (level != null && level.equals(counterpart.post())) ? null : level),
						8.5f));
				table.addCell(cell(join(counterpart.phone(), counterpart.messaging(), counterpart.email(),
						counterpart.languages()), 8.5f));
			}
			document.add(table);
		}
		section(document, "Last contacts");
		if (sheet.contacts().isEmpty()) {
			document.add(text("Never contacted in this campaign.", 9));
		}
		else {
			PdfPTable table = table(new float[] { 17, 83 });
			for (Contact contact : sheet.contacts()) {
				table.addCell(cell(Pdfs.DAY.format(contact.occurredAt()) + "\n" + contact.channel().label(), 8.5f));
				Phrase what = new Phrase();
				what.add(new Chunk(join(contact.ourNames(), contact.theirNames()) + "\n", Pdfs.bold(8.5f)));
				if (contact.asked() != null && !contact.asked().isBlank()) {
					what.add(new Chunk("Asked: " + shorten(contact.asked(), TEXT) + "\n", Pdfs.font(8.5f)));
				}
				if (contact.said() != null && !contact.said().isBlank()) {
					what.add(new Chunk("Said: " + shorten(contact.said(), TEXT), Pdfs.font(8.5f)));
				}
				table.addCell(cell(what));
			}
			document.add(table);
		}
		section(document, "Forecast");
		document.add(text(forecast(sheet.forecast()), 9));
		section(document, "Votes on the reference resolutions");
		if (sheet.references().isEmpty()) {
			document.add(text("The campaign names no reference resolution.", 9));
		}
		else {
			PdfPTable table = table(new float[] { 22, 14, 50, 14 });
			for (CallSheets.ReferenceVote vote : sheet.references()) {
				table.addCell(cell(vote.symbol(), 8.5f));
				table.addCell(cell(vote.date().toString(), 8.5f));
				table.addCell(cell(shorten(vote.title(), 90), 8.5f));
				table.addCell(cell(new Phrase(vote.vote(), Pdfs.bold(8.5f))));
			}
			document.add(table);
		}
		section(document, "Talking points");
		if (sheet.talkingPoints().isEmpty()) {
			document.add(text("None stored for this state.", 9));
		}
		else {
			for (TalkingPoints.TalkingPoint point : sheet.talkingPoints().stream().limit(POINTS).toList()) {
				Paragraph bullet = new Paragraph();
				bullet.add(new Chunk("•  ", Pdfs.bold(9)));
				bullet.add(new Chunk(shorten(point.body(), TEXT), Pdfs.font(9)));
				if (point.iso3() == null) {
					bullet.add(new Chunk("  (" + point.scope() + ")", Pdfs.font(7.5f, Pdfs.MUTED)));
				}
				bullet.setIndentationLeft(8);
				bullet.setFirstLineIndent(-8);
				document.add(bullet);
			}
			if (sheet.talkingPoints().size() > POINTS) {
				document.add(text("… and " + (sheet.talkingPoints().size() - POINTS) + " more in Plenary.", 8));
			}
		}
		if (!sheet.followUps().isEmpty() || !sheet.opposition().isEmpty()) {
			section(document, "To do, and the other side");
			for (FollowUp followUp : sheet.followUps().stream().limit(3).toList()) {
				document.add(text("Follow-up due " + followUp.dueOn() + ": " + shorten(followUp.title(), 120)
						+ ((followUp.ownerName() != null) ? " (" + followUp.ownerName() + ")" : ""), 8.5f));
			}
			for (OppositionActivity activity : sheet.opposition()) {
				document
					.add(text("Opposition, " + activity.occurredOn() + ": " + activity.kind().label()
							+ ((activity.actor() == null) ? "" : " by " + activity.actor())
							+ (activity.allMembers() || activity.grouping() != null
									? " (to " + activity.concerns() + ")" : "")
							+ ": " + shorten(activity.description(), 160), 8.5f));
			}
		}
	}

	private static PdfPTable facts(CallSheets.Sheet sheet) {
		WhipCount.BoardRow row = sheet.row();
		PdfPTable table = new PdfPTable(new float[] { 28, 72 });
		fact(table, "Source",
				join(row.stance().sourceName(),
						(row.stance().sourceLevel() != null) ? row.stance().sourceLevel().label() : null,
						(row.stance().sourceChannel() != null) ? row.stance().sourceChannel().label() : null));
		fact(table, "Recorded", (row.stance().recordedAt() != null)
				? Pdfs.DAY.format(row.stance().recordedAt()) + " by " + row.stance().recordedBy() : "never");
		fact(table, "Note", shorten(row.stance().note(), 160));
		fact(table, "Owner", row.owner());
		fact(table, "Last contact", row.lastContactAgo());
		return table;
	}

	private static void fact(PdfPTable table, String label, String value) {
		table.addCell(cell(new Phrase(label, Pdfs.font(8.5f, Pdfs.MUTED))));
		table.addCell(cell((value == null || value.isBlank()) ? "–" : value, 8.5f));
	}

	/** Fills the state's outline on the map placed at (left, top). */
	private static void mark(PdfContentByte canvas, int m49, float left, float top, Color colour) {
		int[] size = WorldMap.size();
		float scale = MAP_WIDTH / size[0];
		for (WorldMap.Outline outline : outlines().getOrDefault(m49, List.of())) {
			canvas.saveState();
			canvas.setColorFill(colour);
			canvas.setColorStroke(Pdfs.INK);
			canvas.setLineWidth(0.4f);
			if (outline.dot()) {
				canvas.circle(left + (float) outline.x() * scale, top - (float) outline.y() * scale, 2.2f);
				canvas.fillStroke();
			}
			else {
				Pdfs.trace(canvas, outline.path(), left, top, scale);
				canvas.eoFillStroke();
			}
			canvas.restoreState();
		}
	}

	private static Map<Integer, List<WorldMap.Outline>> outlines() {
		return Outlines.BY_M49;
	}

	/** The map's outlines by M49 code, grouped once. */
	private static final class Outlines {

		static final Map<Integer, List<WorldMap.Outline>> BY_M49 = group();

		private static Map<Integer, List<WorldMap.Outline>> group() {
			Map<Integer, List<WorldMap.Outline>> byM49 = new HashMap<>();
			for (WorldMap.Outline outline : WorldMap.natural().outlines()) {
				if (outline.m49() != null) {
					byM49.computeIfAbsent(outline.m49(), (k) -> new java.util.ArrayList<>()).add(outline);
				}
			}
			return Map.copyOf(byM49);
		}

	}

	static String forecast(CampaignForecast.StateForecast forecast) {
		if (forecast == null) {
			return "No forecast yet (the campaign names no reference resolution, or its model is being prepared).";
		}
		double[] p = forecast.numbers();
		String text = String.format(Locale.ROOT, "Yes %.0f %% · No %.0f %% · Abstain %.0f %% · Non-voting %.0f %%",
				100 * p[0], 100 * p[1], 100 * p[2], 100 * p[3]);
		if (!Double.isNaN(p[4])) {
			text += String.format(Locale.ROOT, "   (Yes from its voting history alone: %.0f %%)", 100 * p[4]);
		}
		return text;
	}

	static void section(Document document, String title) {
		Paragraph heading = new Paragraph(title.toUpperCase(Locale.ROOT), Pdfs.bold(8, Pdfs.MUTED));
		heading.setSpacingBefore(7);
		heading.setSpacingAfter(2);
		document.add(heading);
	}

	static Paragraph text(String text, float size) {
		Paragraph paragraph = new Paragraph(text, Pdfs.font(size));
		paragraph.setLeading(size * 1.3f);
		return paragraph;
	}

	static PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		return table;
	}

	static PdfPCell cell(String text, float size) {
		return cell(new Phrase((text == null) ? "" : text, Pdfs.font(size)));
	}

	static PdfPCell cell(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(Pdfs.LINE);
		cell.setBorderWidth(0.5f);
		cell.setPaddingTop(2);
		cell.setPaddingBottom(4);
		cell.setPaddingLeft(0);
		cell.setPaddingRight(6);
		return cell;
	}

	/** The parts that are there, joined by " · ". */
	static String join(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			// a part that repeats the one before (a source named after its level) is said
			// once
			if (part != null && !part.isBlank() && !text.toString().endsWith(part.strip())) {
				if (!text.isEmpty()) {
					text.append(" · ");
				}
				text.append(part.strip());
			}
		}
		return text.toString();
	}

	/** At most {@code max} characters, cut at a word with an ellipsis. */
	static String shorten(String text, int max) {
		if (text == null) {
			return null;
		}
		String plain = text.strip();
		if (plain.length() <= max) {
			return plain;
		}
		int cut = plain.lastIndexOf(' ', max - 1);
		return plain.substring(0, (cut > max / 2) ? cut : max - 1) + "…";
	}

}
