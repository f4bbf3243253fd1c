package org.plenary.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.plenary.history.RollCalls;
import org.plenary.history.Vote;
import org.plenary.states.MemberStates;
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
			throw new org.plenary.system.ConflictException("This campaign has a draft " + symbol.trim() + " already");
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
	 * Who a briefing invites, by rule: {@code ALL}; {@code GROUP:<code>} (a regional
	 * group or bloc, e.g. GROUP:EU); {@code EXCEPT:<roll call id>:<Y|N|A>} (every member
	 * except those that voted that way on a reference resolution, e.g. EXCEPT:6382:N).
	 */
	public Set<String> invitees(long campaignId, String rule) {
		Set<String> members = new TreeSet<>(this.campaigns.members(campaignId).stream().map(Member::iso3).toList());
		String text = (rule == null || rule.isBlank()) ? "ALL" : rule.trim().toUpperCase(java.util.Locale.ROOT);
		if (text.equals("ALL")) {
			return members;
		}
		if (text.startsWith("GROUP:")) {
			String code = text.substring(6);
			this.states.findGrouping(code)
				.orElseThrow(() -> new InvalidInputException("rule", "No regional group or bloc '" + code + "'"));
			Set<String> in = new TreeSet<>();
			this.states.membersOf(code, LocalDate.now()).forEach((m) -> in.add(m.iso3()));
			members.retainAll(in);
			return members;
		}
		if (text.startsWith("EXCEPT:")) {
			String[] parts = text.split(":");
			if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("[YNA]")) {
				throw new InvalidInputException("rule", "Write EXCEPT:<roll call id>:<Y, N or A>, e.g. EXCEPT:6382:N");
			}
			members.removeAll(this.rollCalls.statesVoting(Long.parseLong(parts[1]), Vote.ofCode(parts[2].charAt(0))));
			return members;
		}
		throw new InvalidInputException("rule", "Unknown invitation rule '" + rule + "': use ALL, GROUP:<code> or "
				+ "EXCEPT:<roll call id>:<Y, N or A>");
	}

	@Transactional
	public Briefing openBriefing(long campaignId, String title, LocalDate heldOn, String rule, List<String> add,
			List<String> remove) {
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		if (title == null || title.isBlank() || title.length() > 300) {
			throw new InvalidInputException("title", "A briefing needs a title of 1 to 300 characters");
		}
		Set<String> byRule = invitees(campaignId, rule);
		Set<String> added = new TreeSet<>(members(campaignId, add));
		Set<String> removed = new TreeSet<>(members(campaignId, remove));
		long id = this.jdbc.sql("""
				insert into campaigns_briefing (campaign_id, title, held_on, rule) values (?, ?, ?, ?) returning id
				""")
			.params(campaignId, title.trim(), heldOn, (rule == null || rule.isBlank()) ? "ALL" : rule.trim())
			.query(Long.class)
			.single();
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

	@Transactional
	public Briefing setInvitation(long campaignId, long briefingId, String iso3, Briefing.Status status) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		String code = members(campaignId, List.of(iso3)).get(0);
		this.jdbc.sql("""
				insert into campaigns_invitation (briefing_id, iso3, status, added_by) values (?, ?, ?, 'MANUAL')
				on conflict (briefing_id, iso3) do update set status = excluded.status
				""").params(briefingId, code, status.name()).update();
		return briefing(campaignId, briefingId);
	}

	@Transactional
	public Briefing uninvite(long campaignId, long briefingId, String iso3) {
		briefing(campaignId, briefingId);
		this.campaigns.requireOwner(campaignId, "The briefings and their invitations",
				"ask its coordinators to change them");
		this.jdbc.sql("delete from campaigns_invitation where briefing_id = ? and iso3 = ?")
			.params(briefingId, iso3.toUpperCase(java.util.Locale.ROOT))
			.update();
		return briefing(campaignId, briefingId);
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

	public Briefing briefing(long campaignId, long briefingId) {
		Briefing briefing = this.jdbc.sql("select * from campaigns_briefing where id = ? and campaign_id = ?")
			.params(briefingId, campaignId)
			.query((rs, n) -> new Briefing(rs.getLong("id"), rs.getString("title"),
					rs.getObject("held_on", LocalDate.class), rs.getString("rule"), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("No briefing " + briefingId + " in campaign " + campaignId));
		List<Briefing.Invitation> invitations = this.jdbc.sql("""
				select i.iso3, s.short_name, i.status, i.added_by from campaigns_invitation i
				join states_state s on s.iso3 = i.iso3 where i.briefing_id = ? order by s.short_name
				""")
			.param(briefingId)
			.query((rs, n) -> new Briefing.Invitation(rs.getString(1), rs.getString(2),
					Briefing.Status.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
		return new Briefing(briefing.id(), briefing.title(), briefing.heldOn(), briefing.rule(), invitations);
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
