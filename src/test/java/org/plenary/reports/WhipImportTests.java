package org.plenary.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing whip spreadsheets made here: messy headers, blank rows, merged cells, unknown
 * countries and stance words, a file too large, a zip bomb, and a round trip of the
 * export that changes nothing.
 */
@SpringBootTest
class WhipImportTests {

	@Autowired
	WhipImport imports;

	@Autowired
	Exports exports;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	WhipCount whip;

	@Autowired
	TestOutreach outreach;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	private static final String MESSY = """
			  Country ,Position (whip) , Comments ,Desk officer

			Côte d'Ivoire,lean Y,Capital consulted,%1$s
			TURKEY,abst.,,%1$s
			kenya,Y,"Said yes, twice",
			,,,
			BRA,?,,
			Atlantis,N,,
			Mali,maybe,Depends on the AU,
			""";

	@Test
	void aMessySheetIsPreviewedWithWhatItCannotReadAndAppliedOnceFixed() {
		String official = "Jane Roe " + System.nanoTime();
		this.outreach.person(official, Level.AMBASSADOR);
		String messy = MESSY.formatted(official);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "whip.csv",
				messy.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.mapping().country()).isEqualTo(0);
		assertThat(preview.mapping().stance()).isEqualTo(1);
		assertThat(preview.mapping().notes()).isEqualTo(2);
		assertThat(preview.mapping().owner()).isEqualTo(3);
		assertThat(preview.rows()).hasSize(6);
		assertThat(preview.rows()).extracting(WhipImport.Row::iso3)
			.containsExactly("CIV", "TUR", "KEN", "BRA", null, "MLI");
		assertThat(preview.rows()).extracting(WhipImport.Row::stance)
			.containsExactly(Stance.LEANING_YES, Stance.ABSTAIN, Stance.YES, Stance.UNDECIDED, Stance.NO, null);
		assertThat(preview.rows().get(0).line()).isEqualTo(3); // the blank line is
																// counted
		assertThat(preview.unknownWords()).containsExactly("maybe");
		assertThat(preview.problems()).isEqualTo(2);
		assertThat(preview.rows().get(4).problem()).contains("Atlantis");
		// nothing is recorded while any row has a problem
		assertThatThrownBy(
				() -> this.imports.apply(campaign.id(), preview.upload(), WhipImport.Choices.guessed(), "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("nothing was imported");
		assertThat(this.whip.stance(campaign.id(), "KEN").version()).isZero();
		// the user maps the word and moves Atlantis to no column: still one problem
		WhipImport.Mapping fixed = new WhipImport.Mapping(0, 1, 2, 3, null, Map.of("Maybe", Stance.UNDECIDED));
		assertThat(
				this.imports.preview(campaign.id(), preview.upload(), WhipImport.Choices.of(fixed), "whip").problems())
			.isEqualTo(1);
		// a sheet without Atlantis applies, each change with the spreadsheet as its
		// source
		String clean = messy.replace("Atlantis,N,,\n", "");
		WhipImport.Preview second = this.imports.upload(campaign.id(), "whip.csv",
				clean.getBytes(StandardCharsets.UTF_8), "whip");
		WhipImport.Applied applied = this.imports.apply(campaign.id(), second.upload(), WhipImport.Choices.of(fixed),
				"whip");
		assertThat(applied.changed()).isEqualTo(5);
		assertThat(this.whip.stance(campaign.id(), "KEN").note()).isEqualTo("Said yes, twice");
		assertThat(this.whip.stance(campaign.id(), "MLI").stance()).isEqualTo(Stance.UNDECIDED);
		assertThat(this.whip.history(campaign.id(), "TUR").get(0).sourceName()).isEqualTo("Spreadsheet whip.csv");
		// the same file again changes nothing
		WhipImport.Preview again = this.imports.upload(campaign.id(), "whip.csv",
				clean.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(again.changes()).isZero();
		assertThat(this.imports.apply(campaign.id(), again.upload(), WhipImport.Choices.of(fixed), "whip").changed())
			.isZero();
		assertThat(this.whip.history(campaign.id(), "KEN")).hasSize(1);
	}

	@Test
	void ownersAndLastContactsAreAppliedOnceAndCheckedFirst() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String official = "Omar Diallo " + System.nanoTime();
		Person omar = this.outreach.person(official, Level.AMBASSADOR);
		String bad = """
				Country,Stance,Owner,Last contact
				Kenya,Y,%s,2026-11-20
				Peru,N,Nobody %s,
				Chile,?,,20/11/2099
				Ghana,?,,next week
				""".formatted(official, official);
		WhipImport.Preview refused = this.imports.upload(campaign.id(), "owners.csv",
				bad.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(refused.mapping().owner()).isEqualTo(2);
		assertThat(refused.mapping().lastContact()).isEqualTo(3);
		assertThat(refused.rows()).extracting(WhipImport.Row::problem)
			.containsExactly(null,
					"no active official is named 'Nobody " + official
							+ "' (add them under People, or leave the owner column out)",
					"last contact 20/11/2099 is in the future",
					"last contact 'next week' is not a date (write it as 2026-11-20 or 20/11/2026)");
		assertThatThrownBy(
				() -> this.imports.apply(campaign.id(), refused.upload(), WhipImport.Choices.guessed(), "whip"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.assignments.current(campaign.id())).isEmpty();
		String good = """
				Country,Stance,Owner,Last contact
				Kenya,Y,%s,2026-11-20
				Peru,N,,2026-11-21 10:30
				""".formatted(official.toUpperCase(java.util.Locale.ROOT));
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "owners.csv",
				good.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.problems()).isZero();
		assertThat(preview.rows().get(0).owner().personId()).isEqualTo(omar.id());
		assertThat(preview.rows().get(0).owner().changes()).isTrue();
		assertThat(preview.rows().get(1).lastContact().newer()).isTrue();
		WhipImport.Applied applied = this.imports.apply(campaign.id(), preview.upload(), WhipImport.Choices.guessed(),
				"whip");
		assertThat(applied.changed()).isEqualTo(2);
		assertThat(applied.ownersAssigned()).isEqualTo(1);
		assertThat(applied.contactsLogged()).isEqualTo(2);
		WhipCount.Board board = this.whip.board(campaign.id(), null);
		WhipCount.BoardRow kenya = board.rows()
			.stream()
			.filter((r) -> r.member().iso3().equals("KEN"))
			.findFirst()
			.orElseThrow();
		WhipCount.BoardRow peru = board.rows()
			.stream()
			.filter((r) -> r.member().iso3().equals("PER"))
			.findFirst()
			.orElseThrow();
		assertThat(kenya.owner()).isEqualTo(official);
		assertThat(kenya.lastContact()).isEqualTo(java.time.Instant.parse("2026-11-20T12:00:00Z"));
		assertThat(peru.lastContact()).isEqualTo(java.time.Instant.parse("2026-11-21T10:30:00Z"));
		// the same file again: nothing to do
		WhipImport.Preview again = this.imports.upload(campaign.id(), "owners.csv",
				good.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(again.changes()).isZero();
		assertThat(again.otherChanges()).isZero();
		WhipImport.Applied twice = this.imports.apply(campaign.id(), again.upload(), WhipImport.Choices.guessed(),
				"whip");
		assertThat(twice.ownersAssigned() + twice.contactsLogged() + twice.changed()).isZero();
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 10))).hasSize(1);
	}

