package org.plenary.reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.plenary.states.WorldMap;
import org.plenary.whip.Stance;

/**
 * What every PDF of Plenary shares: A4 pages, the DejaVu Sans fonts (bundled, embedded
 * and subset, so every state's name prints: Côte d'Ivoire, Türkiye, and any script a note
 * is written in), the stance colours of the pages, the world map drawn from the same
 * outlines as the pages' SVG, and a footer on each page with what the document is, the
 * time it was made and "page n of m".
 */
final class Pdfs {

	static final Color INK = new Color(0x1b2430);

	static final Color MUTED = new Color(0x5b6675);

	static final Color LINE = new Color(0xd9dee5);

	static final Color WASH = new Color(0xf4f6f9);

	static final Color SEA = new Color(0xeef4fa);

	static final Color NO_READ = new Color(0xc9d1da);

	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

	private static final BaseFont REGULAR = font("DejaVuSans.ttf");

	private static final BaseFont BOLD = font("DejaVuSans-Bold.ttf");

	private Pdfs() {
	}

	private static BaseFont font(String file) {
		String resource = "/reports/fonts/" + file;
		try (InputStream in = Pdfs.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + resource);
			}
			return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	static Font font(float size) {
		return new Font(REGULAR, size, Font.NORMAL, INK);
	}

	static Font font(float size, Color colour) {
		return new Font(REGULAR, size, Font.NORMAL, colour);
	}

	static Font bold(float size) {
		return new Font(BOLD, size, Font.NORMAL, INK);
	}

	static Font bold(float size, Color colour) {
		return new Font(BOLD, size, Font.NORMAL, colour);
	}

	/** The colour of a stance, as on the board's badges and map. */
	static Color colour(Stance stance) {
		return switch (stance) {
			case YES -> new Color(0x1b5e20);
			case LEANING_YES -> new Color(0x66bb6a);
			case UNDECIDED -> new Color(0x90a4ae);
			case LEANING_ABSTAIN -> new Color(0xffd54f);
			case ABSTAIN -> new Color(0xf2a900);
			case LEANING_NO -> new Color(0xef9a9a);
			case NO -> new Color(0xc62828);
			case ABSENT -> new Color(0x5f6b7a);
			case UNKNOWN -> NO_READ;
		};
	}

	/** The text colour that reads on a stance's colour. */
	static Color onColour(Stance stance) {
		return switch (stance) {
			case YES, UNDECIDED, NO, ABSENT -> Color.WHITE;
			default -> INK;
		};
	}

