package org.plenary.campaigns;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leak tests for coalitions: the owner plants marker strings in its private contact (what
 * was said, who said it, an attachment), its follow-up and its private stance read; a
 * partner's whip then reads every page, API call, search and live update of the campaign
 * and never meets a marker, while it does see what the owner shared. An organisation
 * outside the campaign sees nothing of it; a partner that leaves takes its records along.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoalitionLeakTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Contacts contacts;

	@Autowired
	org.plenary.whip.WhipCount whip;

	private final String run = "R" + System.nanoTime();

	private String marker;

	private String ownerCoordinator;

	private String ownerWhip;

	private String partnerCoordinator;

	private String partnerWhip;

	private String outsiderWhip;

	private long partnerId;

	private Campaign campaign;

	@BeforeEach
	void aCoalitionWithPlantedSecrets() throws Exception {
		this.marker = "SECRET" + this.run;
		String owner = "Owner Mission " + this.run;
		String partner = "Partner Mission " + this.run;
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, owner);
		this.partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
		this.partnerWhip = this.accounts.user(Role.WHIP, partner);
		this.outsiderWhip = this.accounts.user(Role.WHIP, "Outsider Mission " + this.run);
		this.partnerId = this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(partner))
			.findFirst()
			.orElseThrow()
			.id();
		this.campaign = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS, this.ownerCoordinator);
		// the owner invites the partner, which accepts, all through the API
		assertThat(api(this.ownerCoordinator, "POST", "/partners", "{\"organisationId\": " + this.partnerId + "}")
			.statusCode()).isEqualTo(201);
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(200);

		// the owner's private contact with Kenya: what was said, who said it, a read
		// (a private read of the owner, as private as its contact), a follow-up and a
		// file, all marked
		HttpResponse<String> logged = api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN", "read": "LEANING_YES"}],
				 "theirs": [{"name": "%1$s-source"}], "asked": "%1$s-asked", "said": "%1$s-said",
				 "followUpOn": "%2$s", "followUpTitle": "%1$s-follow-up"}
				""".formatted(this.marker, LocalDate.now().plusDays(2)));
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		long contactId = Long.parseLong(logged.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
		Acting.asUser(this.ownerWhip, () -> this.contacts.attach(this.campaign.id(), contactId,
				this.marker + "-file.txt", "text/plain", (this.marker + "-content").getBytes(), this.ownerWhip));
		// a private read of Ghana, and a contact the owner shares with the coalition
		assertThat(api(this.ownerWhip, "POST", "/stances/GHA/private-reads", "{\"stance\": \"YES\", \"note\": \""
				+ this.marker + "-read\", \"sourceName\": \"" + this.marker + "-read-source\"}")
			.statusCode()).isEqualTo(201);
		assertThat(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "MEETING", "states": [{"iso3": "NGA"}], "said": "SHARED%s", "visibility": "COALITION"}
				""".formatted(this.run)).statusCode()).isEqualTo(201);
		// a follow-up made by hand and kept to the organisation
		assertThat(api(this.ownerWhip, "POST", "/follow-ups", """
				{"iso3": "KEN", "title": "%s-own-task", "dueOn": "%s", "visibility": "ORGANISATION"}
				""".formatted(this.marker, LocalDate.now().plusDays(1))).statusCode()).isEqualTo(201);
		// a talking point for Kenya kept to the organisation, and one for the coalition
		assertThat(api(this.ownerWhip, "POST", "/talking-points", """
				{"iso3": "KEN", "body": "%s-point", "visibility": "ORGANISATION"}
				""".formatted(this.marker)).statusCode()).isEqualTo(201);
		assertThat(api(this.ownerWhip, "POST", "/talking-points", """
				{"iso3": "KEN", "body": "SHAREDPOINT%s"}
				""".formatted(this.run)).statusCode()).isEqualTo(201);
	}

	@Test
	void aPartnerSeesTheSharedBoardAndNoneOfTheOwnersPrivateRecords() throws Exception {
		long id = this.campaign.id();
		HttpClient partner = signedIn(this.partnerWhip);
		List<String> pages = List.of("/campaigns", "/campaigns/" + id, "/campaigns/" + id + "/contacts",
				"/campaigns/" + id + "/contacts?state=KEN", "/campaigns/" + id + "/contacts?state=Kenya';--",
				"/campaigns/" + id + "/follow-ups", "/campaigns/" + id + "/mine",
				"/campaigns/" + id + "/states/KEN/timeline", "/campaigns/" + id + "/states/GHA/timeline",
				"/campaigns/" + id + "/stances/KEN", "/campaigns/" + id + "/stances/GHA",
				"/campaigns/" + id + "/board/tally", "/campaigns/" + id + "/board/map",
				"/campaigns/" + id + "/forecast", "/campaigns/" + id + "/assignments",
				"/campaigns/" + id + "/coalition", "/campaigns/" + id + "/quick-log?state=KEN");
		for (String page : pages) {
			HttpResponse<String> response = get(partner, page);
			assertThat(response.statusCode()).as(page).isLessThan(500);
			assertThat(response.body()).as(page).doesNotContain(this.marker);
		}
		// the read of the private contact stays off the shared board
		assertThat(api(this.partnerWhip, "GET", "/stances/KEN", null).body()).contains("\"stance\":\"UNKNOWN\"");
		assertThat(get(partner, "/campaigns/" + id + "/contacts").body()).contains("SHARED" + this.run);
		List<String> calls = List.of("/board", "/tally", "/contacts", "/contacts?state=KEN", "/follow-ups",
				"/stances/KEN", "/stances/KEN/history", "/stances/GHA/private-reads", "/stances/GHA/history",
				"/states/KEN/timeline", "/forecast", "/forecast/targets", "/partners");
		for (String call : calls) {
			HttpResponse<String> response = api(this.partnerWhip, "GET", call, null);
			assertThat(response.statusCode()).as(call).isLessThan(500);
			assertThat(response.body()).as(call).doesNotContain(this.marker);
		}
		assertThat(api(this.partnerWhip, "GET", "/stances/GHA/private-reads", null).body()).isEqualTo("[]");
		// the private records themselves are not found, however they are asked for
		long contactId = ownersPrivateContact();
		assertThat(get(partner, "/campaigns/" + id + "/contacts/" + contactId).statusCode()).isEqualTo(404);
		assertThat(api(this.partnerWhip, "GET", "/contacts/" + contactId, null).statusCode()).isEqualTo(404);
		assertThat(api(this.partnerWhip, "GET", "/contacts/" + contactId + "/revisions", null).statusCode())
			.isEqualTo(404);
		long attachmentId = Acting.asUser(this.ownerWhip,
				() -> this.contacts.contact(id, contactId).attachments().get(0).id());
		assertThat(get(partner, "/campaigns/" + id + "/attachments/" + attachmentId).statusCode()).isEqualTo(404);
		assertThat(api(this.partnerWhip, "GET", "/attachments/" + attachmentId, null).statusCode()).isEqualTo(404);
		// exports: the workbook of every part and each CSV
		assertThat(workbookText(download(partner, "/campaigns/" + id + "/export"))).contains("SHARED" + this.run)
			.doesNotContain(this.marker);
		for (String part : List.of("board", "contacts")) {
			HttpResponse<String> csv = api(this.partnerWhip, "GET", "/export?format=csv&part=" + part, null);
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.body()).as(part).doesNotContain(this.marker);
		}
		// the reports: call sheets, the daily report, the talking points
		String partnerSheet = pdfText(download(partner, "/campaigns/" + id + "/call-sheets.pdf?states=KEN,GHA"));
		assertThat(partnerSheet).contains("Kenya").contains("SHAREDPOINT" + this.run).doesNotContain(this.marker);
		assertThat(pdfText(download(partner, "/campaigns/" + id + "/call-sheets.pdf"))).doesNotContain(this.marker);
		assertThat(pdfText(download(partner, "/campaigns/" + id + "/daily.pdf"))).doesNotContain(this.marker);
		for (String page : List.of("/campaigns/" + id + "/daily", "/campaigns/" + id + "/talking-points",
				"/campaigns/" + id + "/call-sheets")) {
			assertThat(get(partner, page).body()).as(page).doesNotContain(this.marker);
		}
		for (String call : List.of("/daily-report", "/talking-points")) {
			assertThat(api(this.partnerWhip, "GET", call, null).body()).as(call).doesNotContain(this.marker);
		}
		// the owner, for its part, sees all of it
		HttpClient owner = signedIn(this.ownerWhip);
		assertThat(pdfText(download(owner, "/campaigns/" + id + "/call-sheets.pdf?states=KEN")))
			.contains(this.marker + "-said")
			.contains(this.marker + "-point");
		assertThat(workbookText(download(owner, "/campaigns/" + id + "/export"))).contains(this.marker + "-said")
			.contains(this.marker + "-read");
		assertThat(get(owner, "/campaigns/" + id + "/contacts").body()).contains(this.marker + "-said");
		assertThat(get(owner, "/campaigns/" + id).body()).contains(this.marker + "-read").contains("Private read");
		assertThat(get(owner, "/campaigns/" + id + "/follow-ups").body()).contains(this.marker + "-follow-up")
			.contains(this.marker + "-own-task");
	}

	@Test
	void aLiveUpdateCarriesTheOwnersPrivateReadToTheOwnerAlone() throws Exception {
		long id = this.campaign.id();
		BufferedReader partnerEvents = events(signedIn(this.partnerWhip), id);
		BufferedReader ownerEvents = events(signedIn(this.ownerWhip), id);
		List<String> partnerSaw = new ArrayList<>();
		CompletableFuture<String> partnerRow = until(partnerEvents, "event:stance-KEN", "Undecided", partnerSaw);
		CompletableFuture<String> ownerRow = until(ownerEvents, "event:stance-KEN", this.marker + "-live",
				new ArrayList<>());
		// a private read (the owner's boards alone), then a read from a contact shared
		// with the coalition (every board)
		assertThat(api(this.ownerWhip, "POST", "/stances/KEN/private-reads",
				"{\"stance\": \"YES\", \"note\": \"" + this.marker + "-live\"}")
			.statusCode()).isEqualTo(201);
		assertThat(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN", "read": "UNDECIDED"}], "said": "SHARED-live-said",
				 "visibility": "COALITION"}
				""").statusCode()).isEqualTo(201);
		assertThat(ownerRow.get(15, TimeUnit.SECONDS)).contains(this.marker + "-live");
		assertThat(partnerRow.get(15, TimeUnit.SECONDS)).contains("Undecided");
		assertThat(partnerSaw).noneMatch((line) -> line.contains(this.marker));
	}

	@Test
	void aPartnerCannotChangeTheCampaignNorPublishTheOwnersRead() throws Exception {
		HttpResponse<String> settings = api(this.partnerCoordinator, "PUT", "",
				"{\"title\": \"Taken over\", \"status\": \"WHIPPING\", \"version\": " + this.campaign.version() + "}");
		assertThat(settings.statusCode()).as(settings.body()).isEqualTo(403);
		assertThat(settings.body()).contains("owns");
		assertThat(api(this.partnerCoordinator, "POST", "/partners", "{\"organisationId\": " + this.partnerId + "}")
			.statusCode()).isEqualTo(403);
		// a partner's administrator acts as its organisation, a partner, and cannot
		// either
		String admin = this.accounts.user(Role.ADMINISTRATOR, "Partner Mission " + this.run);
		assertThat(api(admin, "PUT", "",
				"{\"title\": \"Taken over\", \"status\": \"WHIPPING\", \"version\": " + this.campaign.version() + "}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anOrganisationOutsideTheCampaignSeesNothingOfIt() throws Exception {
		long id = this.campaign.id();
		HttpClient outsider = signedIn(this.outsiderWhip);
		assertThat(get(outsider, "/campaigns").body()).doesNotContain(this.campaign.title());
		for (String page : List.of("/campaigns/" + id, "/campaigns/" + id + "/contacts",
				"/campaigns/" + id + "/stances/KEN", "/campaigns/" + id + "/coalition",
				"/campaigns/" + id + "/board/events")) {
			HttpResponse<String> response = get(outsider, page);
			assertThat(response.statusCode()).as(page).isEqualTo(404);
			assertThat(response.body()).as(page).doesNotContain(this.marker).doesNotContain(this.campaign.title());
		}
		for (String call : List.of("/board", "/contacts", "/stances/KEN", "/stances/KEN/history", "/partners")) {
			assertThat(api(this.outsiderWhip, "GET", call, null).statusCode()).as(call).isEqualTo(404);
		}
		assertThat(api(this.outsiderWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN", "read": "NO"}], "said": "intruding"}
				""").statusCode()).isEqualTo(404);
	}

	@Test
	void aPartnerThatLeavesTakesItsRecordsAndLosesTheCampaign() throws Exception {
		long id = this.campaign.id();
		assertThat(api(this.partnerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "GHA"}], "said": "PARTNERSHARED%s", "visibility": "COALITION"}
				""".formatted(this.run)).statusCode()).isEqualTo(201);
		HttpClient owner = signedIn(this.ownerWhip);
		assertThat(get(owner, "/campaigns/" + id + "/contacts").body()).contains("PARTNERSHARED" + this.run);
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"LEAVE\"}").statusCode())
			.isEqualTo(200);
		assertThat(get(owner, "/campaigns/" + id + "/contacts").body()).doesNotContain("PARTNERSHARED" + this.run);
		assertThat(get(signedIn(this.partnerWhip), "/campaigns/" + id).statusCode()).isEqualTo(404);
		// invited again and accepting, its records come back with it
		assertThat(api(this.ownerCoordinator, "POST", "/partners", "{\"organisationId\": " + this.partnerId + "}")
			.statusCode()).isEqualTo(201);
		assertThat(api(this.partnerCoordinator, "GET", "/../../invitations", null).body())
			.contains(this.campaign.title());
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(200);
		assertThat(get(owner, "/campaigns/" + id + "/contacts").body()).contains("PARTNERSHARED" + this.run);
		// removed by the owner, it loses the campaign again
		assertThat(api(this.ownerCoordinator, "DELETE", "/partners/" + this.partnerId, null).statusCode())
			.isEqualTo(200);
		assertThat(api(this.partnerWhip, "GET", "/board", null).statusCode()).isEqualTo(404);
		// no longer invited, it is told no more than of any campaign it does not take
		// part in
		assertThat(api(this.partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aContactSharedWithNamedPartnersReachesThemAlone() throws Exception {
		long id = this.campaign.id();
		// a second partner, not named
		String third = "Third Mission " + this.run;
		String thirdCoordinator = this.accounts.user(Role.COORDINATOR, third);
		String thirdWhip = this.accounts.user(Role.WHIP, third);
		long thirdId = this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(third))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(
				api(this.ownerCoordinator, "POST", "/partners", "{\"organisationId\": " + thirdId + "}").statusCode())
			.isEqualTo(201);
		assertThat(api(thirdCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode()).isEqualTo(200);
		// the owner's whip names the first partner on the contact form
		HttpClient owner = signedIn(this.ownerWhip);
		String form = get(owner, "/campaigns/" + id + "/contacts/new?state=KEN").body();
		assertThat(form).contains("Partner Mission " + this.run).contains(third);
		String csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String body = "states=KEN&channel=CALL&said=NAMED" + this.run + "&visibility=PARTNERS&sharedWith="
				+ this.partnerId + "&key=" + java.util.UUID.randomUUID() + "&_csrf=" + csrf;
		HttpResponse<String> logged = owner
			.send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + id + "/contacts"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logged.statusCode()).as(logged.body()).isEqualTo(302);
		assertThat(get(signedIn(this.partnerWhip), "/campaigns/" + id + "/contacts").body())
			.contains("NAMED" + this.run);
		assertThat(get(signedIn(thirdWhip), "/campaigns/" + id + "/contacts").body()).doesNotContain("NAMED" + this.run)
			.contains("SHARED" + this.run);
		// and a read shared with the first partner from the board's edit form
		String edit = get(owner, "/campaigns/" + id + "/stances/SEN/edit").body();
		assertThat(edit).contains("name=\"sharedWith\"").contains(third);
		HttpResponse<String> read = owner
			.send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + id + "/stances/SEN"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("stance=NO&version=0&note=NAMEDREAD" + this.run
						+ "&sharedWith=" + this.partnerId + "&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(api(this.partnerWhip, "GET", "/stances/SEN/private-reads", null).body())
			.contains("NAMEDREAD" + this.run);
		assertThat(api(thirdWhip, "GET", "/stances/SEN/private-reads", null).body()).isEqualTo("[]");
		assertThat(api(thirdWhip, "GET", "/stances/SEN", null).body()).contains("\"stance\":\"UNKNOWN\"");
	}

	/**
	 * The forecast reads the board's stances ({@code WhipCount.stances}): every
	 * organisation gets the same input, without anyone's private read or private note.
	 */
	@Test
	void theForecastsInputIsTheSharedBoardForEveryOrganisation() {
		long id = this.campaign.id();
		var owners = Acting.asUser(this.ownerWhip, () -> this.whip.stances(id));
		var partners = Acting.asUser(this.partnerWhip, () -> this.whip.stances(id));
		assertThat(owners).isEqualTo(partners);
		// neither the private read of Ghana nor the read of the private contact with
		// Kenya is there
		assertThat(owners).doesNotContainKey("GHA").doesNotContainKey("KEN");
		assertThat(owners.toString()).doesNotContain(this.marker);
	}

	@Test
	void aPrivateReadsHostileNoteRendersInert() throws Exception {
		String hostile = "<script>alert('" + this.run + "')</script><img src=x onerror=alert(1)>";
		assertThat(api(this.ownerWhip, "POST", "/stances/MLI/private-reads",
				"{\"stance\": \"NO\", \"note\": \"" + hostile.replace("'", "\\u0027") + "\"}")
			.statusCode()).isEqualTo(201);
		HttpClient owner = signedIn(this.ownerWhip);
		for (String page : List.of("/campaigns/" + this.campaign.id(),
				"/campaigns/" + this.campaign.id() + "/stances/MLI")) {
			String body = get(owner, page).body();
			assertThat(body).as(page)
				.contains("&lt;script&gt;alert(")
				.doesNotContain("<script>alert(")
				.doesNotContain("<img src=x");
		}
	}

	@Test
	void theOwnerPublishesAPrivateReadToTheCoalition() throws Exception {
		String read = api(this.ownerWhip, "GET", "/stances/GHA/private-reads", null).body();
		long readId = Long.parseLong(read.replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1"));
		assertThat(api(this.partnerWhip, "POST", "/private-reads/" + readId + "/publish", "{\"expectedVersion\": 0}")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> published = api(this.ownerWhip, "POST", "/private-reads/" + readId + "/publish",
				"{\"expectedVersion\": 0}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		// now the coalition's: the partner sees the read and its note on the board
		assertThat(api(this.partnerWhip, "GET", "/stances/GHA", null).body()).contains("\"stance\":\"YES\"")
			.contains(this.marker + "-read");
		// publishing again changes nothing
		assertThat(api(this.ownerWhip, "POST", "/private-reads/" + readId + "/publish", "{\"expectedVersion\": 0}")
			.statusCode()).isEqualTo(200);
		assertThat(api(this.ownerWhip, "GET", "/stances/GHA/history", null).body().split("\"version\"")).hasSize(2);
	}

	@Test
	void anOrganisationLowersOneOfItsWhipsToAViewerInThisCampaignOnly() throws Exception {
		String stance = "{\"stance\": \"NO\", \"expectedVersion\": 0}";
		// only the whip's own organisation sets its role
		assertThat(
				api(this.ownerCoordinator, "PUT", "/roles/" + this.partnerWhip, "{\"role\": \"VIEWER\"}").statusCode())
			.isEqualTo(403);
		HttpResponse<String> set = api(this.partnerCoordinator, "PUT", "/roles/" + this.partnerWhip,
				"{\"role\": \"VIEWER\"}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(set.body()).contains("\"applies\":\"VIEWER\"");
		HttpResponse<String> refused = api(this.partnerWhip, "PUT", "/stances/MLI", stance);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("In this campaign you are a viewer");
		// elsewhere the whip still whips
		Campaign other = this.campaigns.generalAssembly(DecisionRule.TWO_THIRDS);
		HttpRequest elsewhere = HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/campaigns/" + other.id() + "/stances/MLI"))
			.header("Authorization", "Bearer " + token(this.partnerWhip))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(stance))
			.build();
		assertThat(HttpClient.newHttpClient().send(elsewhere, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
		// a role can only lower: a viewer set as coordinator stays a viewer
		String viewer = this.accounts.user(Role.VIEWER, "Partner Mission " + this.run);
		assertThat(api(this.partnerCoordinator, "PUT", "/roles/" + viewer, "{\"role\": \"COORDINATOR\"}").body())
			.contains("\"applies\":\"VIEWER\"");
		// cleared, the whip's own role applies again
		assertThat(api(this.partnerCoordinator, "PUT", "/roles/" + this.partnerWhip, "{\"role\": null}").statusCode())
			.isEqualTo(200);
		assertThat(api(this.partnerWhip, "PUT", "/stances/MLI", stance).statusCode()).isEqualTo(200);
	}

	private byte[] download(HttpClient browser, String path) throws Exception {
		HttpResponse<byte[]> response = browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** Every cell of a workbook, as text. */
	private static String pdfText(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
	}

	private static String workbookText(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
				for (org.apache.poi.ss.usermodel.Row row : sheet) {
					for (org.apache.poi.ss.usermodel.Cell cell : row) {
						text.append(format.formatCellValue(cell)).append('\t');
					}
					text.append('\n');
				}
			}
		}
		return text.toString();
	}

	private long ownersPrivateContact() {
		return Acting.asUser(this.ownerWhip,
				() -> this.contacts.contacts(this.campaign.id(), Contacts.ContactFilter.all(100))
					.stream()
					.filter((c) -> c.channel() == Channel.CALL && c.said() != null && c.said().contains(this.marker))
					.mapToLong(Contact::id)
					.findFirst()
					.orElseThrow());
	}

	private HttpClient signedIn(String username) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(FormSignIn.signIn(browser, base(), username).statusCode()).isEqualTo(302);
		return browser;
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(
				HttpRequest.newBuilder(URI.create(base() + path.replace("'", "%27").replace(";", "%3B"))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A call to the campaign's API (paths relative to /api/v1/campaigns/{id}). */
	private HttpResponse<String> api(String username, String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/campaigns/" + this.campaign.id() + path).normalize())
			.header("Authorization", "Bearer " + token(username))
			.header("Content-Type", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

	private String token(String username) {
		return this.tokens.computeIfAbsent(username, this.accounts::token);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private BufferedReader events(HttpClient browser, long id) throws Exception {
		HttpResponse<InputStream> stream = browser
			.send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + id + "/board/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		assertThat(events.readLine()).isEqualTo("event:connected");
		return events;
	}

	/**
	 * Reads the stream until an event of this name carries the text, keeping every line.
	 */
	private static CompletableFuture<String> until(BufferedReader events, String event, String text,
			List<String> seen) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				boolean named = false;
				for (String line = events.readLine(); line != null; line = events.readLine()) {
					seen.add(line);
					if (line.startsWith("event:")) {
						named = line.equals(event);
					}
					else if (named && line.startsWith("data:") && line.contains(text)) {
						return line;
					}
				}
				return "closed";
			}
			catch (java.io.IOException ex) {
				return "closed: " + ex.getMessage();
			}
		});
	}

}
