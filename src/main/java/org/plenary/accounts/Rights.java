package org.plenary.accounts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of rights: for every page and API endpoint, who may call it. One row per
 * endpoint, keyed by its HTTP method and its mapping's path pattern exactly as the
 * mapping declares it ({@code PUT /api/v1/campaigns/{id}/chain}). {@link RightsCheck}
 * enforces it before any controller runs (an endpoint without a row is refused),
 * {@code docs/rights.md} is written from it, and the rights test calls every endpoint as
 * every kind of caller and expects what the row says.
 * <p>
 * What belongs to a campaign itself (its settings, status and chain, the Art. 19 list,
 * reference resolutions, outcome, reckoning, outreach settings, drafts with their
 * co-sponsors, briefings with their invitations, the coalition) is its owner's; partners
 * read it, and write their own records (contacts, reads, follow-ups, talking points,
 * attachments on their own contacts). Which records an organisation sees and changes is
 * then decided by PostgreSQL's row-level security (ADR 0011).
 */
public final class Rights {

	/** Who may call an endpoint; with the least role, where the row names one. */
	public enum Who {

		/** Anyone, signed in or not: the sign-in steps and the error page. */
		PUBLIC("Anyone", "anyone, signed in or not"),

		/** Anyone signed in, with at least the role. */
		SIGNED_IN("Signed in", "anyone signed in, with at least the role"),

		/**
		 * An administrator, acting within its own organisation (an installation operator
		 * too).
		 */
		ORGANISATION_ADMINISTRATOR("Organisation administrator",
				"an administrator, within its own organisation; an installation operator too"),

		/** An installation operator. */
		OPERATOR("Installation operator", "an installation operator only"),

		/**
		 * The campaign's owner organisation or an active partner, with at least the role.
		 */
		PARTY("Party to the campaign",
				"the campaign's owner organisation or an active partner, with at least the role"),

		/** The campaign's owner organisation, with at least the role. */
		OWNER("Owner of the campaign", "the campaign's owner organisation only, with at least the role"),

		/**
		 * An organisation invited to the campaign, or taking part in it, with at least
		 * the role: to answer the invitation or leave.
		 */
		INVITED("Invited to the campaign",
				"an organisation invited to the campaign or taking part in it, with at least the role"),

		/**
		 * The organisation whose record it is, with at least the role (inside a campaign:
		 * a party to it). Which record is whose is decided by the database.
		 */
		RECORD("The record's organisation",
				"the organisation whose record it is, with at least the role (in a campaign, a party to it); "
						+ "the database decides whose record it is");

		private final String label;

		private final String meaning;

		Who(String label, String meaning) {
			this.label = label;
			this.meaning = meaning;
		}

		public String label() {
			return this.label;
		}

		public String meaning() {
			return this.meaning;
		}

		/**
		 * Whether the right depends on where the caller's organisation stands in a
		 * campaign.
		 */
		public boolean inCampaign() {
			return this == PARTY || this == OWNER || this == INVITED;
		}

	}

	/**
	 * One row: an endpoint, who may call it, the least role (null where the kind of
	 * caller says it all), and what it does.
	 */
	public record Right(String method, String pattern, Who who, Role role, String what, String section) {

		/** The row's key: method and pattern, as {@code GET /campaigns/{id}}. */
		public String key() {
			return this.method + " " + this.pattern;
		}

		/** Whether the endpoint is one of a campaign's ({@code /campaigns/{id}/...}). */
		public boolean campaignScoped() {
			return isCampaignPath(this.pattern);
		}

	}

	/** The method of a row whose mapping accepts every HTTP method (the error page). */
	public static final String ANY = "ANY";

	private static final Map<String, Right> TABLE;

	private static final List<Right> ROWS;

	static {
		Builder table = new Builder();
		signIn(table);
		ownAccount(table);
		administration(table);
		statesAndHistory(table);
		rosters(table);
		campaigns(table);
		campaignOwned(table);
		coalition(table);
		board(table);
		contacts(table);
		followUps(table);
		assignments(table);
		forecast(table);
		reports(table);
		ROWS = Collections.unmodifiableList(table.rows);
		Map<String, Right> byKey = new LinkedHashMap<>();
		for (Right right : ROWS) {
			if (byKey.put(right.key(), right) != null) {
				throw new IllegalStateException("Two rows for " + right.key());
			}
			// a campaign's endpoint always asks where the caller stands in it, so that a
			// campaign it does not take part in is not found
			boolean campaignRule = right.who().inCampaign() || right.who() == Who.RECORD;
			if (right.campaignScoped() ? !campaignRule : right.who().inCampaign()) {
				throw new IllegalStateException(right.key() + ": a campaign's endpoint takes a campaign's rule");
			}
		}
		TABLE = Collections.unmodifiableMap(byKey);
	}

	private Rights() {
	}

	/** Every row, in the table's order. */
	public static List<Right> all() {
		return ROWS;
	}

	/** The row for this method and mapping pattern, if the table has one. */
	public static Optional<Right> find(String method, String pattern) {
		Right right = TABLE.get(method + " " + pattern);
		return (right != null) ? Optional.of(right) : Optional.ofNullable(TABLE.get(ANY + " " + pattern));
	}

	/** Whether a path pattern is one of a campaign's: {@code /campaigns/{id}/...}. */
	public static boolean isCampaignPath(String pattern) {
		return pattern.equals("/campaigns/{id}") || pattern.startsWith("/campaigns/{id}/")
				|| pattern.equals("/api/v1/campaigns/{id}") || pattern.startsWith("/api/v1/campaigns/{id}/");
	}

