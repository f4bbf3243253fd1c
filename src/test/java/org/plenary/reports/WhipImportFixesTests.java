package org.plenary.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Coalitions;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.system.Acting;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19: an older export imported after newer reads changes nothing unless the user
 * picks its rows; rows for non-members are skipped with a warning; a row with a problem
 * is fixed in the preview (the state or the official picked, or the row skipped) without
 * uploading again, and a row still broken refuses the whole apply; the owner column is
 * guessed from "Focal point" and its like; an upload is its uploader's alone.
 */
@SpringBootTest
class WhipImportFixesTests {

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

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	Coalitions coalitions;

	@Test
	void anOlderExportImportedAfterNewerReadsChangesNothingUnlessTheUserPicksItsRows() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		long id = campaign.id();
		record(id, "FRA", Stance.YES, "coordinator");
		// the team exports the board: Russia and the DPRK are still Unknown
		Exports.File older = this.exports.export(id, "xlsx", "board");
		Exports.File olderCsv = this.exports.export(id, "csv", "board");
		// meanwhile, newer reads
		record(id, "RUS", Stance.NO, "analyst");
		record(id, "PRK", Stance.NO, "analyst");

		// the older export comes back: the two rows are stale and left out
		WhipImport.Preview preview = this.imports.upload(id, older.name(), older.content(), "whip");
		assertThat(preview.versioned()).isTrue();
		assertThat(preview.mapping().version()).isEqualTo(Exports.BOARD_HEADERS.indexOf("Version"));
		assertThat(preview.problems()).isZero();
		assertThat(preview.stale()).isEqualTo(2);
		assertThat(preview.changes()).isZero();
		WhipImport.Row russia = row(preview, "RUS");
		assertThat(russia.outcome()).isEqualTo(WhipImport.Outcome.STALE);
		assertThat(russia.stance()).isEqualTo(Stance.UNKNOWN);
		assertThat(russia.stale().sheetVersion()).isZero();
		assertThat(russia.stale().boardVersion()).isEqualTo(1);
		assertThat(russia.stale().message())
			.startsWith("changed since this sheet was exported: now No, by analyst on ");
		assertThat(row(preview, "FRA").outcome()).isEqualTo(WhipImport.Outcome.NO_CHANGE);
		WhipImport.Applied applied = this.imports.apply(id, preview.upload(), WhipImport.Choices.guessed(), "whip");
		assertThat(applied.changed()).isZero();
		assertThat(applied.staleLeftOut()).isEqualTo(2);
		assertThat(this.whip.stance(id, "RUS").stance()).isEqualTo(Stance.NO);
		assertThat(this.whip.stance(id, "PRK").stance()).isEqualTo(Stance.NO);
		assertThat(this.whip.history(id, "RUS")).hasSize(1);

