package org.plenary.campaigns;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.People;
import org.plenary.outreach.Person;
import org.plenary.system.Acting;
import org.plenary.system.ForbiddenException;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What belongs to a campaign itself (its references, outcome, reckoning, outreach
 * settings, drafts, briefings, Art. 19 list) is written by the organisation that owns it:
 * a partner's coordinator is refused with 403, on the API, on the pages and in the
 * database itself, and nothing changes. A partner's whip changes none of the owner's
 * follow-ups and attaches no file to the owner's contacts, while it still writes its own
 * records. A partner suggests a reference or an outcome, which the owner accepts. A vote
 * of a chain inherits the coalition, the Art. 19 list and the assignments of its head.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnerWritesTests {

	private static final String REFERENCE = "A/RES/87/9801";

	private static final String OUTCOME = "A/RES/87/9802";

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignsService;

	@Autowired
	Contacts contacts;

	@Autowired
	People people;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	VoteImporter importer;

	@Autowired
	JdbcClient jdbc;

	private final String run = "R" + System.nanoTime();

	private String owner;

	private String ownerCoordinator;

	private String ownerWhip;

	private String partnerCoordinator;

	private String partnerWhip;

	private Campaign campaign;

	private long reference;

	private long outcome;

	@BeforeEach
	void aCoalition() throws Exception {
		synchronized (OwnerWritesTests.class) {
			if (this.rollCalls.bySymbol(REFERENCE).isEmpty()) {
				Path file = Files.writeString(folder.resolve("owner-writes.csv"), """
						resolution,date,iso3,vote,title
						%1$s,2031-10-01,USA,Y,Owner writes fixture
						%1$s,2031-10-01,KEN,Y,Owner writes fixture
						%1$s,2031-10-01,CUB,N,Owner writes fixture
						%2$s,2031-11-02,USA,Y,Owner writes outcome
						%2$s,2031-11-02,KEN,A,Owner writes outcome
						%2$s,2031-11-02,CUB,N,Owner writes outcome
						""".formatted(REFERENCE, OUTCOME));
				this.importer.importFiles(List.of(file), new VoteImporter.Options(false, "test"),
						VoteImporter.Progress.NONE);
			}
		}
		this.reference = this.rollCalls.bySymbol(REFERENCE).get(0).id();
		this.outcome = this.rollCalls.bySymbol(OUTCOME).get(0).id();
		this.owner = "Owner Mission " + this.run;
		String partner = "Partner Mission " + this.run;
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, this.owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, this.owner);
		this.partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
		this.partnerWhip = this.accounts.user(Role.WHIP, partner);
		long partnerId = organisation(partner);
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		assertThat(
				api(this.ownerCoordinator, "POST", "/partners", "{\"organisationId\": " + partnerId + "}").statusCode())
			.isEqualTo(201);
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aPartnersCoordinatorChangesNothingThatBelongsToTheCampaign() throws Exception {
		long id = this.campaign.id();
		// the owner sets the campaign up: a reference, a draft, a briefing, the Art. 19
		// list
		HttpClient ownerBrowser = signedIn(this.ownerCoordinator);
		assertThat(form(ownerBrowser, "/campaigns/" + id + "/references", "rollCall=" + this.reference).statusCode())
			.isEqualTo(302);
		assertThat(this.campaignsService.references(id)).containsExactly(this.reference);
		HttpResponse<String> draft = api(this.ownerCoordinator, "POST", "/drafts",
				"{\"symbol\": \"A/ES-99/L.1/Rev.1\"}");
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		long draftId = id(draft.body());
		HttpResponse<String> briefing = api(this.ownerCoordinator, "POST", "/briefings",
				"{\"title\": \"Owner's briefing\", \"rule\": \"ALL\"}");
		assertThat(briefing.statusCode()).as(briefing.body()).isEqualTo(201);
		long briefingId = id(briefing.body());
		assertThat(api(this.ownerCoordinator, "PUT", "/without-vote", "[\"VEN\"]").statusCode()).isEqualTo(200);
		assertThat(api(this.ownerCoordinator, "PUT", "/outreach-settings", "{\"notContactedDays\": 9}").statusCode())
			.isEqualTo(200);
		String before = everything(id);
		// (its token and its answer to the invitation are in the trail already)
		api(this.partnerCoordinator, "GET", "", null);
		long trail = trailOf(this.partnerCoordinator);

		// the partner's coordinator tries each through the API
		Map<String, HttpResponse<String>> refused = new HashMap<>();
		refused.put("remove a reference",
				api(this.partnerCoordinator, "DELETE", "/references/" + this.reference, null));
		refused.put("record the outcome",
				api(this.partnerCoordinator, "PUT", "/forecast/outcome", "{\"rollCall\": \"" + OUTCOME + "\"}"));
		refused.put("take the reckoning",
				api(this.partnerCoordinator, "POST", "/reckoning/actual", "{\"rollCall\": \"" + OUTCOME + "\"}"));
		refused.put("change the outreach settings",
				api(this.partnerCoordinator, "PUT", "/outreach-settings", "{\"notContactedDays\": 2}"));
		refused.put("add a draft", api(this.partnerCoordinator, "POST", "/drafts", "{\"symbol\": \"A/ES-99/L.9\"}"));
		refused.put("add co-sponsors",
				api(this.partnerCoordinator, "POST", "/drafts/" + draftId + "/cosponsors", "{\"states\": [\"KEN\"]}"));
		refused.put("open a briefing",
				api(this.partnerCoordinator, "POST", "/briefings", "{\"title\": \"Taken over\", \"rule\": \"ALL\"}"));
		refused.put("answer an invitation", api(this.partnerCoordinator, "PUT",
				"/briefings/" + briefingId + "/invitations/KEN", "{\"status\": \"DECLINED\"}"));
		refused.put("change the Art. 19 list", api(this.partnerCoordinator, "PUT", "/without-vote", "[\"KEN\"]"));
		refused.forEach((what, response) -> {
			assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
			assertThat(response.body()).as(what).contains(this.owner);
		});
		assertThat(refused.get("record the outcome").body()).contains("a partner may suggest it to the owner");

		// and through the pages
		HttpClient partnerBrowser = signedIn(this.partnerCoordinator);
		// the pages of what is the owner's show a partner no form to change it (the
		// settings are shown read-only)
		assertThat(get(partnerBrowser, "/campaigns/" + id + "/settings").body()).contains("which owns the campaign")
			.contains("disabled")
			.doesNotContain(">Save<");
		for (String page : List.of("/drafts", "/briefings")) {
			assertThat(get(partnerBrowser, "/campaigns/" + id + page).body()).as(page)
				.contains("which owns the campaign")
				.doesNotContain("action=\"/campaigns/" + id + page + "\"");
		}
		assertThat(form(partnerBrowser, "/campaigns/" + id + "/references", "rollCall=" + this.outcome).statusCode())
			.isEqualTo(403);
		assertThat(
				form(partnerBrowser, "/campaigns/" + id + "/references/" + this.reference + "/remove", "").statusCode())
			.isEqualTo(403);
		assertThat(form(partnerBrowser, "/campaigns/" + id + "/reckoning", "source=history&rollCall=" + OUTCOME)
			.statusCode()).isEqualTo(403);
		assertThat(form(partnerBrowser, "/campaigns/" + id + "/outreach-settings", "notContactedDays=3").statusCode())
			.isEqualTo(403);
		// the references page offers the partner to suggest, not to add or remove
		String page = get(partnerBrowser, "/campaigns/" + id + "/references").body();
		assertThat(page).contains("suggest one to them").doesNotContain("/references/" + this.reference + "/remove");

		// nothing changed, and the trail holds nothing by the partner's coordinator
		assertThat(everything(id)).isEqualTo(before);
		assertThat(trailOf(this.partnerCoordinator)).isEqualTo(trail);

		// the database itself refuses whatever code path tries it as the partner
		Acting.asUser(this.partnerCoordinator, () -> {
			assertThat(this.jdbc.sql("delete from campaigns_reference where campaign_id = ?").param(id).update())
				.isZero();
			assertThat(this.jdbc.sql("update campaigns_member set without_vote = true where campaign_id = ?")
				.param(id)
				.update()).isZero();
			assertThatThrownBy(
					() -> this.jdbc.sql("insert into campaigns_reference (campaign_id, roll_call_id) values (?, ?)")
						.params(id, this.outcome)
						.update())
				.isInstanceOf(DataAccessException.class);
			assertThatThrownBy(() -> this.jdbc
				.sql("insert into forecast_outcome (campaign_id, roll_call_id, recorded_by) values (?, ?, 'x')")
				.params(id, this.outcome)
				.update()).isInstanceOf(DataAccessException.class);
			return null;
		});
		assertThat(everything(id)).isEqualTo(before);

		// the owner still does all of it
		assertThat(api(this.ownerCoordinator, "PUT", "/outreach-settings", "{\"notContactedDays\": 4}").statusCode())
			.isEqualTo(200);
		assertThat(api(this.ownerCoordinator, "POST", "/drafts/" + draftId + "/cosponsors", "{\"states\": [\"KEN\"]}")
			.statusCode()).isEqualTo(200);
		assertThat(api(this.ownerCoordinator, "PUT", "/briefings/" + briefingId + "/invitations/KEN",
				"{\"status\": \"ACCEPTED\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> recorded = api(this.ownerCoordinator, "POST", "/reckoning/actual",
				"{\"rollCall\": \"" + OUTCOME + "\"}");
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
		assertThat(api(this.ownerCoordinator, "DELETE", "/references/" + this.reference, null).statusCode())
			.isEqualTo(200);
		assertThat(this.campaignsService.references(id)).isEmpty();
	}

	@Test
	void aPartnersWhipChangesNoneOfTheOwnersFollowUpsNorTheFilesOfItsContacts() throws Exception {
		long id = this.campaign.id();
		HttpResponse<String> task = api(this.ownerWhip, "POST", "/follow-ups", """
				{"iso3": "KEN", "title": "Owner's task", "dueOn": "%s", "visibility": "COALITION"}
				""".formatted(LocalDate.now().plusDays(3)));
		assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
		long taskId = id(task.body());
		HttpResponse<String> contact = api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "MEETING", "states": [{"iso3": "KEN"}], "said": "shared", "visibility": "COALITION"}
				""");
		assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
		long contactId = id(contact.body());
		// the partner sees both
		assertThat(api(this.partnerWhip, "GET", "/follow-ups/" + taskId, null).statusCode()).isEqualTo(200);
		assertThat(api(this.partnerWhip, "GET", "/contacts/" + contactId, null).statusCode()).isEqualTo(200);
		String before = followUp(taskId);

		HttpResponse<String> renamed = api(this.partnerWhip, "PUT", "/follow-ups/" + taskId, """
				{"title": "Renamed by the partner", "dueOn": "%s", "expectedVersion": 0}
				""".formatted(LocalDate.now().plusDays(30)));
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
		assertThat(renamed.body()).contains(this.owner);
		assertThat(api(this.partnerWhip, "POST", "/follow-ups/" + taskId + "/dismiss", null).statusCode())
			.isEqualTo(403);
		assertThat(api(this.partnerWhip, "POST", "/follow-ups/" + taskId + "/done", null).statusCode()).isEqualTo(403);
		HttpResponse<String> edited = api(this.partnerWhip, "PUT", "/contacts/" + contactId,
				"{\"channel\": \"CALL\", \"said\": \"rewritten\", \"expectedVersion\": 1}");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(403);
		HttpResponse<String> attached = attach(this.partnerWhip, contactId, "partner.txt");
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(403);
		assertThat(attached.body()).contains(this.owner);
		assertThatThrownBy(() -> Acting.asUser(this.partnerWhip,
				() -> this.contacts.attach(id, contactId, "x.txt", "text/plain", "x".getBytes(), this.partnerWhip)))
			.isInstanceOf(ForbiddenException.class);
		// nor does the database let it, by any path
		Acting.asUser(this.partnerWhip, () -> {
			assertThat(this.jdbc.sql("update outreach_follow_up set title = 'sneaked' where id = ?")
				.param(taskId)
				.update()).isZero();
			assertThatThrownBy(() -> this.jdbc.sql("""
					insert into outreach_attachment (contact_id, file_name, content_type, size_bytes, sha256, content,
					  uploaded_by) values (?, 'x', 'text/plain', 1, 'x', 'x', 'x')""").param(contactId).update())
				.isInstanceOf(DataAccessException.class);
			return null;
		});
		assertThat(followUp(taskId)).isEqualTo(before);
		assertThat(api(this.ownerWhip, "GET", "/contacts/" + contactId, null).body()).contains("\"said\":\"shared\"");
		assertThat(this.jdbc.sql("select count(*) from outreach_attachment where contact_id = ?")
			.param(contactId)
			.query(Long.class)
			.single()).isZero();

		// the partner still writes its own records: a contact with a file, a follow-up it
		// renames and closes, a talking point, a read
		HttpResponse<String> own = api(this.partnerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "GHA", "read": "LEANING_YES"}], "said": "partner's own",
				 "followUpOn": "%s", "followUpTitle": "Partner's task"}
				""".formatted(LocalDate.now().plusDays(2)));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		assertThat(attach(this.partnerWhip, id(own.body()), "own.txt").statusCode()).isEqualTo(201);
		HttpResponse<String> ownTask = api(this.partnerWhip, "POST", "/follow-ups", """
				{"iso3": "GHA", "title": "Partner's own task", "dueOn": "%s"}
				""".formatted(LocalDate.now().plusDays(3)));
		assertThat(ownTask.statusCode()).isEqualTo(201);
		long ownTaskId = id(ownTask.body());
		assertThat(api(this.partnerWhip, "PUT", "/follow-ups/" + ownTaskId, """
				{"title": "Partner's renamed task", "dueOn": "%s", "expectedVersion": 0}
				""".formatted(LocalDate.now().plusDays(4))).statusCode()).isEqualTo(200);
		assertThat(api(this.partnerWhip, "POST", "/follow-ups/" + ownTaskId + "/done", null).statusCode())
			.isEqualTo(200);
		assertThat(api(this.partnerWhip, "POST", "/talking-points", "{\"iso3\": \"GHA\", \"body\": \"Partner point\"}")
			.statusCode()).isEqualTo(201);
		assertThat(api(this.partnerWhip, "POST", "/stances/GHA/private-reads", "{\"stance\": \"YES\"}").statusCode())
			.isEqualTo(201);
		// and the owner's whip still changes its own follow-up
		assertThat(api(this.ownerWhip, "POST", "/follow-ups/" + taskId + "/dismiss", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aPartnersSuggestionAcceptedByTheOwnerBecomesAReference() throws Exception {
		long id = this.campaign.id();
		HttpResponse<String> made = api(this.partnerCoordinator, "POST", "/suggestions",
				"{\"kind\": \"REFERENCE\", \"rollCall\": \"" + this.reference + "\", \"note\": \"Like this one\"}");
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		long suggestion = id(made.body());
		HttpResponse<String> outcomeMade = api(this.partnerCoordinator, "POST", "/suggestions",
				"{\"kind\": \"OUTCOME\", \"rollCall\": \"" + OUTCOME + "\"}");
		assertThat(outcomeMade.statusCode()).as(outcomeMade.body()).isEqualTo(201);
		// the partner cannot answer its own suggestion
		assertThat(api(this.partnerCoordinator, "POST", "/suggestions/" + suggestion + "/accept", null).statusCode())
			.isEqualTo(403);
		assertThat(this.campaignsService.references(id)).isEmpty();
		// the owner sees it on the references page, and accepts it there
		HttpClient ownerBrowser = signedIn(this.ownerCoordinator);
		String page = get(ownerBrowser, "/campaigns/" + id + "/references").body();
		assertThat(page).contains("Suggestions from partners").contains("Like this one").contains(REFERENCE);
		assertThat(form(ownerBrowser, "/campaigns/" + id + "/suggestions/" + suggestion + "/accept", "").statusCode())
			.isEqualTo(302);
		assertThat(this.campaignsService.references(id)).containsExactly(this.reference);
		assertThat(api(this.partnerCoordinator, "GET", "/suggestions", null).body()).contains("\"ACCEPTED\"");
		// the outcome, accepted through the API, is recorded with its reckoning
		long outcomeSuggestion = id(outcomeMade.body());
		assertThat(get(ownerBrowser, "/campaigns/" + id + "/reckoning").body()).contains(OUTCOME).contains("Accept");
		HttpResponse<String> accepted = api(this.ownerCoordinator, "POST",
				"/suggestions/" + outcomeSuggestion + "/accept", null);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(api(this.ownerCoordinator, "GET", "/forecast/outcome", null).body()).contains(OUTCOME);
		assertThat(api(this.ownerCoordinator, "GET", "/reckoning", null).body()).contains("\"recorded\":true");
		// answered once
		assertThat(api(this.ownerCoordinator, "POST", "/suggestions/" + suggestion + "/decline", null).statusCode())
			.isEqualTo(409);
		// an organisation outside the campaign sees none of it
		String outsider = this.accounts.user(Role.COORDINATOR, "Outsider Mission " + this.run);
		assertThat(api(outsider, "GET", "/suggestions", null).statusCode()).isEqualTo(404);
		assertThat(
				api(outsider, "POST", "/suggestions", "{\"kind\": \"REFERENCE\", \"rollCall\": \"" + REFERENCE + "\"}")
					.statusCode())
			.isEqualTo(404);
	}

	@Test
	void aVoteOfAChainInheritsTheCoalitionTheArt19ListAndTheAssignments() throws Exception {
		long id = this.campaign.id();
		assertThat(api(this.ownerCoordinator, "PUT", "/without-vote", "[\"VEN\"]").statusCode()).isEqualTo(200);
		Person official = this.people.add(
				new People.PersonDetails("Owner official " + this.run, this.owner, Level.AMBASSADOR, null, null, true));
		HttpResponse<String> assigned = api(this.ownerCoordinator, "PUT", "/assignments/KEN",
				"{\"personId\": " + official.id() + "}");
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		// the owner opens a no-action motion as a vote of the chain
		String title = "No-action motion " + this.run;
		HttpResponse<String> opened = campaignsApi(this.ownerCoordinator, "POST", "", """
				{"title": "%s", "body": "EMERGENCY_SPECIAL_SESSION", "rule": "SIMPLE_MAJORITY", "partOf": %d,
				 "partLabel": "no-action motion"}
				""".formatted(title, id));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long vote = Long.parseLong(opened.body().replaceAll("(?s)^\\{\"campaign\":\\{\"id\":(\\d+).*", "$1"));
		// the partner sees it in its list, and reads it with the head's Art. 19 list and
		// owners
		assertThat(get(signedIn(this.partnerWhip), "/campaigns").body()).contains(title);
		HttpResponse<String> detail = campaignsApi(this.partnerWhip, "GET", "/" + vote, null);
		assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
		assertThat(detail.body()).containsPattern("\"iso3\":\"VEN\"[^}]*\"withoutVote\":true")
			.containsPattern("\"iso3\":\"KEN\"[^}]*\"withoutVote\":false");
		HttpResponse<String> owners = campaignsApi(this.partnerWhip, "GET", "/" + vote + "/assignments", null);
		assertThat(owners.statusCode()).as(owners.body()).isEqualTo(200);
		// (the owner's official is named to the partner by its organisation: rosters are
		// each organisation's own)
		assertThat(owners.body()).contains("\"iso3\":\"KEN\"")
			.contains(this.owner)
			.doesNotContain("Owner official " + this.run);
		assertThat(campaignsApi(this.partnerWhip, "PUT", "/" + vote + "/stances/KEN",
				"{\"stance\": \"YES\", \"expectedVersion\": 0}")
			.statusCode()).isEqualTo(200);
		// a role the partner's coordinators set in the head applies in the chain's votes
		assertThat(api(this.partnerCoordinator, "PUT", "/roles/" + this.partnerWhip, "{\"role\": \"VIEWER\"}")
			.statusCode()).isEqualTo(200);
		assertThat(campaignsApi(this.partnerWhip, "PUT", "/" + vote + "/stances/GHA",
				"{\"stance\": \"YES\", \"expectedVersion\": 0}")
			.statusCode()).isEqualTo(403);
		// a partner adds no vote to the owner's chain
		HttpResponse<String> foreign = campaignsApi(this.partnerCoordinator, "POST", "", """
				{"title": "Partner's amendment %s", "body": "EMERGENCY_SPECIAL_SESSION", "partOf": %d}
				""".formatted(this.run, id));
		assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
		// a vote with an Art. 19 list of its own keeps it
		assertThat(campaignsApi(this.ownerCoordinator, "PUT", "/" + vote + "/without-vote", "[\"CUB\"]").statusCode())
			.isEqualTo(200);
		assertThat(campaignsApi(this.partnerWhip, "GET", "/" + vote, null).body())
			.containsPattern("\"iso3\":\"VEN\"[^}]*\"withoutVote\":false")
			.containsPattern("\"iso3\":\"CUB\"[^}]*\"withoutVote\":true");
	}

	/**
	 * Each organisation assigns its own officials; the campaign's owner also hands over
	 * or ends a partner's.
	 */
	@Test
	void aPartnerAssignsOnlyItsOwnOfficials() throws Exception {
		Person ownerOfficial = this.people
			.add(new People.PersonDetails("Owner envoy " + this.run, this.owner, Level.AMBASSADOR, null, null, true));
		Person partnerOfficial = this.people.add(new People.PersonDetails("Partner envoy " + this.run,
				"Partner Mission " + this.run, Level.AMBASSADOR, null, null, true));
		assertThat(api(this.ownerCoordinator, "PUT", "/assignments/KEN", "{\"personId\": " + ownerOfficial.id() + "}")
			.statusCode()).isEqualTo(200);
		// the partner assigns its own official to a state nobody holds
		HttpResponse<String> own = api(this.partnerCoordinator, "PUT", "/assignments/GHA",
				"{\"personId\": " + partnerOfficial.id() + "}");
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		// but not the owner's official, nor a state the owner's official holds
		HttpResponse<String> theirs = api(this.partnerCoordinator, "PUT", "/assignments/NGA",
				"{\"personId\": " + ownerOfficial.id() + "}");
		// (the owner's official, not shared with the campaign, is no official the partner
		// may pick: the answer is the one for an official that does not exist)
		assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(400);
		assertThat(theirs.body()).contains("No official");
		HttpResponse<String> takeOver = api(this.partnerCoordinator, "PUT", "/assignments/KEN",
				"{\"personId\": " + partnerOfficial.id() + "}");
		assertThat(takeOver.statusCode()).as(takeOver.body()).isEqualTo(403);
		assertThat(takeOver.body()).contains(this.owner);
		assertThat(api(this.partnerCoordinator, "DELETE", "/assignments/KEN", null).statusCode()).isEqualTo(403);
		assertThat(api(this.partnerCoordinator, "GET", "/assignments", null).body()).contains("\"iso3\":\"KEN\"")
			.doesNotContain("Owner envoy " + this.run)
			.doesNotContain("\"iso3\":\"NGA\"");
		// the owner hands the partner's state over to its own official
		assertThat(api(this.ownerCoordinator, "PUT", "/assignments/GHA", "{\"personId\": " + ownerOfficial.id() + "}")
			.statusCode()).isEqualTo(200);
	}

	/** Everything the owner's campaign holds that a partner must not change, as text. */
	private String everything(long id) {
		return String.join("\n",
				this.jdbc
					.sql("""
							select 'member ' || iso3 || ' ' || without_vote from campaigns_member where campaign_id = :id
							union all select 'reference ' || roll_call_id from campaigns_reference where campaign_id = :id
							union all select 'draft ' || symbol from campaigns_draft where campaign_id = :id
							union all select 'cosponsor ' || c.iso3 from campaigns_cosponsor c join campaigns_draft d on d.id = c.draft_id
							  where d.campaign_id = :id
							union all select 'briefing ' || title from campaigns_briefing where campaign_id = :id
							union all select 'invitation ' || i.iso3 || ' ' || i.status from campaigns_invitation i
							  join campaigns_briefing b on b.id = i.briefing_id where b.campaign_id = :id
							union all select 'outcome ' || roll_call_id from forecast_outcome where campaign_id = :id
							union all select 'reckoning ' || taken_by from reports_reckoning where campaign_id = :id
							union all select 'settings ' || not_contacted_days from outreach_settings where campaign_id = :id
							order by 1""")
					.param("id", id)
					.query(String.class)
					.list());
	}

	/** How many changes the trail holds by this user. */
	private long trailOf(String username) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ? and table_name is not null")
			.param(username)
			.query(Long.class)
			.single();
	}

	private String followUp(long id) {
		return this.jdbc
			.sql("select title || '|' || due_on || '|' || status || '|' || version from outreach_follow_up "
					+ "where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private long organisation(String name) {
		return this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static long id(String json) {
		return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	private HttpClient signedIn(String username) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(FormSignIn.signIn(browser, base(), username).statusCode()).isEqualTo(302);
		return browser;
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A form posted from a page, with the CSRF token of the campaigns page. */
	private HttpResponse<String> form(HttpClient browser, String path, String body) throws Exception {
		String page = get(browser, "/campaigns").body();
		String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body + (body.isEmpty() ? "" : "&") + "_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> attach(String username, long contactId, String name) throws Exception {
		String boundary = "b" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\ncontent\r\n--" + boundary + "--\r\n";
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(
						base() + "/api/v1/campaigns/" + this.campaign.id() + "/contacts/" + contactId + "/attachments"))
				.header("Authorization", "Bearer " + token(username))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A call to the campaign's API (paths relative to /api/v1/campaigns/{id}). */
	private HttpResponse<String> api(String username, String method, String path, String json) throws Exception {
		return campaignsApi(username, method, "/" + this.campaign.id() + path, json);
	}

	/** A call to /api/v1/campaigns and below. */
	private HttpResponse<String> campaignsApi(String username, String method, String path, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/campaigns" + path).normalize())
			.header("Authorization", "Bearer " + token(username))
			.header("Content-Type", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private final Map<String, String> tokens = new HashMap<>();

	private String token(String username) {
		return this.tokens.computeIfAbsent(username, this.accounts::token);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