	private static void signIn(Builder table) {
		table.section("Signing in");
		table.row("GET /login", Who.PUBLIC, null, "The sign-in page");
		table.row("GET /login/two-factor", Who.PUBLIC, null, "Asks for the second factor after the password");
		table.row("POST /login/two-factor", Who.PUBLIC, null, "Checks the second factor");
		table.row("GET /login/two-factor/setup", Who.PUBLIC, null, "Sets up a second factor the organisation requires");
		table.row("POST /login/two-factor/setup", Who.PUBLIC, null, "Confirms that second factor");
		table.row("ANY /error", Who.PUBLIC, null, "The error page and the API's error answer");
	}

	private static void ownAccount(Builder table) {
		table.section("One's own account");
		table.signedIn("GET /", "The home page (to the campaigns)");
		table.signedIn("GET /account", "One's own account: sessions, tokens, password");
		table.signedIn("POST /account/password", "Changes one's own password");
		table.signedIn("POST /account/sessions/sign-out-others", "Signs out one's other sessions");
		table.signedIn("POST /account/sessions/{id}/sign-out", "Signs out one of one's own sessions");
		table.signedIn("POST /account/tokens", "Creates an API token for oneself");
		table.signedIn("POST /account/tokens/{id}/revoke", "Revokes one of one's own tokens");
		table.signedIn("GET /account/two-factor", "One's own second factor");
		table.signedIn("POST /account/two-factor/setup", "Starts setting up one's second factor");
		table.signedIn("POST /account/two-factor/confirm", "Confirms one's second factor");
		table.signedIn("POST /account/two-factor/disable", "Turns one's second factor off");
		table.signedIn("POST /account/two-factor/recovery-codes", "New recovery codes for oneself");
		table.signedIn("GET /api/v1/me", "Who the caller is");
		table.signedIn("GET /api/v1/me/tokens", "One's own API tokens");
		table.signedIn("POST /api/v1/me/tokens", "Creates an API token for oneself");
		table.signedIn("DELETE /api/v1/me/tokens/{id}", "Revokes one of one's own tokens");
		table.signedIn("GET /api/v1/me/sessions", "One's own sessions");
		table.signedIn("DELETE /api/v1/me/sessions/{id}", "Signs out one of one's own sessions");
		table.signedIn("DELETE /api/v1/me/sessions", "Signs out one's other sessions");
		table.signedIn("GET /api/v1/me/two-factor", "One's own second factor");
		table.signedIn("GET /v3/api-docs", "The API's description (OpenAPI)");
		table.signedIn("GET /v3/api-docs.yaml", "The API's description (OpenAPI, YAML)");
		table.signedIn("GET /v3/api-docs/swagger-config", "The API browser's settings");
		table.signedIn("GET /swagger-ui.html", "The API browser");
	}

	private static void administration(Builder table) {
		table.section("Administration");
		table.admin("GET /admin/users", "The organisation's users");
		table.admin("POST /admin/users", "Adds a user to the organisation");
		table.admin("GET /admin/users/{username}", "One of the organisation's users");
		table.admin("POST /admin/users/{username}", "Changes a user of the organisation");
		table.admin("POST /admin/users/{username}/password", "Sets a new password for a user of the organisation");
		table.admin("POST /admin/users/{username}/two-factor/reset",
				"Resets the second factor of a user of the organisation");
		table.admin("POST /admin/users/{username}/sign-in-failures/forget",
				"Lets a user of the organisation sign in again at once after failed attempts");
		table.admin("GET /admin/organisations", "The organisations (an administrator: its own)");
		table.admin("POST /admin/organisations/{id}/two-factor",
				"Requires a second factor of the organisation's users");
		table.operator("POST /admin/organisations", "Adds an organisation to the installation");
		table.admin("GET /api/v1/users", "The organisation's users");
		table.admin("POST /api/v1/users", "Adds a user to the organisation");
		table.admin("GET /api/v1/users/{username}", "One of the organisation's users");
		table.admin("PUT /api/v1/users/{username}", "Changes a user of the organisation");
		table.admin("DELETE /api/v1/users/{username}/two-factor",
				"Resets the second factor of a user of the organisation");
		table.admin("GET /api/v1/users/{username}/sign-in-failures",
				"A user of the organisation's failed sign-ins, by address");
		table.admin("DELETE /api/v1/users/{username}/sign-in-failures",
				"Lets a user of the organisation sign in again at once after failed attempts");
		table.admin("GET /api/v1/organisations", "The organisations (an administrator: its own)");
		table.admin("PUT /api/v1/organisations/{id}/two-factor",
				"Requires a second factor of the organisation's users");
		table.operator("POST /api/v1/organisations", "Adds an organisation to the installation");
		table.operator("POST /admin/organisations/{id}", "Renames an organisation");
		table.operator("PUT /api/v1/organisations/{id}", "Renames an organisation");
		table.admin("GET /admin/audit",
				"The audit trail: an administrator its organisation's part, an operator also the installation's");
		table.admin("GET /api/v1/audit",
				"Searches the audit trail: an administrator its organisation's part, an operator also the installation's");
		table.operator("GET /api/v1/audit/verify", "Verifies the audit trail's hash chain");
		table.operator("GET /history/imports", "Imports of the voting history (shared by every organisation)");
		table.operator("POST /history/imports", "Imports roll calls into the voting history");
		table.operator("GET /history/imports/{id}", "One import of the voting history");
		table.operator("GET /api/v1/imports", "Imports of the voting history");
		table.operator("POST /api/v1/imports", "Imports roll calls into the voting history");
		table.operator("GET /api/v1/imports/{id}", "One import of the voting history");
		table.operator("POST /history/imports/{id}/names",
				"Maps an unknown name of a refused import to a state, or to no state (remembered)");
		table.operator("POST /history/imports/{id}/again", "Imports a refused import's kept files again");
		table.operator("POST /history/name-mappings/undo", "Undoes a name mapped during an import");
		table.operator("GET /api/v1/imports/{id}/names", "The unknown names of a refused import");
		table.operator("POST /api/v1/imports/{id}/names",
				"Maps an unknown name of a refused import to a state, or to no state (remembered)");
		table.operator("POST /api/v1/imports/{id}/again", "Imports a refused import's kept files again");
		table.operator("GET /api/v1/name-mappings", "Names mapped during imports");
		table.operator("DELETE /api/v1/name-mappings", "Undoes a name mapped during an import");
		table.operator("POST /history/imports/fetch",
				"Updates the voting history from the UN's current datasets (downloads, then imports what is new)");
		table.operator("GET /history/imports/fetches/{id}", "One update of the voting history");
		table.operator("GET /api/v1/history-fetches", "Updates of the voting history");
		table.operator("POST /api/v1/history-fetches", "Updates the voting history from the UN's current datasets");
		table.operator("GET /api/v1/history-fetches/{id}", "One update of the voting history");
	}

