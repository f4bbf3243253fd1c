package org.plenary.reports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.plenary.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook as its XML streams by, checking every limit
 * of {@link SheetReader} as it goes: nothing the file claims about itself (sizes, counts)
 * is trusted, only what has been read so far. The package is opened with {@link ZipFile}
 * over a temporary copy, which reads each part only when asked; only the parts needed are
 * read: the relationships that lead to the first sheet, the workbook (for its date
 * system), the styles (for numbers as Excel shows them), the shared texts and the sheet.
 * POI's own package reader is not used, as it parses the content types and every
 * relationship part into memory before anything can be counted.
 */
final class XlsxSheetReader {

	private static final Logger log = LoggerFactory.getLogger(XlsxSheetReader.class);

	static final String MAIN = XSSFRelation.NS_SPREADSHEETML;

	/** Relationships of Strict Open XML, which Excel offers under "Save as". */
	private static final String STRICT = "http://purl.oclc.org/ooxml/";

	private static final SAXParserFactory XML = parsers();

	private final String fileName;

	private final Map<String, ZipEntry> entries;

	private final ZipFile zip;

	/** The first limit the file broke, whatever a library made of the exception. */
	private InvalidInputException refusal;

	private XlsxSheetReader(String fileName, ZipFile zip) {
		this.fileName = fileName;
		this.zip = zip;
		this.entries = new HashMap<>();
		Enumeration<? extends ZipEntry> all = zip.entries();
		while (all.hasMoreElements()) {
			ZipEntry entry = all.nextElement();
			// part names are case-insensitive (ECMA-376 part 2, 6.2.2.3)
			this.entries.putIfAbsent(partName(entry.getName()), entry);
		}
	}

	static List<SheetReader.Line> read(String fileName, byte[] content) {
		Path copy;
		try {
			copy = Files.createTempFile("plenary-sheet-", ".xlsx");
			Files.write(copy, content);
		}
		catch (IOException ex) {
			// the server's trouble, not the file's
			throw new UncheckedIOException(ex);
		}
		XlsxSheetReader reader = null;
		try (ZipFile zip = new ZipFile(copy.toFile())) {
			reader = new XlsxSheetReader(fileName, zip);
			return reader.read();
		}
		catch (InvalidInputException ex) {
			log.info("Refused the spreadsheet {}: {}", fileName, ex.getMessage());
			throw ex;
		}
		catch (IOException | SAXException | RuntimeException ex) {
			if (reader != null && reader.refusal != null) {
				// a limit broken inside a library's parser, which wrapped the refusal
				log.info("Refused the spreadsheet {}: {}", fileName, reader.refusal.getMessage());
				throw reader.refusal;
			}
			log.info("The spreadsheet {} could not be read: {}", fileName, detail(ex));
			log.debug("The spreadsheet {} could not be read", fileName, ex);
			throw SheetReader.unreadable(fileName);
		}
		finally {
			try {
				Files.deleteIfExists(copy);
			}
			catch (IOException ex) {
				log.warn("Could not delete the temporary copy {}", copy, ex);
			}
		}
	}

	private List<SheetReader.Line> read() throws IOException, SAXException {
		if (!this.entries.containsKey("_rels/.rels")) {
			if (this.entries.containsKey("mimetype")) {
				throw new InvalidInputException("file", this.fileName
						+ " is an OpenDocument spreadsheet (.ods); Plenary reads .xlsx and CSV: save it as one of these");
			}
			throw new Damaged("no package relationships");
		}
		Map<String, Relationship> root = relationships("");
		if (root.values().stream().anyMatch((r) -> r.type().startsWith(STRICT))) {
			// as before: POI reads no Strict Open XML (its styles, for one)
			throw new InvalidInputException("file",
					this.fileName
							+ " is saved as Strict Open XML; Plenary reads the ordinary kind: save it again as \"Excel"
							+ " Workbook (.xlsx)\" or as CSV");
		}
		String workbook = target("", root, "/officeDocument");
		if (workbook == null) {
			throw new Damaged("no workbook");
		}
		Map<String, Relationship> rels = relationships(workbook);
		Workbook book = new Workbook();
		parse(workbook, SheetReader.MAX_PART_BYTES, "its workbook part unpacks", book);
		if (book.firstSheet == null || !rels.containsKey(book.firstSheet)) {
			throw new Damaged("no first sheet");
		}
		String sheet = resolve(workbook, rels.get(book.firstSheet).target());
		StylesTable styles;
		String stylesPart = target(workbook, rels, "/styles");
		if (stylesPart == null) {
			styles = new StylesTable();
		}
		else {
			try (InputStream in = open(stylesPart, SheetReader.MAX_STYLES_BYTES, "its styles unpack")) {
				styles = new StylesTable(in);
			}
		}
		SharedTexts texts = new SharedTexts();
		String textsPart = target(workbook, rels, "/sharedStrings");
		if (textsPart != null) {
			parse(textsPart, SheetReader.MAX_SHARED_STRINGS_BYTES, "its shared texts unpack", texts);
		}
		DataFormatter format = book.date1904 ? new Date1904Formatter() : new DataFormatter();
		Sheet rows = new Sheet(styles, texts, format);
		parse(sheet, SheetReader.MAX_SHEET_BYTES, "its first sheet unpacks", rows);
		return rows.lines();
	}

