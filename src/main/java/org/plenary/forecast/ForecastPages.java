package org.plenary.forecast;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.forecast.core.tally.Targeting;
import org.plenary.states.WorldMap;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's forecast page: the panel, the distribution of the Yes count, how the
 * forecast moved, the targeting list, every member's probabilities on a map and in a
 * table, and what the model was prepared from.
 */
@Controller
class ForecastPages {

	/** The targeting list on the page; the API gives them all. */
	static final int TARGETS_SHOWN = 25;

	private final CampaignForecasts forecasts;

	private final Campaigns campaigns;

	private final ReadReliability reliability;

	private final RoleHierarchy roles;

	private final org.springframework.beans.factory.ObjectProvider<TargetPeople> people;

	private final TrackRecords trackRecords;

	private final org.plenary.history.HistoryCurrency currency;

	ForecastPages(CampaignForecasts forecasts, Campaigns campaigns, ReadReliability reliability, RoleHierarchy roles,
			org.springframework.beans.factory.ObjectProvider<TargetPeople> people, TrackRecords trackRecords,
			org.plenary.history.HistoryCurrency currency) {
		this.currency = currency;
		this.people = people;
		this.trackRecords = trackRecords;
		this.forecasts = forecasts;
		this.campaigns = campaigns;
		this.reliability = reliability;
		this.roles = roles;
	}

	@GetMapping("/campaigns/{id}/forecast")
	String forecast(@PathVariable long id, Authentication user, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		CampaignForecast forecast = this.forecasts.forecast(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("forecast", forecast);
		model.addAttribute("ownForecast", this.forecasts.ownForecast(id));
		model.addAttribute("campaignId", id);
		model.addAttribute("canCoordinate", has(user, "COORDINATOR"));
		model.addAttribute("outcome", this.reliability.outcome(id).orElse(null));
		model.addAttribute("trackRecord", this.trackRecords.forCampaign(id));
		// what the forecast rests on: a history that stops years ago, or no reference, is
		// said here rather than left for the user to discover
		model.addAttribute("historyCurrency", this.currency.now(java.time.LocalDate.now()));
		model.addAttribute("noReferences", this.campaigns.references(id).isEmpty());
		if (forecast.ready()) {
			Map<String, String> bars = new HashMap<>();
			Map<String, String> words = new HashMap<>();
			Map<Integer, String> classes = new HashMap<>();
			Map<Integer, String> titles = new HashMap<>();
			for (CampaignForecast.StateForecast state : forecast.states()) {
				bars.put(state.name(), ForecastCharts.bar(state.probabilities()));
				words.put(state.name(), ForecastCharts.words(state.probabilities()));
				if (state.m49() != null) {
					classes.put(state.m49(), ForecastCharts.mapClass(state.probabilities()));
					titles.put(state.m49(), state.name() + ": " + ForecastCharts.words(state.probabilities()));
				}
			}
			List<Targeting.Target> targets = forecast.targets();
			model.addAttribute("bars", bars);
			model.addAttribute("words", words);
			List<Targeting.Target> shown = targets.subList(0, Math.min(TARGETS_SHOWN, targets.size()));
			model.addAttribute("targets", shown);
			TargetPeople people = this.people.getIfAvailable();
			Map<String, TargetPeople.People> byName = new HashMap<>();
			if (people != null && !shown.isEmpty()) {
				Map<String, TargetPeople.People> byCode = people.people(id,
						shown.stream().map((t) -> forecast.iso3Of(t.state())).toList());
				shown.forEach((t) -> {
					TargetPeople.People p = byCode.get(forecast.iso3Of(t.state()));
					if (p != null) {
						byName.put(t.state(), p);
					}
				});
			}
			model.addAttribute("people", byName);
			model.addAttribute("moved", movedByReads(forecast));
			model.addAttribute("moreTargets", Math.max(0, targets.size() - TARGETS_SHOWN));
			model.addAttribute("distribution", ForecastCharts.distribution(forecast.yes(), campaign.goalYes()));
			model.addAttribute("history",
					ForecastCharts.history(this.forecasts.history(id, 500), forecast.states().size()));
			model.addAttribute("map",
					WorldMap.natural().svg(classes, titles, "Each member's most likely vote, as forecast"));
		}
		return "forecast/forecast";
	}

	/** A member whose forecast our read moved: its most likely vote before and after. */
	record Moved(String name, String stance, String before, String after, double distance) {
	}

	/**
	 * The members our reads moved, most first: by how much probability changed hands
	 * (half the sum of the absolute differences), those moved by under 5 points left out.
	 */
	static List<Moved> movedByReads(CampaignForecast forecast) {
		List<Moved> moved = new java.util.ArrayList<>();
		for (CampaignForecast.StateForecast state : forecast.states()) {
			if (state.stance() == null || state.withoutVote()) {
				continue;
			}
			double distance = 0;
			for (org.plenary.forecast.core.tally.Vote vote : org.plenary.forecast.core.tally.Vote.values()) {
				distance += Math.abs(state.probabilities().probability(vote) - state.modelOnly().probability(vote));
			}
			distance /= 2;
			if (distance >= 0.05) {
				moved.add(new Moved(state.name(), state.stance(), ForecastCharts.words(state.modelOnly()),
						ForecastCharts.words(state.probabilities()), distance));
			}
		}
		moved.sort(java.util.Comparator.comparingDouble(Moved::distance).reversed());
		return moved;
	}

	/** The panel alone: a panel waiting for its model asks for itself again. */
	@GetMapping("/campaigns/{id}/forecast/panel")
	String panel(@PathVariable long id, Model model) {
		this.campaigns.campaign(id);
		model.addAttribute("forecast", this.forecasts.forecast(id));
		model.addAttribute("campaignId", id);
		return "forecast/forecast :: panel";
	}

	@PostMapping("/campaigns/{id}/forecast/prepare")
	@PreAuthorize("hasRole('COORDINATOR')")
	String prepare(@PathVariable long id, RedirectAttributes redirect) {
		this.forecasts.prepare(id);
		redirect.addFlashAttribute("notice",
				"The model is being prepared again; the forecast updates in a few seconds.");
		return "redirect:/campaigns/" + id + "/forecast";
	}

	@PostMapping("/campaigns/{id}/forecast/outcome")
	@PreAuthorize("hasRole('COORDINATOR')")
	String outcome(@PathVariable long id, @RequestParam String rollCall, Principal principal,
			RedirectAttributes redirect) {
		try {
			ReadReliability.RecordedOutcome outcome = this.reliability.record(id, rollCall, principal.getName());
			redirect.addFlashAttribute("notice", "Recorded: this campaign's vote became " + outcome.label() + "."
					+ (outcome.movedToVoted() ? " The campaign's status is now Voted." : ""));
		}
		catch (org.plenary.system.InvalidInputException | org.plenary.system.NotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/forecast";
	}

	private boolean has(Authentication user, String role) {
		return user != null && this.roles.getReachableGrantedAuthorities(user.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(("ROLE_" + role)::equals);
	}

}