	private static void statesAndHistory(Builder table) {
		table.section("Member states and the voting history (reference data)");
		table.signedIn("GET /api/v1/history/currency", "How current the voting history is");
		table.signedIn("GET /states", "The register of states");
		table.signedIn("GET /states/{iso3}", "One state's profile");
		table.signedIn("GET /states/{iso3}/record", "A state's voting record");
		table.signedIn("GET /history", "Searches the roll calls");
		table.signedIn("GET /history/roll-calls/{id}", "One roll call");
		table.signedIn("GET /api/v1/states", "The register of states");
		table.signedIn("GET /api/v1/states/{iso3}", "One state");
		table.signedIn("GET /api/v1/states/resolve", "Resolves a state's name");
		table.signedIn("GET /api/v1/groupings", "Regional groups and blocs");
		table.signedIn("GET /api/v1/groupings/{code}/members", "A grouping's members");
		table.signedIn("GET /api/v1/roll-calls", "Searches the roll calls");
		table.signedIn("GET /api/v1/roll-calls/{id}", "One roll call");
		table.signedIn("GET /api/v1/roll-calls/{id}/similar", "Roll calls like one");
		table.signedIn("GET /api/v1/states/{iso3}/record", "A state's voting record");
		table.signedIn("GET /api/v1/states/{iso3}/coincidence/{other}", "Two states' voting coincidence");
	}

	private static void rosters(Builder table) {
		table.section("Rosters: our officials and the states' counterparts");
		table.signedIn("GET /people", "The officials the caller's organisation may see");
		table.row("GET /people/{pid}", Who.RECORD, Role.VIEWER, "One official");
		table.row("POST /people", Who.SIGNED_IN, Role.COORDINATOR, "Adds an official to one's own organisation");
		table.row("POST /people/{pid}", Who.RECORD, Role.COORDINATOR, "Changes an official of one's organisation");
		table.signedIn("GET /api/v1/people", "The officials the caller's organisation may see");
		table.row("GET /api/v1/people/{pid}", Who.RECORD, Role.VIEWER, "One official");
		table.row("POST /api/v1/people", Who.SIGNED_IN, Role.COORDINATOR, "Adds an official to one's own organisation");
		table.row("PUT /api/v1/people/{pid}", Who.RECORD, Role.COORDINATOR,
				"Changes an official of one's organisation");
		table.signedIn("GET /states/{iso3}/counterparts", "A state's counterparts the caller may see");
		table.row("GET /states/{iso3}/counterparts/{cid}", Who.RECORD, Role.VIEWER, "One counterpart");
		table.row("POST /states/{iso3}/counterparts", Who.SIGNED_IN, Role.WHIP,
				"Adds a counterpart to one's organisation's directory");
		table.row("POST /states/{iso3}/counterparts/{cid}", Who.RECORD, Role.WHIP,
				"Changes a counterpart of one's organisation's directory");
		table.row("POST /states/{iso3}/counterparts/{cid}/successor", Who.RECORD, Role.WHIP,
				"Retires a counterpart for a successor");
		table.signedIn("GET /api/v1/states/{iso3}/counterparts", "A state's counterparts the caller may see");
		table.row("GET /api/v1/counterparts/{cid}", Who.RECORD, Role.VIEWER, "One counterpart");
		table.row("POST /api/v1/states/{iso3}/counterparts", Who.SIGNED_IN, Role.WHIP,
				"Adds a counterpart to one's organisation's directory");
		table.row("PUT /api/v1/counterparts/{cid}", Who.RECORD, Role.WHIP,
				"Changes a counterpart of one's organisation's directory");
		table.row("POST /api/v1/counterparts/{cid}/successor", Who.RECORD, Role.WHIP,
				"Retires a counterpart for a successor");
	}

	private static void campaigns(Builder table) {
		table.section("Campaigns: the list, and reading one");
		table.signedIn("GET /campaigns", "The campaigns the caller's organisation takes part in");
		table.row("POST /campaigns", Who.SIGNED_IN, Role.COORDINATOR, "Opens a campaign, owned by one's organisation");
		table.signedIn("GET /api/v1/campaigns", "The campaigns the caller's organisation takes part in");
		table.row("POST /api/v1/campaigns", Who.SIGNED_IN, Role.COORDINATOR,
				"Opens a campaign, owned by one's organisation");
		table.signedIn("GET /api/v1/invitations", "Invitations waiting for the caller's organisation");
		table.read("GET /campaigns/{id}", "The whip board");
		table.read("GET /campaigns/{id}/settings", "The campaign's settings");
		table.read("GET /campaigns/{id}/references", "Reference resolutions, and roll calls to add");
		table.read("GET /api/v1/campaigns/{id}/references/candidates",
				"Roll calls that could be references, by symbol or words, and why one cannot be");
		table.read("GET /campaigns/{id}/drafts", "Revisions of the text and their co-sponsors");
		table.read("GET /campaigns/{id}/briefings", "Briefings");
		table.read("GET /campaigns/{id}/briefings/{briefingId}", "One briefing and its invitations");
		table.read("GET /api/v1/campaigns/{id}", "The campaign with its members and references");
		table.read("GET /api/v1/campaigns/{id}/drafts", "Revisions of the text and their co-sponsors");
		table.read("GET /api/v1/campaigns/{id}/briefings", "Briefings with their invitation lists");
	}

