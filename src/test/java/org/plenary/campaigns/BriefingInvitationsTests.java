package org.plenary.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A briefing's rule picked by a resolution's symbol and said in words, with who it left
 * out; invitations answered one at a time and in bulk, never over an answer recorded
 * meanwhile. The reference vote is a fixture in the UN Digital Library's layout (see
 * ../shared/data/README.md), in a session of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BriefingInvitationsTests {

	// the members listed voted; every other member seated that day is stored as not
	// voting
	private static final String UNDL = """
			undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link
			9501,UKR,UKRAINE,Y,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,FRA,FRANCE,Y,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,RUS,RUSSIAN FEDERATION,N,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,BLR,BELARUS,N,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,PRK,DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA,N,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,SYR,SYRIAN ARAB REPUBLIC,N,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			9501,IND,INDIA,A,2033-03-02,ES-95,A/RES/ES-95/1,A/ES-95/L.1,,A/ES-95/PV.5,Fixture: aggression against the island states,Letter,Fixtures,,2,4,1,186,193,
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	DraftsAndBriefings work;

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	private long reference;

	@BeforeEach
	void importTheReferenceVote() throws Exception {
		Path undl = Files.writeString(Files.createTempFile("briefing-undl", ".csv"), UNDL);
		this.importer.importFiles(List.of(undl), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		this.reference = this.rollCalls.bySymbol("A/RES/ES-95/1").get(0).id();
	}

	@Test
	void theRulesResolutionIsPickedBySymbolAndTheRuleIsSaidInWordsWithWhoItLeftOut() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		this.campaignService.addReferences(campaign.id(), List.of(this.reference));
		Briefing briefing = this.work.openBriefing(campaign.id(), "EU briefing on the draft", null, "EXCEPT:es-95/1:N",
				List.of(), List.of("ERI"));
		// stored as before, with the roll call's id, so that rules stored earlier still
		// read
		assertThat(briefing.rule()).isEqualTo("EXCEPT:" + this.reference + ":N");
		assertThat(briefing.ruleInWords()).isEqualTo("everyone except those that voted No on A/RES/ES-95/1");
		assertThat(briefing.leftOutByRule()).extracting(Member::name)
			.containsExactly("Belarus", "Democratic People's Republic of Korea", "Russian Federation",
					"Syrian Arab Republic");
		assertThat(briefing.leftOutByHand()).extracting(Member::iso3).containsExactly("ERI");
		assertThat(briefing.invitations()).hasSize(193 - 4 - 1);

		// a rule stored before (by id) reads the same
		Briefing older = this.work.openBriefing(campaign.id(), "Stored by id", null, "EXCEPT:" + this.reference + ":N",
				List.of(), List.of());
		assertThat(older.ruleInWords()).isEqualTo(briefing.ruleInWords());
		assertThat(older.invitations()).hasSize(193 - 4);
		// those that did not vote (every member the fixture does not list)
		Briefing voted = this.work.openBriefing(campaign.id(), "Those that voted", null, "EXCEPT:A/RES/ES-95/1:X",
				List.of(), List.of());
		assertThat(voted.ruleInWords()).isEqualTo("everyone except those that did not vote on A/RES/ES-95/1");
		assertThat(voted.invitations()).extracting(Briefing.Invitation::iso3)
			.containsExactlyInAnyOrder("UKR", "FRA", "RUS", "BLR", "PRK", "SYR", "IND");
		assertThat(this.work.openBriefing(campaign.id(), "EU", null, "GROUP:EU", List.of(), List.of()).ruleInWords())
			.isEqualTo("the members of the European Union (bloc)");
		assertThatThrownBy(
				() -> this.work.openBriefing(campaign.id(), "Bad", null, "EXCEPT:ES-95/7:N", List.of(), List.of()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("No roll call on 'ES-95/7'");
	}

	@Test
	void aCoordinatorPicksTheRuleOnThePageAndReadsWhoItLeftOut() throws Exception {
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator);
		this.campaignService.addReferences(campaign.id(), List.of(this.reference));
		String form = this.mvc
			.perform(get("/campaigns/" + campaign.id() + "/briefings").with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the campaign's references are offered by symbol
		assertThat(form).contains("<option value=\"A/RES/ES-95/1\">");
		String location = this.mvc
			.perform(post("/campaigns/" + campaign.id() + "/briefings").param("title", "EU briefing")
				.param("invite", "EXCEPT")
				.param("resolution", "A/RES/ES-95/1")
				.param("vote", "N")
				.with(user(coordinator).roles("COORDINATOR"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/campaigns/" + campaign.id() + "/briefings/\\d+");
		String page = this.mvc.perform(get(location).with(user(coordinator).roles("COORDINATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("everyone except those that voted No on A/RES/ES-95/1")
			.contains("Left out by the rule (<strong>4</strong>)")
			.contains("Belarus, Democratic People&#39;s Republic of Korea, Russian Federation, Syrian Arab Republic");
	}

	@Test
	void anAnswerIsRecordedOnTopOfTheVersionSeenAndNeverOverAnAnswerRecordedMeanwhile() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Briefing briefing = this.work.openBriefing(campaign.id(), "Briefing", null, "ALL", List.of(), List.of());
		// two whips answer Brazil from the same page (version 0)
		Briefing.Invitation first = this.work.answer(campaign.id(), briefing.id(), "BRA", Briefing.Status.ACCEPTED, 0,
				"whip-1");
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.answeredBy()).isEqualTo("whip-1");
		assertThatThrownBy(
				() -> this.work.answer(campaign.id(), briefing.id(), "BRA", Briefing.Status.DECLINED, 0, "whip-2"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Brazil was answered Accepted by whip-1")
			.satisfies((ex) -> assertThat(((ConflictException) ex).current()).isEqualTo(first));
		// without a version, only what is not answered yet is answered
		assertThatThrownBy(
				() -> this.work.answer(campaign.id(), briefing.id(), "BRA", Briefing.Status.DECLINED, null, "whip-2"))
			.isInstanceOf(ConflictException.class);
		assertThat(this.work.answer(campaign.id(), briefing.id(), "BRA", Briefing.Status.ACCEPTED, null, "whip-2"))
			.isEqualTo(first);
		assertThat(
				this.work.answer(campaign.id(), briefing.id(), "BRA", Briefing.Status.DECLINED, 1, "whip-2").status())
			.isEqualTo(Briefing.Status.DECLINED);
	}

	@Test
	void severalInvitationsAreAnsweredAtOnceAllOrNothing() {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		Briefing briefing = this.work.openBriefing(campaign.id(), "Briefing", null, "ALL", List.of(), List.of());
		// someone answers Chile meanwhile
		this.work.answer(campaign.id(), briefing.id(), "CHL", Briefing.Status.DECLINED, 0, "whip-2");
		List<DraftsAndBriefings.Answer> seen = List.of(new DraftsAndBriefings.Answer("ARG", 0),
				new DraftsAndBriefings.Answer("BRA", 0), new DraftsAndBriefings.Answer("CHL", 0));
		assertThatThrownBy(
				() -> this.work.answerAll(campaign.id(), briefing.id(), Briefing.Status.ACCEPTED, seen, "whip-1"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Nothing was recorded: 1 of the 3 invitations changed")
			.hasMessageContaining("Chile was answered Declined by whip-2");
		Briefing after = this.work.briefing(campaign.id(), briefing.id());
		assertThat(after.count(Briefing.Status.ACCEPTED)).isZero();
		assertThat(after.count(Briefing.Status.DECLINED)).isEqualTo(1);
		// a state not invited refuses the whole lot too
		assertThatThrownBy(() -> this.work.answerAll(campaign.id(), briefing.id(), Briefing.Status.ACCEPTED,
				List.of(new DraftsAndBriefings.Answer("ARG", 0), new DraftsAndBriefings.Answer("VAT", 0)), "whip-1"))
			.isInstanceOf(InvalidInputException.class);

		Briefing answered = this.work.answerAll(campaign.id(), briefing.id(), Briefing.Status.ACCEPTED,
				List.of(new DraftsAndBriefings.Answer("ARG", 0), new DraftsAndBriefings.Answer("BRA", 0)), "whip-1");
		assertThat(answered.invitations()).filteredOn((i) -> i.status() == Briefing.Status.ACCEPTED)
			.extracting(Briefing.Invitation::iso3, Briefing.Invitation::version, Briefing.Invitation::answeredBy)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ARG", 1, "whip-1"),
					org.assertj.core.groups.Tuple.tuple("BRA", 1, "whip-1"));
		// every one not answered yet: Chile keeps its answer
		Briefing all = this.work.answerUnanswered(campaign.id(), briefing.id(), Briefing.Status.DECLINED, "whip-3");
		assertThat(all.count(Briefing.Status.INVITED)).isZero();
		assertThat(all.count(Briefing.Status.ACCEPTED)).isEqualTo(2);
		assertThat(all.count(Briefing.Status.DECLINED)).isEqualTo(193 - 2);
		assertThat(all.invitations()).filteredOn((i) -> i.iso3().equals("CHL"))
			.singleElement()
			.satisfies((i) -> assertThat(i.answeredBy()).isEqualTo("whip-2"));
	}

	@Test
	void theApiAnswersOneOrManyAndRefusesAStaleVersionWith409() throws Exception {
		String whip = this.accounts.user(Role.WHIP);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator);
		Briefing briefing = this.work.openBriefing(campaign.id(), "Briefing", null, "ALL", List.of(), List.of());
		String base = "/api/v1/campaigns/" + campaign.id() + "/briefings/" + briefing.id();
		this.mvc
			.perform(put(base + "/invitations/KEN").with(user(whip).roles("WHIP"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"ACCEPTED\", \"expectedVersion\": 0}"))
			.andExpect(status().isOk());
		String stale = this.mvc
			.perform(put(base + "/invitations/KEN").with(user(whip).roles("WHIP"))
				.with(csrf())
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"DECLINED\"}"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("\"current\"").contains("\"status\":\"ACCEPTED\"");
		String refused = this.mvc
			.perform(post(base + "/answers").with(user(whip).roles("WHIP"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"DECLINED\", \"invitations\": [{\"iso3\": \"GHA\", \"expectedVersion\": 0}, "
						+ "{\"iso3\": \"KEN\", \"expectedVersion\": 0}]}"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Kenya was answered Accepted");
		assertThat(this.work.briefing(campaign.id(), briefing.id()).count(Briefing.Status.DECLINED)).isZero();
		this.mvc
			.perform(post(base + "/answers").with(user(whip).roles("WHIP"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"DECLINED\", \"invitations\": [{\"iso3\": \"GHA\", \"expectedVersion\": 0}, "
						+ "{\"iso3\": \"KEN\", \"expectedVersion\": 1}]}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(base + "/answers").with(user(whip).roles("WHIP"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"ATTENDED\", \"unanswered\": true}"))
			.andExpect(status().isOk());
		Briefing after = this.work.briefing(campaign.id(), briefing.id());
		assertThat(after.count(Briefing.Status.DECLINED)).isEqualTo(2);
		assertThat(after.count(Briefing.Status.ATTENDED)).isEqualTo(193 - 2);
	}

	@Test
	void thePageAnswersInPlaceTheRowAloneAndSaysWhoAnsweredMeanwhile() throws Exception {
		String whip = this.accounts.user(Role.WHIP);
		String coordinator = this.accounts.user(Role.COORDINATOR);
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, coordinator);
		Briefing briefing = this.work.openBriefing(campaign.id(), "Briefing", null, "ALL", List.of(), List.of());
		String path = "/campaigns/" + campaign.id() + "/briefings/" + briefing.id();
		String row = this.mvc
			.perform(post(path + "/invitations").param("iso3", "KEN")
				.param("status", "ACCEPTED")
				.param("version", "0")
				.header("HX-Request", "true")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row).doesNotContain("<html")
			.contains("<tr id=\"invitation-KEN\"")
			.contains("by " + whip)
			.contains("value=\"KEN:1\"")
			.contains("id=\"counts\" hx-swap-oob=\"true\"")
			.contains("Accepted 1");
		// the same page, not reloaded, answers Kenya again from version 0
		String refused = this.mvc
			.perform(post(path + "/invitations").param("iso3", "KEN")
				.param("status", "DECLINED")
				.param("version", "0")
				.header("HX-Request", "true")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Kenya was answered Accepted by " + whip).contains("class=\"problem\"");
		assertThat(this.work.invitation(campaign.id(), briefing.id(), "KEN").status())
			.isEqualTo(Briefing.Status.ACCEPTED);
		// in bulk, from the page: the list comes back
		String list = this.mvc
			.perform(post(path + "/answers").param("status", "DECLINED")
				.param("pick", "GHA:0", "NGA:0")
				.header("HX-Request", "true")
				.with(user(whip).roles("WHIP"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain("<html")
			.startsWith("<section id=\"invitations\"")
			.contains("2 invitations set to Declined");
		// a viewer of the organisation sees no answering controls
		String viewer = this.accounts.user(Role.VIEWER);
		String page = this.mvc.perform(get(path).with(user(viewer).roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Kenya").doesNotContain("Set for the selected").doesNotContain("name=\"pick\"");
	}

}
