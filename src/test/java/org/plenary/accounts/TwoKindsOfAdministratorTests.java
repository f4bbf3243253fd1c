package org.plenary.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.TestCampaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two kinds of administrator: an organisation's administrator administers its own
 * organisation and sees what its organisation may see, no more; the installation's
 * operators administer every organisation and read no organisation's records. The owner
 * plants a marker in an organisation-only contact and opens a second campaign its partner
 * was never invited to; the partner's administrator and an operator then look for them
 * through pages, API and the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoKindsOfAdministratorTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAddCommand userAdd;

	private final String run = "R" + System.nanoTime();

	private String marker;

	private String owner;

	private String ownerCoordinator;

	private String ownerWhip;

	private String partner;

	private String partnerCoordinator;

	private String partnerAdministrator;

	private String operator;

	private long ownerId;

	private long partnerId;

	private Campaign shared;

	private Campaign ownersOnly;

	private long privateContact;

	@BeforeEach
	void anOwnerAPartnerAndAnOperator() throws Exception {
		this.marker = "SECRET" + this.run;
		this.owner = "Owner Mission " + this.run;
		this.partner = "Partner Mission " + this.run;
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, this.owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, this.owner);
		this.partnerCoordinator = this.accounts.user(Role.COORDINATOR, this.partner);
		this.partnerAdministrator = this.accounts.user(Role.ADMINISTRATOR, this.partner);
		this.operator = this.accounts.operator("Operators " + this.run);
		this.ownerId = this.accountsService.findOrganisation(this.owner).orElseThrow().id();
		this.partnerId = this.accountsService.findOrganisation(this.partner).orElseThrow().id();
		// a campaign the partner joins, and one it was never invited to
		this.shared = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		this.ownersOnly = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		assertThat(campaignApi(this.ownerCoordinator, this.shared, "POST", "/partners",
				"{\"organisationId\": " + this.partnerId + "}")
			.statusCode()).isEqualTo(201);
		assertThat(campaignApi(this.partnerCoordinator, this.shared, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}")
			.statusCode()).isEqualTo(200);
		// the owner's contact kept to its organisation, and one in the campaign of its
		// own
		HttpResponse<String> logged = campaignApi(this.ownerWhip, this.shared, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN"}], "said": "%s-said", "visibility": "ORGANISATION"}
				""".formatted(this.marker));
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		this.privateContact = Long.parseLong(logged.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		assertThat(campaignApi(this.ownerWhip, this.ownersOnly, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "GHA"}], "said": "%s-own-campaign"}
				""".formatted(this.marker)).statusCode()).isEqualTo(201);
	}

	@Test
	void aPartnersAdministratorSeesOnlyWhatItsOrganisationMaySee() throws Exception {
		assertSeesNoneOfTheOwnersPrivateRecords(this.partnerAdministrator);
		// and it does see the campaign its organisation takes part in, as a partner would
		HttpClient browser = signedIn(this.partnerAdministrator);
		assertThat(get(browser, "/campaigns").body()).contains(this.shared.title());
		assertThat(get(browser, "/campaigns/" + this.shared.id()).statusCode()).isEqualTo(200);
		assertThat(campaignApi(this.partnerAdministrator, this.shared, "GET", "", null).statusCode()).isEqualTo(200);
	}

	@Test
	void anOperatorReadsNoOrganisationsRecords() throws Exception {
		assertSeesNoneOfTheOwnersPrivateRecords(this.operator);
		// its own organisation takes part in neither campaign
		assertThat(get(signedIn(this.operator), "/campaigns/" + this.shared.id()).statusCode()).isEqualTo(404);
		assertThat(campaignApi(this.operator, this.shared, "GET", "/contacts", null).statusCode()).isEqualTo(404);
	}

	private void assertSeesNoneOfTheOwnersPrivateRecords(String administrator) throws Exception {
		HttpClient browser = signedIn(administrator);
		assertThat(get(browser, "/campaigns").body()).doesNotContain(this.ownersOnly.title());
		for (String page : List.of("/campaigns/" + this.ownersOnly.id(),
				"/campaigns/" + this.ownersOnly.id() + "/contacts",
				"/campaigns/" + this.shared.id() + "/contacts/" + this.privateContact)) {
			HttpResponse<String> response = get(browser, page);
			assertThat(response.statusCode()).as(page).isEqualTo(404);
			assertThat(response.body()).as(page).doesNotContain(this.marker);
		}
		assertThat(get(browser, "/campaigns/" + this.shared.id() + "/contacts").body()).doesNotContain(this.marker);
		assertThat(api(administrator, "GET", "/api/v1/campaigns", null).body()).doesNotContain(this.ownersOnly.title());
		assertThat(campaignApi(administrator, this.ownersOnly, "GET", "", null).statusCode()).isEqualTo(404);
		assertThat(campaignApi(administrator, this.ownersOnly, "GET", "/contacts", null).statusCode()).isEqualTo(404);
		assertThat(
				campaignApi(administrator, this.shared, "GET", "/contacts/" + this.privateContact, null).statusCode())
			.isEqualTo(404);
		assertThat(campaignApi(administrator, this.shared, "GET", "/contacts", null).body())
			.doesNotContain(this.marker);
		// nor through the audit trail, which copies every record changed
		HttpResponse<String> trail = api(administrator, "GET", "/api/v1/audit?table=outreach_contact", null);
		assertThat(trail.statusCode()).isEqualTo(200);
		assertThat(trail.body()).doesNotContain(this.marker).doesNotContain(this.ownerWhip);
		assertThat(get(browser, "/admin/audit?table=outreach_contact").body()).doesNotContain(this.marker);
		assertThat(get(browser, "/admin/audit").body()).doesNotContain(this.marker);
	}

	@Test
	void anOrganisationsAdministratorAdministersItsOwnOrganisationOnly() throws Exception {
		String admin = this.partnerAdministrator;
		long changesBefore = changesBy(admin);
		String ownerWhipBefore = userRow(this.ownerWhip);
		// another organisation's users are not listed, nor found
		String users = api(admin, "GET", "/api/v1/users", null).body();
		assertThat(users).contains(this.partnerCoordinator).doesNotContain(this.ownerWhip).doesNotContain(this.owner);
		assertThat(api(admin, "GET", "/api/v1/users/" + this.ownerWhip, null).statusCode()).isEqualTo(404);
		assertThat(api(admin, "PUT", "/api/v1/users/" + this.ownerWhip, """
				{"displayName": "Taken", "organisation": "%s", "role": "VIEWER", "enabled": false, "version": 0}
				""".formatted(this.partner)).statusCode()).isEqualTo(404);
		assertThat(api(admin, "DELETE", "/api/v1/users/" + this.ownerWhip + "/two-factor", null).statusCode())
			.isEqualTo(404);
		// nor created in another organisation, nor moved out of its own
		String planted = "planted-" + this.run.toLowerCase();
		assertThat(api(admin, "POST", "/api/v1/users", """
				{"username": "%s", "organisation": "%s", "role": "ADMINISTRATOR"}
				""".formatted(planted, this.owner)).statusCode()).isEqualTo(403);
		assertThat(this.accountsService.findUser(planted)).isEmpty();
		UserAccount own = this.accountsService.user(this.partnerCoordinator);
		assertThat(api(admin, "PUT", "/api/v1/users/" + own.username(), """
				{"displayName": "Moved", "organisation": "%s", "role": "COORDINATOR", "enabled": true, "version": %d}
				""".formatted(this.owner, own.version())).statusCode()).isEqualTo(403);
		assertThat(this.accountsService.user(own.username()).organisationId()).isEqualTo(this.partnerId);
		// organisations: its own only, and it creates none
		String organisations = api(admin, "GET", "/api/v1/organisations", null).body();
		assertThat(organisations).contains(this.partner).doesNotContain(this.owner);
		String newOrganisation = "Forged " + this.run;
		assertThat(api(admin, "POST", "/api/v1/organisations", "{\"name\": \"" + newOrganisation + "\"}").statusCode())
			.isEqualTo(403);
		assertThat(api(admin, "PUT", "/api/v1/organisations/" + this.ownerId, "{\"name\": \"Renamed\"}").statusCode())
			.isEqualTo(403);
		assertThat(api(admin, "PUT", "/api/v1/organisations/" + this.ownerId + "/two-factor", "{\"required\": true}")
			.statusCode()).isEqualTo(404);
		// the same through the pages
		HttpClient browser = signedIn(admin);
		assertThat(get(browser, "/admin/users").body()).contains(this.partnerCoordinator)
			.doesNotContain(this.ownerWhip);
		assertThat(get(browser, "/admin/organisations").body()).contains(this.partner).doesNotContain(this.owner);
		assertThat(get(browser, "/admin/users/" + this.ownerWhip).statusCode()).isEqualTo(404);
		assertThat(post(browser, "/admin/users/" + this.ownerWhip + "/password", "").statusCode()).isEqualTo(404);
		assertThat(post(browser, "/admin/users/" + this.ownerWhip + "/two-factor/reset", "").statusCode())
			.isEqualTo(404);
		assertThat(post(browser, "/admin/users/" + this.ownerWhip, "displayName=Taken&organisation="
				+ this.partner.replace(" ", "+") + "&role=VIEWER&enabled=false&version=0")
			.statusCode()).isEqualTo(404);
		assertThat(post(browser, "/admin/organisations", "name=" + newOrganisation.replace(" ", "+")).statusCode())
			.isEqualTo(403);
		assertThat(post(browser, "/admin/organisations/" + this.ownerId + "/two-factor", "required=true").statusCode())
			.isEqualTo(404);
		assertThat(post(browser, "/admin/users",
				"username=" + planted + "&organisation=" + this.owner.replace(" ", "+") + "&role=WHIP")
			.statusCode()).isEqualTo(403);
		// nothing changed
		assertThat(this.accountsService.findUser(planted)).isEmpty();
		assertThat(this.accountsService.findOrganisation(newOrganisation)).isEmpty();
		assertThat(this.accountsService.organisation(this.ownerId).name()).isEqualTo(this.owner);
		assertThat(this.accountsService.organisation(this.ownerId).twoFactorRequired()).isFalse();
		assertThat(userRow(this.ownerWhip)).isEqualTo(ownerWhipBefore);
		assertThat(changesBy(admin)).isEqualTo(changesBefore);
		// while its own organisation it administers
		HttpResponse<String> created = api(admin, "POST", "/api/v1/users", """
				{"username": "%s", "organisation": "%s", "role": "WHIP"}
				""".formatted(planted, this.partner));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(api(admin, "PUT", "/api/v1/users/" + planted, """
				{"displayName": "Renamed whip", "organisation": "%s", "role": "VIEWER", "enabled": false, "version": 0}
				""".formatted(this.partner)).statusCode()).isEqualTo(200);
		assertThat(post(browser, "/admin/users/" + planted + "/password", "").statusCode()).isEqualTo(302);
		assertThat(api(admin, "PUT", "/api/v1/organisations/" + this.partnerId + "/two-factor", "{\"required\": true}")
			.statusCode()).isEqualTo(200);
		assertThat(this.accountsService.organisation(this.partnerId).twoFactorRequired()).isTrue();
		// and it reads its organisation's part of the trail, not the chain's check
		assertThat(api(admin, "GET", "/api/v1/audit?table=accounts_user", null).body()).contains(planted)
			.doesNotContain(this.ownerWhip);
		assertThat(api(admin, "GET", "/api/v1/audit/verify", null).statusCode()).isEqualTo(403);
	}

	@Test
	void anOperatorAdministersEveryOrganisation() throws Exception {
		String users = api(this.operator, "GET", "/api/v1/users", null).body();
		assertThat(users).contains(this.ownerWhip).contains(this.partnerAdministrator);
		assertThat(api(this.operator, "GET", "/api/v1/organisations", null).body()).contains(this.owner)
			.contains(this.partner);
		String organisation = "Created " + this.run;
		HttpResponse<String> created = api(this.operator, "POST", "/api/v1/organisations",
				"{\"name\": \"" + organisation + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = this.accountsService.findOrganisation(organisation).orElseThrow().id();
		assertThat(api(this.operator, "PUT", "/api/v1/organisations/" + id, "{\"name\": \"" + organisation + " B\"}")
			.statusCode()).isEqualTo(200);
		assertThat(this.accountsService.organisation(id).name()).isEqualTo(organisation + " B");
		String newcomer = "newcomer-" + this.run.toLowerCase();
		assertThat(api(this.operator, "POST", "/api/v1/users", """
				{"username": "%s", "organisation": "%s", "role": "ADMINISTRATOR"}
				""".formatted(newcomer, organisation + " B")).statusCode()).isEqualTo(201);
		UserAccount whip = this.accountsService.user(this.ownerWhip);
		assertThat(api(this.operator, "PUT", "/api/v1/users/" + this.ownerWhip, """
				{"displayName": "Checked", "organisation": "%s", "role": "WHIP", "enabled": true, "version": %d}
				""".formatted(this.owner, whip.version())).statusCode()).isEqualTo(200);
		assertThat(api(this.operator, "PUT", "/api/v1/organisations/" + this.ownerId + "/two-factor",
				"{\"required\": false}")
			.statusCode()).isEqualTo(200);
		// its session carries the operator's authority: the pages create organisations
		HttpClient browser = signedIn(this.operator);
		assertThat(get(browser, "/admin/organisations").body()).contains("Add organisation").contains(this.owner);
		assertThat(post(browser, "/admin/organisations", "name=Paged+" + this.run).statusCode()).isEqualTo(302);
		assertThat(this.accountsService.findOrganisation("Paged " + this.run)).isPresent();
		// and it checks the chain and reads the installation's part of the trail
		assertThat(api(this.operator, "GET", "/api/v1/audit/verify", null).body()).contains("\"intact\":true");
		assertThat(api(this.operator, "GET", "/api/v1/audit?table=accounts_organisation", null).body())
			.contains(organisation);
		assertThat(get(browser, "/admin/audit").body()).contains("The chain is intact");
	}

	@Test
	void onlyTheCommandLineAndTheFirstStartMakeAnOperator() throws Exception {
		// the first administrator is one
		assertThat(this.accountsService.user(FirstAdministrator.USERNAME).operator()).isTrue();
		// the command line names one, whose API token carries the authority
		String named = "op-" + this.run.toLowerCase();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(this.userAdd.run(
				List.of(named, "--organisation", "Operators " + this.run, "--role", "administrator", "--operator"),
				new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("operator");
		assertThat(this.accountsService.user(named).operator()).isTrue();
		String secret = this.accounts.token(named);
		HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/organisations"))
			.header("Authorization", "Bearer " + secret)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"By token " + this.run + "\"}"))
			.header("Content-Type", "application/json"));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(201);
		// no page or API call makes one, whatever it sends
		for (String admin : List.of(this.partnerAdministrator, this.operator)) {
			String username = "try-" + Math.abs(admin.hashCode()) + "-" + this.run.toLowerCase();
			HttpResponse<String> created = api(admin, "POST", "/api/v1/users", """
					{"username": "%s", "organisation": "%s", "role": "ADMINISTRATOR", "operator": true}
					""".formatted(username, this.partner));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			assertThat(this.accountsService.user(username).operator()).isFalse();
			assertThat(api(admin, "PUT", "/api/v1/users/" + username, """
					{"displayName": "Up", "organisation": "%s", "role": "ADMINISTRATOR", "enabled": true, "version": 0,
					 "operator": true}
					""".formatted(this.partner)).statusCode()).isEqualTo(200);
			assertThat(this.accountsService.user(username).operator()).isFalse();
			HttpClient browser = signedIn(admin);
			post(browser, "/admin/users/" + username, "displayName=Up&organisation=" + this.partner.replace(" ", "+")
					+ "&role=ADMINISTRATOR&enabled=true&version=1&operator=true");
			assertThat(this.accountsService.user(username).operator()).isFalse();
		}
		// an organisation's administrator cannot take an operator's account either
		String operatorsAdministrator = this.accounts.user(Role.ADMINISTRATOR, "Operators " + this.run);
		HttpClient browser = signedIn(operatorsAdministrator);
		assertThat(post(browser, "/admin/users/" + this.operator + "/password", "").statusCode()).isEqualTo(403);
		assertThat(api(operatorsAdministrator, "PUT", "/api/v1/users/" + this.operator,
				"""
						{"displayName": "Taken", "organisation": "Operators %s", "role": "VIEWER", "enabled": false, "version": 0}
						"""
					.formatted(this.run))
			.statusCode()).isEqualTo(403);
		assertThat(this.accountsService.user(this.operator).enabled()).isTrue();
	}

	private String userRow(String username) {
		return this.jdbc.sql("select to_jsonb(u)::text from accounts_user u where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private long changesBy(String actor) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ?")
			.param(actor)
			.query(Long.class)
			.single();
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

	/** A form posted from a page, with the page's CSRF token. */
	private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
		Matcher csrf = CSRF.matcher(get(browser, "/account").body());
		assertThat(csrf.find()).isTrue();
		return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + (form.isEmpty() ? "" : "&") + "_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> campaignApi(String username, Campaign campaign, String method, String path,
			String json) throws Exception {
		return api(username, method, "/api/v1/campaigns/" + campaign.id() + path, json);
	}

	private HttpResponse<String> api(String username, String method, String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + token(username))
			.header("Content-Type", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
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