	private static void campaignOwned(Builder table) {
		table.section("What belongs to the campaign itself (its owner's)");
		table.owner("POST /campaigns/{id}/settings", Role.COORDINATOR, "Changes the campaign's settings");
		table.owner("PUT /api/v1/campaigns/{id}", Role.COORDINATOR, "Changes the campaign's settings");
		table.owner("PUT /api/v1/campaigns/{id}/status", Role.COORDINATOR, "Moves the campaign on");
		table.owner("POST /campaigns/{id}/chain", Role.COORDINATOR, "Moves the campaign into or out of a chain");
		table.owner("PUT /api/v1/campaigns/{id}/chain", Role.COORDINATOR, "Moves the campaign into or out of a chain");
		table.owner("PUT /api/v1/campaigns/{id}/without-vote", Role.COORDINATOR,
				"Replaces the members without a vote (Art. 19)");
		table.owner("POST /campaigns/{id}/references", Role.COORDINATOR, "Adds a reference resolution");
		table.owner("POST /api/v1/campaigns/{id}/references", Role.COORDINATOR, "Adds a reference resolution");
		table.owner("POST /campaigns/{id}/references/{rollCall}/remove", Role.COORDINATOR,
				"Removes a reference resolution");
		table.owner("DELETE /api/v1/campaigns/{id}/references/{rollCall}", Role.COORDINATOR,
				"Removes a reference resolution");
		table.party("POST /campaigns/{id}/suggestions", Role.COORDINATOR,
				"A partner suggests a reference resolution or the outcome to the owner");
		table.party("POST /api/v1/campaigns/{id}/suggestions", Role.COORDINATOR,
				"A partner suggests a reference resolution or the outcome to the owner");
		table.read("GET /api/v1/campaigns/{id}/suggestions",
				"Suggestions: the owner sees every partner's, a partner its own");
		table.owner("POST /campaigns/{id}/suggestions/{suggestionId}/accept", Role.COORDINATOR,
				"Accepts a partner's suggestion");
		table.owner("POST /campaigns/{id}/suggestions/{suggestionId}/decline", Role.COORDINATOR,
				"Declines a partner's suggestion");
		table.owner("POST /api/v1/campaigns/{id}/suggestions/{suggestionId}/accept", Role.COORDINATOR,
				"Accepts a partner's suggestion");
		table.owner("POST /api/v1/campaigns/{id}/suggestions/{suggestionId}/decline", Role.COORDINATOR,
				"Declines a partner's suggestion");
		table.owner("POST /campaigns/{id}/forecast/outcome", Role.COORDINATOR, "Records the vote's outcome");
		table.owner("PUT /api/v1/campaigns/{id}/forecast/outcome", Role.COORDINATOR, "Records the vote's outcome");
		table.owner("POST /campaigns/{id}/reckoning", Role.COORDINATOR,
				"Records the vote cast and takes the reckoning's snapshot");
		table.owner("POST /api/v1/campaigns/{id}/reckoning/actual", Role.COORDINATOR,
				"Records the vote cast and takes the reckoning's snapshot");
		table.owner("POST /campaigns/{id}/out-of-reach", Role.COORDINATOR,
				"Sets the states out of reach (the subject of the text, its firm allies)");
		table.owner("PUT /api/v1/campaigns/{id}/out-of-reach", Role.COORDINATOR,
				"Sets the states out of reach (the subject of the text, its firm allies)");
		table.owner("POST /campaigns/{id}/outreach-settings", Role.COORDINATOR,
				"Changes the outreach settings (the not-contacted rule)");
		table.owner("PUT /api/v1/campaigns/{id}/outreach-settings", Role.COORDINATOR,
				"Changes the outreach settings (the not-contacted rule)");
		table.owner("POST /campaigns/{id}/drafts", Role.COORDINATOR, "Adds a revision of the text");
		table.owner("POST /api/v1/campaigns/{id}/drafts", Role.COORDINATOR, "Adds a revision of the text");
		table.owner("POST /campaigns/{id}/drafts/{draftId}/cosponsors", Role.WHIP,
				"States join a revision's co-sponsors");
		table.owner("POST /api/v1/campaigns/{id}/drafts/{draftId}/cosponsors", Role.WHIP,
				"States join a revision's co-sponsors");
		table.owner("POST /campaigns/{id}/drafts/{draftId}/cosponsors/{iso3}/withdraw", Role.WHIP,
				"A state withdraws its co-sponsorship");
		table.owner("DELETE /api/v1/campaigns/{id}/drafts/{draftId}/cosponsors/{iso3}", Role.WHIP,
				"A state withdraws its co-sponsorship");
		table.owner("POST /campaigns/{id}/briefings", Role.COORDINATOR, "Opens a briefing");
		table.owner("POST /api/v1/campaigns/{id}/briefings", Role.COORDINATOR, "Opens a briefing");
		table.owner("POST /campaigns/{id}/briefings/{briefingId}/invitations", Role.WHIP,
				"Invites a state to a briefing, or records its answer");
		table.owner("PUT /api/v1/campaigns/{id}/briefings/{briefingId}/invitations/{iso3}", Role.WHIP,
				"Invites a state to a briefing, or records its answer");
		table.owner("DELETE /api/v1/campaigns/{id}/briefings/{briefingId}/invitations/{iso3}", Role.WHIP,
				"Withdraws a state's invitation to a briefing");
		table.owner("POST /campaigns/{id}/briefings/{briefingId}/answers", Role.WHIP,
				"Records the same answer for several invitations at once");
		table.owner("POST /api/v1/campaigns/{id}/briefings/{briefingId}/answers", Role.WHIP,
				"Records the same answer for several invitations at once");
	}