	/** Writes a document: the body draws into it; returns the PDF's bytes. */
	static byte[] write(String title, String subject, Instant at, Body body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, 40, 40, 40, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new Footer(title, at));
		document.addTitle(title);
		document.addSubject(subject);
		document.addCreator("Plenary");
		document.open();
		body.draw(document, writer);
		document.close();
		return out.toByteArray();
	}

	/** What draws a document's pages. */
	@FunctionalInterface
	interface Body {

		void draw(Document document, PdfWriter writer);

	}

	/**
	 * Draws the world map in a box whose top left corner is at {@code (left, top)} (PDF
	 * points, y up), {@code width} wide: each country filled with its colour (no colour:
	 * the no-read grey), white borders, the small states as dots on top.
	 * @return the height drawn
	 */
	static float map(PdfContentByte canvas, float left, float top, float width, Map<Integer, Color> fills) {
		int[] size = WorldMap.size();
		float scale = width / size[0];
		float height = size[1] * scale;
		canvas.saveState();
		canvas.setColorFill(SEA);
		canvas.rectangle(left, top - height, width, height);
		canvas.fill();
		canvas.setColorStroke(Color.WHITE);
		canvas.setLineWidth(0.2f);
		for (WorldMap.Outline outline : WorldMap.natural().outlines()) {
			Color fill = (outline.m49() != null) ? fills.get(outline.m49()) : null;
			canvas.setColorFill((fill != null) ? fill : NO_READ);
			if (outline.dot()) {
				canvas.circle(left + (float) outline.x() * scale, top - (float) outline.y() * scale,
						(float) outline.r() * scale);
				canvas.fillStroke();
			}
			else {
				trace(canvas, outline.path(), left, top, scale);
				canvas.eoFillStroke();
			}
		}
		canvas.restoreState();
		return height;
	}

	/**
	 * Traces path data of the form the map writes ({@code M x y l dx dy ... z}, repeated
	 * per ring) onto the canvas, flipping y.
	 */
	static void trace(PdfContentByte canvas, String path, float left, float top, float scale) {
		double x = 0;
		double y = 0;
		char command = 'M';
		int i = 0;
		int n = path.length();
		boolean first = true;
		while (i < n) {
			char c = path.charAt(i);
			if (c == 'M' || c == 'l' || c == 'z') {
				if (c == 'z') {
					canvas.closePath();
				}
				command = c;
				first = true;
				i++;
				continue;
			}
			if (c == ' ') {
				i++;
				continue;
			}
			int start = i;
			i++;
			while (i < n && (Character.isDigit(path.charAt(i)) || path.charAt(i) == '.')) {
				i++;
			}
			double a = Double.parseDouble(path.substring(start, i));
			while (i < n && path.charAt(i) == ' ') {
				i++;
			}
			start = i;
			i++;
			while (i < n && (Character.isDigit(path.charAt(i)) || path.charAt(i) == '.')) {
				i++;
			}
			double b = Double.parseDouble(path.substring(start, i));
			if (command == 'M') {
				x = a;
				y = b;
				canvas.moveTo(left + (float) x * scale, top - (float) y * scale);
			}
			else {
				x += a;
				y += b;
				canvas.lineTo(left + (float) x * scale, top - (float) y * scale);
			}
			first = false;
		}
		if (!first) {
			canvas.closePath();
		}
	}

	/**
	 * The text as it fits in {@code width} points at this size of the regular font:
	 * whole, or cut at a word (or, with no space to cut at, a character) and ended with
	 * "…".
	 */
	static String fit(String text, float size, float width) {
		if (REGULAR.getWidthPoint(text, size) <= width) {
			return text;
		}
		int end = text.length();
		while (end > 0 && REGULAR.getWidthPoint(text.substring(0, end) + "…", size) > width) {
			end--;
		}
		String cut = text.substring(0, end);
		int space = cut.lastIndexOf(' ');
		if (space > 0 && end - space < 15) {
			cut = cut.substring(0, space);
		}
		return cut.stripTrailing() + "…";
	}

	/**
	 * The footer: the document's title on the left, when it was made and "page n of m" on
	 * the right. The total is a template filled in when the document closes.
	 */
	private static final class Footer extends PdfPageEventHelper {

		private final String title;

		private final String stamp;

		private PdfTemplate total;

		Footer(String title, Instant at) {
			this.title = title;
			this.stamp = STAMP.format(at);
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			this.total = writer.getDirectContent().createTemplate(30, 10);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			Rectangle page = document.getPageSize();
			float y = 24;
			canvas.saveState();
			canvas.setColorStroke(LINE);
			canvas.setLineWidth(0.5f);
			canvas.moveTo(document.left(), y + 10);
			canvas.lineTo(document.right(), y + 10);
			canvas.stroke();
			canvas.restoreState();
			Font small = font(7.5f, MUTED);
			String page1 = this.stamp + " · page " + writer.getPageNumber() + " of ";
			float right = page.getWidth() - document.rightMargin() - 14;
			// the title keeps clear of the date and the page number: shortened to its
			// room
			float room = right - REGULAR.getWidthPoint(page1, 7.5f) - 12 - document.left();
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
					new Phrase(fit("Plenary · " + this.title, 7.5f, room), small), document.left(), y, 0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(page1, small), right, y, 0);
			canvas.addTemplate(this.total, right + 2, y);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			this.total.beginText();
			this.total.setFontAndSize(REGULAR, 7.5f);
			this.total.setColorFill(MUTED);
			this.total.setTextMatrix(0, 0);
			// the writer has already moved past the last page
			this.total.showText(String.valueOf(writer.getPageNumber() - 1));
			this.total.endText();
		}

	}

}
