package org.plenary.outreach;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.system.PlenaryCommand;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Rosters per organisation: officials and counterparts are one organisation's, which
 * alone reads and changes them; another organisation neither changes nor reads them
 * (marker strings planted in them never reach it), unless the owning organisation shares
 * them with a campaign both take part in, and only while it does. The demo's officials
 * stay in the demo organisation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RosterIsolationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOutreach outreach;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<PlenaryCommand> commands;

	private final String run = "R" + System.nanoTime();

	private String marker;

	private String owner;

	private String other;

	private String ownerCoordinator;

	private String ownerWhip;

	private String otherCoordinator;

	private String otherWhip;

	private String otherUser;

	private Person official;

	private Counterpart counterpart;

	@BeforeEach
	void twoOrganisationsWithPlantedMarkers() {
		this.marker = "ROSTERSECRET" + this.run;
		this.owner = this.accounts.organisation("Roster Owner " + this.run);
		this.other = this.accounts.organisation("Roster Other " + this.run);
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, this.owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, this.owner);
		this.otherCoordinator = this.accounts.user(Role.COORDINATOR, this.other);
		this.otherWhip = this.accounts.user(Role.WHIP, this.other);
		this.otherUser = this.accounts.user(Role.VIEWER, this.other);
		this.official = this.outreach.person(this.owner, this.marker + "-official", Level.PERMANENT_REPRESENTATIVE);
		this.jdbc.sql("update outreach_person set title = ?, username = ? where id = ?")
			.params(this.marker + "-title", this.ownerWhip, this.official.id())
			.update();
		this.counterpart = this.outreach.counterpart(this.owner, "BRA", this.marker + "-counterpart",
				Level.PERMANENT_REPRESENTATIVE);
		this.jdbc.sql("update outreach_counterpart set notes = ?, phone = ? where id = ?")
			.params(this.marker + "-notes", "+55 61 5555 0100", this.counterpart.id())
			.update();
	}

	@Test
	void anotherOrganisationsCoordinatorCannotChangeAnOfficial() throws Exception {
		Map<String, Object> before = personRow(this.official.id());
		String[] changes = {
				// edit
				"{\"name\":\"Taken over\",\"organisation\":\"%1$s\",\"level\":\"MINISTER\",\"expectedVersion\":0}",
				// deactivate
				"{\"name\":\"%2$s\",\"organisation\":\"%1$s\",\"level\":\"PERMANENT_REPRESENTATIVE\",\"active\":false,"
						+ "\"expectedVersion\":0}",
				// relink to a user of the other organisation
				"{\"name\":\"%2$s\",\"organisation\":\"%1$s\",\"level\":\"PERMANENT_REPRESENTATIVE\",\"username\":\"%3$s\","
						+ "\"expectedVersion\":0}",
				// move to the other organisation
				"{\"name\":\"%2$s\",\"organisation\":\"%4$s\",\"level\":\"PERMANENT_REPRESENTATIVE\",\"expectedVersion\":0}" };
		for (String change : changes) {
			int status = send(
					put("/api/v1/people/" + this.official.id()).contentType(MediaType.APPLICATION_JSON)
						.content(change.formatted(this.owner, this.official.name(), this.otherUser, this.other)),
					this.otherCoordinator, "COORDINATOR")
				.getStatus();
			assertThat(status).as(change).isIn(403, 404);
		}
		// and through the page
		assertThat(send(post("/people/" + this.official.id()).param("name", "Taken over")
			.param("organisation", this.other)
			.param("level", "MINISTER")
			.param("version", "0")
			.with(csrf()), this.otherCoordinator, "COORDINATOR").getStatus()).isIn(403, 404);
		assertThat(personRow(this.official.id())).isEqualTo(before);
		assertThat(auditRowsBy(this.otherCoordinator, "outreach_person")).isZero();
	}

	@Test
	void theOwnCoordinatorNeitherMovesAnOfficialAwayNorLinksAnotherOrganisationsUser() throws Exception {
		Map<String, Object> before = personRow(this.official.id());
		assertThat(send(put("/api/v1/people/" + this.official.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"organisation\":\"" + this.other
					+ "\",\"level\":\"MINISTER\",\"expectedVersion\":0}"),
				this.ownerCoordinator, "COORDINATOR")
			.getStatus()).isEqualTo(403);
		assertThat(
				send(put("/api/v1/people/" + this.official.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"x\",\"level\":\"MINISTER\",\"username\":\"" + this.otherUser
							+ "\",\"expectedVersion\":0}"),
						this.ownerCoordinator, "COORDINATOR")
					.getStatus())
			.isEqualTo(400);
		assertThat(send(
				post("/api/v1/people").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Planted\",\"organisation\":\"" + this.other + "\",\"level\":\"MINISTER\"}"),
				this.ownerCoordinator, "COORDINATOR")
			.getStatus()).isEqualTo(403);
		assertThat(personRow(this.official.id())).isEqualTo(before);
		assertThat(this.jdbc
			.sql("select count(*) from outreach_person p join accounts_organisation o"
					+ " on o.id = p.organisation_id where o.name = ?")
			.param(this.other)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherOrganisationCannotChangeOrRetireACounterpart() throws Exception {
		Map<String, Object> before = counterpartRow(this.counterpart.id());
		long counterparts = this.jdbc.sql("select count(*) from outreach_counterpart").query(Long.class).single();
		assertThat(send(put("/api/v1/counterparts/" + this.counterpart.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Overwritten\",\"post\":\"PR\",\"level\":\"MINISTER\",\"phone\":\"+1 000\","
					+ "\"notes\":\"overwritten\",\"expectedVersion\":0}"),
				this.otherWhip, "WHIP")
			.getStatus()).isIn(403, 404);
		assertThat(send(
				post("/api/v1/counterparts/" + this.counterpart.id() + "/successor")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Successor\",\"heldFrom\":\"2025-01-15\"}"),
				this.otherCoordinator, "COORDINATOR")
			.getStatus()).isIn(403, 404);
		assertThat(send(post("/states/BRA/counterparts/" + this.counterpart.id()).param("name", "Overwritten")
			.param("post", "PR")
			.param("level", "MINISTER")
			.param("version", "0")
			.with(csrf()), this.otherWhip, "WHIP").getStatus()).isIn(403, 404);
		assertThat(counterpartRow(this.counterpart.id())).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from outreach_counterpart").query(Long.class).single())
			.isEqualTo(counterparts);
		assertThat(auditRowsBy(this.otherWhip, "outreach_counterpart")
				+ auditRowsBy(this.otherCoordinator, "outreach_counterpart"))
			.isZero();
	}

	@Test
	void anOutsiderReadsNoneOfAnotherOrganisationsOfficialsOrCounterparts() throws Exception {
		for (String path : List.of("/api/v1/people", "/api/v1/people/" + this.official.id(), "/people",
				"/people/" + this.official.id(), "/api/v1/states/BRA/counterparts",
				"/api/v1/counterparts/" + this.counterpart.id(), "/states/BRA/counterparts",
				"/states/BRA/counterparts/" + this.counterpart.id())) {
			MockHttpServletResponse response = send(get(path), this.otherWhip, "WHIP");
			assertThat(response.getStatus()).as(path).isIn(200, 404);
			assertThat(response.getContentAsString()).as(path).doesNotContain(this.marker);
		}
		// while the owner reads its own
		assertThat(send(get("/api/v1/people"), this.ownerWhip, "WHIP").getContentAsString())
			.contains(this.marker + "-official");
		assertThat(send(get("/api/v1/states/BRA/counterparts"), this.ownerWhip, "WHIP").getContentAsString())
			.contains(this.marker + "-notes");
	}

	@Test
	void thePeopleFormOffersOnlyTheUsersOwnOrganisationAndItsUsers() throws Exception {
		String page = send(get("/people"), this.otherCoordinator, "COORDINATOR").getContentAsString();
		String form = page.substring(page.indexOf("name=\"organisation\""));
		form = form.substring(0, form.indexOf("</select>"));
		assertThat(form).contains(">" + this.other + "<").doesNotContain(this.owner).doesNotContain("Test Mission");
		assertThat(form.split("<option", -1)).hasSize(2);
		assertThat(page).contains(this.otherUser).doesNotContain(this.ownerWhip).doesNotContain(this.ownerCoordinator);
	}

	@Test
	void theDemosOfficialsStayInTheDemoOrganisation() throws Exception {
		PlenaryCommand demo = this.commands.stream().filter((c) -> c.name().equals("demo")).findFirst().orElseThrow();
		assertThat(demo.run(List.of(), new PrintStream(new ByteArrayOutputStream()))).isZero();
		long id = this.campaignService.campaigns().stream().filter(Campaign::demo).findFirst().orElseThrow().id();
		List<String> demoOfficials = List.of("DEMO Jane Roe", "DEMO Lena Hoffmann", "DEMO Amara Diallo",
				"DEMO Tom Keller");
		for (String path : List.of("/people", "/api/v1/people", "/campaigns/" + id + "/workload",
				"/campaigns/" + id + "/assignments", "/campaigns/" + id + "/follow-ups",
				"/campaigns/" + id + "/contacts/new", "/campaigns/" + id + "/assignments/BRA",
				"/api/v1/campaigns/" + id + "/assignments", "/campaigns/" + id)) {
			MockHttpServletResponse response = send(get(path), this.otherCoordinator, "COORDINATOR");
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			for (String name : demoOfficials) {
				assertThat(response.getContentAsString()).as(path).doesNotContain(name);
			}
		}
		assertThat(
				send(get("/api/v1/states/BRA/counterparts"), this.otherCoordinator, "COORDINATOR").getContentAsString())
			.doesNotContain("DEMO Ana Costa");
	}

	@Test
	void aPartnerSeesAndPicksTheOfficialsSharedWithTheCampaignOnlyWhileTheyAreShared() throws Exception {
		Campaign campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		long id = campaign.id();
		long otherId = this.jdbc.sql("select id from accounts_organisation where name = ?")
			.param(this.other)
			.query(Long.class)
			.single();
		assertThat(send(post("/api/v1/campaigns/" + id + "/partners").contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationId\": " + otherId + "}"), this.ownerCoordinator, "COORDINATOR").getStatus())
			.isEqualTo(201);
		assertThat(send(put("/api/v1/campaigns/" + id + "/invitation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\": \"ACCEPT\"}"), this.otherCoordinator, "COORDINATOR").getStatus()).isEqualTo(200);
		// the owner assigns Brazil to its official: the partner's pages show the owner's
		// organisation in its place, never a failure
		assertThat(send(put("/api/v1/campaigns/" + id + "/assignments/BRA").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\": " + this.official.id() + "}"), this.ownerCoordinator, "COORDINATOR").getStatus())
			.isEqualTo(200);
		for (String path : List.of("/campaigns/" + id, "/campaigns/" + id + "/assignments",
				"/campaigns/" + id + "/assignments/BRA", "/campaigns/" + id + "/workload",
				"/campaigns/" + id + "/follow-ups", "/campaigns/" + id + "/contacts/new",
				"/api/v1/campaigns/" + id + "/assignments", "/campaigns/" + id + "/states/BRA/timeline",
				"/campaigns/" + id + "/sharing")) {
			MockHttpServletResponse response = send(get(path), this.otherCoordinator, "COORDINATOR");
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentAsString()).as(path).doesNotContain(this.marker);
		}
		assertThat(send(get("/api/v1/campaigns/" + id + "/assignments"), this.otherCoordinator, "COORDINATOR")
			.getContentAsString()).contains(this.owner);
		String assign = "{\"personId\": " + this.official.id() + ", \"level\": \"PERMANENT_REPRESENTATIVE\"}";
		assertThat(send(put("/api/v1/campaigns/" + id + "/assignments/KEN").contentType(MediaType.APPLICATION_JSON)
			.content(assign), this.otherCoordinator, "COORDINATOR").getStatus()).isEqualTo(400);
		// nor named in the partner's contacts and follow-ups, with the same answer as for
		// an official or counterpart that does not exist
		MockHttpServletResponse contact = send(
				post("/api/v1/campaigns/" + id + "/contacts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"channel\": \"CALL\", \"states\": [{\"iso3\": \"BRA\"}], \"ours\": [{\"personId\": "
							+ this.official.id() + "}]}"),
				this.otherWhip, "WHIP");
		assertThat(contact.getStatus()).isEqualTo(400);
		assertThat(contact.getContentAsString()).doesNotContain(this.marker);
		assertThat(send(post("/api/v1/campaigns/" + id + "/contacts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"channel\": \"CALL\", \"states\": [{\"iso3\": \"BRA\"}], \"theirs\": [{\"counterpartId\": "
					+ this.counterpart.id() + "}]}"),
				this.otherWhip, "WHIP")
			.getStatus()).isEqualTo(400);
		assertThat(send(post("/api/v1/campaigns/" + id + "/follow-ups").contentType(MediaType.APPLICATION_JSON)
			.content("{\"iso3\": \"BRA\", \"title\": \"Call\", \"dueOn\": \"2030-01-01\", \"ownerId\": "
					+ this.official.id() + "}"),
				this.otherWhip, "WHIP")
			.getStatus()).isEqualTo(400);

		// a whip does not decide what its organisation shares; an outsider's organisation
		// does not take part
		assertThat(send(put("/api/v1/campaigns/" + id + "/sharing").contentType(MediaType.APPLICATION_JSON)
			.content("{\"roster\": true}"), this.ownerWhip, "WHIP").getStatus()).isEqualTo(403);
		assertThat(send(
				put("/api/v1/campaigns/" + id + "/sharing").contentType(MediaType.APPLICATION_JSON)
					.content("{\"roster\": true}"),
				this.accounts.user(Role.COORDINATOR, "Roster Outsider " + this.run), "COORDINATOR")
			.getStatus()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from outreach_sharing where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		// the owner shares its roster and its counterparts with the campaign
		assertThat(send(put("/api/v1/campaigns/" + id + "/sharing").contentType(MediaType.APPLICATION_JSON)
			.content("{\"roster\": true, \"counterparts\": true}"), this.ownerCoordinator, "COORDINATOR").getStatus())
			.isEqualTo(200);
		assertThat(send(get("/campaigns/" + id + "/assignments"), this.otherCoordinator, "COORDINATOR")
			.getContentAsString()).contains(this.marker + "-official");
		String people = send(get("/api/v1/people"), this.otherCoordinator, "COORDINATOR").getContentAsString();
		assertThat(people).contains(this.marker + "-official").doesNotContain(this.ownerWhip);
		assertThat(send(get("/api/v1/states/BRA/counterparts"), this.otherWhip, "WHIP").getContentAsString())
			.contains(this.marker + "-counterpart");
		assertThat(send(put("/api/v1/campaigns/" + id + "/assignments/KEN").contentType(MediaType.APPLICATION_JSON)
			.content(assign), this.otherCoordinator, "COORDINATOR").getStatus()).isEqualTo(200);
		// shared is not handed over: the partner still changes nothing of it
		assertThat(send(
				put("/api/v1/people/" + this.official.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Taken over\",\"level\":\"MINISTER\",\"expectedVersion\":0}"),
				this.otherCoordinator, "COORDINATOR")
			.getStatus()).isEqualTo(403);
		assertThat(send(
				put("/api/v1/counterparts/" + this.counterpart.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Overwritten\",\"post\":\"PR\",\"level\":\"MINISTER\",\"expectedVersion\":0}"),
				this.otherWhip, "WHIP")
			.getStatus()).isEqualTo(403);

		// and stops sharing
		assertThat(send(post("/campaigns/" + id + "/sharing").with(csrf()), this.ownerCoordinator, "COORDINATOR")
			.getStatus()).isEqualTo(302);
		assertThat(send(get("/campaigns/" + id + "/assignments"), this.otherCoordinator, "COORDINATOR")
			.getContentAsString()).doesNotContain(this.marker);
		assertThat(send(get("/api/v1/people/" + this.official.id()), this.otherCoordinator, "COORDINATOR").getStatus())
			.isEqualTo(404);
		assertThat(send(get("/api/v1/states/BRA/counterparts"), this.otherWhip, "WHIP").getContentAsString())
			.doesNotContain(this.marker);
		assertThat(send(put("/api/v1/campaigns/" + id + "/assignments/GHA").contentType(MediaType.APPLICATION_JSON)
			.content(assign), this.otherCoordinator, "COORDINATOR").getStatus()).isEqualTo(400);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username, String role)
			throws Exception {
		return this.mvc.perform(request.with(user(username).roles(role))).andReturn().getResponse();
	}

	private Map<String, Object> personRow(long id) {
		return this.jdbc.sql("select * from outreach_person where id = ?").param(id).query().singleRow();
	}

	private Map<String, Object> counterpartRow(long id) {
		return this.jdbc.sql("select * from outreach_counterpart where id = ?").param(id).query().singleRow();
	}

	private long auditRowsBy(String actor, String table) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ? and table_name = ?")
			.params(actor, table)
			.query(Long.class)
			.single();
	}

}