	private static void coalition(Builder table) {
		table.section("The coalition");
		table.read("GET /campaigns/{id}/coalition", "The owner, the partners and one's members' roles");
		table.read("GET /api/v1/campaigns/{id}/partners", "The owner and the partners");
		table.read("GET /api/v1/campaigns/{id}/roles", "One's organisation's members and their roles here");
		table.owner("POST /campaigns/{id}/coalition/invite", Role.COORDINATOR, "Invites an organisation");
		table.owner("POST /api/v1/campaigns/{id}/partners", Role.COORDINATOR, "Invites an organisation");
		table.owner("POST /campaigns/{id}/coalition/remove", Role.COORDINATOR,
				"Removes a partner or withdraws an invitation");
		table.owner("DELETE /api/v1/campaigns/{id}/partners/{organisationId}", Role.COORDINATOR,
				"Removes a partner or withdraws an invitation");
		table.row("POST /campaigns/{id}/coalition/answer", Who.INVITED, Role.COORDINATOR,
				"Accepts or declines one's organisation's invitation");
		table.row("PUT /api/v1/campaigns/{id}/invitation", Who.INVITED, Role.COORDINATOR,
				"Accepts or declines one's organisation's invitation, or leaves");
		table.party("POST /campaigns/{id}/coalition/leave", Role.COORDINATOR, "One's organisation leaves the campaign");
		table.party("POST /campaigns/{id}/coalition/roles", Role.COORDINATOR,
				"Lowers the role of a member of one's own organisation here");
		table.party("PUT /api/v1/campaigns/{id}/roles/{username}", Role.COORDINATOR,
				"Lowers the role of a member of one's own organisation here");
	}

	private static void board(Builder table) {
		table.section("The whip board: stances and private reads");
		table.read("GET /campaigns/{id}/board/map", "The board's map");
		table.read("GET /campaigns/{id}/board/tally", "The board's tally");
		table.read("GET /campaigns/{id}/board/events", "Live updates of the board");
		table.read("GET /campaigns/{id}/board/viewers", "Who else has the board open");
		table.read("GET /campaigns/{id}/stances/{iso3}", "A state's stance and its history");
		table.party("GET /campaigns/{id}/stances/{iso3}/edit", Role.WHIP, "The form to record a read");
		table.party("POST /campaigns/{id}/stances/{iso3}", Role.WHIP,
				"Records a read, on the board or kept to one's organisation");
		table.row("POST /campaigns/{id}/stances/{iso3}/publish", Who.RECORD, Role.WHIP,
				"Publishes one's organisation's private read to the board");
		table.read("GET /api/v1/campaigns/{id}/board", "The board");
		table.read("GET /api/v1/campaigns/{id}/tally", "The tally");
		table.read("GET /api/v1/campaigns/{id}/stances/{iso3}", "A state's stance");
		table.read("GET /api/v1/campaigns/{id}/stances/{iso3}/history", "A state's stance history");
		table.party("PUT /api/v1/campaigns/{id}/stances/{iso3}", Role.WHIP, "Records a read on the board");
		table.read("GET /api/v1/campaigns/{id}/stances/{iso3}/private-reads",
				"The private reads of a state the caller's organisation may see");
		table.party("POST /api/v1/campaigns/{id}/stances/{iso3}/private-reads", Role.WHIP,
				"Records a read kept to one's organisation (or named partners)");
		table.row("POST /api/v1/campaigns/{id}/private-reads/{readId}/publish", Who.RECORD, Role.WHIP,
				"Publishes one's organisation's private read to the board");
	}

	private static void contacts(Builder table) {
		table.section("Contacts, attachments, opposition activity and timelines");
		table.read("GET /campaigns/{id}/contacts", "The contact log the caller may see");
		table.party("GET /campaigns/{id}/contacts/new", Role.WHIP, "The form to log a contact");
		table.party("POST /campaigns/{id}/contacts", Role.WHIP, "Logs a contact of one's organisation");
		table.party("GET /campaigns/{id}/quick-log", Role.WHIP, "The quick log for phones");
		table.party("POST /campaigns/{id}/quick-log", Role.WHIP, "Logs a contact of one's organisation quickly");
		table.read("GET /campaigns/{id}/contacts/{contactId}", "One contact the caller may see");
		table.party("GET /campaigns/{id}/contacts/{contactId}/edit", Role.WHIP, "The form to change a contact");
		table.row("POST /campaigns/{id}/contacts/{contactId}/edit", Who.RECORD, Role.WHIP,
				"Changes one's organisation's contact");
		table.row("POST /campaigns/{id}/contacts/{contactId}/delete", Who.RECORD, Role.ADMINISTRATOR,
				"Deletes one's organisation's contact, with a reason");
		table.row("POST /campaigns/{id}/contacts/{contactId}/attachments", Who.RECORD, Role.WHIP,
				"Attaches a file to one's organisation's contact");
		table.read("GET /campaigns/{id}/attachments/{attachmentId}", "A file of a contact the caller may see");
		table.read("GET /api/v1/campaigns/{id}/contacts", "The contact log the caller may see");
		table.party("POST /api/v1/campaigns/{id}/contacts", Role.WHIP, "Logs a contact of one's organisation");
		table.read("GET /api/v1/campaigns/{id}/contacts/{contactId}", "One contact the caller may see");
		table.row("PUT /api/v1/campaigns/{id}/contacts/{contactId}", Who.RECORD, Role.WHIP,
				"Changes one's organisation's contact");
		table.row("DELETE /api/v1/campaigns/{id}/contacts/{contactId}", Who.RECORD, Role.ADMINISTRATOR,
				"Deletes one's organisation's contact, with a reason");
		table.read("GET /api/v1/campaigns/{id}/contacts/{contactId}/revisions", "A contact's earlier versions");
		table.row("POST /api/v1/campaigns/{id}/contacts/{contactId}/attachments", Who.RECORD, Role.WHIP,
				"Attaches a file to one's organisation's contact");
		table.read("GET /api/v1/campaigns/{id}/attachments/{attachmentId}", "A file of a contact the caller may see");
		table.read("GET /campaigns/{id}/opposition", "The other side's activity");
		table.party("POST /campaigns/{id}/opposition", Role.WHIP, "Records the other side's activity");
		table.read("GET /api/v1/campaigns/{id}/opposition", "The other side's activity");
		table.party("POST /api/v1/campaigns/{id}/opposition", Role.WHIP, "Records the other side's activity");
		table.read("GET /campaigns/{id}/states/{iso3}/timeline", "A state's timeline the caller may see");
		table.read("GET /api/v1/campaigns/{id}/states/{iso3}/timeline", "A state's timeline the caller may see");
	}

