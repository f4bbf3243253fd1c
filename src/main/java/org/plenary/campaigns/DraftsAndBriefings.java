package org.plenary.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.plenary.history.RollCalls;
import org.plenary.states.MemberStates;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of a campaign's text with their co-sponsors, and briefings with invitation lists
 * built by a rule (every member, a group or bloc, or every member except those that voted
 * a given way on a reference resolution) plus additions and removals by hand.
 */
@Service
public class DraftsAndBriefings {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final MemberStates states;

	private final RollCalls rollCalls;

	DraftsAndBriefings(JdbcClient jdbc, Campaigns campaigns, MemberStates states, RollCalls rollCalls) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.states = states;
		this.rollCalls = rollCalls;
	}

	@Transactional
	public Draft addDraft(long campaignId, String symbol, LocalDate issuedOn, String whatChanged, String text) {
		this.campaigns.requireOwner(campaignId, "The drafts and their co-sponsors",
				"ask its coordinators to record it");
		if (symbol == null || symbol.isBlank() || symbol.length() > 100) {
			throw new InvalidInputException("symbol", "A draft needs its symbol, e.g. A/ES-11/L.5/Rev.1");
		}
		try {
			long id = this.jdbc.sql("""
					insert into campaigns_draft (campaign_id, symbol, issued_on, what_changed, body_text)
					values (?, ?, ?, ?, ?) returning id
					""")
				.params(campaignId, symbol.trim(), issuedOn, blank(whatChanged), blank(text))
				.query(Long.class)
				.single();
			return draft(campaignId, id);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This campaign has a draft " + symbol.trim() + " already");
		}
	}

	/**
	 * States join the co-sponsors of a draft; one that had withdrawn starts a new spell.
	 */
	@Transactional
	public Draft cosponsor(long campaignId, long draftId, List<String> iso3s, LocalDate on) {
		draft(campaignId, draftId);
		this.campaigns.requireOwner(campaignId, "The drafts and their co-sponsors",
				"ask its coordinators to record it");
		LocalDate date = (on == null) ? LocalDate.now() : on;
		for (String iso3 : members(campaignId, iso3s)) {
			// a new spell unless the state co-sponsors already (then nothing changes)
			this.jdbc.sql("""
					insert into campaigns_cosponsor (draft_id, iso3, joined_on) values (?, ?, ?)
					on conflict (draft_id, iso3) where withdrew_on is null do nothing
					""").params(draftId, iso3, date).update();
		}
		return draft(campaignId, draftId);
	}

	@Transactional
	public Draft withdraw(long campaignId, long draftId, String iso3, LocalDate on) {
		draft(campaignId, draftId);
		this.campaigns.requireOwner(campaignId, "The drafts and their co-sponsors",
				"ask its coordinators to record it");
		int updated = this.jdbc.sql("""
				update campaigns_cosponsor set withdrew_on = ? where draft_id = ? and iso3 = ? and withdrew_on is null
				""")
			.params(on == null ? LocalDate.now() : on, draftId, iso3.toUpperCase(java.util.Locale.ROOT))
			.update();
		if (updated == 0) {
			throw new InvalidInputException("iso3", iso3 + " does not co-sponsor this draft");
		}
		return draft(campaignId, draftId);
	}

	public List<Draft> drafts(long campaignId) {
		this.campaigns.campaign(campaignId);
		return this.jdbc.sql("select id from campaigns_draft where campaign_id = ? order by issued_on nulls first, id")
			.param(campaignId)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> draft(campaignId, id))
			.toList();
	}

	/** The co-sponsors of the latest draft, today. */
	public Set<String> currentCosponsors(long campaignId) {
		return new TreeSet<>(this.jdbc.sql("""
				select c.iso3 from campaigns_cosponsor c
				where c.withdrew_on is null and c.draft_id = (select id from campaigns_draft where campaign_id = ?
				                                              order by issued_on desc nulls last, id desc limit 1)
				""").param(campaignId).query(String.class).list());
	}

	public Draft draft(long campaignId, long draftId) {
		Draft draft = this.jdbc.sql("select * from campaigns_draft where id = ? and campaign_id = ?")
			.params(draftId, campaignId)
			.query((rs, n) -> new Draft(rs.getLong("id"), rs.getString("symbol"),
					rs.getObject("issued_on", LocalDate.class), rs.getString("what_changed"), rs.getString("body_text"),
					List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("No draft " + draftId + " in campaign " + campaignId));
		List<Draft.Cosponsor> cosponsors = this.jdbc.sql("""
				select c.iso3, s.short_name, c.joined_on, c.withdrew_on from campaigns_cosponsor c
				join states_state s on s.iso3 = c.iso3 where c.draft_id = ? order by s.short_name, c.joined_on, c.id
				""")
			.param(draftId)
			.query((rs, n) -> new Draft.Cosponsor(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
		return new Draft(draft.id(), draft.symbol(), draft.issuedOn(), draft.whatChanged(), draft.text(), cosponsors);
	}

	/**
	 * Who a briefing invites, by rule ({@link InvitationRule}): {@code ALL};
	 * {@code GROUP:<code>} (a regional group or bloc, e.g. GROUP:EU);
	 * {@code EXCEPT:<roll call id or symbol>:<Y|N|A|X>} (every member except those that
	 * voted that way on an earlier roll call, e.g. EXCEPT:6382:N or EXCEPT:ES-11/1:N; X:
	 * those that did not vote).
	 */
	public Set<String> invitees(long campaignId, String rule) {
		return invitees(campaignId, parse(rule));
	}

	private Set<String> invitees(long campaignId, InvitationRule rule) {
		Set<String> members = new TreeSet<>(this.campaigns.members(campaignId).stream().map(Member::iso3).toList());
		switch (rule.kind()) {
			case ALL -> {
			}
			case GROUP -> {
				this.states.findGrouping(rule.group())
					.orElseThrow(() -> new InvalidInputException("rule",
							"No regional group or bloc '" + rule.group() + "'"));
				Set<String> in = new TreeSet<>();
				this.states.membersOf(rule.group(), LocalDate.now()).forEach((m) -> in.add(m.iso3()));
				members.retainAll(in);
			}
			case EXCEPT -> members.removeAll(leftOutByRule(rule));
		}
		return members;
	}

	/** The states a rule leaves out: for EXCEPT, those that voted that way. */
	private Set<String> leftOutByRule(InvitationRule rule) {
		if (rule.kind() != InvitationRule.Kind.EXCEPT) {
			return Set.of();
		}
		try {
			return this.rollCalls.statesVoting(rule.rollCall(), rule.vote());
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("rule", "No roll call " + rule.rollCall() + " in the voting history");
		}
	}

	/**
	 * The rule written in {@code text}, its roll call named by id or by its resolution's
	 * symbol however written; a symbol voted on several times means the vote on the
	 * resolution as a whole.
	 */
	InvitationRule parse(String text) {
		return InvitationRule.parse(text, (symbol) -> this.campaigns.referenceBySymbolOrId(null, symbol));
	}

	/** A rule in words, for people (the rule as stored when it no longer reads). */
	String inWords(String stored) {
		try {
			InvitationRule rule = parse(stored);
			String group = (rule.group() == null) ? null
					: this.states.findGrouping(rule.group())
						.map((g) -> g.name() + " (" + g.kind().label().toLowerCase(java.util.Locale.ROOT) + ")")
						.orElse(rule.group());
			String rollCall = null;
			if (rule.rollCall() != null) {
				try {
					rollCall = this.rollCalls.rollCall(rule.rollCall()).label();
				}
				catch (NotFoundException ex) {
					rollCall = "roll call " + rule.rollCall();
				}
			}
			return rule.inWords(group, rollCall);
		}
		catch (InvalidInputException ex) {
			return stored;
		}
	}

	@Transactional
	public Briefing openBriefing(long campaignId, String title, LocalDate heldOn, String rule, List<String> add,
			List<String> remove) {
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		if (title == null || title.isBlank() || title.length() > 300) {
			throw new InvalidInputException("title", "A briefing needs a title of 1 to 300 characters");
		}
		InvitationRule parsed = parse(rule);
		Set<String> byRule = invitees(campaignId, parsed);
		Set<String> added = new TreeSet<>(members(campaignId, add));
		Set<String> removed = new TreeSet<>(members(campaignId, remove));
		// stored as it always was (EXCEPT:<roll call id>:<vote>): a symbol becomes its id
		long id = this.jdbc.sql("""
				insert into campaigns_briefing (campaign_id, title, held_on, rule) values (?, ?, ?, ?) returning id
				""").params(campaignId, title.trim(), heldOn, parsed.stored()).query(Long.class).single();
		Map<String, String> invited = new LinkedHashMap<>();
		byRule.forEach((iso3) -> invited.put(iso3, "RULE"));
		added.forEach((iso3) -> invited.putIfAbsent(iso3, "MANUAL"));
		removed.forEach(invited::remove);
		invited.forEach((iso3, by) -> this.jdbc
			.sql("insert into campaigns_invitation (briefing_id, iso3, added_by) values (?, ?, ?)")
			.params(id, iso3, by)
			.update());
		return briefing(campaignId, id);
	}

	/**
	 * Invites a state, or records its answer, with no version seen: a state not invited
	 * is invited (with that answer); an invitation not yet answered is answered; one
	 * answered already is changed only on top of the version seen
	 * ({@link #answer(long, long, String, Briefing.Status, Integer, String)}).
	 */
	@Transactional
	public Briefing setInvitation(long campaignId, long briefingId, String iso3, Briefing.Status status) {
		answer(campaignId, briefingId, iso3, status, null, null);
		return briefing(campaignId, briefingId);
	}

	/**
	 * Records one state's answer (or invites it) on top of the version of its invitation
	 * that was seen. With {@code expectedVersion} null, the invitation is expected not to
	 * exist yet (it is made, with that answer) or not to be answered yet; sending what it
	 * says already changes nothing. Anything else (someone answered meanwhile) is refused
	 * with the invitation as it is now: nothing is overwritten unseen.
	 */
	@Transactional
	public Briefing.Invitation answer(long campaignId, long briefingId, String iso3, Briefing.Status status,
			Integer expectedVersion, String by) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		if (status == null) {
			throw new InvalidInputException("status",
					"Say the answer: " + java.util.Arrays.toString(Briefing.Status.values()));
		}
		String code = members(campaignId, List.of(iso3)).get(0);
		Briefing.Invitation current = invitation(briefingId, code, true);
		if (current == null) {
			if (expectedVersion != null) {
				throw new InvalidInputException("iso3", code + " is not invited to this briefing");
			}
			// a state that two whips invite at once is invited once: the second finds it
			int inserted = this.jdbc.sql("""
					insert into campaigns_invitation (briefing_id, iso3, status, added_by, answered_by, answered_at)
					values (?, ?, ?, 'MANUAL', ?, case when ? then now() end) on conflict do nothing
					""")
				.params(briefingId, code, status.name(), (status == Briefing.Status.INVITED) ? null : by,
						status != Briefing.Status.INVITED)
				.update();
			if (inserted == 0) {
				return answer(campaignId, briefingId, code, status, null, by);
			}
			return invitation(briefingId, code, false);
		}
		if (expectedVersion == null && current.status() == status) {
			return current;
		}
		if (expectedVersion == null ? !current.unanswered() : current.version() != expectedVersion) {
			throw new ConflictException(changedMeanwhile(current), current);
		}
		this.jdbc.sql("""
				update campaigns_invitation set status = ?, version = version + 1, answered_by = ?, answered_at = now()
				where briefing_id = ? and iso3 = ?
				""").params(status.name(), by, briefingId, code).update();
		return invitation(briefingId, code, false);
	}

	/** One state's answer in a bulk answer: the version seen (null: not answered yet). */
	public record Answer(String iso3, Integer expectedVersion) {
	}

	/**
	 * Records the same answer for several invitations at once, all or nothing: each on
	 * top of the version seen (null: expected not yet answered). If any was changed
	 * meanwhile, nothing is recorded, and the refusal names them with their answers now.
	 */
	@Transactional
	public Briefing answerAll(long campaignId, long briefingId, Briefing.Status status, List<Answer> answers,
			String by) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		if (status == null) {
			throw new InvalidInputException("status",
					"Say the answer: " + java.util.Arrays.toString(Briefing.Status.values()));
		}
		if (answers == null || answers.isEmpty()) {
			throw new InvalidInputException("invitations", "Select the invitations to answer");
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (Answer answer : answers) {
			String code = (answer.iso3() == null) ? "" : answer.iso3().strip().toUpperCase(java.util.Locale.ROOT);
			if (seen.containsKey(code)) {
				throw new InvalidInputException("invitations", code + " is listed twice");
			}
			seen.put(code, answer.expectedVersion());
		}
		// the rows are locked in one order, so that two bulk answers cannot deadlock
		Map<String, Briefing.Invitation> current = new LinkedHashMap<>();
		this.jdbc.sql(INVITATION + " where i.briefing_id = ? and i.iso3 = any(?) order by i.iso3 for update of i")
			.params(briefingId, seen.keySet().toArray(String[]::new))
			.query(DraftsAndBriefings::invitation)
			.list()
			.forEach((i) -> current.put(i.iso3(), i));
		List<String> notInvited = seen.keySet().stream().filter((c) -> !current.containsKey(c)).toList();
		if (!notInvited.isEmpty()) {
			throw new InvalidInputException("invitations",
					"Not invited to this briefing: " + String.join(", ", notInvited) + "; nothing was recorded");
		}
		List<Briefing.Invitation> stale = new ArrayList<>();
		seen.forEach((code, version) -> {
			Briefing.Invitation now = current.get(code);
			boolean fresh = (version == null) ? (now.unanswered() || now.status() == status) : now.version() == version;
			if (!fresh) {
				stale.add(now);
			}
		});
		if (!stale.isEmpty()) {
			throw new ConflictException("Nothing was recorded: " + stale.size() + " of the " + seen.size()
					+ " invitations changed since you saw them: "
					+ stale.stream().map(DraftsAndBriefings::answeredNow).collect(Collectors.joining("; "))
					+ ". Look at them again and answer anew", stale);
		}
		List<String> changing = seen.keySet()
			.stream()
			.filter((code) -> seen.get(code) != null || current.get(code).status() != status)
			.toList();
		this.jdbc.sql("""
				update campaigns_invitation set status = ?, version = version + 1, answered_by = ?, answered_at = now()
				where briefing_id = ? and iso3 = any(?)
				""").params(status.name(), by, briefingId, changing.toArray(String[]::new)).update();
		return briefing(campaignId, briefingId);
	}

	/**
	 * Answers every invitation of the briefing not answered yet, the same way: those
	 * answered meanwhile keep their answer, as the answer is for the unanswered only.
	 */
	@Transactional
	public Briefing answerUnanswered(long campaignId, long briefingId, Briefing.Status status, String by) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		if (status == null || status == Briefing.Status.INVITED) {
			throw new InvalidInputException("status", "Say the answer: accepted, declined, attended or no-show");
		}
		this.jdbc.sql("""
				update campaigns_invitation set status = ?, version = version + 1, answered_by = ?, answered_at = now()
				where briefing_id = ? and status = 'INVITED'
				""").params(status.name(), by, briefingId).update();
		return briefing(campaignId, briefingId);
	}

	/**
	 * Withdraws a state's invitation, on top of the version seen (null: only one not
	 * answered yet).
	 */
	@Transactional
	public Briefing uninvite(long campaignId, long briefingId, String iso3, Integer expectedVersion) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		String code = iso3.strip().toUpperCase(java.util.Locale.ROOT);
		Briefing.Invitation current = invitation(briefingId, code, true);
		if (current == null) {
			return briefing(campaignId, briefingId);
		}
		if (expectedVersion == null ? !current.unanswered() : current.version() != expectedVersion) {
			throw new ConflictException(changedMeanwhile(current), current);
		}
		this.jdbc.sql("delete from campaigns_invitation where briefing_id = ? and iso3 = ?")
			.params(briefingId, code)
			.update();
		return briefing(campaignId, briefingId);
	}

	/** Withdraws an invitation not answered yet. */
	@Transactional
	public Briefing uninvite(long campaignId, long briefingId, String iso3) {
		return uninvite(campaignId, briefingId, iso3, null);
	}

	private static String changedMeanwhile(Briefing.Invitation current) {
		return "The invitation of " + answeredNow(current)
				+ " since you saw it; nothing was changed. Look at it again and answer anew";
	}

	private static String answeredNow(Briefing.Invitation invitation) {
		return invitation.name() + " was answered " + invitation.status().label()
				+ ((invitation.answeredBy() == null) ? "" : " by " + invitation.answeredBy());
	}

	public List<Briefing> briefings(long campaignId) {
		return this.jdbc.sql("select id from campaigns_briefing where campaign_id = ? order by held_on nulls last, id")
			.param(campaignId)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> briefing(campaignId, id))
			.toList();
	}

	private static final String INVITATION = """
			select i.iso3, s.short_name, i.status, i.added_by, i.version, i.answered_by, i.answered_at
			from campaigns_invitation i join states_state s on s.iso3 = i.iso3
			""";

	/**
	 * One state's invitation (null if it is not invited), locked for a change if asked.
	 */
	private Briefing.Invitation invitation(long briefingId, String iso3, boolean forUpdate) {
		return this.jdbc
			.sql(INVITATION + " where i.briefing_id = ? and i.iso3 = ?" + (forUpdate ? " for update of i" : ""))
			.params(briefingId, iso3)
			.query(DraftsAndBriefings::invitation)
			.optional()
			.orElse(null);
	}

	/** One state's invitation to a briefing of the campaign, as it is now. */
	public Briefing.Invitation invitation(long campaignId, long briefingId, String iso3) {
		briefing(campaignId, briefingId);
		String code = (iso3 == null) ? "" : iso3.strip().toUpperCase(java.util.Locale.ROOT);
		Briefing.Invitation invitation = invitation(briefingId, code, false);
		if (invitation == null) {
			throw new NotFoundException(code + " is not invited to briefing " + briefingId);
		}
		return invitation;
	}

	private static Briefing.Invitation invitation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp answeredAt = rs.getTimestamp(7);
		return new Briefing.Invitation(rs.getString(1), rs.getString(2), Briefing.Status.valueOf(rs.getString(3)),
				rs.getString(4), rs.getInt(5), rs.getString(6), (answeredAt == null) ? null : answeredAt.toInstant());
	}

	public Briefing briefing(long campaignId, long briefingId) {
		Briefing briefing = this.jdbc.sql("select * from campaigns_briefing where id = ? and campaign_id = ?")
			.params(briefingId, campaignId)
			.query((rs, n) -> new Briefing(rs.getLong("id"), rs.getString("title"),
					rs.getObject("held_on", LocalDate.class), rs.getString("rule"), null, List.of(), List.of(),
					List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("No briefing " + briefingId + " in campaign " + campaignId));
		List<Briefing.Invitation> invitations = this.jdbc
			.sql(INVITATION + " where i.briefing_id = ? order by s.short_name")
			.param(briefingId)
			.query(DraftsAndBriefings::invitation)
			.list();
		// who is left out: by the rule (for EXCEPT, those that voted that way; a group's
		// rule leaves out everyone else, which is not news worth a list), and by hand
		// (those the rule invites that are not invited)
		Set<String> invited = invitations.stream().map(Briefing.Invitation::iso3).collect(Collectors.toSet());
		InvitationRule rule;
		Set<String> byRule;
		try {
			rule = parse(briefing.rule());
			byRule = invitees(campaignId, rule);
		}
		catch (InvalidInputException ex) {
			rule = InvitationRule.ALL;
			byRule = invited;
		}
		List<Member> leftOutByRule = new ArrayList<>();
		List<Member> leftOutByHand = new ArrayList<>();
		for (Member member : this.campaigns.members(campaignId)) {
			if (invited.contains(member.iso3())) {
				continue;
			}
			if (byRule.contains(member.iso3())) {
				leftOutByHand.add(member);
			}
			else if (rule.kind() == InvitationRule.Kind.EXCEPT) {
				leftOutByRule.add(member);
			}
		}
		return new Briefing(briefing.id(), briefing.title(), briefing.heldOn(), briefing.rule(),
				inWords(briefing.rule()), invitations, leftOutByRule, leftOutByHand);
	}

	/** The codes given, checked to be members of the campaign's body. */
	private List<String> members(long campaignId, List<String> iso3s) {
		List<String> codes = new ArrayList<>();
		if (iso3s == null) {
			return codes;
		}
		Set<String> members = new TreeSet<>(this.campaigns.members(campaignId).stream().map(Member::iso3).toList());
		for (String text : iso3s) {
			if (text == null || text.isBlank()) {
				continue;
			}
			String code = text.trim().toUpperCase(java.util.Locale.ROOT);
			if (!members.contains(code)) {
				throw new InvalidInputException("iso3",
						"'" + text.trim() + "' is not a member of this campaign's body");
			}
			codes.add(code);
		}
		return codes;
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