	// ---- the package: parts, their relationships, and bytes counted as they unpack

	private record Relationship(String type, String target, boolean external) {
	}

	private static String partName(String name) {
		String part = name.startsWith("/") ? name.substring(1) : name;
		return part.toLowerCase(Locale.ROOT);
	}

	/** The relationships of a part ("": the package's own), by id. */
	private Map<String, Relationship> relationships(String part) throws IOException, SAXException {
		int slash = part.lastIndexOf('/');
		String rels = part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
		Map<String, Relationship> found = new LinkedHashMap<>();
		if (!this.entries.containsKey(partName(rels))) {
			return found;
		}
		parse(rels, SheetReader.MAX_PART_BYTES, "its relationships unpack", new DefaultHandler() {
			@Override
			public void startElement(String uri, String local, String name, Attributes attributes) {
				if ("Relationship".equals(local) && attributes.getValue("Id") != null
						&& attributes.getValue("Target") != null) {
					found.putIfAbsent(attributes.getValue("Id"),
							new Relationship(String.valueOf(attributes.getValue("Type")), attributes.getValue("Target"),
									"External".equalsIgnoreCase(attributes.getValue("TargetMode"))));
				}
			}
		});
		return found;
	}

	/**
	 * The part the first relationship of the type (its last segment) leads to; null when
	 * there is none.
	 */
	private String target(String source, Map<String, Relationship> rels, String type) {
		return rels.values()
			.stream()
			.filter((r) -> r.type().endsWith(type) && !r.external())
			.findFirst()
			.map((r) -> resolve(source, r.target()))
			.orElse(null);
	}

	private static String resolve(String source, String target) {
		try {
			String path = URI.create("/" + source).resolve(URI.create(target.strip())).getPath();
			return (path == null) ? "" : path.substring(path.startsWith("/") ? 1 : 0);
		}
		catch (IllegalArgumentException ex) {
			throw new Damaged("a relationship's target is no address");
		}
	}

	private InputStream open(String part, long limit, String what) throws IOException {
		ZipEntry entry = this.entries.get(partName(part));
		if (entry == null) {
			throw new Damaged("a part is missing");
		}
		return new Unpacked(this.zip.getInputStream(entry), limit, entry.getCompressedSize(), what);
	}

	private void parse(String part, long limit, String what, DefaultHandler handler) throws IOException, SAXException {
		try (InputStream in = open(part, limit, what)) {
			XMLReader reader;
			try {
				reader = XML.newSAXParser().getXMLReader();
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
			reader.setContentHandler(handler);
			// fatal errors are thrown, not printed on the console as well
			reader.setErrorHandler(handler);
			reader.parse(new InputSource(in));
		}
	}

	private static SAXParserFactory parsers() {
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setXIncludeAware(false);
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// no entities, so no "billion laughs" and no file of the server read
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException(ex);
		}
		return factory;
	}

	/**
	 * A part as it unpacks, refused once more than its limit has come out, or more than
	 * {@link SheetReader#MAX_INFLATE_RATIO} times what it takes in the file (the check
	 * POI's ZipSecureFile makes, here for every part read).
	 */
	private final class Unpacked extends FilterInputStream {

		private static final long GRACE = 100 * 1024;

		private final long limit;

		private final long packed;

		private final String what;

		private long read;