	private static void followUps(Builder table) {
		table.section("Follow-ups and escalation");
		table.read("GET /campaigns/{id}/follow-ups", "The follow-ups the caller may see");
		table.party("POST /campaigns/{id}/follow-ups", Role.WHIP, "Opens a follow-up of one's organisation");
		table.row("POST /campaigns/{id}/follow-ups/{followUpId}", Who.RECORD, Role.WHIP,
				"Renames or reschedules one's organisation's follow-up");
		table.row("POST /campaigns/{id}/follow-ups/{followUpId}/done", Who.RECORD, Role.WHIP,
				"Closes one's organisation's follow-up as done");
		table.row("POST /campaigns/{id}/follow-ups/{followUpId}/dismiss", Who.RECORD, Role.WHIP,
				"Dismisses one's organisation's follow-up");
		table.read("GET /api/v1/campaigns/{id}/follow-ups", "The follow-ups the caller may see");
		table.read("GET /api/v1/campaigns/{id}/follow-ups/{followUpId}", "One follow-up the caller may see");
		table.party("POST /api/v1/campaigns/{id}/follow-ups", Role.WHIP, "Opens a follow-up of one's organisation");
		table.row("PUT /api/v1/campaigns/{id}/follow-ups/{followUpId}", Who.RECORD, Role.WHIP,
				"Renames or reschedules one's organisation's follow-up");
		table.row("POST /api/v1/campaigns/{id}/follow-ups/{followUpId}/done", Who.RECORD, Role.WHIP,
				"Closes one's organisation's follow-up as done");
		table.row("POST /api/v1/campaigns/{id}/follow-ups/{followUpId}/dismiss", Who.RECORD, Role.WHIP,
				"Dismisses one's organisation's follow-up");
		table.read("GET /api/v1/campaigns/{id}/outreach-settings", "The outreach settings");
		table.read("GET /campaigns/{id}/out-of-reach", "The states out of reach, and the form to set them");
		table.read("GET /api/v1/campaigns/{id}/out-of-reach", "The states out of reach");
		table.read("GET /campaigns/{id}/sharing", "The officials and counterparts shared with the campaign");
		table.read("GET /api/v1/campaigns/{id}/sharing", "What each organisation shares with the campaign");
		table.party("POST /campaigns/{id}/sharing", Role.COORDINATOR,
				"Shares or stops sharing one's organisation's officials and counterparts with the campaign");
		table.party("PUT /api/v1/campaigns/{id}/sharing", Role.COORDINATOR,
				"Shares or stops sharing one's organisation's officials and counterparts with the campaign");
		table.read("GET /api/v1/campaigns/{id}/contact-signal",
				"Whether one's organisation shares the bare fact of its contacts with the campaign");
		table.party("POST /campaigns/{id}/contact-signal", Role.COORDINATOR,
				"Shares or stops sharing 'contacted by <organisation> on <day> at <level>' for one's organisation");
		table.party("PUT /api/v1/campaigns/{id}/contact-signal", Role.COORDINATOR,
				"Shares or stops sharing 'contacted by <organisation> on <day> at <level>' for one's organisation");
		table.read("GET /campaigns/{id}/states/{iso3}/escalation", "The level suggested for the next contact");
		table.party("POST /campaigns/{id}/states/{iso3}/escalation/accept", Role.WHIP,
				"Accepts the suggestion as a follow-up of one's organisation");
		table.party("POST /campaigns/{id}/states/{iso3}/escalation/dismiss", Role.WHIP,
				"Dismisses the suggestion for one's organisation");
		table.read("GET /api/v1/campaigns/{id}/states/{iso3}/escalation", "The level suggested for the next contact");
		table.party("POST /api/v1/campaigns/{id}/states/{iso3}/escalation/accept", Role.WHIP,
				"Accepts the suggestion as a follow-up of one's organisation");
		table.party("POST /api/v1/campaigns/{id}/states/{iso3}/escalation/dismiss", Role.WHIP,
				"Dismisses the suggestion for one's organisation");
	}

