package org.plenary.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every page and API endpoint, called by an anonymous visitor and by each role: pages
 * send the anonymous to sign-in and answer 403 to a role below the one required; the API
 * answers 401 and 403. Each endpoint lists the least role that may use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessByRoleTests {

	/** null stands for an anonymous caller. */
	enum Caller {

		ANONYMOUS(null), VIEWER(Role.VIEWER), WHIP(Role.WHIP), COORDINATOR(Role.COORDINATOR),
		ADMINISTRATOR(Role.ADMINISTRATOR),
		/** An administrator who is an operator of the installation. */
		OPERATOR(Role.ADMINISTRATOR);

		final Role role;

		Caller(Role role) {
			this.role = role;
		}

	}

	/**
	 * {@code merits}: past authorisation the call may still be refused on its merits (a
	 * 4xx other than 401 and 403, e.g. a partner's invitation answered by an organisation
	 * that has none). {@code operators}: only the installation's operators may.
	 */
	record Endpoint(HttpMethod method, String path, Role least, String body, boolean upload, boolean merits,
			boolean operators) {

		Endpoint(HttpMethod method, String path, Role least, String body) {
			this(method, path, least, body, false, false, false);
		}

		Endpoint(HttpMethod method, String path, Role least, String body, boolean upload) {
			this(method, path, least, body, upload, false, false);
		}

		Endpoint onMerits() {
			return new Endpoint(this.method, this.path, this.least, this.body, this.upload, true, this.operators);
		}

		Endpoint operatorsOnly() {
			return new Endpoint(this.method, this.path, this.least, this.body, this.upload, this.merits, true);
		}

		boolean api() {
			return this.path.startsWith("/api/");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private static final String UPLOAD = "resolution,date,iso3,vote\nA/RES/86/90,2031-10-01,FRA,Y\n";

	private static final List<Endpoint> ENDPOINTS = List.of(
			// pages
			page(HttpMethod.GET, "/states", Role.VIEWER), page(HttpMethod.GET, "/states?bloc=EU", Role.VIEWER),
			page(HttpMethod.GET, "/states/BRA", Role.VIEWER), page(HttpMethod.GET, "/account", Role.VIEWER),
			page(HttpMethod.POST, "/account/tokens?name=matrix", Role.VIEWER),
			page(HttpMethod.GET, "/v3/api-docs", Role.VIEWER), page(HttpMethod.GET, "/admin/users", Role.ADMINISTRATOR),
			page(HttpMethod.GET, "/admin/users/{admin}", Role.ADMINISTRATOR),
			page(HttpMethod.POST, "/admin/users?username={new}&organisation=Test%20Mission&role=VIEWER&displayName=New",
					Role.ADMINISTRATOR),
			page(HttpMethod.POST,
					"/admin/users/{victim}?displayName=Changed&organisation=Test%20Mission&role=VIEWER&enabled=true&version=0",
					Role.ADMINISTRATOR),
			page(HttpMethod.POST, "/admin/users/{victim}/password", Role.ADMINISTRATOR),
			page(HttpMethod.GET, "/admin/organisations", Role.ADMINISTRATOR),
			page(HttpMethod.POST, "/admin/organisations?name={new}", Role.ADMINISTRATOR).operatorsOnly(),
			// API
			api(HttpMethod.GET, "/api/v1/me", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/me/tokens", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/me/tokens", Role.VIEWER, "{\"name\":\"matrix\"}"),
			api(HttpMethod.GET, "/api/v1/states", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/states/FRA", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/states/resolve?name=Ivory%20Coast", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/groupings", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/groupings/EU/members", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/users", Role.ADMINISTRATOR, null),
			api(HttpMethod.GET, "/api/v1/users/{admin}", Role.ADMINISTRATOR, null),
			api(HttpMethod.POST, "/api/v1/users", Role.ADMINISTRATOR,
					"{\"username\":\"{new}\",\"organisation\":\"Test Mission\",\"role\":\"VIEWER\"}"),
			api(HttpMethod.PUT, "/api/v1/users/{victim}", Role.ADMINISTRATOR,
					"{\"displayName\":\"Changed\",\"organisation\":\"Test Mission\",\"role\":\"VIEWER\",\"enabled\":true,\"version\":0}"),
			api(HttpMethod.GET, "/api/v1/organisations", Role.ADMINISTRATOR, null),
			// voting history
			page(HttpMethod.GET, "/history?q=fixture", Role.VIEWER),
			page(HttpMethod.GET, "/history/roll-calls/{rollCall}", Role.VIEWER),
			page(HttpMethod.GET, "/states/FRA/record", Role.VIEWER),
			page(HttpMethod.GET, "/history/imports", Role.ADMINISTRATOR),
			new Endpoint(HttpMethod.POST, "/history/imports", Role.ADMINISTRATOR, UPLOAD, true),
			api(HttpMethod.GET, "/api/v1/roll-calls?symbol=A/RES/86", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/roll-calls/{rollCall}", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/roll-calls/{rollCall}/similar", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/states/FRA/record", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/states/FRA/coincidence/DEU", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/imports", Role.ADMINISTRATOR, null),
			new Endpoint(HttpMethod.POST, "/api/v1/imports", Role.ADMINISTRATOR, UPLOAD, true),
			// campaigns and the whip board
			page(HttpMethod.GET, "/campaigns", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns?title=Matrix&body=GA_PLENARY&rule=TWO_THIRDS", Role.COORDINATOR),
			page(HttpMethod.GET, "/campaigns/{campaign}", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/board/map", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/stances/BRA", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/stances/BRA/edit", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/stances/{newState}?stance=YES&version=0", Role.WHIP),
			page(HttpMethod.GET, "/campaigns/{campaign}/drafts", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/settings", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/references?q=fixture", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/references?rollCall={rollCall}", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/drafts?symbol=A/ES-99/L.{new}", Role.COORDINATOR),
			page(HttpMethod.GET, "/campaigns/{campaign}/briefings", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/briefings?title=Matrix&rule=GROUP:EU", Role.COORDINATOR),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/drafts", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/drafts", Role.COORDINATOR, "{\"symbol\":\"L.{new}\"}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/briefings", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/briefings", Role.COORDINATOR,
					"{\"title\":\"Matrix\",\"rule\":\"GROUP:NORDIC\"}"),
			api(HttpMethod.GET, "/api/v1/campaigns", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns", Role.COORDINATOR,
					"{\"title\":\"Matrix\",\"body\":\"GA_PLENARY\"}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/board", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/tally", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/stances/BRA", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/stances/BRA/history", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/stances/{newState}", Role.WHIP,
					"{\"stance\":\"YES\",\"expectedVersion\":0}"),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/without-vote", Role.COORDINATOR, "[\"AFG\"]"),
			api(HttpMethod.POST, "/api/v1/organisations", Role.ADMINISTRATOR, "{\"name\":\"{new}\"}").operatorsOnly(),
			page(HttpMethod.POST, "/campaigns/{freshCampaign}/chain?version=0", Role.COORDINATOR),
			api(HttpMethod.PUT, "/api/v1/campaigns/{freshCampaign}/chain", Role.COORDINATOR, "{\"version\":0}"),
			// the audit trail
			page(HttpMethod.GET, "/admin/audit?action=INSERT", Role.ADMINISTRATOR),
			api(HttpMethod.GET, "/api/v1/audit?table=campaigns_campaign", Role.ADMINISTRATOR, null),
			api(HttpMethod.GET, "/api/v1/audit/verify", Role.ADMINISTRATOR, null).operatorsOnly(),
			// the forecast
			page(HttpMethod.GET, "/campaigns/{campaign}/forecast", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/forecast/panel", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/forecast/prepare", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/forecast/outcome?rollCall={rollCall}", Role.COORDINATOR),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/forecast", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/forecast/targets", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/forecast/history", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/forecast/outcome", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/forecast/prepare", Role.COORDINATOR, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/forecast/outcome", Role.COORDINATOR,
					"{\"rollCall\":\"{rollCall}\"}"),
			// outreach: the contact log
			page(HttpMethod.GET, "/campaigns/{campaign}/contacts", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/contacts?state=BRA&channel=CALL", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/contacts/new?state=BRA", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/contacts?states={newState}&channel=CALL&said=matrix",
					Role.WHIP),
			page(HttpMethod.GET, "/campaigns/{campaign}/contacts/{contact}", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/contacts/{contact}/edit", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/contacts/{freshContact}/edit?channel=MEETING&said=x&version=1",
					Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/contacts/{freshContact}/delete?reason=matrix",
					Role.ADMINISTRATOR),
			new Endpoint(
					HttpMethod.POST, "/campaigns/{campaign}/contacts/{contact}/attachments", Role.WHIP, "a note", true),
			page(HttpMethod.GET, "/campaigns/{campaign}/attachments/{attachment}", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/quick-log?state=BRA", Role.WHIP), page(HttpMethod.POST,
					"/campaigns/{campaign}/quick-log?states={newState}&channel=MESSAGE&read=YES", Role.WHIP),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/contacts", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/contacts", Role.WHIP,
					"{\"channel\":\"CALL\",\"states\":[{\"iso3\":\"{newState}\",\"read\":\"YES\"}],\"said\":\"m\"}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/contacts/{contact}", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/contacts/{freshContact}", Role.WHIP,
					"{\"channel\":\"CALL\",\"said\":\"edited\",\"expectedVersion\":1}"),
			api(HttpMethod.DELETE, "/api/v1/campaigns/{campaign}/contacts/{freshContact}?reason=matrix",
					Role.ADMINISTRATOR, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/contacts/{contact}/revisions", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/attachments/{attachment}", Role.VIEWER, null),
			// outreach: people and counterparts
			page(HttpMethod.GET, "/people", Role.VIEWER), page(HttpMethod.POST,
					"/people?name=Matrix&organisation=Matrix&level=DESK_OFFICER&active=true", Role.COORDINATOR),
			page(HttpMethod.GET, "/people/{person}", Role.VIEWER),
			page(HttpMethod.POST,
					"/people/{freshPerson}?name=Changed&organisation=Matrix&level=MINISTER&active=true&version=0",
					Role.COORDINATOR),
			page(HttpMethod.GET, "/states/BRA/counterparts", Role.VIEWER),
			page(HttpMethod.POST,
					"/states/BRA/counterparts?name=Matrix&post=Deputy%20PR&level=DEPUTY_PERMANENT_REPRESENTATIVE",
					Role.WHIP),
			page(HttpMethod.GET, "/states/BRA/counterparts/{counterpart}", Role.VIEWER),
			page(HttpMethod.POST,
					"/states/BRA/counterparts/{freshCounterpart}?name=Changed&post=PR&level=PERMANENT_REPRESENTATIVE&version=0",
					Role.WHIP),
			page(HttpMethod.POST, "/states/BRA/counterparts/{freshCounterpart}/successor?name=Next&heldFrom=2031-01-01",
					Role.WHIP),
			api(HttpMethod.GET, "/api/v1/people", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/people", Role.COORDINATOR,
					"{\"name\":\"Matrix\",\"organisation\":\"Test Mission\",\"level\":\"MINISTER\"}"),
			api(HttpMethod.GET, "/api/v1/people/{person}", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/people/{freshPerson}", Role.COORDINATOR,
					"{\"name\":\"Changed\",\"organisation\":\"Test Mission\",\"level\":\"MINISTER\",\"expectedVersion\":0}"),
			api(HttpMethod.GET, "/api/v1/states/BRA/counterparts", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/states/BRA/counterparts", Role.WHIP,
					"{\"name\":\"Matrix\",\"post\":\"PR\",\"level\":\"PERMANENT_REPRESENTATIVE\"}"),
			api(HttpMethod.GET, "/api/v1/counterparts/{counterpart}", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/counterparts/{freshCounterpart}", Role.WHIP,
					"{\"name\":\"Changed\",\"post\":\"PR\",\"level\":\"PERMANENT_REPRESENTATIVE\",\"expectedVersion\":0}"),
			api(HttpMethod.POST, "/api/v1/counterparts/{freshCounterpart}/successor", Role.WHIP,
					"{\"name\":\"Next\",\"heldFrom\":\"2031-01-01\"}"),
			// outreach: opposition activity and a state's timeline
			page(HttpMethod.GET, "/campaigns/{campaign}/opposition", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/opposition?kind=LETTER&description=Urges%20No&states=BRA",
					Role.WHIP),
			page(HttpMethod.GET, "/campaigns/{campaign}/states/BRA/timeline", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/opposition", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/opposition", Role.WHIP,
					"{\"kind\":\"PUBLIC_STATEMENT\",\"description\":\"Urges No\",\"states\":[\"BRA\"]}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/states/BRA/timeline", Role.VIEWER, null),
			// outreach: assignments
			page(HttpMethod.GET, "/campaigns/{campaign}/assignments", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/assignments/BRA", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/assignments/BRA/edit", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/assignments/ARG?personId={person}", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/assignments/ARG/unassign", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/assignments/bulk?grouping=NORDIC&personId={person}",
					Role.COORDINATOR),
			page(HttpMethod.GET, "/campaigns/{campaign}/workload", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/mine", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/assignments", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/assignments/CHL", Role.COORDINATOR,
					"{\"personId\":{person}}"),
			api(HttpMethod.DELETE, "/api/v1/campaigns/{campaign}/assignments/CHL", Role.COORDINATOR, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/assignments/bulk", Role.COORDINATOR,
					"{\"grouping\":\"NORDIC\",\"personId\":{person}}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/assignments/BRA/history", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/workload", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/mine", Role.VIEWER, null),
			// outreach: follow-ups and escalation
			page(HttpMethod.GET, "/campaigns/{campaign}/follow-ups", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/follow-ups?iso3=BRA&title=Call%20back&dueOn=2031-01-01",
					Role.WHIP),
			page(HttpMethod.POST,
					"/campaigns/{campaign}/follow-ups/{freshFollowUp}?title=Later&dueOn=2031-02-01&version=0",
					Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/follow-ups/{freshFollowUp}/done", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/follow-ups/{freshFollowUp}/dismiss", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/outreach-settings?notContactedDays=7", Role.COORDINATOR),
			page(HttpMethod.GET, "/campaigns/{campaign}/states/BRA/escalation", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{freshCampaign}/states/BRA/escalation/accept", Role.WHIP),
			page(HttpMethod.POST, "/campaigns/{campaign}/states/BRA/escalation/dismiss?basis=matrix", Role.WHIP),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/follow-ups", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/follow-ups/{followUp}", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/follow-ups", Role.WHIP,
					"{\"iso3\":\"BRA\",\"title\":\"Call back\",\"dueOn\":\"2031-01-01\"}"),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/follow-ups/{freshFollowUp}", Role.WHIP,
					"{\"title\":\"Later\",\"dueOn\":\"2031-02-01\",\"expectedVersion\":0}"),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/follow-ups/{freshFollowUp}/done", Role.WHIP, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/follow-ups/{freshFollowUp}/dismiss", Role.WHIP, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/outreach-settings", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/outreach-settings", Role.COORDINATOR,
					"{\"notContactedDays\":7}"),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/states/BRA/escalation", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{freshCampaign}/states/BRA/escalation/accept", Role.WHIP, "{}"),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/states/BRA/escalation/dismiss", Role.WHIP,
					"{\"basis\":\"matrix\"}"),
			// coalitions
			page(HttpMethod.GET, "/campaigns/{campaign}/coalition", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/coalition/invite?organisation=1", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/coalition/remove?organisation=1", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/coalition/leave", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/coalition/answer?accept=false", Role.COORDINATOR),
			page(HttpMethod.POST, "/campaigns/{campaign}/stances/{newState}?stance=YES&version=0&privately=true",
					Role.WHIP)
				.onMerits(),
			page(HttpMethod.POST, "/campaigns/{campaign}/stances/BRA/publish?read=999999999&version=0", Role.WHIP)
				.onMerits(),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/partners", Role.VIEWER, null),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/roles", Role.VIEWER, null),
			page(HttpMethod.GET, "/campaigns/{campaign}/export", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/import", Role.WHIP),
			new Endpoint(HttpMethod.POST, "/campaigns/{campaign}/import", Role.WHIP, UPLOAD, true),
			new Endpoint(HttpMethod.POST, "/api/v1/campaigns/{campaign}/imports", Role.WHIP, UPLOAD, true),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/export?format=csv&part=contacts", Role.VIEWER, null),
			// call sheets, talking points, the daily report
			page(HttpMethod.GET, "/campaigns/{campaign}/call-sheets", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/call-sheets.pdf?states=BRA", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/call-sheets?states=BRA", Role.VIEWER, null),
			page(HttpMethod.GET, "/campaigns/{campaign}/talking-points", Role.VIEWER),
			page(HttpMethod.POST, "/campaigns/{campaign}/talking-points?body=Matrix", Role.WHIP),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/talking-points", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/talking-points", Role.WHIP, "{\"body\":\"Matrix\"}"),
			page(HttpMethod.GET, "/campaigns/{campaign}/daily", Role.VIEWER),
			page(HttpMethod.GET, "/campaigns/{campaign}/daily.pdf", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/daily-report", Role.VIEWER, null),
			// after the vote
			page(HttpMethod.GET, "/campaigns/{campaign}/reckoning", Role.VIEWER), page(HttpMethod.POST,
					"/campaigns/{campaign}/reckoning?source=history&rollCall={rollCall}", Role.COORDINATOR),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/reckoning", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/reckoning/actual", Role.COORDINATOR,
					"{\"rollCall\":\"{rollCall}\"}"),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/roles/{victim}", Role.COORDINATOR,
					"{\"role\":\"VIEWER\"}"),
			page(HttpMethod.POST, "/campaigns/{campaign}/coalition/roles?username={victim}&role=VIEWER",
					Role.COORDINATOR),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/partners", Role.COORDINATOR, "{\"organisationId\":1}")
				.onMerits(),
			api(HttpMethod.DELETE, "/api/v1/campaigns/{campaign}/partners/1", Role.COORDINATOR, null).onMerits(),
			api(HttpMethod.GET, "/api/v1/invitations", Role.VIEWER, null),
			api(HttpMethod.PUT, "/api/v1/campaigns/{campaign}/invitation", Role.COORDINATOR, "{\"answer\":\"DECLINE\"}")
				.onMerits(),
			api(HttpMethod.GET, "/api/v1/campaigns/{campaign}/stances/BRA/private-reads", Role.VIEWER, null),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/stances/{newState}/private-reads", Role.WHIP,
					"{\"stance\":\"YES\"}")
				.onMerits(),
			api(HttpMethod.POST, "/api/v1/campaigns/{campaign}/private-reads/999999999/publish", Role.WHIP,
					"{\"expectedVersion\":0}")
				.onMerits());

	private static final Map<Caller, String> users = new ConcurrentHashMap<>();

	private static final java.util.concurrent.atomic.AtomicLong rollCallId = new java.util.concurrent.atomic.AtomicLong();

	@Autowired
	VoteImporter importer;

	@Autowired
	RollCalls rollCalls;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	static Stream<Object[]> cases() {
		List<Object[]> cases = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			for (Caller caller : Caller.values()) {
				cases.add(new Object[] { endpoint, caller });
			}
		}
		return cases.stream();
	}

	/**
	 * The request for an endpoint, its placeholders filled in; {@code hostileBody}, when
	 * given, is sent as the JSON body instead of the endpoint's own.
	 */
	private AbstractMockHttpServletRequestBuilder<?> prepare(Endpoint endpoint, String hostileBody) {
		String newName = "n" + System.nanoTime();
		String victim = this.accounts.user(Role.VIEWER);
		String admin = users.computeIfAbsent(Caller.ADMINISTRATOR, (c) -> this.accounts.user(Role.ADMINISTRATOR));
		// the organisation of the officials the matrix adds (a name without spaces:
		// MockMvc
		// takes the query string as written)
		this.accounts.organisation("Matrix");
		// a write goes to a state never written, so that version 0 is current
		boolean writes = endpoint.path().contains("{newState}")
				|| (endpoint.body() != null && endpoint.body().contains("{newState}"));
		String state = writes ? nextState() : "";
		String path = endpoint.path()
			.replace("{freshCampaign}",
					endpoint.path().contains("{freshCampaign}") ? String
						.valueOf(this.testCampaigns.generalAssembly(org.plenary.campaigns.DecisionRule.TWO_THIRDS).id())
							: "")
			.replace("{freshContact}", endpoint.path().contains("{freshContact}") ? String.valueOf(contact(true)) : "")
			.replace("{contact}", endpoint.path().contains("{contact}") ? String.valueOf(contact(false)) : "")
			.replace("{attachment}", endpoint.path().contains("{attachment}") ? String.valueOf(attachment()) : "")
			.replace("{freshPerson}", endpoint.path().contains("{freshPerson}") ? String.valueOf(person(true)) : "")
			.replace("{person}", endpoint.path().contains("{person}") ? String.valueOf(person(false)) : "")
			.replace("{freshCounterpart}",
					endpoint.path().contains("{freshCounterpart}") ? String.valueOf(counterpart(true)) : "")
			.replace("{counterpart}",
					endpoint.path().contains("{counterpart}") ? String.valueOf(counterpart(false)) : "")
			.replace("{freshFollowUp}", endpoint.path().contains("{freshFollowUp}") ? String.valueOf(followUp()) : "")
			.replace("{followUp}", endpoint.path().contains("{followUp}") ? String.valueOf(followUp()) : "")
			.replace("{new}", newName)
			.replace("{victim}", victim)
			.replace("{admin}", admin)
			.replace("{rollCall}", String.valueOf(rollCall()))
			.replace("{campaign}", String.valueOf(campaign()))
			.replace("{newState}", state);
		AbstractMockHttpServletRequestBuilder<?> request = endpoint.upload()
				? multipart(path).file(new MockMultipartFile(
						path.startsWith("/campaigns/") && path.endsWith("/import")
								|| path.startsWith("/api/v1/campaigns/") && path.endsWith("/imports") ? "file"
										: "files",
						"votes.csv", "text/csv", endpoint.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				: request(endpoint.method(), path);
		if (hostileBody != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(hostileBody);
		}
		else if (endpoint.body() != null && !endpoint.upload()) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content(endpoint.body()
					.replace("{new}", newName)
					.replace("{victim}", victim)
					.replace("{newState}", state)
					.replace("{rollCall}", endpoint.body().contains("{rollCall}") ? String.valueOf(rollCall()) : "")
					.replace("{person}", endpoint.body().contains("{person}") ? String.valueOf(person(false)) : ""));
		}
		return request;
	}

	static Stream<Endpoint> apiEndpointsTakingABody() {
		return ENDPOINTS.stream().filter((e) -> e.api() && e.body() != null && !e.upload());
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * Hostile payloads on every API endpoint that takes a JSON body: broken JSON, the
	 * wrong shape, and a body over the API's limit each get a 4xx that says what is
	 * wrong, and change nothing (the audit trail records no change by the caller).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("apiEndpointsTakingABody")
	void malformedAndOversizedBodiesAreRefusedAndChangeNothing(Endpoint endpoint) throws Exception {
		String admin = users.computeIfAbsent(Caller.ADMINISTRATOR, (c) -> this.accounts.user(Role.ADMINISTRATOR));
		String token = this.accounts.token(admin);
		long before = changesBy(admin);
		for (String hostile : List.of("{\"broken\": ", "[1, 2, 3]", "\"just text\"", "42",
				"{\"pad\": \"" + "x".repeat(1_100_000) + "\"}")) {
			MvcResult result = this.mvc.perform(prepare(endpoint, hostile).header("Authorization", "Bearer " + token))
				.andReturn();
			String sent = hostile.length() > 40 ? hostile.substring(0, 40) + "..." : hostile;
			assertThat(result.getResponse().getStatus()).as("%s with %s", endpoint, sent)
				.isBetween(400, 499)
				.isEqualTo(hostile.length() > 1_000_000 ? 413 : result.getResponse().getStatus());
			assertThat(result.getResponse().getContentAsString()).as("%s with %s", endpoint, sent)
				.contains("\"detail\"");
		}
		assertThat(changesBy(admin)).as("changes made by %s", endpoint).isEqualTo(before);
	}

	private long changesBy(String actor) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ?")
			.param(actor)
			.query(Long.class)
			.single();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void eachRoleGetsExactlyItsRights(Endpoint endpoint, Caller caller) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = prepare(endpoint, null);
		if (caller.role != null) {
			String username = users.computeIfAbsent(caller, (c) -> (c == Caller.OPERATOR)
					? this.accounts.operator("Test Mission") : this.accounts.user(c.role));
			if (endpoint.api()) {
				request.header("Authorization", "Bearer " + this.accounts.token(username));
			}
			else {
				request
					.with(user(username).authorities(UserAccount.authorities(caller.role, caller == Caller.OPERATOR)));
			}
		}
		if (!endpoint.api()) {
			request.with(csrf());
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		boolean allowed = caller.role != null && (endpoint.operators() ? caller == Caller.OPERATOR
				: caller.role.ordinal() <= endpoint.least().ordinal());
		if (allowed && endpoint.merits()) {
			assertThat(status).as("%s as %s", endpoint, caller).isBetween(200, 499).isNotIn(401, 403);
		}
		else if (allowed) {
			assertThat(status).as("%s as %s", endpoint, caller).isBetween(200, 399);
			if (status >= 300) {
				assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("/login");
			}
		}
		else if (caller.role == null) {
			if (endpoint.api()) {
				assertThat(status).as("%s as %s", endpoint, caller).isEqualTo(401);
			}
			else {
				assertThat(status).as("%s as %s", endpoint, caller).isEqualTo(302);
				assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
			}
		}
		else {
			assertThat(status).as("%s as %s", endpoint, caller).isEqualTo(403);
		}
	}

	private static final java.util.concurrent.atomic.AtomicLong campaignId = new java.util.concurrent.atomic.AtomicLong();

	private static final java.util.concurrent.atomic.AtomicInteger stateIndex = new java.util.concurrent.atomic.AtomicInteger();

	private static final List<String> STATES = List.of("AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS",
			"AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRN",
			"BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "CRI",
			"CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ",
			"ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO", "DEU", "GHA", "GRC", "GRD", "GTM",
			"GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM",
			"JPN", "JOR", "KAZ", "KEN", "KIR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU",
			"LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE",
			"MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK",
			"PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS", "RWA", "KNA",
			"LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
			"ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "THA", "TLS", "TGO", "TON", "TTO",
			"TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM",
			"YEM", "ZMB", "ZWE");

	@Autowired
	org.plenary.campaigns.TestCampaigns testCampaigns;

	/** One campaign for the whole matrix; each write goes to a state never written. */
	private long campaign() {
		return campaignId.updateAndGet((id) -> (id != 0) ? id
				: this.testCampaigns.generalAssembly(org.plenary.campaigns.DecisionRule.TWO_THIRDS).id());
	}

	@Autowired
	org.plenary.outreach.Contacts contacts;

	private static final java.util.concurrent.atomic.AtomicLong contactId = new java.util.concurrent.atomic.AtomicLong();

	private static final java.util.concurrent.atomic.AtomicLong attachmentId = new java.util.concurrent.atomic.AtomicLong();

	/** A contact to read (one for the matrix), or a fresh one to change or delete. */
	private long contact(boolean fresh) {
		if (!fresh && contactId.get() != 0) {
			return contactId.get();
		}
		long id = this.contacts
			.log(new org.plenary.outreach.Contacts.LogContact(campaign(), null, org.plenary.whip.Channel.CALL,
					List.of(new org.plenary.outreach.Contacts.StateRead("BRA", null, null, null)), List.of(), List.of(),
					null, "matrix", null, null, null), "matrix")
			.contact()
			.id();
		if (!fresh) {
			contactId.compareAndSet(0, id);
		}
		return fresh ? id : contactId.get();
	}

	@Autowired
	org.plenary.outreach.People people;

	@Autowired
	org.plenary.outreach.Counterparts counterparts;

	@Autowired
	org.plenary.outreach.FollowUps followUps;

	private static final java.util.concurrent.atomic.AtomicLong personId = new java.util.concurrent.atomic.AtomicLong();

	private static final java.util.concurrent.atomic.AtomicLong counterpartId = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * An official to read (one for the matrix), or a fresh one at version 0 to change.
	 */
	private long person(boolean fresh) {
		if (!fresh && personId.get() != 0) {
			return personId.get();
		}
		long id = this.people
			.add(new org.plenary.outreach.People.PersonDetails("Matrix " + System.nanoTime(),
					this.accounts.organisation("Test Mission"), org.plenary.whip.Level.MINISTER, null, null, true))
			.id();
		if (!fresh) {
			personId.compareAndSet(0, id);
		}
		return fresh ? id : personId.get();
	}

	/** A counterpart of Brazil to read, or a fresh one at version 0 to change. */
	private long counterpart(boolean fresh) {
		if (!fresh && counterpartId.get() != 0) {
			return counterpartId.get();
		}
		long id = this.counterparts
			.add("BRA",
					new org.plenary.outreach.Counterparts.CounterpartDetails("Matrix " + System.nanoTime(), "PR",
							org.plenary.whip.Level.PERMANENT_REPRESENTATIVE, null, null, null, null, null, null, null))
			.id();
		if (!fresh) {
			counterpartId.compareAndSet(0, id);
		}
		return fresh ? id : counterpartId.get();
	}

	/** A fresh open follow-up at version 0. */
	private long followUp() {
		return this.followUps
			.open(new org.plenary.outreach.FollowUps.NewFollowUp(campaign(), "BRA", "Matrix",
					java.time.LocalDate.of(2031, 1, 1), null, null, org.plenary.outreach.FollowUp.Origin.MANUAL, null),
					"matrix")
			.id();
	}

	private long attachment() {
		return attachmentId.updateAndGet((id) -> (id != 0) ? id
				: this.contacts
					.attach(campaign(), contact(false), "note.txt", "text/plain", "matrix".getBytes(), "matrix")
					.id());
	}

	private static String nextState() {
		return STATES.get(stateIndex.getAndIncrement() % STATES.size());
	}

	/** A roll call to read: imported once for the whole matrix. */
	private long rollCall() {
		return rollCallId.updateAndGet((id) -> (id != 0) ? id : this.importer
			.importFiles(List.of(writeUpload()), new VoteImporter.Options(false, "test"), VoteImporter.Progress.NONE)
			.stream()
			.findFirst()
			.map((report) -> this.rollCalls.bySymbol("A/RES/86/90").get(0).id())
			.orElseThrow());
	}

	private static java.nio.file.Path writeUpload() {
		try {
			return java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("matrix", ".csv"), UPLOAD);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Endpoint page(HttpMethod method, String path, Role least) {
		return new Endpoint(method, path, least, null);
	}

	private static Endpoint api(HttpMethod method, String path, Role least, String body) {
		return new Endpoint(method, path, least, body);
	}

}
