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

	ForecastPages(CampaignForecasts forecasts, Campaigns campaigns, ReadReliability reliability, RoleHierarchy roles) {
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
			model.addAttribute("targets", targets.subList(0, Math.min(TARGETS_SHOWN, targets.size())));
			model.addAttribute("moreTargets", Math.max(0, targets.size() - TARGETS_SHOWN));
			model.addAttribute("distribution", ForecastCharts.distribution(forecast.yes(), campaign.goalYes()));
			model.addAttribute("history",
					ForecastCharts.history(this.forecasts.history(id, 500), forecast.states().size()));
			model.addAttribute("map",
					WorldMap.natural().svg(classes, titles, "Each member's most likely vote, as forecast"));
		}
		return "forecast/forecast";
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
