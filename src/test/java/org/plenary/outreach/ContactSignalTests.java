package org.plenary.outreach;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.whip.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordination without content: the owner of a campaign logs a contact kept to its
 * organisation, with markers in every part of it (what was said and asked, both sides'
 * names, the time of day, its id). A partner learns nothing of it while the owner does
 * not share its signal, and exactly "contacted by the owner on that day at that level"
 * once it does. Whips are warned before logging a contact with a state someone else owns
 * or another organisation contacted today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactSignalTests {

	private static final Pattern KEN_ROW = Pattern.compile("(?s)<tr id=\"row-KEN\".*?</tr>");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	People people;

	@Autowired
	Assignments assignments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private final String run = "R" + System.nanoTime();

	private final Map<String, String> tokens = new HashMap<>();

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	private String marker;

	private String owner;

	private String ownerCoordinator;

	private String ownerWhip;

	private String partnerCoordinator;

	private String partnerWhip;

	private Campaign campaign;

	@BeforeEach
	void aCoalition() throws Exception {
		this.marker = "SECRET" + this.run;
		this.owner = "Owner Mission " + this.run;
		String partner = "Partner Mission " + this.run;
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, this.owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, this.owner);
		this.partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
		this.partnerWhip = this.accounts.user(Role.WHIP, partner);
		long partnerId = this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(partner))
			.findFirst()
			.orElseThrow()
			.id();
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		assertThat(
				api(this.ownerCoordinator, "POST", "/partners", "{\"organisationId\": " + partnerId + "}").statusCode())
			.isEqualTo(201);
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(200);
	}

	/** The owner's contact with Kenya, kept to its organisation, marked everywhere. */
	private long privateContact() throws Exception {
		// an earlier contact at a higher level: the signal tells the last day only
		assertThat(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "MEETING", "occurredAt": "%s", "states": [{"iso3": "KEN"}],
				 "theirs": [{"name": "%s-president", "level": "HEAD_OF_STATE"}], "said": "%s-earlier"}
				""".formatted(this.today.minusDays(3) + "T09:00:00Z", this.marker, this.marker)).statusCode())
			.isEqualTo(201);
		HttpResponse<String> logged = api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "occurredAt": "%1$sT00:07:00Z", "states": [{"iso3": "KEN"}],
				 "ours": [{"name": "%2$s-ours", "level": "AMBASSADOR"}],
				 "theirs": [{"name": "%2$s-minister", "level": "MINISTER"}],
				 "asked": "%2$s-asked", "said": "%2$s-said"}
				""".formatted(this.today, this.marker));
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		return this.json.readTree(logged.body()).get("id").asLong();
	}

	@Test
	void aPartnerLearnsNothingOfAContactWhileItsOrganisationDoesNotShare() throws Exception {
		HttpClient partner = signedIn(this.partnerWhip);
		String rowBefore = kenyaRow(partner);
		JsonNode jsonBefore = kenyaJson(this.partnerWhip);

		long contactId = privateContact();

		// the sharing is off until the owner chooses
		assertThat(this.json.readTree(api(this.ownerWhip, "GET", "/contact-signal", null).body())
			.get("shared")
			.asBoolean()).isFalse();
		assertThat(kenyaRow(partner)).isEqualTo(rowBefore);
		assertThat(kenyaJson(this.partnerWhip)).isEqualTo(jsonBefore);
		assertThat(kenyaJson(this.partnerWhip).get("contactedBy").isEmpty()).isTrue();
		String quickLog = get(partner, "/campaigns/" + this.campaign.id() + "/quick-log?state=KEN").body();
		assertThat(quickLog).doesNotContain("Contacted by").doesNotContain(this.owner);
		assertNoMarker(withoutLevelChoices(quickLog), contactId);
		assertNoMarker(get(partner, "/campaigns/" + this.campaign.id()).body(), contactId);

		// turned on, then off again: the same as never chosen
		api(this.ownerCoordinator, "PUT", "/contact-signal", "{\"shared\": true}");
		assertThat(api(this.ownerCoordinator, "PUT", "/contact-signal", "{\"shared\": false}").statusCode())
			.isEqualTo(200);
		assertThat(kenyaRow(partner)).isEqualTo(rowBefore);
		assertThat(kenyaJson(this.partnerWhip)).isEqualTo(jsonBefore);
		assertThat(get(partner, "/campaigns/" + this.campaign.id() + "/quick-log?state=KEN").body())
			.doesNotContain("Contacted by");
	}

	@Test
	void aPartnerSeesExactlyTheOrganisationDayAndLevelOnceTheOwnerShares() throws Exception {
		long contactId = privateContact();
		HttpResponse<String> turnedOn = api(this.ownerCoordinator, "PUT", "/contact-signal", "{\"shared\": true}");
		assertThat(turnedOn.statusCode()).as(turnedOn.body()).isEqualTo(200);
		assertThat(this.json.readTree(turnedOn.body()).get("shared").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where table_name = 'outreach_contact_signal' and actor = ?
				""").param(this.ownerCoordinator).query(Long.class).single()).isEqualTo(1);

		String expected = "Contacted by " + this.owner + " on "
				+ DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(this.today) + " (Minister)";
		HttpClient partner = signedIn(this.partnerWhip);
		String row = kenyaRow(partner);
		assertThat(row).contains(expected);
		assertNoMarker(row, contactId);
		String board = get(partner, "/campaigns/" + this.campaign.id()).body();
		assertNoMarker(board, contactId);

		JsonNode kenya = kenyaJson(this.partnerWhip);
		assertThat(kenya.get("contactedBy").size()).isEqualTo(1);
		JsonNode signal = kenya.get("contactedBy").get(0);
		assertThat(signal.propertyNames()).containsExactlyInAnyOrder("organisation", "on", "level");
		assertThat(signal.get("organisation").asString()).isEqualTo(this.owner);
		assertThat(signal.get("on").asString()).isEqualTo(this.today.toString());
		assertThat(signal.get("level").asString()).isEqualTo(Level.MINISTER.name());
		assertNoMarker(api(this.partnerWhip, "GET", "/board", null).body(), contactId);

		String quickLog = get(partner, "/campaigns/" + this.campaign.id() + "/quick-log?state=KEN").body();
		// today's contact is a warning there, said once
		assertThat(quickLog).contains("Contacted by " + this.owner + " today at Minister level")
			.doesNotContain(expected);
		assertNoMarker(withoutLevelChoices(quickLog), contactId);
		assertThat(get(partner, "/campaigns/" + this.campaign.id() + "/contacts/new?state=KEN").body())
			.contains("Contacted by " + this.owner + " today at Minister level");

		// its own contacts show whole to the owner: no signal of itself
		assertThat(kenyaRow(signedIn(this.ownerWhip))).doesNotContain("Contacted by");
		assertThat(kenyaJson(this.ownerWhip).get("contactedBy").isEmpty()).isTrue();

		// a partner's whip cannot change it, a partner's coordinator changes only its own
		assertThat(api(this.partnerWhip, "PUT", "/contact-signal", "{\"shared\": false}").statusCode()).isEqualTo(403);
		api(this.partnerCoordinator, "PUT", "/contact-signal", "{\"shared\": false}");
		assertThat(kenyaRow(partner)).contains(expected);

		// an organisation outside the campaign learns nothing, not even the setting
		String outsider = this.accounts.user(Role.COORDINATOR, "Outsider Mission " + this.run);
		HttpResponse<String> outside = api(outsider, "GET", "/contact-signal", null);
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(outside.body()).doesNotContain(this.owner);
		assertThat(api(outsider, "PUT", "/contact-signal", "{\"shared\": true}").statusCode()).isEqualTo(404);
		assertThat(api(outsider, "GET", "/board", null).statusCode()).isEqualTo(404);

		// turned off again, it is gone
		assertThat(api(this.ownerCoordinator, "PUT", "/contact-signal", "{\"shared\": false}").statusCode())
			.isEqualTo(200);
		assertThat(kenyaRow(partner)).doesNotContain("Contacted by");
	}

	@Test
	void aWhipIsWarnedOfAStateOwnedByAnotherOrganisationNamedOnlyByIt() throws Exception {
		Person jane = this.people
			.add(new People.PersonDetails("Jane " + this.marker, this.owner, Level.AMBASSADOR, null, null, true));
		this.assignments.assign(this.campaign.id(), "KEN", jane.id(), null, this.ownerCoordinator);

		String partnerView = get(signedIn(this.partnerWhip),
				"/campaigns/" + this.campaign.id() + "/quick-log?state=KEN")
			.body();
		assertThat(partnerView).contains("Kenya is owned by " + this.owner).doesNotContain(this.marker);
		assertThat(get(signedIn(this.ownerWhip), "/campaigns/" + this.campaign.id() + "/quick-log?state=KEN").body())
			.contains("Kenya is owned by Jane " + this.marker);
		// the owner's own official is not warned of itself
		String janeWhip = this.accounts.user(Role.WHIP, this.owner);
		this.people
			.add(new People.PersonDetails("Jim " + this.run, this.owner, Level.AMBASSADOR, null, janeWhip, true));
		Person jim = this.people.forUser(janeWhip).orElseThrow();
		this.assignments.assign(this.campaign.id(), "GHA", jim.id(), null, this.ownerCoordinator);
		assertThat(get(signedIn(janeWhip), "/campaigns/" + this.campaign.id() + "/quick-log?state=GHA").body())
			.doesNotContain("is owned by");
	}

	@Test
	void aContactLoggedOverTheApiCarriesTheWarnings() throws Exception {
		Person jane = this.people
			.add(new People.PersonDetails("Jane " + this.marker, this.owner, Level.AMBASSADOR, null, null, true));
		this.assignments.assign(this.campaign.id(), "KEN", jane.id(), null, this.ownerCoordinator);
		privateContact();
		api(this.ownerCoordinator, "PUT", "/contact-signal", "{\"shared\": true}");

		HttpResponse<String> logged = api(this.partnerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN"}], "said": "Partner call %s"}
				""".formatted(this.run));
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		JsonNode answer = this.json.readTree(logged.body());
		assertThat(answer.get("id").asLong()).isPositive();
		assertThat(answer.get("warnings").valueStream().map(JsonNode::asString).toList()).containsExactly(
				"Kenya is owned by " + this.owner, "Contacted by " + this.owner + " today at Minister level");
		assertThat(logged.body()).doesNotContain(this.marker);
	}

	/** The quick log offers every level to pick, "Head of state" among them. */
	private static String withoutLevelChoices(String page) {
		return page.replaceAll("(?s)<select name=\"theirLevel\">.*?</select>", "");
	}

	private void assertNoMarker(String text, long contactId) {
		assertThat(text).doesNotContain(this.marker)
			.doesNotContain("00:07")
			.doesNotContain("/contacts/" + contactId)
			.doesNotContain("\"contactId\":" + contactId)
			.doesNotContain("Head of state");
	}

	private String kenyaRow(HttpClient browser) throws Exception {
		String board = get(browser, "/campaigns/" + this.campaign.id()).body();
		Matcher row = KEN_ROW.matcher(board);
		assertThat(row.find()).as("the board has a row for Kenya").isTrue();
		return row.group();
	}

	private JsonNode kenyaJson(String username) throws Exception {
		HttpResponse<String> board = api(username, "GET", "/board", null);
		assertThat(board.statusCode()).isEqualTo(200);
		for (JsonNode row : this.json.readTree(board.body()).get("rows")) {
			if (row.get("member").get("iso3").asString().equals("KEN")) {
				return row;
			}
		}
		throw new AssertionError("no row for Kenya");
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

	/** A call to the campaign's API (paths relative to /api/v1/campaigns/{id}). */
	private HttpResponse<String> api(String username, String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/campaigns/" + this.campaign.id() + path))
			.header("Authorization", "Bearer " + this.tokens.computeIfAbsent(username, this.accounts::token))
			.header("Content-Type", "application/json")
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