	@Test
	void mergedCellsAndBlankRowsOfAWorkbookAreRead() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Whip count");
			String[][] rows = { { "State", "Vote intention", "Notes" }, { "Ghana", "Lean N", "Both rows" },
					{ "Nigeria", null, null }, {}, { "Senegal", "yes", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			// Ghana's and Nigeria's stance and note are one merged cell each
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "count.xlsx", xlsx, "whip");
		assertThat(preview.problems()).isZero();
		assertThat(preview.rows()).extracting(WhipImport.Row::iso3).containsExactly("GHA", "NGA", "SEN");
		assertThat(preview.rows()).extracting(WhipImport.Row::stance)
			.containsExactly(Stance.LEANING_NO, Stance.LEANING_NO, Stance.YES);
		assertThat(preview.rows().get(1).note()).isEqualTo("Both rows");
	}

	@Test
	void aFileTooLargeAndAZipBombAreRefusedWithAClearMessage() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		byte[] fifty = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(fifty, (byte) 'a');
		assertThatThrownBy(() -> this.imports.upload(campaign.id(), "huge.csv", fifty, "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("50 MB")
			.hasMessageContaining("at most 10 MB");
		byte[] bomb;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet();
			String filler = "a".repeat(32_000);
			for (int r = 0; r < 400; r++) {
				sheet.createRow(r).createCell(0).setCellValue(filler + r);
			}
			workbook.write(out);
			bomb = out.toByteArray();
		}
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThatThrownBy(() -> this.imports.upload(campaign.id(), "bomb.xlsx", bomb, "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("zip bomb");
		assertThatThrownBy(() -> this.imports.upload(campaign.id(), "broken.xlsx", "PK not a zip".getBytes(), "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a readable XLSX");
	}

	@Test
	void anExportImportedBackChangesNothing() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.whip.record(new WhipCount.RecordStance(campaign.id(), "CIV", Stance.LEANING_YES, null, null, null, null,
				"=HYPERLINK(\"http://x\",\"y\")", 0, null), "whip");
		this.whip.record(new WhipCount.RecordStance(campaign.id(), "TUR", Stance.ABSTAIN, null, null, null, null,
				"Wants, in writing; \"soon\"", 0, null), "whip");
		this.whip.record(
				new WhipCount.RecordStance(campaign.id(), "NOR", Stance.YES, null, null, null, null, null, 0, null),
				"whip");
		for (String format : new String[] { "xlsx", "csv" }) {
			Exports.File file = this.exports.export(campaign.id(), format, "board");
			WhipImport.Preview preview = this.imports.upload(campaign.id(), file.name(), file.content(), "whip");
			assertThat(preview.problems()).as(format).isZero();
			assertThat(preview.rows()).as(format).hasSize(193);
			assertThat(preview.changes()).as(format).isZero();
		}
	}

}