	private static void assignments(Builder table) {
		table.section("Assignments");
		table.read("GET /campaigns/{id}/assignments", "Who owns each state");
		table.read("GET /campaigns/{id}/assignments/{iso3}", "Who owns a state, and before");
		table.party("GET /campaigns/{id}/assignments/{iso3}/edit", Role.COORDINATOR, "The form to assign a state");
		table.party("POST /campaigns/{id}/assignments/{iso3}", Role.COORDINATOR,
				"Assigns a state to one's own official or one shared with the campaign (the owner hands over any)");
		table.party("POST /campaigns/{id}/assignments/{iso3}/unassign", Role.COORDINATOR, "Unassigns a state");
		table.party("POST /campaigns/{id}/assignments/bulk", Role.COORDINATOR,
				"Assigns a grouping's states to one's own official or one shared with the campaign");
		table.read("GET /campaigns/{id}/workload", "Each official's states");
		table.read("GET /campaigns/{id}/mine", "The caller's own states");
		table.read("GET /api/v1/campaigns/{id}/assignments", "Who owns each state");
		table.party("PUT /api/v1/campaigns/{id}/assignments/{iso3}", Role.COORDINATOR,
				"Assigns a state to an official");
		table.party("DELETE /api/v1/campaigns/{id}/assignments/{iso3}", Role.COORDINATOR, "Unassigns a state");
		table.party("POST /api/v1/campaigns/{id}/assignments/bulk", Role.COORDINATOR,
				"Assigns a grouping's states to one's own official or one shared with the campaign");
		table.read("GET /api/v1/campaigns/{id}/assignments/{iso3}/history", "Who owned a state, when");
		table.read("GET /api/v1/campaigns/{id}/workload", "Each official's states");
		table.read("GET /api/v1/campaigns/{id}/mine", "The caller's own states");
	}

	private static void forecast(Builder table) {
		table.section("The forecast");
		table.read("GET /campaigns/{id}/forecast", "The forecast");
		table.read("GET /campaigns/{id}/forecast/panel", "The forecast's panel on the board");
		table.party("POST /campaigns/{id}/forecast/prepare", Role.COORDINATOR, "Prepares the forecast's model again");
		table.read("GET /api/v1/campaigns/{id}/forecast", "The forecast");
		table.read("GET /api/v1/campaigns/{id}/forecast/targets", "Where the next call is worth most");
		table.read("GET /campaigns/{id}/forecast/what-if",
				"What if: the forecast with some votes fixed, and the saved scenarios");
		table.read("GET /api/v1/campaigns/{id}/forecast/what-if", "What if: the forecast with some votes fixed");
		table.read("GET /api/v1/campaigns/{id}/forecast/scenarios", "The saved scenarios, each with its forecast now");
		table.party("POST /campaigns/{id}/forecast/scenarios", Role.COORDINATOR, "Saves a named scenario");
		table.party("POST /api/v1/campaigns/{id}/forecast/scenarios", Role.COORDINATOR, "Saves a named scenario");
		table.row("POST /campaigns/{id}/forecast/scenarios/{scenarioId}/delete", Who.RECORD, Role.COORDINATOR,
				"Deletes one's organisation's saved scenario");
		table.row("DELETE /api/v1/campaigns/{id}/forecast/scenarios/{scenarioId}", Who.RECORD, Role.COORDINATOR,
				"Deletes one's organisation's saved scenario");
		table.read("GET /api/v1/campaigns/{id}/forecast/history", "The forecast over time");
		table.read("GET /api/v1/campaigns/{id}/forecast/outcome", "The vote's recorded outcome");
		table.party("POST /api/v1/campaigns/{id}/forecast/prepare", Role.COORDINATOR,
				"Prepares the forecast's model again");
	}

	private static void reports(Builder table) {
		table.section("Reports, files in and out, the reckoning");
		table.read("GET /campaigns/{id}/call-sheets", "Call sheets to print");
		table.read("GET /campaigns/{id}/call-sheets.pdf", "Call sheets as PDF");
		table.read("GET /api/v1/campaigns/{id}/call-sheets", "Call sheets as PDF");
		table.read("GET /campaigns/{id}/my-calls", "The caller's calls today, best first");
		table.read("GET /api/v1/campaigns/{id}/my-calls", "The caller's calls today, best first");
		table.read("GET /campaigns/{id}/talking-points", "The talking points the caller may see");
		table.party("POST /campaigns/{id}/talking-points", Role.WHIP, "Writes a talking point of one's organisation");
		table.row("POST /campaigns/{id}/talking-points/{point}/remove", Who.RECORD, Role.WHIP,
				"Removes one's organisation's talking point");
		table.read("GET /api/v1/campaigns/{id}/talking-points", "The talking points the caller may see");
		table.party("POST /api/v1/campaigns/{id}/talking-points", Role.WHIP,
				"Writes a talking point of one's organisation");
		table.row("DELETE /api/v1/campaigns/{id}/talking-points/{point}", Who.RECORD, Role.WHIP,
				"Removes one's organisation's talking point");
		table.read("GET /campaigns/{id}/daily", "The daily report");
		table.read("GET /campaigns/{id}/daily.pdf", "The daily report as PDF");
		table.read("GET /api/v1/campaigns/{id}/daily-report", "The daily report");
		table.read("GET /api/v1/campaigns/{id}/daily-report.pdf", "The daily report as PDF");
		table.read("GET /campaigns/{id}/export", "Exports what the caller may see (XLSX)");
		table.read("GET /api/v1/campaigns/{id}/export", "Exports what the caller may see (XLSX or CSV)");
		table.party("GET /campaigns/{id}/import", Role.WHIP, "The whip-spreadsheet import");
		table.party("POST /campaigns/{id}/import", Role.WHIP, "Uploads a whip spreadsheet");
		table.party("GET /campaigns/{id}/import/{upload}", Role.WHIP, "Previews an uploaded spreadsheet");
		table.party("POST /campaigns/{id}/import/{upload}", Role.WHIP,
				"Applies a spreadsheet: reads on the board, owners, last contacts");
		table.party("POST /api/v1/campaigns/{id}/imports", Role.WHIP, "Uploads a whip spreadsheet");
		table.party("POST /api/v1/campaigns/{id}/imports/{upload}/preview", Role.WHIP,
				"Previews an uploaded spreadsheet");
		table.party("POST /api/v1/campaigns/{id}/imports/{upload}/apply", Role.WHIP,
				"Applies a spreadsheet: reads on the board, owners, last contacts");
		table.read("GET /campaigns/{id}/reckoning", "The reckoning after the vote");
		table.read("GET /api/v1/campaigns/{id}/reckoning", "The reckoning after the vote");
	}

