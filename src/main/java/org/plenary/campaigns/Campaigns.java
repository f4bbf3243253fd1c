package org.plenary.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.plenary.states.MemberState;
import org.plenary.states.MemberStates;
import org.plenary.states.StateStatus;
import org.plenary.system.ConflictException;
import org.plenary.system.ForbiddenException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, reads and changes campaigns and the members of their bodies. */
@Service
public class Campaigns {

	/** The five permanent members of the Security Council (Charter Art. 23). */
	public static final Set<String> PERMANENT_MEMBERS = Set.of("CHN", "FRA", "RUS", "GBR", "USA");

	private static final String COLUMNS = """
			c.*, (select count(*) from campaigns_member m where m.campaign_id = c.id) as members
			""";

	private final JdbcClient jdbc;

	private final MemberStates states;

	private final org.plenary.history.RollCalls rollCalls;

	Campaigns(JdbcClient jdbc, MemberStates states, org.plenary.history.RollCalls rollCalls) {
		this.jdbc = jdbc;
		this.states = states;
		this.rollCalls = rollCalls;
	}

	/**
	 * A new campaign. For the GA's bodies the members are all member states; for the
	 * others {@code members} lists them (ISO codes). {@code withoutVote}: the Art. 19
	 * list.
	 */
	public record OpenCampaign(String title, Body body, String bodyName, DecisionRule rule, Integer quota,
			Campaign.Ask ask, String draftSymbol, Integer goalYes, String goalText, LocalDate tabledOn,
			LocalDate debateOn, LocalDate voteOn, List<String> members, List<String> withoutVote, Long partOf,
			String partLabel, boolean demo) {
	}

	@Transactional
	public Campaign open(OpenCampaign command, String openedBy) {
		if (command.title() == null || command.title().isBlank() || command.title().length() > 300) {
			throw new InvalidInputException("title", "A campaign needs a title of 1 to 300 characters");
		}
		if (command.body() == null) {
			throw new InvalidInputException("body", "Choose the body where the vote happens");
		}
		DecisionRule rule = command.rule() != null ? command.rule() : command.body().defaultRule();
		if (!command.body().rules().contains(rule)) {
			throw new InvalidInputException("rule",
					command.body().label() + " decides by " + command.body().rules() + ", not " + rule);
		}
		if (rule == DecisionRule.QUOTA && (command.quota() == null || command.quota() < 1)) {
			throw new InvalidInputException("quota", "A quota rule needs the number of Yes votes required");
		}
		Set<String> members = members(command);
		Long partOf = command.partOf();
		if (partOf != null) {
			// a vote joins only a chain its organisation owns: the chain's coalition sees
			// it
			requireOwner(partOf, "Adding a vote to this chain", "ask its coordinators");
		}
		long id = this.jdbc
			.sql("""
					insert into campaigns_campaign (title, body, body_name, rule, quota, ask, draft_symbol, goal_yes, goal_text,
					  tabled_on, debate_on, vote_on, part_of, part_label, demo, created_by, owner_organisation_id)
					values (:title, :body, :bodyName, :rule, :quota, :ask, :draft, :goalYes, :goalText, :tabled, :debate, :vote,
					  :partOf, :partLabel, :demo, :by, (select organisation_id from accounts_user where username = :by))
					returning id
					""")
			.param("title", command.title().trim())
			.param("body", command.body().name())
			.param("bodyName", blankToNull(command.bodyName()))
			.param("rule", rule.name())
			.param("quota", rule == DecisionRule.QUOTA ? command.quota() : null)
			.param("ask", (command.ask() == null ? Campaign.Ask.YES : command.ask()).name())
			.param("draft", blankToNull(command.draftSymbol()))
			.param("goalYes", command.goalYes())
			.param("goalText", blankToNull(command.goalText()))
			.param("tabled", command.tabledOn())
			.param("debate", command.debateOn())
			.param("vote", command.voteOn())
			.param("partOf", partOf)
			.param("partLabel", blankToNull(command.partLabel()))
			.param("demo", command.demo())
			.param("by", openedBy)
			.query(Long.class)
			.single();
		Set<String> withoutVote = codes(command.withoutVote(), "withoutVote");
		for (String iso3 : members) {
			this.jdbc
				.sql("insert into campaigns_member (campaign_id, iso3, permanent, without_vote) values (?, ?, ?, ?)")
				.params(id, iso3, command.body() == Body.SECURITY_COUNCIL && PERMANENT_MEMBERS.contains(iso3),
						withoutVote.contains(iso3))
				.update();
		}
		if (!members.containsAll(withoutVote)) {
			throw new InvalidInputException("withoutVote",
					"The Art. 19 list names states that are not members of the body");
		}
		return campaign(id);
	}