		Unpacked(InputStream in, long limit, long packed, String what) {
			super(in);
			this.limit = limit;
			this.packed = packed;
			this.what = what;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long n) {
			this.read += n;
			if (this.read > this.limit) {
				throw refuse(SheetReader.unpacksTooLarge(XlsxSheetReader.this.fileName, this.what, this.limit));
			}
			if (this.read > GRACE && this.packed > 0 && this.read > this.packed * SheetReader.MAX_INFLATE_RATIO) {
				throw refuse(SheetReader.zipBomb(XlsxSheetReader.this.fileName, this.what));
			}
		}

	}

	private InvalidInputException refuse(InvalidInputException refusal) {
		if (this.refusal == null) {
			this.refusal = refusal;
		}
		return this.refusal;
	}

	/**
	 * A file no spreadsheet program wrote: told to the user as an unreadable workbook,
	 * the detail kept for the log.
	 */
	private static final class Damaged extends RuntimeException {

		Damaged(String detail) {
			super(detail);
		}

	}

	private static String detail(Throwable ex) {
		StringBuilder detail = new StringBuilder();
		for (Throwable t = ex; t != null && detail.length() < 400; t = t.getCause()) {
			detail.append(detail.isEmpty() ? "" : "; caused by ").append(t);
		}
		String text = detail.toString().replaceAll("\\p{Cntrl}", " ");
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	// ---- the workbook part: which sheet is first, and which date system it counts in

	private static final class Workbook extends DefaultHandler {

		String firstSheet;

		boolean date1904;

		@Override
		public void startElement(String uri, String local, String name, Attributes attributes) {
			if ("workbookPr".equals(local)) {
				String value = attributes.getValue("date1904");
				this.date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
			}
			else if ("sheet".equals(local) && this.firstSheet == null) {
				for (int i = 0; i < attributes.getLength(); i++) {
					// r:id
					if ("id".equals(attributes.getLocalName(i)) && attributes.getURI(i).endsWith("relationships")) {
						this.firstSheet = attributes.getValue(i);
					}
				}
			}
		}

	}

	/** Dates in a workbook made on an old Mac count from 1904 (the old reader knew). */
	private static final class Date1904Formatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, true);
		}

	}

	// ---- the shared texts

	/**
	 * POI's reader of the shared texts, counting what it gathers as it gathers it. The
	 * file's own count of its texts is dropped: POI would size a list by it before
	 * reading a single one.
	 */
	private final class SharedTexts extends ReadOnlySharedStringsTable {

		private int texts;

		private int textChars;

		private long chars;

		SharedTexts() throws IOException, SAXException {
			// reads nothing: the part's XML comes through parse(), as the sheet's does
			super(InputStream.nullInputStream(), false);
		}

		@Override
		public void startElement(String uri, String local, String name, Attributes attributes) throws SAXException {
			Attributes kept = attributes;
			if (MAIN.equals(uri) && "sst".equals(local)) {
				kept = new AttributesImpl();
				// POI starts its list anew
				this.texts = 0;
			}
			else if (MAIN.equals(uri) && "si".equals(local)) {
				this.texts++;
				if (this.texts > SheetReader.MAX_SHARED_STRINGS) {
					throw refuse(SheetReader.tooManySharedTexts(XlsxSheetReader.this.fileName));
				}
				this.textChars = 0;
			}
			super.startElement(uri, local, name, kept);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			// POI gathers a text from its <si> on; anything counts, even what it skips
			this.textChars += length;
			this.chars += length;
			if (this.textChars > SheetReader.MAX_CELL_CHARS) {
				throw refuse(SheetReader.sharedTextTooLong(XlsxSheetReader.this.fileName, this.texts));
			}
			if (this.chars > SheetReader.MAX_TOTAL_CHARS) {
				throw refuse(SheetReader.sharedTextsTooLong(XlsxSheetReader.this.fileName));
			}
			super.characters(ch, start, length);
		}

		@Override
		public RichTextString getItemAt(int index) {
			if (index < 0 || index >= this.texts) {
				throw new Damaged("a cell refers to shared text " + index + " of " + this.texts);
			}
			return super.getItemAt(index);
		}

	}

	// ---- the sheet

	/**
	 * Passes the sheet's XML to POI's {@link XSSFSheetXMLHandler} (which turns it into
	 * values formatted as Excel shows them) and watches it on the way: rows, columns and
	 * characters are counted before POI gathers them; the values come back through
	 * {@link #cell}. Rows are kept until the end, as the merged cells come after them.
	 */
	private final class Sheet extends DefaultHandler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private static final String[] BLANK = new String[0];

		private final XSSFSheetXMLHandler poi;

		private final SharedTexts texts;

		/** By row index (0-based); a blank row as BLANK, as a merged cell may fill it. */
		private final TreeMap<Integer, String[]> rows = new TreeMap<>();

		private final List<int[]> merged = new ArrayList<>();

		private int rowsSeen;

		private int cellsSeen;

		private int nonBlank;

		private long chars;

		private int width;

		private boolean inRow;

		private int row = -1;

		private String[] cells = BLANK;

		private int cellsInRow;

		private int column = -1;

		private String cellType;

		// what POI gathers, mirrored to count it before it grows: the value (of <v>, or
		// of an inline string's <t>s), the formula and a header or footer
		private boolean inline;

		private boolean inText;

		private boolean inFormula;

		private boolean inHeaderFooter;

		private int textChars;

		private int formulaChars;

		private int headerFooterChars;

		private final StringBuilder index = new StringBuilder();

		private boolean inCell;

		Sheet(StylesTable styles, SharedTexts texts, DataFormatter format) {
			this.texts = texts;
			this.poi = new XSSFSheetXMLHandler(styles, null, texts, this, format, false);
		}

		@Override
		public void startElement(String uri, String local, String name, Attributes attributes) throws SAXException {
			if (MAIN.equals(uri)) {
				switch (local) {
					case "row" -> startRow(attributes.getValue("r"));
					case "c" -> startCell(attributes.getValue("r"), attributes.getValue("t"));
					case "mergeCell" -> merge(attributes.getValue("ref"));
					case "is" -> this.inline = true;
					case "f" -> {
						this.inFormula = true;
						this.formulaChars = 0;
					}
					case "oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter" -> {
						this.inHeaderFooter = true;
						this.headerFooterChars = 0;
					}
					default -> {
					}
				}
				if (text(local)) {
					this.inText = true;
					if (!this.inline) {
						this.textChars = 0;
						this.index.setLength(0);
					}
				}
			}
			this.poi.startElement(uri, local, name, attributes);
		}

		@Override
		public void endElement(String uri, String local, String name) throws SAXException {
			boolean main = MAIN.equals(uri);
			if (main && text(local) && !this.inline && "s".equals(this.cellType)) {
				checkIndex();
			}
			// POI puts out the cell here, through cell()
			this.poi.endElement(uri, local, name);
			if (!main) {
				return;
			}
			if (text(local)) {
				this.inText = false;
				if (!this.inline) {
					this.textChars = 0;
				}
			}
			switch (local) {
				case "is" -> {
					this.inline = false;
					this.textChars = 0;
				}
				case "f" -> this.inFormula = false;
				case "oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter" ->
					this.inHeaderFooter = false;
				case "c" -> {
					this.inCell = false;
					this.cellType = null;
				}
				case "row" -> endRow();
				default -> {
				}
			}
		}

		/** Whether POI gathers the element's text as a cell's value (its isTextTag). */
		private boolean text(String local) {
			return "v".equals(local) || "inlineStr".equals(local) || ("t".equals(local) && this.inline);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (this.inText) {
				this.textChars += length;
				if (this.textChars > SheetReader.MAX_CELL_CHARS) {
					throw refuse(SheetReader.cellTooLong(XlsxSheetReader.this.fileName, here()));
				}
				if ("s".equals(this.cellType) && this.index.length() < 20) {
					this.index.append(ch, start, Math.min(length, 20));
				}
			}
			if (this.inFormula) {
				this.formulaChars += length;
				if (this.formulaChars > SheetReader.MAX_CELL_CHARS) {
					throw refuse(SheetReader.cellTooLong(XlsxSheetReader.this.fileName, here()));
				}
			}
			if (this.inHeaderFooter) {
				this.headerFooterChars += length;
				if (this.headerFooterChars > SheetReader.MAX_CELL_CHARS) {
					throw new Damaged("a header or footer of more than a cell's characters");
				}
			}
			this.poi.characters(ch, start, length);
		}

		/**
		 * A shared text's number must be one: POI logs an error with its stack for every
		 * cell whose number is not, which a hostile file could do a million times.
		 */
		private void checkIndex() {
			String text = this.index.toString().strip();
			if (!text.isEmpty() && (text.length() > 9 || !text.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(text) >= this.texts.texts)) {
				throw new Damaged("a cell refers to a shared text that is not there");
			}
		}

		private void startRow(String reference) {
			this.rowsSeen++;
			int number = (reference == null) ? this.row + 2 : number(reference.strip());
			if (number > SheetReader.LAST_ROW) {
				throw new Damaged("a row beyond the last a spreadsheet can have");
			}
			if (this.rowsSeen > SheetReader.MAX_ROWS_SEEN) {
				throw refuse(SheetReader.tooManyRowsSeen(XlsxSheetReader.this.fileName, number));
			}
			this.inRow = true;
			this.row = number - 1;
			this.cells = BLANK;
			this.cellsInRow = 0;
			this.column = -1;
		}

		private void endRow() {
			boolean blank = Arrays.stream(this.cells).allMatch((c) -> c == null || c.isBlank());
			if (!blank) {
				this.nonBlank++;
				if (this.nonBlank > SheetReader.MAX_ROWS) {
					throw refuse(SheetReader.tooManyRows(XlsxSheetReader.this.fileName, this.row + 1));
				}
			}
			// a blank row's values can never show, even through a merged cell
			this.rows.put(this.row, blank ? BLANK : this.cells);
			this.inRow = false;
			this.cells = BLANK;
			this.column = -1;
		}

		private void startCell(String reference, String type) {
			if (!this.inRow) {
				throw new Damaged("a cell outside a row");
			}
			this.column = (reference == null) ? this.column + 1 : column(reference.strip());
			if (this.column >= SheetReader.MAX_COLUMNS) {
				throw refuse(SheetReader.beyondLastColumn(XlsxSheetReader.this.fileName, here()));
			}
			// a row of one cell written over and over
			this.cellsInRow++;
			if (this.cellsInRow > SheetReader.MAX_COLUMNS) {
				throw refuse(SheetReader.tooManyColumns(XlsxSheetReader.this.fileName, this.row + 1));
			}
			this.cellsSeen++;
			if (this.cellsSeen > SheetReader.MAX_CELLS_SEEN) {
				throw refuse(SheetReader.tooManyCellsSeen(XlsxSheetReader.this.fileName, here()));
			}
			this.width = Math.max(this.width, this.column + 1);
			this.inCell = true;
			this.cellType = type;
			this.formulaChars = 0;
		}

		private void merge(String reference) {
			if (reference == null) {
				return;
			}
			if (this.merged.size() >= SheetReader.MAX_MERGED_REGIONS) {
				throw refuse(SheetReader.tooManyMergedRegions(XlsxSheetReader.this.fileName));
			}
			String[] corners = reference.strip().split(":", -1);
			if (corners.length > 2) {
				throw new Damaged("a merged region of more than two corners");
			}
			String last = corners[corners.length - 1];
			int c1 = column(corners[0]);
			int c2 = column(last);
			int r1 = number(corners[0].substring(letters(corners[0]))) - 1;
			int r2 = number(last.substring(letters(last))) - 1;
			if (Math.max(c1, c2) >= SheetReader.MAX_COLUMNS) {
				throw refuse(SheetReader.beyondLastColumn(XlsxSheetReader.this.fileName,
						"merged cells " + CellReference.convertNumToColString(c1) + (r1 + 1) + ":"
								+ CellReference.convertNumToColString(c2) + (r2 + 1)));
			}
			this.merged.add(new int[] { Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2) });
			this.width = Math.max(this.width, Math.max(c1, c2) + 1);
		}

		@Override
		public void startRow(int rowNum) {
			// rows are followed in startElement, where their size is checked first
		}

		@Override
		public void endRow(int rowNum) {
			// see startRow
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (value == null || !this.inCell) {
				return;
			}
			// an error shows as Excel shows it: #N/A, not ERROR:#N/A
			String shown = ("e".equals(this.cellType) && value.startsWith("ERROR:")) ? value.substring(6) : value;
			if (shown.length() > SheetReader.MAX_CELL_CHARS) {
				throw refuse(SheetReader.cellTooLong(XlsxSheetReader.this.fileName, here()));
			}
			this.chars += shown.length();
			if (this.chars > SheetReader.MAX_TOTAL_CHARS) {
				throw refuse(SheetReader.tooManyCharacters(XlsxSheetReader.this.fileName, here()));
			}
			if (this.cells.length <= this.column) {
				this.cells = Arrays.copyOf(this.cells,
						Math.min(SheetReader.MAX_COLUMNS, Math.max(this.column + 1, this.cells.length * 2)));
			}
			this.cells[this.column] = shown;
		}

		/** The current cell, as a spreadsheet names it (C5), or the row. */
		private String here() {
			return (this.column < 0) ? "row " + (this.row + 1)
					: "cell " + CellReference.convertNumToColString(this.column) + (this.row + 1);
		}

		/**
		 * The lines of the sheet: each merged region's first cell fills the region (the
		 * first region listed wins where regions overlap, as before), blank rows dropped.
		 */
		List<SheetReader.Line> lines() {
			// regions that do not overlap cover each kept cell at most once, so they cost
			// at most twice the cells (each row of a region costs its cells and one)
			long budget = 2L * this.rows.size() * Math.max(1, this.width);
			long visits = 0;
			String[] firsts = new String[this.merged.size()];
			for (int i = 0; i < firsts.length; i++) {
				int[] region = this.merged.get(i);
				String[] top = this.rows.get(region[0]);
				firsts[i] = (top != null && region[2] < top.length) ? top[region[2]] : null;
			}
			for (int i = this.merged.size() - 1; i >= 0; i--) {
				int[] region = this.merged.get(i);
				boolean shows = firsts[i] != null && !firsts[i].isBlank();
				for (Map.Entry<Integer, String[]> entry : this.rows.subMap(region[0], true, region[1], true)
					.entrySet()) {
					visits += region[3] - region[2] + 2;
					if (visits > budget) {
						throw refuse(SheetReader.overlappingMergedRegions(XlsxSheetReader.this.fileName));
					}
					String[] row = entry.getValue();
					if (row == BLANK && !shows) {
						continue;
					}
					if (row == BLANK && ++this.nonBlank > SheetReader.MAX_ROWS) {
						throw refuse(SheetReader.tooManyRows(XlsxSheetReader.this.fileName, entry.getKey() + 1));
					}
					if (row.length < this.width) {
						row = Arrays.copyOf(row, this.width);
						entry.setValue(row);
					}
					Arrays.fill(row, region[2], region[3] + 1, firsts[i]);
				}
			}
			List<SheetReader.Line> lines = new ArrayList<>();
			for (Map.Entry<Integer, String[]> entry : this.rows.entrySet()) {
				String[] row = entry.getValue();
				List<String> cells = new ArrayList<>(this.width);
				for (int c = 0; c < this.width; c++) {
					cells.add((c < row.length && row[c] != null) ? row[c] : "");
				}
				SheetReader.add(lines, entry.getKey() + 1, cells);
				if (lines.size() > SheetReader.MAX_ROWS) {
					throw refuse(SheetReader.tooManyRows(XlsxSheetReader.this.fileName, entry.getKey() + 1));
				}
			}
			return lines;
		}

	}

	/** How many letters a reference starts with (C5: 1). */
	private static int letters(String reference) {
		int n = 0;
		while (n < reference.length() && Character.isLetter(reference.charAt(n))) {
			n++;
		}
		return n;
	}

	/**
	 * The 0-based column of a reference (C5: 2), up to Excel's last (XFD); the caller
	 * checks it against the columns a whip spreadsheet may use.
	 */
	private static int column(String reference) {
		int n = letters(reference);
		if (n == 0) {
			throw new Damaged("a cell reference without a column");
		}
		if (n > 3) {
			// beyond XFD, the last column of Excel
			throw new Damaged("a cell reference beyond any column");
		}
		int column = 0;
		for (int i = 0; i < n; i++) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c < 'A' || c > 'Z') {
				throw new Damaged("a cell reference with a strange column");
			}
			column = column * 26 + (c - 'A' + 1);
		}
		return column - 1;
	}

	/**
	 * A row number (1-based) as a sheet writes it, within what a spreadsheet can have.
	 */
	private static int number(String text) {
		if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new Damaged("a row number that is none");
		}
		int number = Integer.parseInt(text);
		if (number < 1 || number > SheetReader.LAST_ROW) {
			throw new Damaged("a row beyond the last a spreadsheet can have");
		}
		return number;
	}

}
