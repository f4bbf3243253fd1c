package org.plenary.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class DraftsAndBriefingsTests {

	@Autowired
	DraftsAndBriefings work;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	WhipCount whip;

	@Test
	void coSponsorsJoinAndWithdrawPerRevisionAndTheBoardShowsTheLatest() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Draft first = this.work.addDraft(campaign.id(), "A/ES-99/L.5", java.time.LocalDate.of(2033, 2, 20), null, null);
		this.work.cosponsor(campaign.id(), first.id(), List.of("UKR", "POL", "LTU"),
				java.time.LocalDate.of(2033, 2, 20));
		Draft revised = this.work.addDraft(campaign.id(), "A/ES-99/L.5/Rev.1", java.time.LocalDate.of(2033, 2, 23),
				"Operative paragraph 4 softened", null);
		this.work.cosponsor(campaign.id(), revised.id(), List.of("ukr", "POL", "CAN"), null);
		Draft after = this.work.withdraw(campaign.id(), revised.id(), "POL", java.time.LocalDate.of(2033, 2, 24));
		assertThat(after.cosponsors()).filteredOn(Draft.Cosponsor::current)
			.extracting(Draft.Cosponsor::iso3)
			.containsExactlyInAnyOrder("UKR", "CAN");
		assertThat(after.cosponsors()).filteredOn((c) -> !c.current())
			.singleElement()
			.satisfies((c) -> assertThat(c.withdrewOn()).hasToString("2033-02-24"));
		assertThat(this.work.currentCosponsors(campaign.id())).containsExactly("CAN", "UKR");
		assertThat(this.whip.board(campaign.id(), null).rows()).filteredOn(WhipCount.BoardRow::cosponsor)
			.extracting((r) -> r.member().iso3())
			.containsExactlyInAnyOrder("CAN", "UKR");
		// Poland comes back: both spells are kept
		Draft back = this.work.cosponsor(campaign.id(), revised.id(), List.of("POL"),
				java.time.LocalDate.of(2033, 2, 25));
		assertThat(back.cosponsors()).filteredOn((c) -> c.iso3().equals("POL"))
			.extracting(Draft.Cosponsor::joinedOn, Draft.Cosponsor::withdrewOn)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.now(), java.time.LocalDate.of(2033, 2, 24)),
					org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.of(2033, 2, 25), null));
		assertThat(this.work.currentCosponsors(campaign.id())).containsExactly("CAN", "POL", "UKR");
		assertThatThrownBy(() -> this.work.cosponsor(campaign.id(), revised.id(), List.of("ATLANTIS"), null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aBriefingInvitesEveryMemberExceptThoseThatVotedNoOnAReference() throws Exception {
		Path votes = Files.writeString(Files.createTempFile("reference", ".csv"), """
				resolution,date,iso3,vote
				A/RES/ES-98/1,2032-05-01,RUS,N
				A/RES/ES-98/1,2032-05-01,BLR,N
				A/RES/ES-98/1,2032-05-01,PRK,N
				A/RES/ES-98/1,2032-05-01,SYR,N
				A/RES/ES-98/1,2032-05-01,FRA,Y
				""");
		this.importer.importFiles(List.of(votes), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		long reference = this.rollCalls.bySymbol("A/RES/ES-98/1").get(0).id();
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Briefing briefing = this.work.openBriefing(campaign.id(), "EU briefing on the draft", null,
				"EXCEPT:" + reference + ":N", List.of(), List.of("ERI"));
		// the 193 members, less the four that voted No, less one left out by hand
		assertThat(briefing.invitations()).hasSize(193 - 4 - 1);
		assertThat(briefing.invitations()).extracting(Briefing.Invitation::iso3)
			.doesNotContain("RUS", "BLR", "PRK", "SYR", "ERI");
		Briefing answered = this.work.setInvitation(campaign.id(), briefing.id(), "BRA", Briefing.Status.ACCEPTED);
		assertThat(answered.count(Briefing.Status.ACCEPTED)).isEqualTo(1);

		Briefing eu = this.work.openBriefing(campaign.id(), "EU members", null, "GROUP:EU", List.of(), List.of());
		assertThat(eu.invitations()).hasSize(27).allSatisfy((i) -> assertThat(i.addedBy()).isEqualTo("RULE"));
		assertThatThrownBy(() -> this.work.openBriefing(campaign.id(), "Bad", null, "EXCEPT:x:Q", List.of(), List.of()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("EXCEPT:<roll call id or symbol>:<Y, N, A or X>");
	}

}