	private Set<String> members(OpenCampaign command) {
		Body body = command.body();
		if (body.allMembers()) {
			Set<String> all = new LinkedHashSet<>();
			this.states.list(new MemberStates.StateFilter(Set.of(StateStatus.MEMBER), null, null))
				.forEach((s) -> all.add(s.iso3()));
			return all;
		}
		Set<String> members = codes(command.members(), "members");
		if (body.size() > 0 && members.size() != body.size()) {
			throw new InvalidInputException("members",
					"The " + body.label() + " has " + body.size() + " members; " + members.size() + " were given");
		}
		if (members.isEmpty()) {
			throw new InvalidInputException("members", "Name the members of the body");
		}
		if (body == Body.SECURITY_COUNCIL && !members.containsAll(PERMANENT_MEMBERS)) {
			throw new InvalidInputException("members",
					"The Security Council's members include the five permanent members " + PERMANENT_MEMBERS);
		}
		return members;
	}

	private Set<String> codes(List<String> given, String field) {
		Set<String> codes = new LinkedHashSet<>();
		if (given == null) {
			return codes;
		}
		for (String text : given) {
			if (text == null || text.isBlank()) {
				continue;
			}
			MemberState state = this.states.find(text.trim())
				.orElseThrow(() -> new InvalidInputException(field, "Unknown state code '" + text.trim() + "'"));
			if (state.status() != StateStatus.MEMBER) {
				throw new InvalidInputException(field, state.shortName() + " is not a UN member state");
			}
			codes.add(state.iso3());
		}
		return codes;
	}

	public List<Campaign> campaigns() {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from campaigns_campaign c order by c.status = 'ARCHIVED', c.vote_on nulls last, c.id desc")
			.query(Campaigns::campaign)
			.list();
	}

	public Campaign campaign(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from campaigns_campaign c where c.id = ?")
			.param(id)
			.query(Campaigns::campaign)
			.optional()
			.orElseThrow(() -> new NotFoundException("No campaign " + id));
	}

