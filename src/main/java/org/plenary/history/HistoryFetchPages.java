package org.plenary.history;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** "Update the voting history" on the import page, for administrators. */
@Controller
class HistoryFetchPages {

	private final HistoryFetches fetches;

	HistoryFetchPages(HistoryFetches fetches) {
		this.fetches = fetches;
	}

	@PostMapping("/history/imports/fetch")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String start(Principal principal) {
		return "redirect:/history/imports/fetches/" + this.fetches.start(principal.getName()).id();
	}

	@GetMapping("/history/imports/fetches/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String one(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("fetch",
				this.fetches.find(id).orElseThrow(() -> new org.plenary.system.NotFoundException("No update " + id)));
		return (htmx != null) ? "history/fetch :: outcome" : "history/fetch";
	}

}
