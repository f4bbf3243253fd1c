package org.plenary.reports;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.PartnerSuggestion;
import org.plenary.campaigns.PartnerSuggestions;
import org.plenary.history.Vote;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.WhipCount;

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
 * After the vote: the page that records the vote cast (from the voting history or typed
 * in, member by member) and then shows the reckoning.
 */
@Controller
class ReckoningPages {

	private final Reckoning reckoning;

	private final Campaigns campaigns;

	private final WhipCount whip;

	private final RoleHierarchy roles;

	private final PartnerSuggestions suggestions;

	ReckoningPages(Reckoning reckoning, Campaigns campaigns, WhipCount whip, RoleHierarchy roles,
			PartnerSuggestions suggestions) {
		this.reckoning = reckoning;
		this.campaigns = campaigns;
		this.whip = whip;
		this.roles = roles;
		this.suggestions = suggestions;
	}

	/** One line of the typed-in form: a member and the vote it starts at. */
	record FormRow(String iso3, String name, String read, String prefill) {
	}

	@GetMapping("/campaigns/{id}/reckoning")
	String page(@PathVariable long id, Authentication user, Model model) {
		Campaign campaign = this.campaigns.campaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("canCoordinate", has(user, "COORDINATOR"));
		// the outcome and the reckoning are the owner's; a partner's coordinators suggest
		model.addAttribute("owns", this.campaigns.owns(id));
		model.addAttribute("ownerName", this.campaigns.ownerName(id));
		model.addAttribute("suggestions",
				this.suggestions.suggestions(id)
					.stream()
					.filter((g) -> g.kind() == PartnerSuggestion.Kind.OUTCOME)
					.toList());
		model.addAttribute("reckoning", this.reckoning.reckoning(id).orElse(null));
		model.addAttribute("earlier", this.reckoning.outcomeWithoutReckoning(id).orElse(null));
		model.addAttribute("votes", Vote.values());
		Map<String, CurrentStance> stances = this.whip.stances(id);
		List<FormRow> rows = new ArrayList<>();
		for (Member member : this.campaigns.members(id)) {
			CurrentStance stance = stances.get(member.iso3());
			Vote points = (stance == null) ? null : Reckoned.pointsAt(stance.stance());
			rows.add(new FormRow(member.iso3(), member.name(), (stance == null) ? "Unknown" : stance.stance().label(),
					member.withoutVote() ? Vote.NON_VOTING.name() : (points == null) ? "" : points.name()));
		}
		model.addAttribute("rows", rows);
		return "reports/reckoning";
	}

	@PostMapping("/campaigns/{id}/reckoning")
	@PreAuthorize("hasRole('COORDINATOR')")
	String record(@PathVariable long id, @RequestParam Map<String, String> params, Principal principal,
			RedirectAttributes redirect) {
		try {
			Reckoning.RecordActual actual;
			if ("history".equals(params.get("source"))) {
				actual = Reckoning.RecordActual.rollCall(params.getOrDefault("rollCall", ""));
			}
			else {
				Map<String, String> votes = new LinkedHashMap<>();
				params.forEach((key, value) -> {
					if (key.startsWith("vote:") && value != null && !value.isBlank()) {
						votes.put(key.substring(5), value);
					}
				});
				actual = Reckoning.RecordActual.typed(votes, date(params.get("date")));
			}
			Reckoning.Recorded recorded = this.reckoning.record(id, actual, principal.getName());
			redirect.addFlashAttribute("notice", "Recorded: the vote became " + recorded.reckoned().outcome().label()
					+ "." + (recorded.movedToVoted() ? " " + recorded.statusNote() : ""));
		}
		catch (InvalidInputException | NotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/reckoning";
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("date", "The day of the vote is written 2026-10-11, not '" + text + "'");
		}
	}

	private boolean has(Authentication user, String role) {
		return user != null && this.roles.getReachableGrantedAuthorities(user.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(("ROLE_" + role)::equals);
	}

}