	/**
	 * The members of the campaign's body, with the Art. 19 list in effect (a vote of a
	 * chain without a list of its own takes its head's).
	 */
	public List<Member> members(long campaignId) {
		return this.jdbc.sql("""
				select m.iso3, s.short_name, s.m49, m.permanent, m.without_vote from campaigns_member_in_effect m
				join states_state s on s.iso3 = m.iso3 where m.campaign_id = ? order by s.short_name
				""")
			.param(campaignId)
			.query((rs, n) -> new Member(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.list();
	}

	/** Replaces the Art. 19 list: the members that have no vote. */
	@Transactional
	public void setWithoutVote(long campaignId, List<String> iso3s) {
		requireOwner(campaignId, "The Art. 19 list", "ask its coordinators to change it");
		Set<String> codes = codes(iso3s, "withoutVote");
		this.jdbc.sql("update campaigns_member set without_vote = (iso3 = any(?)) where campaign_id = ?")
			.params(codes.toArray(String[]::new), campaignId)
			.update();
		long members = this.jdbc.sql("select count(*) from campaigns_member where campaign_id = ? and iso3 = any(?)")
			.params(campaignId, codes.toArray(String[]::new))
			.query(Long.class)
			.single();
		if (members != codes.size()) {
			throw new InvalidInputException("withoutVote", "The list names states that are not members of the body");
		}
	}

	/** The settings a coordinator changes as a campaign goes on. */
	public record CampaignSettings(String title, String draftSymbol, Integer goalYes, String goalText,
			LocalDate tabledOn, LocalDate debateOn, LocalDate voteOn, Campaign.Status status, int version) {
	}

	/**
	 * Changes a campaign's settings on top of {@code version}; a stale edit is refused.
	 */
	@Transactional
	public Campaign change(long campaignId, CampaignSettings settings) {
		requireOwner(campaignId);
		if (settings.title() == null || settings.title().isBlank() || settings.title().length() > 300) {
			throw new InvalidInputException("title", "A campaign needs a title of 1 to 300 characters");
		}
		if (settings.goalYes() != null && settings.goalYes() < 1) {
			throw new InvalidInputException("goalYes", "The goal is a number of Yes votes, at least 1");
		}
		int updated = this.jdbc
			.sql("""
					update campaigns_campaign set title = :title, draft_symbol = :draft, goal_yes = :goalYes, goal_text = :goalText,
					  tabled_on = :tabled, debate_on = :debate, vote_on = :vote, status = :status, version = version + 1
					where id = :id and version = :version
					""")
			.param("title", settings.title().trim())
			.param("draft", blankToNull(settings.draftSymbol()))
			.param("goalYes", settings.goalYes())
			.param("goalText", blankToNull(settings.goalText()))
			.param("tabled", settings.tabledOn())
			.param("debate", settings.debateOn())
			.param("vote", settings.voteOn())
			.param("status", (settings.status() == null ? Campaign.Status.PREPARING : settings.status()).name())
			.param("id", campaignId)
			.param("version", settings.version())
			.update();
		if (updated == 0) {
			Campaign current = campaign(campaignId);
			throw new ConflictException("The campaign was changed by someone else since you opened it; reload to see "
					+ "the current settings", current);
		}
		return campaign(campaignId);
	}

	/**
	 * Moves a campaign into a chain (as a part of {@code partOf}, labelled e.g.
	 * "no-action motion") or out of it ({@code partOf} null), on top of {@code version}.
	 * A chain is one main campaign and its parts: a part cannot have parts, and the main
	 * campaign of a chain cannot become a part of another.
	 */
	@Transactional
	public Campaign link(long campaignId, Long partOf, String partLabel, int version) {
		Campaign campaign = requireOwner(campaignId);
		if (partOf != null) {
			if (partOf == campaignId) {
				throw new InvalidInputException("partOf", "A campaign cannot be a part of itself");
			}
			Campaign main = requireOwner(partOf, "Adding a vote to this chain", "ask its coordinators");
			if (main.partOf() != null) {
				throw new InvalidInputException("partOf",
						"'" + main.title() + "' is itself a part of a chain; link to " + "its main campaign instead");
			}
			long parts = this.jdbc.sql("select count(*) from campaigns_campaign where part_of = ?")
				.param(campaignId)
				.query(Long.class)
				.single();
			if (parts > 0) {
				throw new InvalidInputException("partOf",
						"'" + campaign.title() + "' is the main campaign of a chain of " + parts
								+ " other vote(s); it cannot become a part of another");
			}
		}
		if (partLabel != null && partLabel.length() > 200) {
			throw new InvalidInputException("partLabel", "A label has at most 200 characters");
		}
		int updated = this.jdbc.sql("""
				update campaigns_campaign set part_of = ?, part_label = ?, version = version + 1
				where id = ? and version = ?
				""").params(partOf, (partOf == null) ? null : blankToNull(partLabel), campaignId, version).update();
		if (updated == 0) {
			throw new ConflictException("The campaign was changed by someone else since you opened it; reload to see "
					+ "the current settings", campaign);
		}
		return campaign(campaignId);
	}

	/** The other votes of the same chain (no-action motion, amendments, the draft). */
	public List<Campaign> chain(long campaignId) {
		Campaign campaign = campaign(campaignId);
		long root = campaign.partOf() != null ? campaign.partOf() : campaign.id();
		return this.jdbc
			.sql("select " + COLUMNS + " from campaigns_campaign c where (c.id = ? or c.part_of = ?) and c.id <> ? "
					+ "order by c.vote_on nulls last, c.id")
			.params(root, root, campaignId)
			.query(Campaigns::campaign)
			.list();
	}

	/**
	 * Moves a campaign whose vote's outcome was just recorded to Voted, unless it is
	 * voted or archived already: a campaign left Whipping after its vote keeps its
	 * follow-ups overdue and its lists among the live ones.
	 * @return whether the status changed
	 */
	@Transactional
	public boolean markVoted(long campaignId) {
		return this.jdbc.sql("""
				update campaigns_campaign set status = 'VOTED', version = version + 1
				where id = ? and status in ('PREPARING', 'WHIPPING')
				""").param(campaignId).update() == 1;
	}

	/**
	 * Moves a campaign on (preparing, whipping, voted, archived), on top of
	 * {@code version}.
	 */
	@Transactional
	public Campaign changeStatus(long campaignId, Campaign.Status status, int version) {
		requireOwner(campaignId);
		int updated = this.jdbc.sql("""
				update campaigns_campaign set status = ?, version = version + 1 where id = ? and version = ?
				""").params(status.name(), campaignId, version).update();
		if (updated == 0) {
			Campaign current = campaign(campaignId);
			throw new ConflictException("The campaign was changed by someone else; it is now "
					+ current.status().label().toLowerCase(Locale.ROOT), current);
		}
		return campaign(campaignId);
	}

	/**
	 * The campaign, if the acting organisation owns it (or work of no organisation acts):
	 * its settings are the owner's to change, not its partners' (ADR 0011).
	 */
	public Campaign requireOwner(long campaignId) {
		Campaign campaign = campaign(campaignId);
		if (!owns(campaignId)) {
			throw new ForbiddenException("Only the organisation that owns \u201c" + campaign.title()
					+ "\u201d changes its settings; ask its coordinators");
		}
		return campaign;
	}

	/**
	 * The campaign, if the acting organisation owns it; otherwise refuses, saying that
	 * {@code what} belongs to the owner and what to do instead (e.g. "suggest it to them
	 * instead"). What belongs to the campaign itself (its references, Art. 19 list,
	 * drafts, briefings, outcome, reckoning, outreach settings) is the owner's to write;
	 * the database refuses a partner's write too (V28), this says why first.
	 */
	public Campaign requireOwner(long campaignId, String what, String instead) {
		Campaign campaign = campaign(campaignId);
		if (!owns(campaignId)) {
			throw new ForbiddenException(
					what + " belongs to the campaign's owner, " + ownerName(campaignId) + ": " + instead);
		}
		return campaign;
	}

	/**
	 * Whether the acting organisation owns the campaign (always, for work of no
	 * organisation, and for a campaign of no owner).
	 */
	public boolean owns(long campaignId) {
		return this.jdbc.sql("select plenary_owns_campaign(?)").param(campaignId).query(Boolean.class).single();
	}

	/** The name of the organisation that owns the campaign ("nobody" for none). */
	public String ownerName(long campaignId) {
		return this.jdbc.sql("""
				select o.name from campaigns_campaign c join accounts_organisation o on o.id = c.owner_organisation_id
				where c.id = ?""").param(campaignId).query(String.class).optional().orElse("nobody");
	}

	/** The campaign whose coalition this one shares: the head of its chain, or itself. */
	public long head(long campaignId) {
		Campaign campaign = campaign(campaignId);
		return (campaign.partOf() != null) ? campaign.partOf() : campaign.id();
	}

	/** Opens a campaign with its reference resolutions, all or nothing. */
	@Transactional
	public Campaign open(OpenCampaign command, String openedBy, List<Long> references) {
		Campaign campaign = open(command, openedBy);
		if (references != null && !references.isEmpty()) {
			addReferences(campaign.id(), references);
		}
		return campaign;
	}

	/**
	 * Adds reference resolutions (roll calls of the voting history), all or nothing. A
	 * reference is an earlier vote: one held on or after the campaign's vote date is
	 * refused, saying so (a campaign with no vote date yet takes any).
	 */
	@Transactional
	public void addReferences(long campaignId, List<Long> rollCallIds) {
		requireOwner(campaignId, "The list of reference resolutions", "suggest a reference to them instead");
		// the vote date is read under a lock, so that it cannot move meanwhile under a
		// reference it was checked against
		LocalDate voteOn = this.jdbc.sql("select vote_on from campaigns_campaign where id = ? for share")
			.param(campaignId)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		for (Long rollCall : rollCallIds) {
			org.plenary.history.RollCall found;
			try {
				found = this.rollCalls.rollCall(rollCall);
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("references", "No roll call " + rollCall + " in the voting history");
			}
			String why = whyNotAReference(voteOn, found);
			if (why != null) {
				throw new InvalidInputException("references", why);
			}
			this.jdbc
				.sql("insert into campaigns_reference (campaign_id, roll_call_id) values (?, ?) on conflict do nothing")
				.params(campaignId, rollCall)
				.update();
		}
	}

	/**
	 * The roll call meant: by id, or by a resolution's symbol however written. A symbol
	 * voted on several times (amendments, separate votes on paragraphs) means the vote on
	 * the resolution as a whole when there is exactly one; otherwise the caller is asked
	 * to choose by id.
	 */
	public long referenceBySymbolOrId(Long rollCall, String symbol) {
		if (rollCall != null) {
			return rollCall;
		}
		if (symbol == null || symbol.isBlank()) {
			throw new InvalidInputException("rollCall", "Give the roll call's id or the resolution's symbol");
		}
		List<org.plenary.history.RollCall> found = this.rollCalls.bySymbol(symbol);
		if (found.isEmpty()) {
			throw new InvalidInputException("symbol", "No roll call on '" + symbol.strip()
					+ "' in the voting history (a resolution's symbol, e.g. A/RES/ES-11/1 or 68/262)");
		}
		List<org.plenary.history.RollCall> whole = found.size() == 1 ? found
				: found.stream().filter((r) -> "RESOLUTION".equals(r.kind())).toList();
		if (whole.size() != 1) {
			throw new InvalidInputException("symbol",
					found.get(0).symbol() + " was voted on " + found.size() + " times; choose one by id: "
							+ found.stream()
								.map((r) -> r.id() + " (" + r.label() + ", " + r.date() + ")")
								.collect(java.util.stream.Collectors.joining(", ")));
		}
		return whole.get(0).id();
	}

	/**
	 * Why a roll call cannot be a reference of a campaign voting on {@code voteOn}, or
	 * null when it can: a reference is an earlier vote, so one held on the vote date or
	 * after it cannot be (with no vote date yet, any can).
	 */
	public static String whyNotAReference(LocalDate voteOn, org.plenary.history.RollCall rollCall) {
		if (voteOn == null || rollCall.date().isBefore(voteOn)) {
			return null;
		}
		return rollCall.label() + " was voted on " + day(rollCall.date()) + ", on or after this campaign's vote date "
				+ day(voteOn) + ": a reference must be an earlier vote";
	}

	/**
	 * The campaign's references that are not earlier than its vote date (it was moved
	 * earlier after they were added), each with why. They stay listed until a coordinator
	 * removes them or moves the date back; the forecast learns only from votes before the
	 * vote date, so it leaves them out meanwhile.
	 */
	public List<ReferenceWarning> referenceWarnings(long campaignId) {
		Campaign campaign = campaign(campaignId);
		List<ReferenceWarning> warnings = new java.util.ArrayList<>();
		for (long id : references(campaignId)) {
			String why = whyNotAReference(campaign.voteOn(), this.rollCalls.rollCall(id));
			if (why != null) {
				warnings.add(new ReferenceWarning(id, why));
			}
		}
		return warnings;
	}

	/**
	 * Roll calls of the voting history that could be the campaign's references, found by
	 * symbol however written or by words of the title ({@code RollCalls.find}); each says
	 * whether it is a reference already, and why it cannot be one, if so.
	 */
	public List<ReferenceCandidate> referenceCandidates(long campaignId, String query, int limit) {
		Campaign campaign = campaign(campaignId);
		Set<Long> added = new java.util.HashSet<>(references(campaignId));
		return this.rollCalls.find(query, limit)
			.stream()
			.map((r) -> new ReferenceCandidate(r, added.contains(r.id()),
					r.adoptedWithoutVote() ? r.label() + " was adopted without a vote: it holds no state's vote"
							: whyNotAReference(campaign.voteOn(), r)))
			.toList();
	}

	/**
	 * A roll call found for a campaign's references: whether it is one already, and why
	 * it cannot be added (null when it can).
	 */
	public record ReferenceCandidate(org.plenary.history.RollCall rollCall, boolean added, String refused) {
	}

	/** A reference that no longer fits the campaign, and why. */
	public record ReferenceWarning(long rollCall, String reason) {
	}

	/** A day as the pages write it: 12 Oct 2022. */
	static String day(LocalDate date) {
		return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
	}

	@Transactional
	public void removeReference(long campaignId, long rollCallId) {
		requireOwner(campaignId, "The list of reference resolutions", "ask them to remove it");
		this.jdbc.sql("delete from campaigns_reference where campaign_id = ? and roll_call_id = ?")
			.params(campaignId, rollCallId)
			.update();
	}

	public List<Long> references(long campaignId) {
		return this.jdbc.sql("select roll_call_id from campaigns_reference where campaign_id = ? order by roll_call_id")
			.param(campaignId)
			.query(Long.class)
			.list();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	static Campaign campaign(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("title"), Body.valueOf(rs.getString("body")),
				rs.getString("body_name"), DecisionRule.valueOf(rs.getString("rule")), (Integer) rs.getObject("quota"),
				Campaign.Ask.valueOf(rs.getString("ask")), rs.getString("draft_symbol"),
				(Integer) rs.getObject("goal_yes"), rs.getString("goal_text"),
				rs.getObject("tabled_on", LocalDate.class), rs.getObject("debate_on", LocalDate.class),
				rs.getObject("vote_on", LocalDate.class), Campaign.Status.valueOf(rs.getString("status")),
				(Long) rs.getObject("part_of"), rs.getString("part_label"), rs.getBoolean("demo"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"),
				rs.getInt("members"), rs.getInt("out_of_reach_version"));
	}

}