	/**
	 * The table as Markdown ({@code docs/rights.md}): what each kind of caller means,
	 * then one table per part of Plenary.
	 */
	public static String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("# Who may do what\n\n");
		out.append(
				"<!-- Written from org.plenary.accounts.Rights by RightsDocumentTests: do not edit by hand. -->\n\n");
		out.append("Every page and API endpoint of Plenary has one row here, enforced in one place ")
			.append("(`accounts.RightsCheck`, before any controller runs): an endpoint without a row is refused. ")
			.append("The rights test calls every endpoint as each kind of caller and expects what its row says.\n\n");
		out.append("What belongs to a campaign itself (its settings, status and chain, the Art. 19 list, ")
			.append("reference resolutions, outcome, reckoning, outreach settings, drafts and co-sponsors, ")
			.append("briefings and invitations, the coalition) is its owner's. Partners read it and write ")
			.append("their own records: contacts, reads, follow-ups, talking points, attachments on their own ")
			.append("contacts. Which records each organisation sees is decided by PostgreSQL's row-level ")
			.append("security (ADR 0011); a campaign the caller's organisation does not take part in is not ")
			.append("found (404, the same answer as for a campaign that does not exist).\n\n");
		out.append("Columns: **Owner** is the campaign's owner organisation; **Partner** an active partner ")
			.append("(a partner named on a record too: what it may write is the same, what it may read of ")
			.append("the record is the database's); **Other** any other organisation. A role means that role ")
			.append("or a higher one (viewer < whip < coordinator < administrator): an administrator acts as ")
			.append("a coordinator of its own organisation. A role lowered for one campaign by the ")
			.append("organisation's coordinators applies there. \"Own records\" means the records of the ")
			.append("caller's own organisation only.\n\n");
		out.append("| Who may | Meaning |\n|---|---|\n");
		for (Who who : Who.values()) {
			out.append("| ").append(who.label()).append(" | ").append(who.meaning()).append(" |\n");
		}
		Map<String, List<Right>> sections = new LinkedHashMap<>();
		for (Right right : ROWS) {
			sections.computeIfAbsent(right.section(), (name) -> new ArrayList<>()).add(right);
		}
		sections.forEach((section, rights) -> {
			out.append("\n## ").append(section).append("\n\n");
			if (rights.stream().anyMatch(Right::campaignScoped)) {
				// a campaign's endpoints: who of each organisation may
				out.append("| Endpoint | Owner | Partner | Other | What |\n|---|---|---|---|---|\n");
				for (Right right : rights) {
					out.append("| `").append(right.key()).append("` | ").append(cell(right, Who.OWNER));
					out.append(" | ").append(cell(right, Who.PARTY)).append(" | ").append(cell(right, null));
					out.append(" | ").append(right.what()).append(" |\n");
				}
			}
			else {
				out.append("| Endpoint | Who may | Role | What |\n|---|---|---|---|\n");
				for (Right right : rights) {
					out.append("| `").append(right.key()).append("` | ").append(right.who().label()).append(" | ");
					out.append((right.role() == null) ? "" : right.role().label()).append(" | ");
					out.append(right.what()).append(" |\n");
				}
			}
		});
		return out.toString();
	}

	/**
	 * Who of an organisation may: {@code OWNER} for the campaign's owner, {@code PARTY}
	 * for a partner, null for any other organisation.
	 */
	private static String cell(Right right, Who standing) {
		String role = (right.role() == null) ? "" : right.role().label();
		return switch (right.who()) {
			case PUBLIC -> "Anyone";
			case SIGNED_IN -> role;
			case ORGANISATION_ADMINISTRATOR -> "Administrator (own organisation)";
			case OPERATOR -> "Operator";
			case PARTY -> (standing != null) ? role : "—";
			case OWNER -> (standing == Who.OWNER) ? role : "—";
			case INVITED -> (standing != null) ? role : "Invited: " + role.toLowerCase(Locale.ROOT);
			case RECORD -> {
				if (!right.campaignScoped() || standing != null) {
					yield role + ", own records";
				}
				yield "—";
			}
		};
	}

	private static final class Builder {

		private final List<Right> rows = new ArrayList<>();

		private String section;

		void section(String name) {
			this.section = name;
		}

		void row(String key, Who who, Role role, String what) {
			int space = key.indexOf(' ');
			this.rows.add(new Right(key.substring(0, space), key.substring(space + 1), who, role, what, this.section));
		}

		/** Anyone signed in. */
		void signedIn(String key, String what) {
			row(key, Who.SIGNED_IN, Role.VIEWER, what);
		}

		void admin(String key, String what) {
			row(key, Who.ORGANISATION_ADMINISTRATOR, Role.ADMINISTRATOR, what);
		}

		void operator(String key, String what) {
			row(key, Who.OPERATOR, null, what);
		}

		/** A read of the campaign: any party, any role. */
		void read(String key, String what) {
			row(key, Who.PARTY, Role.VIEWER, what);
		}

		void party(String key, Role role, String what) {
			row(key, Who.PARTY, role, what);
		}

		void owner(String key, Role role, String what) {
			row(key, Who.OWNER, role, what);
		}

	}

}
