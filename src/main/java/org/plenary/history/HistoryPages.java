package org.plenary.history;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plenary.states.MemberStates;
import org.plenary.states.StateNameMappings;
import org.plenary.states.WorldMap;
import org.plenary.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Search roll calls, read one, read a state's record, and (administrators) import data.
 */
@Controller
class HistoryPages {

	private final RollCalls rollCalls;

	private final StateRecords records;

	private final MemberStates states;

	private final VoteImporter importer;

	private final ImportJobs jobs;

	private final HistoryCurrency currency;

	private final ImportNames names;

	private final StateNameMappings mappings;

	HistoryPages(RollCalls rollCalls, StateRecords records, MemberStates states, VoteImporter importer, ImportJobs jobs,
			HistoryCurrency currency, ImportNames names, StateNameMappings mappings) {
		this.currency = currency;
		this.rollCalls = rollCalls;
		this.records = records;
		this.states = states;
		this.importer = importer;
		this.jobs = jobs;
		this.names = names;
		this.mappings = mappings;
	}

	/** Problems a page of the import's report shows. */
	static final int PROBLEMS_PER_PAGE = 50;

	@GetMapping("/history")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String symbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String session, @RequestParam(required = false) String outcome,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result",
				this.rollCalls.search(new RollCalls.Query(q, symbol, from, to, session, outcome, page)));
		model.addAttribute("q", q);
		model.addAttribute("symbol", symbol);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("session", session);
		model.addAttribute("outcome", outcome);
		model.addAttribute("outcomes", RollCall.Outcome.values());
		if (htmx == null) {
			model.addAttribute("currency", this.currency.now(LocalDate.now()));
		}
		return (htmx != null) ? "history/search :: results" : "history/search";
	}

	@GetMapping("/history/roll-calls/{id}")
	String rollCall(@PathVariable long id, Model model) {
		RollCall rollCall = this.rollCalls.rollCall(id);
		Map<Vote, List<StateVote>> votes = this.rollCalls.votes(id);
		Map<Integer, String> classes = new HashMap<>();
		Map<Integer, String> titles = new HashMap<>();
		votes.forEach((vote, list) -> list.forEach((state) -> {
			if (state.m49() != null) {
				classes.put(state.m49(), cssClass(vote));
				titles.put(state.m49(), state.name() + ": " + vote.label());
			}
		}));
		model.addAttribute("rollCall", rollCall);
		model.addAttribute("votes", votes);
		model.addAttribute("map",
				WorldMap.natural().svg(classes, titles, "How each state voted on " + rollCall.label()));
		model.addAttribute("defects", this.rollCalls.defects(id));
		model.addAttribute("similar", this.rollCalls.similar(id, 10));
		return "history/roll-call";
	}

	@GetMapping("/states/{iso3}/record")
	String record(@PathVariable String iso3,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String with, Model model) {
		StateRecords.StateRecord record = this.records.record(iso3, from, to, 10);
		model.addAttribute("record", record);
		model.addAttribute("chart", Charts.sessions(record.sessions()));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("with", with);
		model.addAttribute("members", this.states.list(MemberStates.StateFilter.all()));
		if (with != null && !with.isBlank()) {
			model.addAttribute("pair", this.records.coincidence(iso3, with, from, to));
		}
		return "history/record";
	}

	@GetMapping("/history/imports")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String imports(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<VoteImporter.ImportRecord> imports = this.importer.recentImports(20);
		model.addAttribute("imports", imports);
		model.addAttribute("running", imports.stream().anyMatch((i) -> "RUNNING".equals(i.status())));
		model.addAttribute("mappings", this.mappings.list());
		return (htmx != null) ? "history/imports :: list" : "history/imports";
	}

	@PostMapping("/history/imports")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String upload(@RequestParam("files") List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean strict, Principal principal, RedirectAttributes redirect)
			throws IOException {
		if (files.stream().allMatch(MultipartFile::isEmpty)) {
			throw new InvalidInputException("files", "Choose at least one file to import");
		}
		this.jobs.importLater(files, new VoteImporter.Options(strict, principal.getName()));
		redirect.addFlashAttribute("notice", "Import started: progress and the report appear below.");
		return "redirect:/history/imports";
	}

	@GetMapping("/history/imports/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String importRecord(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		VoteImporter.ImportRecord record = this.importer.findImport(id)
			.orElseThrow(() -> new org.plenary.system.NotFoundException("No import " + id));
		model.addAttribute("record", record);
		List<ImportReport.Problem> problems = (record.report() == null) ? List.of() : record.report().problems();
		int pages = Math.max(1, (problems.size() + PROBLEMS_PER_PAGE - 1) / PROBLEMS_PER_PAGE);
		int shown = Math.max(0, Math.min(page, pages - 1));
		model.addAttribute("problems", problems.subList(Math.min(problems.size(), shown * PROBLEMS_PER_PAGE),
				Math.min(problems.size(), (shown + 1) * PROBLEMS_PER_PAGE)));
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		List<ImportNames.NameStatus> unknown = this.names.names(id);
		model.addAttribute("names", unknown);
		model.addAttribute("allMapped", unknown.stream().allMatch(ImportNames.NameStatus::settled));
		model.addAttribute("members", this.states
			.list(new MemberStates.StateFilter(java.util.Set.of(org.plenary.states.StateStatus.values()), null, null)));
		return "history/import";
	}

	@PostMapping("/history/imports/{id}/names")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String mapName(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String iso3,
			@RequestParam(required = false) String other, RedirectAttributes redirect) {
		// a state chosen from the whole list wins over the radio button left on a
		// suggestion
		String chosen = (other != null && !other.isBlank()) ? other : iso3;
		StateNameMappings.Mapping mapping = this.names.map(id, name, chosen);
		redirect.addFlashAttribute("notice",
				"'" + name + "' is now "
						+ (mapping.notAState() ? "not a state"
								: "a name of " + mapping.stateName() + " (" + mapping.iso3() + ")")
						+ ": the next import reads it so.");
		return "redirect:/history/imports/" + id;
	}

	@PostMapping("/history/imports/{id}/again")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String importAgain(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		this.jobs.importAgainLater(id, new VoteImporter.Options(false, principal.getName()));
		redirect.addFlashAttribute("notice",
				"Import started again with the files kept: progress and the report " + "appear below.");
		return "redirect:/history/imports";
	}

	@PostMapping("/history/name-mappings/undo")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String undoMapping(@RequestParam String name, @RequestParam(required = false) Long from,
			RedirectAttributes redirect) {
		StateNameMappings.Mapping undone = this.mappings.undo(name);
		redirect.addFlashAttribute("notice",
				"'" + undone.name() + "' is no longer "
						+ (undone.notAState() ? "mapped as not a state" : "a name of " + undone.stateName())
						+ ": an import that uses it will ask again.");
		return (from == null) ? "redirect:/history/imports" : "redirect:/history/imports/" + from;
	}

	static String cssClass(Vote vote) {
		return switch (vote) {
			case YES -> "yes";
			case NO -> "no";
			case ABSTAIN -> "abstain";
			case NON_VOTING -> "nonvoting";
		};
	}

}
