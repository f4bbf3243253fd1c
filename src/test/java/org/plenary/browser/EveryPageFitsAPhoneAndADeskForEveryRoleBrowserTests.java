package org.plenary.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.plenary.accounts.Accounts;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.Body;
import org.plenary.campaigns.Briefing;
import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Coalitions;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Draft;
import org.plenary.campaigns.DraftsAndBriefings;
import org.plenary.forecast.CampaignForecasts;
import org.plenary.history.VoteImporter;
import org.plenary.outreach.Assignments;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.outreach.Counterpart;
import org.plenary.outreach.FollowUp;
import org.plenary.outreach.FollowUps;
import org.plenary.outreach.Opposition;
import org.plenary.outreach.OppositionActivity;
import org.plenary.outreach.People;
import org.plenary.outreach.Person;
import org.plenary.outreach.TestOutreach;
import org.plenary.reports.WhipImport;
import org.plenary.system.Acting;
import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of Plenary, enumerated from the request mappings (so that a page added later
 * is visited too), as every kind of user (an administrator, a coordinator, a whip and a
 * viewer of the organisation that owns a two-organisation campaign, and a whip of its
 * partner), on a phone (390 px) and on a desk (1366 px): no page scrolls sideways, and
 * none shows an error in the browser's console. A page a user may not see answers the
 * refusal page, which fits too. Every failure is listed at once. Screenshots of the main
 * pages stay in target/screenshots/every-page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryPageFitsAPhoneAndADeskForEveryRoleBrowserTests {

	private static final String OWNER = "Pages Mission of Ruritania to the United Nations";

	private static final String PARTNER = "Pages Delegation of the Coalition";

	private static final int[] WIDTHS = { 1366, 390 };

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	/** What the page shows; run in the page after it loaded. */
	private static final String MEASURE = """
			const root = document.documentElement;
			const wide = [];
			if (root.scrollWidth > window.innerWidth) {
			  for (const e of document.body.querySelectorAll('*')) {
			    const box = e.getBoundingClientRect();
			    if (box.right > window.innerWidth + 1 && box.width > 0 && !e.closest('[hidden]')) {
			      let inside = false;
			      for (const child of e.children) { if (child.getBoundingClientRect().right > window.innerWidth + 1) { inside = true; } }
			      if (!inside) {
			        wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(box.right) + ')');
			      }
			    }
			    if (wide.length >= 4) { break; }
			  }
			}
			const problem = document.querySelector('main.problem h1');
			const scrollWidth = root.scrollWidth;
			// what the page offers to record, menus opened: a viewer must see none of it
			// (each menu opened in turn must fit too)
			let widest = scrollWidth;
			for (const menu of document.querySelectorAll('main details')) {
			  menu.open = true;
			  if (root.scrollWidth > widest) { widest = root.scrollWidth; wide.push('open ' + (menu.querySelector('summary') || menu).textContent.trim().substring(0, 30)); }
			}
			const writes = [];
			for (const e of document.querySelectorAll('main form[method=post i], main [hx-post], main [hx-put], main [hx-delete], main [hx-patch], '
			    + 'main a[href*="/quick-log"], main a[href*="/contacts/new"], main a[href$="/edit"], main [hx-get$="/edit"], main a[href$="/import"]')) {
			  if (e.getClientRects().length > 0) {
			    writes.push(e.tagName.toLowerCase() + ' ' + (e.getAttribute('action') || e.getAttribute('href') || e.getAttribute('hx-post') || e.getAttribute('hx-get') || '') + ' "' + e.textContent.trim().replace(/\\s+/g, ' ').substring(0, 30) + '"');
			  }
			}
			return [document.title, String(widest), String(window.innerWidth), problem ? problem.textContent : '', wide.join(', '), writes.join('; ')];
			""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts accountsService;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Coalitions coalitions;

	@Autowired
	TestOutreach outreach;

	@Autowired
	People people;

	@Autowired
	Assignments assignments;

	@Autowired
	Contacts contacts;

	@Autowired
	FollowUps followUps;

	@Autowired
	Opposition opposition;

	@Autowired
	DraftsAndBriefings drafts;

	@Autowired
	WhipCount whip;

	@Autowired
	WhipImport whipImport;

	@Autowired
	CampaignForecasts forecasts;

	@Autowired
	VoteImporter votes;

	@Autowired
	JdbcClient jdbc;

	/** One visit of one page, by one user, at one width. */
	record Visit(String pattern, String path, String role, int width, String title, long scrollWidth, long innerWidth,
			String refusal, String overflowing, List<String> errors, String writes) {
	}

	@Test
	void noPageScrollsSidewaysOrShowsAConsoleErrorForAnyRoleOnAPhoneOrADesk() throws Exception {
		Map<String, String> values = seed();
		Map<String, String> users = new LinkedHashMap<>();
		users.put("administrator", values.get("administrator"));
		users.put("coordinator", values.get("coordinator"));
		users.put("whip", values.get("whip"));
		users.put("viewer", values.get("viewer"));
		users.put("partner's whip", values.get("partnerWhip"));
		Map<String, String> pages = pages(values);
		assertThat(pages).as("pages found in the request mappings").hasSizeGreaterThan(40);

		Set<String> screenshots = Set.of("/campaigns", "/campaigns/{id}", "/campaigns/{id}/mine",
				"/campaigns/{id}/forecast", "/campaigns/{id}/daily", "/campaigns/{id}/stances/{iso3}",
				"/campaigns/{id}/states/{iso3}/timeline", "/states/{iso3}", "/campaigns/{id}/quick-log",
				"/campaigns/{id}/contacts/new");
		List<Visit> visits = new ArrayList<>();
		for (Map.Entry<String, String> user : users.entrySet()) {
			try (Browser browser = Browser.open(WIDTHS[0], 900)) {
				browser.signIn(url(""), user.getValue(), TestAccounts.PASSWORD);
				WebDriver driver = browser.driver();
				driver.manage().logs().get(LogType.BROWSER);
				for (int width : WIDTHS) {
					driver.manage().window().setSize(new Dimension(width, 900));
					for (Map.Entry<String, String> page : pages.entrySet()) {
						driver.get(url(page.getValue()));
						// a whip's own pages as a whip, the viewer's board, the rest as a
						// coordinator
						boolean whipsOwn = page.getKey().endsWith("/mine") || page.getKey().endsWith("/quick-log");
						boolean main = (user.getKey().equals("coordinator") && !whipsOwn)
								|| (user.getKey().equals("whip") && whipsOwn)
								|| (user.getKey().equals("viewer") && page.getKey().equals("/campaigns/{id}"));
						if (main && screenshots.contains(page.getKey())) {
							browser.screenshot("every-page-" + user.getKey() + "-" + width + "-" + name(page.getKey()));
						}
						@SuppressWarnings("unchecked")
						List<String> seen = (List<String>) ((JavascriptExecutor) driver).executeScript(MEASURE);
						List<String> errors = new ArrayList<>();
						for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
							boolean refusedDocument = !seen.get(3).isEmpty()
									&& entry.getMessage().contains("Failed to load resource")
									&& entry.getMessage().startsWith(url(page.getValue()).split("[?#]")[0]);
							if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
									&& !refusedDocument) {
								errors.add(entry.getMessage());
							}
						}
						visits.add(new Visit(page.getKey(), page.getValue(), user.getKey(), width, seen.get(0),
								Long.parseLong(seen.get(1)), Long.parseLong(seen.get(2)), seen.get(3), seen.get(4),
								errors, seen.get(5)));
					}
				}
			}
		}
		report(visits);
	}

	/**
	 * Fails with every page, user and width that scrolls sideways, shows a console error
	 * or answers neither a page nor the refusal page; prints what each user got.
	 */
	private void report(List<Visit> visits) throws Exception {
		// an htmx fragment (a row's form, the tally) has no title for anyone: not a page
		Set<String> fragments = new TreeSet<>();
		Map<String, Boolean> titled = new LinkedHashMap<>();
		for (Visit visit : visits) {
			titled.merge(visit.pattern(), !visit.title().isEmpty() && visit.refusal().isEmpty(), Boolean::logicalOr);
		}
		// (a refusal has a title: a page the user may not see answers it)
		titled.forEach((pattern, page) -> {
			if (!page) {
				fragments.add(pattern);
			}
		});
		List<String> failures = new ArrayList<>();
		StringBuilder seen = new StringBuilder("Every page, as each user saw it at 1366 px:\n");
		for (Visit visit : visits) {
			if (fragments.contains(visit.pattern()) && visit.refusal().isEmpty()) {
				continue;
			}
			String where = visit.path() + " as the " + visit.role() + " at " + visit.width() + " px";
			if (visit.width() == WIDTHS[0]) {
				seen.append(String.format("  %-55s %-15s %s%n", visit.pattern(), visit.role(),
						visit.refusal().isEmpty() ? "page: " + visit.title() : "refused: " + visit.refusal()));
			}
			if (visit.innerWidth() != visit.width()) {
				failures.add(where + ": the window is " + visit.innerWidth() + " px wide");
			}
			if (visit.title().isEmpty()) {
				failures.add(where + ": answers neither the page nor the refusal page");
			}
			if (visit.scrollWidth() > visit.innerWidth()) {
				failures.add(where + ": scrolls sideways (" + visit.scrollWidth() + " px wide; too wide: "
						+ visit.overflowing() + ")");
			}
			if (visit.role().equals("viewer") && visit.pattern().startsWith("/campaigns/{id}")
					&& !visit.writes().isEmpty()) {
				failures.add(where + ": offers a viewer what it may not do: " + visit.writes());
			}
			for (String error : visit.errors()) {
				failures.add(where + ": console error " + error);
			}
		}
		seen.append("Not pages (htmx fragments): ").append(fragments).append('\n');
		System.out.println(seen);
		Files.writeString(Files.createDirectories(Path.of("target", "screenshots")).resolve("every-page-visits.txt"),
				seen + String.join("\n", failures), StandardCharsets.UTF_8);
		assertThat(fragments).as("fragments: every page but a few htmx fragments has a title")
			.allMatch((pattern) -> pattern.contains("/board/") || pattern.endsWith("/edit")
					|| pattern.endsWith("/panel") || pattern.endsWith("/escalation"));
		assertThat(failures).as("pages that scroll sideways, show console errors or no page").isEmpty();
	}

	/**
	 * The pages: GET mappings of Plenary's controllers that render a template (not the
	 * API, not files, not event streams), with their variables filled from the seeded
	 * campaign.
	 */
	private Map<String, String> pages(Map<String, String> values) {
		Map<String, String> pages = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			HandlerMethod handler = mapping.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
			boolean ours = handler.getBeanType().getPackageName().startsWith("org.plenary");
			boolean rendersATemplate = handler.getMethod().getReturnType() == String.class
					&& !handler.getBeanType().isAnnotationPresent(RestController.class)
					&& !handler.hasMethodAnnotation(ResponseBody.class)
					&& !ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
			if (!get || !ours || !rendersATemplate) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					pages.put(pattern, path(pattern, values));
				}
			}
		}
		return pages;
	}

	private static String path(String pattern, Map<String, String> values) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			String value;
			if (name.equals("id") && pattern.startsWith("/history/roll-calls/")) {
				value = values.get("rollCall");
			}
			else if (name.equals("id") && pattern.startsWith("/history/imports/fetches/")) {
				value = values.get("fetch");
			}
			else if (name.equals("id") && pattern.startsWith("/history/imports/")) {
				value = values.get("import");
			}
			else {
				value = values.get(name);
			}
			assertThat(value).as("a value for {%s} in %s", name, pattern).isNotNull();
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	/**
	 * A two-organisation campaign as a real one looks a few days before the vote: a long
	 * title, owners, reads public and private, contacts, follow-ups, the opposition, a
	 * draft with co-sponsors, a briefing, a reference roll call and an uploaded sheet.
	 */
	private Map<String, String> seed() throws Exception {
		Map<String, String> values = new LinkedHashMap<>();
		// an administrator who runs the installation too: every page is open to it
		String administrator = this.accounts.operator(OWNER);
		String coordinator = this.accounts.user(Role.COORDINATOR, OWNER);
		String whipUser = this.accounts.user(Role.WHIP, OWNER);
		String viewer = this.accounts.user(Role.VIEWER, OWNER);
		String partnerCoordinator = this.accounts.user(Role.COORDINATOR, PARTNER);
		String partnerWhip = this.accounts.user(Role.WHIP, PARTNER);
		values.put("administrator", administrator);
		values.put("coordinator", coordinator);
		values.put("whip", whipUser);
		values.put("viewer", viewer);
		values.put("partnerWhip", partnerWhip);
		values.put("username", whipUser);

		Path file = Files.createTempFile("every-page", ".csv");
		Files.writeString(file,
				"""
						resolution,date,iso3,vote,title
						A/RES/79/9301,2024-10-12,FRA,Y,Fixture: territorial integrity of a member state and the principles of the Charter of the United Nations
						A/RES/79/9301,2024-10-12,CIV,Y,Fixture: territorial integrity of a member state and the principles of the Charter of the United Nations
						A/RES/79/9301,2024-10-12,RUS,N,Fixture: territorial integrity of a member state and the principles of the Charter of the United Nations
						A/RES/79/9301,2024-10-12,IND,A,Fixture: territorial integrity of a member state and the principles of the Charter of the United Nations
						""");
		this.votes.importFiles(List.of(file), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE);
		values.put("rollCall",
				this.jdbc.sql("select id from history_roll_call where symbol = 'A/RES/79/9301'")
					.query(Long.class)
					.single()
					.toString());
		values.put("import",
				this.jdbc.sql("select max(id) from history_import where status = 'DONE'")
					.query(Long.class)
					.single()
					.toString());
		// an update of the voting history that ended with a line of each kind
		values.put("fetch", this.jdbc.sql("""
				insert into history_fetch (started_by, finished_at, succeeded, lines) values (?, now(), false, ?)
				returning id""")
			.params(administrator, new String[] {
					"GA voting data (UN Digital Library): downloaded 362.4 MB (resumed) from "
							+ "https://digitallibrary.un.org/record/4060887/files/2026_11_28_ga_voting_with_a_long_name.csv",
					"GA resolutions, session 81: not published (HTTP 404) at "
							+ "https://raw.githubusercontent.com/UNxml/GAresolutions/main/data_extract/81.json",
					"GA resolutions, session 80: REFUSED: refused, the file kept from the last run is unchanged: "
							+ "expected UN GA resolutions (JSON Lines) but received UN Digital Library voting data (CSV)" })
			.query(Long.class)
			.single()
			.toString());

		Campaign campaign = this.campaigns.open(new Campaigns.OpenCampaign(
				"Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations "
						+ System.nanoTime(),
				Body.EMERGENCY_SPECIAL_SESSION, null, DecisionRule.TWO_THIRDS, null, Campaign.Ask.YES, "A/ES-11/L.5",
				143, "More than the 141 Yes of A/RES/ES-11/1", LocalDate.now().minusDays(5), null,
				LocalDate.now().plusDays(4), List.of(), List.of(), null, null, false), coordinator);
		long id = campaign.id();
		values.put("id", String.valueOf(id));
		values.put("iso3", "BRA");
		long partnerId = this.accountsService.organisations()
			.stream()
			.filter((o) -> o.name().equals(PARTNER))
			.findFirst()
			.orElseThrow()
			.id();
		Acting.asUser(coordinator, () -> this.coalitions.invite(id, partnerId, coordinator));
		Acting.asUser(partnerCoordinator, () -> this.coalitions.answer(id, true, partnerCoordinator));

		Person official = this.people.add(new People.PersonDetails("Ambassador Alexandra Konstantinopoulou-Whitfield",
				OWNER, Level.PERMANENT_REPRESENTATIVE, null, whipUser, true));
		values.put("pid", String.valueOf(official.id()));
		Counterpart counterpart = Acting.asUser(coordinator, () -> this.outreach.counterpart(OWNER, "BRA",
				"Sua Excelência a Senhora Embaixadora Carolina Albuquerque de Mello", Level.PERMANENT_REPRESENTATIVE));
		values.put("cid", String.valueOf(counterpart.id()));
		for (String iso3 : List.of("CIV", "TUR", "BRA", "IDN", "ZAF")) {
			this.assignments.assign(id, iso3, official.id(), null, coordinator);
		}
		Acting.asUser(coordinator, () -> this.whip.record(new WhipCount.RecordStance(id, "BRA", Stance.LEANING_YES,
				Confidence.MEDIUM, "Deputy Permanent Representative Carolina Albuquerque de Mello", Level.AMBASSADOR,
				Channel.MEETING,
				"Brasília waits for the revised operative paragraph 4; the instructions are expected on Thursday after the cabinet meets",
				0, null), coordinator));
		Acting.asUser(coordinator,
				() -> this.whip.record(
						new WhipCount.RecordStance(id, "IND", Stance.ABSTAIN, Confidence.HIGH, "PR",
								Level.PERMANENT_REPRESENTATIVE, Channel.CALL, "Abstains as before", 0, null),
						coordinator));
		// kept to the organisation: its read is the organisation's private read
		Contact contact = Acting.asUser(whipUser, () -> this.contacts.log(new Contacts.LogContact(id, null,
				Channel.MEETING, List.of(new Contacts.StateRead("BRA", Stance.YES, Confidence.HIGH, null)),
				List.of(new Contact.Participant(official.id(), null, null, null)),
				List.of(new Contact.Participant(null, counterpart.id(), null, null)),
				"Co-sponsor the draft and speak in the debate",
				"Brazil will vote yes now that paragraph 4 is softened; Brasília's instructions came after the minister's return from Addis Ababa",
				null, LocalDate.now().plusDays(2), "Call Brasília to confirm the co-sponsorship"), whipUser))
			.contact();
		values.put("contactId", String.valueOf(contact.id()));
		this.followUps.open(new FollowUps.NewFollowUp(id, "TUR", "Send Türkiye the revised text of the draft",
				LocalDate.now().minusDays(1), official.id(), null, FollowUp.Origin.MANUAL, null), coordinator);
		Acting.asUser(coordinator,
				() -> this.opposition.record(new Opposition.RecordActivity(id, LocalDate.now().minusDays(1),
						OppositionActivity.Kind.LETTER, "Permanent Representative of the Russian Federation",
						"Letter to all Permanent Representatives urging a No vote on the draft", List.of("CIV", "ZAF")),
						coordinator));
		Draft draft = Acting.asUser(coordinator, () -> this.drafts.addDraft(id, "A/ES-11/L.5/Rev.1",
				LocalDate.now().minusDays(2), "Operative paragraph 4 softened", null));
		Acting.asUser(coordinator,
				() -> this.drafts.cosponsor(id, draft.id(), List.of("FRA", "CIV"), LocalDate.now().minusDays(2)));
		Briefing briefing = Acting.asUser(coordinator, () -> this.drafts.openBriefing(id,
				"EU briefing on the draft for the African Group and the Group of Latin American and Caribbean States",
				LocalDate.now().plusDays(1), "ALL", List.of(), List.of()));
		values.put("briefingId", String.valueOf(briefing.id()));
		WhipImport.Preview upload = Acting.asUser(whipUser,
				() -> this.whipImport.upload(id, "whip-sheet.csv",
						"Country,Stance,Notes\nBrazil,Yes,Confirmed by the capital\nKenya,Leaning yes,\n"
							.getBytes(StandardCharsets.UTF_8),
						whipUser));
		values.put("upload", upload.upload().toString());
		// the roll call as a reference, and the forecast made from it, so that the
		// forecast's page shows its charts, targets and map (or says why it cannot)
		this.campaigns.addReferences(id, List.of(Long.valueOf(values.get("rollCall"))));
		this.forecasts.prepare(id);
		for (int i = 0; i < 600 && this.forecasts.preparing(id); i++) {
			Thread.sleep(100);
		}
		values.put("attachmentId", "1");
		return values;
	}

	private static String name(String pattern) {
		String name = pattern.replace("/campaigns/{id}", "campaign")
			.replaceAll("[^a-zA-Z0-9]+", "-")
			.replaceAll("^-|-$", "");
		return name.isEmpty() ? "home" : name;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