		// the same sheet, edited by the team on a row the board has not moved past: that
		// row applies, the stale ones still do not
		String edited = new String(olderCsv.content(), StandardCharsets.UTF_8).replace("FRA,France,Yes,",
				"FRA,France,Leaning yes,");
		WhipImport.Preview second = this.imports.upload(id, "whip.csv", edited.getBytes(StandardCharsets.UTF_8),
				"whip");
		assertThat(second.stale()).isEqualTo(2);
		assertThat(second.changes()).isEqualTo(1);
		assertThat(row(second, "FRA").outcome()).isEqualTo(WhipImport.Outcome.CHANGES);
		// the user includes Russia's row, having seen the board's version 1
		int line = row(second, "RUS").line();
		WhipImport.Choices includeRussia = WhipImport.Choices
			.fixing(new WhipImport.Fix(line, null, null, false, true, 1));
		WhipImport.Preview picked = this.imports.preview(id, second.upload(), includeRussia, "whip");
		assertThat(picked.stale()).isEqualTo(1);
		assertThat(row(picked, "RUS").outcome()).isEqualTo(WhipImport.Outcome.CHANGES);
		assertThat(row(picked, "RUS").stale().included()).isTrue();
		// ...but the board moves again before it applies: refused, nothing written
		record(id, "RUS", Stance.LEANING_NO, "analyst");
		assertThatThrownBy(() -> this.imports.apply(id, second.upload(), includeRussia, "whip"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("row " + line)
			.hasMessageContaining("Nothing was imported");
		assertThat(this.whip.stance(id, "FRA").stance()).isEqualTo(Stance.YES);
		// with the version now on the board, the picked row and the edited one apply
		WhipImport.Applied second2 = this.imports.apply(id, second.upload(),
				WhipImport.Choices.fixing(new WhipImport.Fix(line, null, null, false, true, 2)), "whip");
		assertThat(second2.changed()).isEqualTo(2);
		assertThat(second2.staleLeftOut()).isEqualTo(1);
		assertThat(this.whip.stance(id, "RUS").stance()).isEqualTo(Stance.UNKNOWN);
		assertThat(this.whip.stance(id, "PRK").stance()).isEqualTo(Stance.NO);
		assertThat(this.whip.stance(id, "FRA").stance()).isEqualTo(Stance.LEANING_YES);
		// the same apply sent twice (a double click) changes nothing more, and is no
		// conflict
		WhipImport.Applied twice = this.imports.apply(id, second.upload(),
				WhipImport.Choices.fixing(new WhipImport.Fix(line, null, null, false, true, 2)), "whip");
		assertThat(twice.changed()).isZero();
		assertThat(this.whip.history(id, "RUS")).hasSize(3);
	}

	@Test
	void aCurrentExportImportedBackChangesNothingAndIsNotStale() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign.id(), "RUS", Stance.NO, "analyst");
		record(campaign.id(), "RUS", Stance.LEANING_NO, "analyst");
		Exports.File file = this.exports.export(campaign.id(), "xlsx", "board");
		WhipImport.Preview preview = this.imports.upload(campaign.id(), file.name(), file.content(), "whip");
		assertThat(preview.versioned()).isTrue();
		assertThat(preview.stale() + preview.changes() + preview.otherChanges() + preview.problems()).isZero();
		assertThat(row(preview, "RUS").version()).isEqualTo(2);
		assertThat(this.imports.apply(campaign.id(), preview.upload(), WhipImport.Choices.guessed(), "whip").changed())
			.isZero();
		assertThat(this.whip.history(campaign.id(), "RUS")).hasSize(2);
	}

	@Test
	void aSheetWithoutVersionsIsComparedWithTheBoardAsItIs() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		record(campaign.id(), "RUS", Stance.NO, "analyst");
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "whip.csv",
				"Country,Stance\nRussia,?\n".getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.versioned()).isFalse();
		assertThat(preview.stale()).isZero();
		assertThat(preview.changes()).isEqualTo(1);
	}

	@Test
	void rowsForTheHolySeeKosovoAndOtherNonMembersAreSkippedWithAWarning() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String sheet = """
				Country,Stance
				Holy See,Y
				Kosovo,Y
				State of Palestine,Y
				Kenya,Y
				""";
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "whip.csv",
				sheet.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.problems()).isZero();
		assertThat(preview.notMembers()).isEqualTo(3);
		assertThat(preview.rows()).extracting(WhipImport.Row::outcome)
			.containsExactly(WhipImport.Outcome.NOT_A_MEMBER, WhipImport.Outcome.NOT_A_MEMBER,
					WhipImport.Outcome.NOT_A_MEMBER, WhipImport.Outcome.CHANGES);
		assertThat(preview.rows()).extracting(WhipImport.Row::warning)
			.containsExactly("Holy See is an observer state, not a member of this campaign's body: row skipped",
					"Kosovo is not a member of the United Nations: row skipped",
					"State of Palestine is an observer state, not a member of this campaign's body: row skipped", null);
		WhipImport.Applied applied = this.imports.apply(campaign.id(), preview.upload(), WhipImport.Choices.guessed(),
				"whip");
		assertThat(applied.changed()).isEqualTo(1);
		assertThat(applied.skipped()).isEqualTo(3);
		assertThat(this.whip.stance(campaign.id(), "KEN").stance()).isEqualTo(Stance.YES);
		// in the Security Council, a member state outside the fifteen is skipped the same
		// way
		Campaign council = this.campaigns
			.securityCouncil(List.of("ALB", "BRA", "ECU", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR"));
		WhipImport.Preview fifteen = this.imports.upload(council.id(), "whip.csv",
				"Country,Stance\nKenya,Y\nPeru,N\n".getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(fifteen.problems()).isZero();
		assertThat(fifteen.rows().get(1).warning())
			.isEqualTo("Peru is not a member of this campaign's body: row skipped");
	}

	@Test
	void aRowWithAProblemIsFixedInThePreviewWithoutUploadingAgain() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		String first = "Ximena" + System.nanoTime();
		Person ximena = this.outreach.person(first + " Okafor", Level.AMBASSADOR);
		String sheet = """
				Country,Stance,Focal point
				Kenya,Y,%s
				Ivory Coast Republic,lean Y,
				Atlantis,N,
				""".formatted(first);
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "whip.csv",
				sheet.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.mapping().owner()).isEqualTo(2);
		assertThat(preview.problems()).isEqualTo(3);
		WhipImport.Row kenya = preview.rows().get(0);
		assertThat(kenya.problems()).extracting(WhipImport.Problem::kind)
			.containsExactly(WhipImport.Problem.Kind.OWNER);
		assertThat(kenya.problem())
			.isEqualTo("no active official is named exactly '" + first + "': pick the official (1 whose name fits)");
		assertThat(kenya.ownerChoices()).extracting(WhipImport.Choice::value)
			.containsExactly(String.valueOf(ximena.id()));
		assertThat(preview.officials()).extracting(WhipImport.Choice::value).contains(String.valueOf(ximena.id()));
		WhipImport.Row ivory = preview.rows().get(1);
		assertThat(ivory.problems()).extracting(WhipImport.Problem::kind)
			.containsExactly(WhipImport.Problem.Kind.COUNTRY);
		assertThat(preview.members()).hasSize(193).contains(new WhipImport.Choice("CIV", "Côte d'Ivoire"));
		// the official and the state picked, Atlantis skipped: the same upload applies
		WhipImport.Choices fixed = WhipImport.Choices.fixing(
				new WhipImport.Fix(kenya.line(), null, ximena.id(), false, false, null),
				new WhipImport.Fix(ivory.line(), "CIV", null, false, false, null),
				new WhipImport.Fix(preview.rows().get(2).line(), null, null, true, false, null));
		WhipImport.Preview again = this.imports.preview(campaign.id(), preview.upload(), fixed, "whip");
		assertThat(again.problems()).isZero();
		assertThat(again.skipped()).isEqualTo(1);
		assertThat(again.rows().get(0).owner().personId()).isEqualTo(ximena.id());
		assertThat(again.rows().get(1).iso3()).isEqualTo("CIV");
		WhipImport.Applied applied = this.imports.apply(campaign.id(), preview.upload(), fixed, "whip");
		assertThat(applied.changed()).isEqualTo(2);
		assertThat(applied.ownersAssigned()).isEqualTo(1);
		assertThat(this.whip.stance(campaign.id(), "CIV").stance()).isEqualTo(Stance.LEANING_YES);
		assertThat(this.assignments.current(campaign.id())).singleElement()
			.satisfies((a) -> assertThat(a.iso3()).isEqualTo("KEN"));
		// a fix for a line the sheet does not have is refused
		assertThatThrownBy(() -> this.imports.preview(campaign.id(), preview.upload(),
				WhipImport.Choices.fixing(new WhipImport.Fix(99, "FRA", null, false, false, null)), "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no row 99");
	}

	@Test
	void aRowStillBrokenRefusesTheApplyAndNothingIsWritten() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Person official = this.outreach.person("Wen Hale " + System.nanoTime(), Level.AMBASSADOR);
		String sheet = """
				Country,Stance,Owner,Last contact
				Kenya,Y,%s,2026-11-20
				Atlantis,N,,
				Peru,N,Nobody at all,
				""".formatted(official.name());
		WhipImport.Preview preview = this.imports.upload(campaign.id(), "whip.csv",
				sheet.getBytes(StandardCharsets.UTF_8), "whip");
		assertThat(preview.problems()).isEqualTo(2);
		// Atlantis is fixed, Peru's owner is not
		WhipImport.Choices half = WhipImport.Choices
			.fixing(new WhipImport.Fix(preview.rows().get(1).line(), "GHA", null, false, false, null));
		assertThatThrownBy(() -> this.imports.apply(campaign.id(), preview.upload(), half, "whip"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("1 row(s) have a problem; nothing was imported. First: row 4: no active official is "
					+ "named 'Nobody at all'");
		assertThat(this.whip.stance(campaign.id(), "KEN").version()).isZero();
		assertThat(this.whip.stance(campaign.id(), "GHA").version()).isZero();
		assertThat(this.assignments.current(campaign.id())).isEmpty();
		assertThat(this.contacts.contacts(campaign.id(), Contacts.ContactFilter.ofState("KEN", 10))).isEmpty();
		// a state picked that is not a member of the body is still a problem
		WhipImport.Preview wrong = this.imports.preview(campaign.id(), preview.upload(), WhipImport.Choices
			.fixing(new WhipImport.Fix(preview.rows().get(1).line(), "VAT", null, false, false, null)), "whip");
		assertThat(wrong.rows().get(1).problem())
			.isEqualTo("'VAT' is not a member of this campaign's body: pick one of its members");
	}

	@Test
	void focalPointAndItsLikeAreGuessedAsTheOwnerColumn() {
		for (String header : List.of("Focal point", "FOCAL POINT (MFA)", "Point of contact", "POC", "Responsible",
				"Lead", "Assigned to", "assigned to")) {
			WhipImport.Mapping mapping = WhipImport.guess(List.of("Country", "Stance", header, "Last contact"));
			assertThat(mapping.owner()).as(header).isEqualTo(2);
			assertThat(mapping.lastContact()).as(header).isEqualTo(3);
		}
		// "Point of contact" is the owner, not the last contact
		WhipImport.Mapping contact = WhipImport.guess(List.of("Country", "Point of contact", "Stance"));
		assertThat(contact.owner()).isEqualTo(1);
		assertThat(contact.lastContact()).isNull();
		// words that merely contain a short one are not taken for it
		WhipImport.Mapping leading = WhipImport.guess(List.of("Country", "Stance", "Leading sponsor", "Whole text"));
		assertThat(leading.owner()).isNull();
		assertThat(WhipImport.guess(Exports.BOARD_HEADERS).version()).isEqualTo(10);
	}

	@Test
	void anUploadIsItsUploadersAloneNotAnotherOrganisationsNorAnotherUsers() {
		String owner = "Owner mission " + System.nanoTime();
		String partner = "Partner mission " + System.nanoTime();
		String ownerCoordinator = this.accounts.user(Role.COORDINATOR, owner);
		String ownerWhip = this.accounts.user(Role.WHIP, owner);
		String colleague = this.accounts.user(Role.WHIP, owner);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
		String partnerWhip = this.accounts.user(Role.WHIP, partner);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, ownerCoordinator);
		long partnerId = this.accountsService.findOrganisation(partner).orElseThrow().id();
		Acting.asUser(ownerCoordinator, () -> this.coalitions.invite(campaign.id(), partnerId, ownerCoordinator));
		Acting.asUser(partnerCoordinator, () -> this.coalitions.answer(campaign.id(), true, partnerCoordinator));
		byte[] sheet = "Country,Stance\nKenya,Y\n".getBytes(StandardCharsets.UTF_8);
		WhipImport.Preview mine = Acting.asUser(ownerWhip,
				() -> this.imports.upload(campaign.id(), "whip.csv", sheet, ownerWhip));
		// the partner's whip, taking part in the campaign, knows the upload's id
		assertThatThrownBy(() -> Acting.asUser(partnerWhip,
				() -> this.imports.apply(campaign.id(), mine.upload(), WhipImport.Choices.guessed(), partnerWhip)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> Acting.asUser(partnerWhip,
				() -> this.imports.preview(campaign.id(), mine.upload(), WhipImport.Choices.guessed(), partnerWhip)))
			.isInstanceOf(NotFoundException.class);
		// even under the uploader's name, the partner's organisation does not see it
		assertThatThrownBy(() -> Acting.asUser(partnerWhip,
				() -> this.imports.apply(campaign.id(), mine.upload(), WhipImport.Choices.guessed(), ownerWhip)))
			.isInstanceOf(NotFoundException.class);
		// nor does a colleague of the same organisation
		assertThatThrownBy(() -> Acting.asUser(colleague,
				() -> this.imports.apply(campaign.id(), mine.upload(), WhipImport.Choices.guessed(), colleague)))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.whip.stance(campaign.id(), "KEN").version()).isZero();
		// the uploader applies it
		WhipImport.Applied applied = Acting.asUser(ownerWhip,
				() -> this.imports.apply(campaign.id(), mine.upload(), WhipImport.Choices.guessed(), ownerWhip));
		assertThat(applied.changed()).isEqualTo(1);
	}

	private void record(long campaignId, String iso3, Stance stance, String by) {
		this.whip.record(new WhipCount.RecordStance(campaignId, iso3, stance, null, null, null, null, null,
				this.whip.stance(campaignId, iso3).version(), null), by);
	}

	private static WhipImport.Row row(WhipImport.Preview preview, String iso3) {
		return preview.rows().stream().filter((r) -> iso3.equals(r.iso3())).findFirst().orElseThrow();
	}

}
