package org.plenary.reports;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks written part by part, as an attacker (or an odd program) would: a sheet's XML
 * streams straight into the zip, so a sheet of 100 MB costs the test no memory. Each
 * hostile file is small packed and breaks one limit of {@link SheetReader}; the files are
 * made here, never read from disk.
 */
final class HostileSpreadsheets {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

	/** Writes XML into a part. */
	interface Xml {

		void write(Writer out) throws IOException;

	}

	/** Minimal styles: 0 General, 1 a date (yyyy-mm-dd), 2 "#,##0.00", 3 "0%". */
	static final String STYLES = """
			<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
			<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
			<fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
			<borders count="1"><border/></borders>\
			<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
			<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
			<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>""";

	private HostileSpreadsheets() {
	}

	/** A workbook of one sheet: the sheet's children, and the shared texts' (or null). */
	static byte[] xlsx(Xml sheet, Xml texts) {
		return xlsx(MAIN, false, sheet, texts);
	}

	static byte[] xlsx(String namespace, boolean date1904, Xml sheet, Xml texts) {
		String relations = namespace.equals(MAIN)
				? "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
				: "http://purl.oclc.org/ooxml/officeDocument/relationships";
		Map<String, Xml> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", (out) -> out.write("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/styles.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
				<Override PartName="/xl/sharedStrings.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
				</Types>"""));
		parts.put("_rels/.rels", (out) -> out.write("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
			.formatted(relations)));
		parts.put("xl/workbook.xml", (out) -> out.write("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="%s"/>\
				<sheets><sheet name="Whip" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(namespace,
				relations, date1904 ? "1" : "0")));
		parts.put("xl/_rels/workbook.xml.rels", (out) -> out.write("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>\
				<Relationship Id="rId2" Type="%1$s/styles" Target="styles.xml"/>\
				<Relationship Id="rId3" Type="%1$s/sharedStrings" Target="/xl/sharedStrings.xml"/>\
				</Relationships>""".formatted(relations)));
		parts.put("xl/styles.xml", (out) -> out.write("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<styleSheet xmlns="%s">%s</styleSheet>""".formatted(namespace, STYLES)));
		parts.put("xl/worksheets/sheet1.xml", (out) -> {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + namespace
					+ "\">");
			sheet.write(out);
			out.write("</worksheet>");
		});
		parts.put("xl/sharedStrings.xml", (out) -> {
			out.write(
					"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + namespace + "\">");
			if (texts != null) {
				texts.write(out);
			}
			out.write("</sst>");
		});
		return zip(parts);
	}

	static byte[] zip(Map<String, Xml> parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			Writer out = new BufferedWriter(new OutputStreamWriter(new NotClosing(zip), StandardCharsets.UTF_8),
					1 << 16);
			for (Map.Entry<String, Xml> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				part.getValue().write(out);
				out.flush();
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** How many bytes the parts of a zip unpack to, all together. */
	static long unpacked(byte[] zip) {
		long total = 0;
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip))) {
			byte[] buffer = new byte[1 << 16];
			while (in.getNextEntry() != null) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					total += n;
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return total;
	}

	// ---- hostile files, each breaking one limit

	/**
	 * A sheet of 115 MB that POI passes over: a few rows, then marks of errors to ignore,
	 * one in eight on a cell at random so that it packs to a few MB (about 50 to 1, not a
	 * zip bomb). No limit on rows, cells or characters is reached before its size.
	 */
	static byte[] hugeSheet() {
		Random random = new Random(17);
		return xlsx((out) -> {
			out.write("<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Country</t></is></c></row></sheetData>");
			out.write("<ignoredErrors>");
			for (int i = 0; i < 2_600_000; i++) {
				String cell = (random.nextInt(8) == 0)
						? CellReference.convertNumToColString(random.nextInt(200)) + (1 + random.nextInt(5_000)) : "A1";
				out.write("<ignoredError sqref=\"" + cell + "\" numberStoredAsText=\"1\"/>");
			}
			out.write("</ignoredErrors>");
		}, null);
	}

	/**
	 * Rows of 190 empty cells (formatted only), one style in eight varied at random so
	 * that it packs 48 to 1 (not a zip bomb): 1.8 KB unpacked a row, no value.
	 */
	static byte[] emptyCells(int rows) {
		Random random = new Random(17);
		return xlsx((out) -> {
			out.write("<sheetData>");
			for (int r = 1; r <= rows; r++) {
				out.write("<row r=\"" + r + "\">");
				for (int c = 0; c < 190; c++) {
					out.write((random.nextInt(8) == 0) ? "<c s=\"2\"/>" : "<c s=\"1\"/>");
				}
				out.write("</row>");
			}
			out.write("</sheetData>");
		}, null);
	}

	/** Rows with a number each. */
	static byte[] manyRows(int rows) {
		return xlsx((out) -> {
			out.write("<sheetData>");
			for (int r = 1; r <= rows; r++) {
				out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
			}
			out.write("</sheetData>");
		}, null);
	}

	/** A header, then blank rows (empty row elements), then a row of data. */
	static byte[] blankRows(int blank) {
		return xlsx((out) -> {
			out.write("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Country</t></is></c></row>");
			for (int r = 2; r < blank + 2; r++) {
				out.write("<row r=\"" + r + "\"/>");
			}
			out.write("<row r=\"" + (blank + 2) + "\"><c r=\"A" + (blank + 2)
					+ "\" t=\"inlineStr\"><is><t>Kenya</t></is></c></row>");
			out.write("</sheetData>");
		}, null);
	}

	/**
	 * One row whose cells run to the given column (0-based), with or without references.
	 */
	static byte[] wideRow(int lastColumn, boolean references) {
		return xlsx((out) -> {
			out.write("<sheetData><row r=\"1\">");
			for (int c = 0; c <= lastColumn; c++) {
				out.write(references ? "<c r=\"" + CellReference.convertNumToColString(c) + "1\"><v>" + c + "</v></c>"
						: "<c><v>" + c + "</v></c>");
			}
			out.write("</row></sheetData>");
		}, null);
	}

	/** A cell (B2) of text of this length, written inline. */
	static byte[] longCell(int chars) {
		String text = letters(chars, 5);
		return xlsx((out) -> out.write("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">"
				+ "<c r=\"B2\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row></sheetData>"), null);
	}

	/**
	 * One shared text of 30,000 characters in every cell of 1,000 rows of 200: far more
	 * text than the file holds.
	 */
	static byte[] repeatedLongText() {
		String text = letters(30_000, 7);
		return xlsx((out) -> {
			out.write("<sheetData>");
			for (int r = 1; r <= 1_000; r++) {
				out.write("<row r=\"" + r + "\">");
				for (int c = 0; c < 200; c++) {
					out.write("<c t=\"s\"><v>0</v></c>");
				}
				out.write("</row>");
			}
			out.write("</sheetData>");
		}, (out) -> out.write("<si><t>" + text + "</t></si>"));
	}

	/** More different shared texts than a whip spreadsheet may have. */
	static byte[] manySharedTexts(int count) {
		return xlsx((out) -> out.write("<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData>"), (out) -> {
			for (int i = 0; i < count; i++) {
				out.write("<si><t>" + Integer.toString(i, 36) + "</t></si>");
			}
		});
	}

	/**
	 * Shared texts of 60 MB: few characters, much formatting (fonts and colours at
	 * random, so that it packs to a few MB).
	 */
	static byte[] sharedTextsOf60Mb() {
		Random random = new Random(18);
		return xlsx((out) -> out.write("<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData>"), (out) -> {
			for (int i = 0; i < 560_000; i++) {
				out.write("<si><r><rPr><rFont val=\"Font" + Integer.toHexString(random.nextInt())
						+ "\"/><sz val=\"11\"/><color rgb=\"FF" + Integer.toHexString(random.nextInt(1 << 24))
						+ "\"/></rPr><t>" + i + "</t></r></si>");
			}
		});
	}

	/**
	 * Styles with this many cell formats (Excel allows 64,000), their number formats at
	 * random: POI reads the styles whole, 55 bytes a format.
	 */
	static byte[] manyStyles(int formats) {
		Random random = new Random(20);
		byte[] normal = manyRows(1);
		StringBuilder styles = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN
				+ "\">" + STYLES.substring(0, STYLES.indexOf("<cellXfs")) + "<cellXfs>");
		for (int i = 0; i < formats; i++) {
			styles.append("<xf numFmtId=\"")
				.append(random.nextInt(50))
				.append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
		}
		return replace(normal, "xl/styles.xml", styles.append("</cellXfs></styleSheet>").toString());
	}

	/** A file that claims a billion shared texts (POI would size a list by the claim). */
	static byte[] sharedTextsClaimingABillion() {
		byte[] normal = xlsx((out) -> out.write("<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData>"),
				(out) -> out.write("<si><t>Kenya</t></si>"));
		return replace(normal, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
				+ "\" count=\"2000000000\" uniqueCount=\"2000000000\"><si><t>Kenya</t></si></sst>");
	}

	/** A sheet that is mostly one space, packing a thousand to one: a plain zip bomb. */
	static byte[] zipBomb() {
		return xlsx((out) -> {
			out.write("<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData>");
			char[] spaces = new char[1 << 20];
			Arrays.fill(spaces, ' ');
			for (int i = 0; i < 200; i++) {
				out.write(spaces);
			}
		}, null);
	}

	/** Cells merged over the same 100 rows and 200 columns, 1,000 times. */
	static byte[] overlappingMerges() {
		return xlsx((out) -> {
			out.write("<sheetData>");
			for (int r = 1; r <= 100; r++) {
				out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
			}
			out.write("</sheetData><mergeCells>");
			for (int i = 0; i < 1_000; i++) {
				out.write("<mergeCell ref=\"A1:GR100\"/>");
			}
			out.write("</mergeCells>");
		}, null);
	}

	/** An entity that expands a billion times ("billion laughs"). */
	static byte[] billionLaughs() {
		byte[] normal = manyRows(1);
		StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
		for (int i = 1; i <= 9; i++) {
			doctype.append("<!ENTITY l")
				.append(i)
				.append(" \"")
				.append(("&l" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		doctype.append("]>");
		return replace(normal, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?>" + doctype + "<worksheet xmlns=\""
				+ MAIN
				+ "\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>");
	}

	/**
	 * The header of an Excel 97-2003 file (an OLE2 compound file), then nothing useful.
	 */
	static byte[] xls() {
		byte[] file = new byte[1024];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, file, 0, magic.length);
		return file;
	}

	/** "PK", then random bytes. */
	static byte[] randomAfterPk() {
		byte[] file = new byte[64 * 1024];
		new Random(19).nextBytes(file);
		file[0] = 'P';
		file[1] = 'K';
		return file;
	}

	/** A workbook POI wrote, cut in half. */
	static byte[] truncated() {
		byte[] whole = ordinary();
		return Arrays.copyOf(whole, whole.length / 2);
	}

	/**
	 * A workbook POI wrote, saved with a password (as Excel does: inside an OLE2 file).
	 */
	static byte[] encrypted() {
		try (POIFSFileSystem fs = new POIFSFileSystem();
				OPCPackage opc = OPCPackage.open(new java.io.ByteArrayInputStream(ordinary()))) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("whip-secret");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				opc.save(out);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			fs.writeFilesystem(bytes);
			return bytes.toByteArray();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A small workbook as POI writes it. */
	static byte[] ordinary() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Whip");
			String[] states = { "Country", "Ghana", "Kenya", "Peru", "Chile" };
			for (int r = 0; r < states.length; r++) {
				sheet.createRow(r).createCell(0).setCellValue(states[r]);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The zip with one entry's content replaced. */
	static byte[] replace(byte[] zip, String name, String content) {
		Map<String, Xml> parts = new LinkedHashMap<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				String text = entry.getName().equals(name) ? content
						: new String(in.readAllBytes(), StandardCharsets.UTF_8);
				parts.put(entry.getName(), (out) -> out.write(text));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return zip(parts);
	}

	/** Letters at random (seeded), so that the text does not pack to nothing. */
	static String letters(int length, long seed) {
		Random random = new Random(seed);
		char[] text = new char[length];
		for (int i = 0; i < length; i++) {
			text[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(text);
	}

	/** Lets a writer be flushed part by part without closing the zip under it. */
	private static final class NotClosing extends java.io.FilterOutputStream {

		NotClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
