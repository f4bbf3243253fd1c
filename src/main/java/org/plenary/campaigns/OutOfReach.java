package org.plenary.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.plenary.states.StateNameResolver;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The states of a campaign no call will move: the subject of the text (the state whose
 * conduct the draft condemns, e.g. Russia in ES-11/4) and those the owner marks out of
 * reach (its few firm allies). The advice ranks none of them among the next calls.
 */
@Service
public class OutOfReach {

	/**
	 * A state out of reach.
	 *
	 * @param subject whether it is the subject of the text
	 */
	public record State(String iso3, String name, boolean subject) {

		/** Why no call will move it, in words. */
		public String why() {
			return this.subject ? "the subject of the text" : "marked out of reach";
		}

	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final StateNameResolver names;

	OutOfReach(JdbcClient jdbc, Campaigns campaigns, StateNameResolver names) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.names = names;
	}

	/**
	 * The list as one read it: its states and the version a change must be based on.
	 */
	public record Listed(int version, List<State> states) {
	}

	/** The campaign's states out of reach, the subjects first, by name. */
	public List<State> states(long campaignId) {
		return listed(campaignId).states();
	}

	/**
	 * The campaign's list with its version, read in one statement so that the two agree
	 * while someone saves.
	 */
	public Listed listed(long campaignId) {
		this.campaigns.campaign(campaignId);
		int[] version = { 0 };
		List<State> states = new ArrayList<>();
		this.jdbc.sql("""
				select c.out_of_reach_version, o.iso3, s.short_name, o.subject from campaigns_campaign c
				left join campaigns_out_of_reach o on o.campaign_id = c.id
				left join states_state s on s.iso3 = o.iso3
				where c.id = ? order by o.subject desc, s.short_name
				""").param(campaignId).query((rs) -> {
			version[0] = rs.getInt(1);
			if (rs.getString(2) != null) {
				states.add(new State(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
			}
		});
		return new Listed(version[0], List.copyOf(states));
	}

	/** Why each state out of reach is, by ISO code. */
	public Map<String, String> reasons(long campaignId) {
		Map<String, String> reasons = new LinkedHashMap<>();
		states(campaignId).forEach((s) -> reasons.put(s.iso3(), s.why()));
		return reasons;
	}

	/**
	 * Replaces the campaign's list, all or nothing, on top of the version the caller
	 * read: each state given by code or name, each a member of the campaign's body; a
	 * state in both lists is the subject.
	 * @throws ConflictException with the list as it is now, when someone saved it since
	 * {@code expectedVersion}
	 */
	@Transactional
	public Listed set(long campaignId, int expectedVersion, List<String> subject, List<String> outOfReach, String by) {
		this.campaigns.requireOwner(campaignId, "The list of states out of reach",
				"suggest it to its coordinators instead");
		Set<String> members = this.campaigns.members(campaignId).stream().map(Member::iso3).collect(Collectors.toSet());
		Map<String, Boolean> wanted = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		resolve(subject, members, problems).forEach((code) -> wanted.put(code, true));
		resolve(outOfReach, members, problems).forEach((code) -> wanted.putIfAbsent(code, false));
		if (!problems.isEmpty()) {
			throw new InvalidInputException("states", String.join("; ", problems));
		}
		if (wanted.values().stream().filter(Boolean::booleanValue).count() > 3) {
			throw new InvalidInputException("subject",
					"A text condemns the conduct of one state, or a few: name at most 3 as its subject");
		}
		// the row lock orders two saves at once: the second finds the version moved on
		int bumped = this.jdbc.sql("""
				update campaigns_campaign set out_of_reach_version = out_of_reach_version + 1
				where id = ? and out_of_reach_version = ?
				""").params(campaignId, expectedVersion).update();
		if (bumped == 0) {
			Listed current = listed(campaignId);
			throw new ConflictException("Someone saved the list of states out of reach since you read it (version "
					+ expectedVersion + "; it is now at version " + current.version()
					+ "): here it is as it stands; make your change on top of it", current);
		}
		this.jdbc.sql("delete from campaigns_out_of_reach where campaign_id = ?").param(campaignId).update();
		wanted.forEach((iso3, isSubject) -> this.jdbc
			.sql("insert into campaigns_out_of_reach (campaign_id, iso3, subject, set_by) values (?, ?, ?, ?)")
			.params(campaignId, iso3, isSubject, by)
			.update());
		return listed(campaignId);
	}

	private List<String> resolve(List<String> given, Set<String> members, List<String> problems) {
		List<String> codes = new ArrayList<>();
		if (given == null) {
			return codes;
		}
		for (String text : given) {
			if (text == null || text.isBlank()) {
				continue;
			}
			StateNameResolver.Resolution resolution = this.names.resolve(text.trim(), LocalDate.now());
			if (!resolution.resolved()) {
				problems.add("Unknown state: " + resolution.problem());
			}
			else if (!members.contains(resolution.iso3())) {
				problems.add("'" + text.trim() + "' is not a member of this campaign's body");
			}
			else {
				codes.add(resolution.iso3());
			}
		}
		return codes;
	}

}
