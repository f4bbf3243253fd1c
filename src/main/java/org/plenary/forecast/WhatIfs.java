package org.plenary.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Coalitions;
import org.plenary.forecast.core.tally.AdoptionRule;
import org.plenary.forecast.core.tally.ExactTally;
import org.plenary.forecast.core.tally.TallySummary;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.states.Grouping;
import org.plenary.states.MemberStates;
import org.plenary.states.Membership;
import org.plenary.states.StateNameResolver;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "What if": the forecast with some states' votes fixed ("the United States votes No",
 * "the African Group abstains"), beside the forecast as it stands, without touching the
 * board. The states named vote so in every scenario of the shared uncertainty; the others
 * keep their forecast (an intervention: naming one state's vote moves no other). Saved
 * scenarios keep the choices, never the numbers, so they follow the reads.
 */
@Service
public class WhatIfs {

	/** At most this many choices in one scenario, and saved scenarios per campaign. */
	static final int MAX_CHOICES = 20;

	static final int MAX_SAVED = 50;

	/** One choice: a member, a group or a bloc (by code or name), and its vote. */
	public record Choice(String target, Vote vote) {
	}

	/**
	 * The forecast under a scenario.
	 *
	 * @param words the scenario in words: "if United States votes No and African States
	 * abstain"
	 * @param fixed the members whose vote it fixes, by name
	 * @param now the forecast as it stands
	 * @param then the forecast under the scenario
	 */
	public record Result(String words, List<String> fixed, TallySummary now, TallySummary then) {

		/** P(adoption) in words, now and under the scenario. */
		public String adoptionNow() {
			return CampaignForecast.percent(this.now.adoptionProbability());
		}

		public String adoptionThen() {
			return CampaignForecast.percent(this.then.adoptionProbability());
		}

	}

	/** A saved scenario, with the forecast under it now (null when not ready). */
	public record Saved(long id, String name, List<Choice> choices, String savedBy, Instant savedAt, Result result) {
	}

	private final CampaignForecasts forecasts;

	private final Campaigns campaigns;

	private final MemberStates states;

	private final StateNameResolver names;

	private final JdbcClient jdbc;

	private final Coalitions coalitions;

	WhatIfs(CampaignForecasts forecasts, Campaigns campaigns, MemberStates states, StateNameResolver names,
			JdbcClient jdbc, Coalitions coalitions) {
		this.forecasts = forecasts;
		this.campaigns = campaigns;
		this.states = states;
		this.names = names;
		this.jdbc = jdbc;
		this.coalitions = coalitions;
	}

	/**
	 * The forecast under the choices; later choices win over earlier ones for a state
	 * named twice ("the EU votes Yes; Hungary abstains").
	 * @throws InvalidInputException naming an unknown state or group, a state outside the
	 * body, a missing vote, or no choice at all
	 * @throws NotFoundException while the forecast is not ready (its model is being
	 * prepared)
	 */
	public Result whatIf(long campaignId, List<Choice> choices) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		if (!forecast.ready()) {
			throw new InvalidInputException("forecast", forecast.message());
		}
		return whatIf(campaign, forecast, members(campaignId), choices);
	}

	private Result whatIf(Campaign campaign, CampaignForecast forecast, Map<String, String> members,
			List<Choice> choices) {
		Map<String, Vote> fixed = resolve(choices, members);
		Map<Integer, Vote> byIndex = new LinkedHashMap<>();
		fixed.forEach((iso3, vote) -> {
			int i = forecast.order().indexOf(iso3);
			if (i >= 0) {
				byIndex.put(i, vote);
			}
		});
		AdoptionRule rule = AdoptionRule.of(AdoptionRule.Kind.valueOf(campaign.rule().name()),
				(campaign.quota() == null) ? 0 : campaign.quota());
		TallySummary then = new ExactTally().mixture(forecast.scenarios().with(byIndex)).summary(rule);
		return new Result(words(choices, members), fixed.keySet().stream().map(members::get).toList(),
				forecast.summary(), then);
	}

	/** The members of the campaign's body: ISO code to name. */
	private Map<String, String> members(long campaignId) {
		Map<String, String> members = new LinkedHashMap<>();
		this.campaigns.members(campaignId).forEach((m) -> members.put(m.iso3(), m.name()));
		return members;
	}

	/** A saved scenario as stored. */
	private record Stored(long id, String name, List<Choice> choices, String savedBy, Instant savedAt) {
	}

	/**
	 * The campaign's saved scenarios, oldest first, each with its forecast now: the rows
	 * read first, then one forecast and one list of members for all of them.
	 */
	public List<Saved> saved(long campaignId) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		List<Stored> stored = this.jdbc.sql(
				"select id, name, choices, saved_by, saved_at from forecast_scenario where campaign_id = ? order by id")
			.param(campaignId)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), parse(rs.getString(3)), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		if (stored.isEmpty()) {
			return List.of();
		}
		CampaignForecast forecast = this.forecasts.forecast(campaignId);
		Map<String, String> members = members(campaignId);
		List<Saved> saved = new ArrayList<>(stored.size());
		for (Stored s : stored) {
			Result result = null;
			if (forecast.ready()) {
				try {
					result = whatIf(campaign, forecast, members, s.choices());
				}
				catch (InvalidInputException ex) {
					// a state or group gone from the body since: shown without numbers
				}
			}
			saved.add(new Saved(s.id(), s.name(), s.choices(), s.savedBy(), s.savedAt(), result));
		}
		return saved;
	}

	/** Saves a scenario under a name; its choices are checked as {@link #whatIf} does. */
	public Saved save(long campaignId, String name, List<Choice> choices, String by) {
		this.campaigns.campaign(campaignId);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "Name the scenario (\u201cUS votes No\u201d)");
		}
		if (name.trim().length() > 120) {
			throw new InvalidInputException("name", "A scenario's name has at most 120 characters");
		}
		resolve(choices, members(campaignId));
		long count = this.jdbc.sql("select count(*) from forecast_scenario where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		if (count >= MAX_SAVED) {
			throw new InvalidInputException("name", "At most " + MAX_SAVED + " saved scenarios: delete one first");
		}
		long id = this.jdbc.sql("""
				insert into forecast_scenario (campaign_id, organisation_id, name, choices, saved_by)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(campaignId, this.coalitions.actingOrganisation(), name.trim(), format(choices), by)
			.query(Long.class)
			.single();
		return saved(campaignId).stream().filter((s) -> s.id() == id).findFirst().orElseThrow();
	}

	/** Deletes one of the acting organisation's saved scenarios. */
	public void delete(long campaignId, long id) {
		this.campaigns.campaign(campaignId);
		int deleted = this.jdbc.sql("delete from forecast_scenario where campaign_id = ? and id = ?")
			.params(campaignId, id)
			.update();
		if (deleted == 0) {
			throw new NotFoundException("No saved scenario " + id + " of your organisation in this campaign");
		}
	}

	/** The members each choice names, and their votes, later choices winning. */
	private Map<String, Vote> resolve(List<Choice> choices, Map<String, String> members) {
		List<Choice> given = (choices == null) ? List.of()
				: choices.stream().filter((c) -> c != null && c.target() != null && !c.target().isBlank()).toList();
		if (given.isEmpty()) {
			throw new InvalidInputException("choices", "Pick at least one state, group or bloc and its vote");
		}
		if (given.size() > MAX_CHOICES) {
			throw new InvalidInputException("choices", "At most " + MAX_CHOICES + " choices in one scenario");
		}
		Map<String, Vote> fixed = new LinkedHashMap<>();
		for (Choice choice : given) {
			String target = choice.target().trim();
			if (choice.vote() == null) {
				throw new InvalidInputException("choices", "Say how " + target + " votes");
			}
			Optional<Grouping> grouping = grouping(target);
			if (grouping.isPresent()) {
				List<String> in = this.states.membersOf(grouping.get().code(), LocalDate.now())
					.stream()
					.filter((m) -> "MEMBER".equals(m.role()))
					.map(Membership::iso3)
					.filter(members::containsKey)
					.toList();
				if (in.isEmpty()) {
					throw new InvalidInputException("choices",
							grouping.get().name() + " has no member in this campaign's body");
				}
				in.forEach((iso3) -> fixed.put(iso3, choice.vote()));
				continue;
			}
			StateNameResolver.Resolution resolution = this.names.resolve(target, LocalDate.now());
			if (!resolution.resolved()) {
				throw new InvalidInputException("choices", "Unknown state, group or bloc: " + resolution.problem());
			}
			if (!members.containsKey(resolution.iso3())) {
				throw new InvalidInputException("choices", "'" + target + "' is not a member of this campaign's body");
			}
			fixed.remove(resolution.iso3());
			fixed.put(resolution.iso3(), choice.vote());
		}
		return fixed;
	}

	private Optional<Grouping> grouping(String target) {
		return this.states.groupings()
			.stream()
			.filter((g) -> g.code().equalsIgnoreCase(target) || g.name().equalsIgnoreCase(target))
			.findFirst();
	}

	/**
	 * "If the United States of America votes No, the African States abstain": each choice
	 * named as the register names it (a code becomes its state's name), with the article
	 * English gives it and its verb agreeing with it.
	 */
	private String words(List<Choice> choices, Map<String, String> members) {
		List<String> parts = new ArrayList<>();
		for (Choice c : choices) {
			if (c == null || c.target() == null || c.target().isBlank() || c.vote() == null) {
				continue;
			}
			String target = c.target().trim();
			Optional<Grouping> grouping = grouping(target);
			if (grouping.isPresent()) {
				String name = grouping.get().name();
				parts.add("the " + name + " " + verb(c.vote(), plural(name)));
				continue;
			}
			StateNameResolver.Resolution resolution = this.names.resolve(target, LocalDate.now());
			String name = resolution.resolved() ? members.getOrDefault(resolution.iso3(), target) : target;
			parts.add(withArticle(name) + " " + verb(c.vote(), false));
		}
		return "If " + String.join(", ", parts);
	}

	/**
	 * Whether a group's or bloc's name is plural: its head noun is ("African States",
	 * "Least Developed Countries"), not the "of" phrase after it ("League of Arab
	 * States", "Group of Seven") nor an acronym ("BRICS").
	 */
	static boolean plural(String name) {
		String head = name.split(" of | \\(")[0].trim();
		String last = head.substring(head.lastIndexOf(' ') + 1);
		return last.length() > 1 && last.endsWith("s") && !last.endsWith("ss")
				&& !last.equals(last.toUpperCase(java.util.Locale.ROOT));
	}

	private static final java.util.regex.Pattern TAKES_THE = java.util.regex.Pattern
		.compile("^United |Republic|Kingdom|Federation|Emirates|Islands|^(Bahamas|Gambia|Philippines|Netherlands"
				+ "|Maldives|Comoros|Holy See|Sudan|State of)\\b");

	/**
	 * A state's name as a sentence's subject: "the United States of America", "the
	 * Russian Federation", but "Kenya" and "Venezuela (Bolivarian Republic of)".
	 */
	static String withArticle(String name) {
		int bracket = name.indexOf(" (");
		String head = (bracket < 0) ? name : name.substring(0, bracket);
		return TAKES_THE.matcher(head).find() ? "the " + name : name;
	}

	private static String verb(Vote vote, boolean plural) {
		return switch (vote) {
			case YES -> plural ? "vote Yes" : "votes Yes";
			case NO -> plural ? "vote No" : "votes No";
			case ABSTAIN -> plural ? "abstain" : "abstains";
			case NON_VOTING -> plural ? "do not vote" : "does not vote";
		};
	}

	/** Stored as lines "target=VOTE". */
	static String format(List<Choice> choices) {
		return choices.stream()
			.filter((c) -> c != null && c.target() != null && !c.target().isBlank())
			.map((c) -> c.target().trim().replace('\n', ' ').replace('=', ' ') + "=" + c.vote().name())
			.collect(Collectors.joining("\n"));
	}

	static List<Choice> parse(String text) {
		List<Choice> choices = new ArrayList<>();
		for (String line : text.split("\n")) {
			int at = line.lastIndexOf('=');
			if (at > 0) {
				choices.add(new Choice(line.substring(0, at), Vote.valueOf(line.substring(at + 1))));
			}
		}
		return choices;
	}

	/** A vote as typed: Yes, No, Abstain, Non-voting, any case. */
	public static Vote vote(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (t) {
			case "YES", "Y" -> Vote.YES;
			case "NO", "N" -> Vote.NO;
			case "ABSTAIN", "A" -> Vote.ABSTAIN;
			case "NON_VOTING", "NONVOTING", "ABSENT", "X" -> Vote.NON_VOTING;
			default -> throw new InvalidInputException("vote",
					"Unknown vote '" + text + "': use Yes, No, Abstain or Non-voting");
		};
	}

}
