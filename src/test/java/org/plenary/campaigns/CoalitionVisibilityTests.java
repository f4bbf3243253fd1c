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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.FormSignIn;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visibility derived one way (ADR 0011): a read is as private as its contact or more;
 * what a rule makes from a private record is private to the same audience; live events
 * reach only the boards that may see what changed; and a partner never learns that a
 * record it does not see exists: no source metadata, no dates, no ids, no error naming
 * it. The owner works through the API as a whip would; the partner's whip reads
 * everything it may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoalitionVisibilityTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	TestCampaigns campaigns;

	@Autowired
	Campaigns campaignService;

	@Autowired
	JdbcClient jdbc;

	private final String run = "R" + System.nanoTime();

	private String ownerCoordinator;

	private String ownerWhip;

	private String partnerWhip;

	private Campaign campaign;

	@BeforeEach
	void aCoalition() throws Exception {
		String owner = "Owner Mission " + this.run;
		String partner = "Partner Mission " + this.run;
		this.ownerCoordinator = this.accounts.user(Role.COORDINATOR, owner);
		this.ownerWhip = this.accounts.user(Role.WHIP, owner);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, partner);
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
		assertThat(api(partnerCoordinator, "PUT", "/invitation", "{\"answer\": \"ACCEPT\"}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aReadFromAnOrganisationOnlyContactStaysOffTheSharedBoardAndIsPublishedBare() throws Exception {
		long contactId = logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "VIDEO_CALL", "states": [{"iso3": "KEN", "read": "NO"}],
				 "theirs": [{"name": "Foreign Minister", "level": "MINISTER"}], "said": "Private words"}
				"""));
		// the partner sees no read, nor anything of where it came from
		String partnerStance = api(this.partnerWhip, "GET", "/stances/KEN", null).body();
		assertThat(partnerStance).contains("\"stance\":\"UNKNOWN\"");
		for (String call : List.of("/stances/KEN", "/stances/KEN/history", "/board", "/export?format=csv&part=board")) {
			String body = api(this.partnerWhip, "GET", call, null).body();
			assertThat(body).as(call)
				.doesNotContain("MINISTER")
				.doesNotContain("Minister")
				.doesNotContain("VIDEO_CALL")
				.doesNotContain("Video call")
				.doesNotContain(this.ownerWhip)
				.doesNotContain("\"contactId\":" + contactId);
		}
		// the owner holds it as its private read, and publishes it: bare
		String reads = api(this.ownerWhip, "GET", "/stances/KEN/private-reads", null).body();
		assertThat(reads).contains("\"stance\":\"NO\"").contains("\"contactId\":" + contactId);
		long readId = Long.parseLong(reads.replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1"));
		assertThat(
				api(this.ownerCoordinator, "POST", "/private-reads/" + readId + "/publish", "{\"expectedVersion\": 0}")
					.statusCode())
			.isEqualTo(200);
		for (String call : List.of("/stances/KEN", "/stances/KEN/history", "/export?format=csv&part=board")) {
			String body = api(this.partnerWhip, "GET", call, null).body();
			assertThat(body).as(call)
				.doesNotContain("MINISTER")
				.doesNotContain("Minister")
				.doesNotContain("VIDEO_CALL")
				.doesNotContain("Video call")
				.doesNotContain("Private words")
				.doesNotContain(this.ownerWhip)
				.doesNotContain("\"contactId\":" + contactId);
		}
		assertThat(api(this.partnerWhip, "GET", "/stances/KEN", null).body()).contains("\"stance\":\"NO\"");
		assertThat(text(signedIn(this.partnerWhip), "/campaigns/" + this.campaign.id() + "/stances/KEN"))
			.doesNotContain("Minister")
			.doesNotContain("Video call")
			.doesNotContain(this.ownerWhip);
	}

	@Test
	void aCoalitionContactWhoseReadIsKeptPrivateShowsPartnersNoRead() throws Exception {
		long contactId = logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "GHA", "read": "LEANING_NO", "confidence": "HIGH"}],
				 "said": "SHARED%s", "visibility": "COALITION", "privateReads": true}
				""".formatted(this.run)));
		String json = api(this.partnerWhip, "GET", "/contacts/" + contactId, null).body();
		assertThat(json).contains("SHARED" + this.run).doesNotContain("LEANING_NO").doesNotContain("HIGH");
		assertThat(api(this.partnerWhip, "GET", "/contacts?state=GHA", null).body()).contains("SHARED" + this.run)
			.doesNotContain("LEANING_NO");
		String csv = api(this.partnerWhip, "GET", "/export?format=csv&part=contacts", null).body();
		assertThat(csv).contains("SHARED" + this.run).doesNotContain("Leaning no");
		HttpClient partner = signedIn(this.partnerWhip);
		String page = text(partner, "/campaigns/" + this.campaign.id() + "/contacts/" + contactId);
		assertThat(page).contains("SHARED" + this.run).doesNotContain("Leaning no");
		String timeline = text(partner, "/campaigns/" + this.campaign.id() + "/states/GHA/timeline");
		assertThat(timeline).contains("SHARED" + this.run).doesNotContain("Leaning no");
		String sheet = pdfText(partner, "/campaigns/" + this.campaign.id() + "/call-sheets.pdf?states=GHA");
		assertThat(sheet).contains("SHARED" + this.run).doesNotContain("Leaning no");
		// its own organisation sees the read on the contact
		assertThat(api(this.ownerWhip, "GET", "/contacts/" + contactId, null).body()).contains("LEANING_NO");
		assertThat(text(signedIn(this.ownerWhip), "/campaigns/" + this.campaign.id() + "/contacts/" + contactId))
			.contains("Leaning no");
	}

	@Test
	void aPartnersStreamHearsNothingOfAPrivateRead() throws Exception {
		long id = this.campaign.id();
		BufferedReader partnerEvents = events(signedIn(this.partnerWhip), id);
		BufferedReader ownerEvents = events(signedIn(this.ownerWhip), id);
		List<String> partnerSaw = new ArrayList<>();
		List<String> ownerSaw = new ArrayList<>();
		CompletableFuture<String> partnerSenegal = until(partnerEvents, "event:stance-SEN", partnerSaw);
		CompletableFuture<String> ownerSenegal = until(ownerEvents, "event:stance-SEN", ownerSaw);
		// a private read, a read from a contact kept to the organisation, and a contact
		// kept to it without a read; then a read on the shared board, which all hear
		assertThat(api(this.ownerWhip, "POST", "/stances/KEN/private-reads", "{\"stance\": \"YES\"}").statusCode())
			.isEqualTo(201);
		logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "GHA", "read": "NO"}], "said": "Kept"}
				"""));
		logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "MLI"}], "said": "Kept too"}
				"""));
		assertThat(
				api(this.ownerWhip, "PUT", "/stances/SEN", "{\"stance\": \"NO\", \"expectedVersion\": 0}").statusCode())
			.isEqualTo(200);
		assertThat(ownerSenegal.get(20, TimeUnit.SECONDS)).isEqualTo("event:stance-SEN");
		assertThat(partnerSenegal.get(20, TimeUnit.SECONDS)).isEqualTo("event:stance-SEN");
		// the owner's boards heard of its own records; the partner's heard nothing of
		// them
		assertThat(ownerSaw).contains("event:stance-KEN", "event:stance-GHA", "event:stance-MLI");
		assertThat(partnerSaw).doesNotContain("event:stance-KEN", "event:stance-GHA", "event:stance-MLI");
	}

	@Test
	void ruleMadeFollowUpsTellAPartnerNothingOfThePrivateContacts() throws Exception {
		long id = this.campaign.id();
		Campaign whipping = this.campaignService.changeStatus(id, Campaign.Status.WHIPPING, this.campaign.version());
		assertThat(whipping.status()).isEqualTo(Campaign.Status.WHIPPING);
		this.jdbc.sql("update campaigns_campaign set created_at = now() - interval '30 days' where id = ?")
			.param(id)
			.update();
		// the owner's private contact with Kenya, ten days ago
		Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
		long old = logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "occurredAt": "%s", "states": [{"iso3": "KEN"}], "said": "Kept"}
				""".formatted(tenDaysAgo)));
		String date = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
			.format(LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC));
		// the owner's not-contacted follow-up tells the date of its own contact; the
		// partner's is judged on what the partner sees
		String owners = api(this.ownerWhip, "GET", "/follow-ups?state=KEN", null).body();
		assertThat(owners).contains("last contact on " + date);
		String partners = api(this.partnerWhip, "GET", "/follow-ups?state=KEN", null).body();
		assertThat(partners).contains("not contacted since the campaign opened").doesNotContain(date);
		// a new private contact closes the owner's follow-up alone
		logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN"}], "said": "Kept again"}
				"""));
		assertThat(api(this.ownerWhip, "GET", "/follow-ups?state=KEN&status=OPEN", null).body())
			.doesNotContain("NOT_CONTACTED");
		String stillOpen = api(this.partnerWhip, "GET", "/follow-ups?state=KEN", null).body();
		assertThat(stillOpen).contains("NOT_CONTACTED").contains("\"status\":\"OPEN\"").doesNotContain("DONE");
		// a read from a private contact that slips on the board makes no follow-up the
		// partner sees, nor does it name the contact
		assertThat(api(this.ownerWhip, "PUT", "/stances/MLI", "{\"stance\": \"YES\", \"expectedVersion\": 0}")
			.statusCode()).isEqualTo(200);
		long slipped = logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "MLI", "read": "NO"}], "said": "Kept"}
				"""));
		// the slip is the owner's: its follow-up is the owner's, like the read
		assertThat(api(this.ownerWhip, "GET", "/follow-ups?state=MLI", null).body()).contains("SLIPPED")
			.contains("\"contactId\":" + slipped);
		String partnersMali = api(this.partnerWhip, "GET", "/follow-ups?state=MLI", null).body();
		assertThat(partnersMali).doesNotContain("SLIPPED")
			.doesNotContain("\"contactId\":" + slipped)
			.doesNotContain("\"contactId\":" + old);
		for (String call : List.of("/follow-ups", "/follow-ups?status=DONE", "/states/KEN/timeline",
				"/states/MLI/timeline")) {
			String body = api(this.partnerWhip, "GET", call, null).body();
			assertThat(body).as(call)
				.doesNotContain(date)
				.doesNotContain("\"contactId\":" + slipped)
				.doesNotContain("\"contactId\":" + old);
		}
	}

	@Test
	void aPartnersTimelineNeitherFailsNorNamesAHiddenContact() throws Exception {
		long contactId = logged(api(this.ownerWhip, "POST", "/contacts", """
				{"channel": "CALL", "states": [{"iso3": "KEN", "read": "LEANING_YES"}], "said": "Kept"}
				"""));
		HttpClient partner = signedIn(this.partnerWhip);
		HttpResponse<String> page = get(partner, "/campaigns/" + this.campaign.id() + "/states/KEN/timeline");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("/contacts/" + contactId).doesNotContain("No contact");
		HttpResponse<String> timeline = api(this.partnerWhip, "GET", "/states/KEN/timeline", null);
		assertThat(timeline.statusCode()).isEqualTo(200);
		assertThat(timeline.body()).doesNotContain("\"contactId\":" + contactId);
		// asked for it, the hidden contact is not found, in the words of one that never
		// was
		HttpResponse<String> hidden = api(this.partnerWhip, "GET", "/contacts/" + contactId, null);
		HttpResponse<String> missing = api(this.partnerWhip, "GET", "/contacts/" + (contactId + 1_000_000), null);
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).doesNotContain("No contact").contains("Not found");
		assertThat(missing.body()).doesNotContain("No contact").contains("Not found");
		String hiddenPage = get(partner, "/campaigns/" + this.campaign.id() + "/contacts/" + contactId).body();
		assertThat(hiddenPage).doesNotContain("No contact " + contactId);
	}

	private long logged(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Long.parseLong(response.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
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

	private String text(HttpClient browser, String path) throws Exception {
		HttpResponse<String> response = get(browser, path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String pdfText(HttpClient browser, String path) throws Exception {
		HttpResponse<byte[]> response = browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(response.body())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** A call to the campaign's API (paths relative to /api/v1/campaigns/{id}). */
	private HttpResponse<String> api(String username, String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base() + "/api/v1/campaigns/" + this.campaign.id() + path))
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

	private BufferedReader events(HttpClient browser, long id) throws Exception {
		HttpResponse<InputStream> stream = browser
			.send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + id + "/board/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		assertThat(events.readLine()).isEqualTo("event:connected");
		return events;
	}

	/** Reads the stream until an event of this name, keeping every line. */
	private static CompletableFuture<String> until(BufferedReader events, String event, List<String> seen) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = events.readLine(); line != null; line = events.readLine()) {
					seen.add(line);
					if (line.equals(event)) {
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
