package org.plenary.history;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.plenary.states.StateNameMappings;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Voting history over JSON: roll calls, state records, and imports. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "History", description = "Roll calls of the General Assembly, states' voting records, imports")
class HistoryApi {

	private final RollCalls rollCalls;

	private final StateRecords records;

	private final VoteImporter importer;

	private final ImportJobs jobs;

	private final HistoryCurrency currency;

	private final ImportNames names;

	private final StateNameMappings mappings;

	HistoryApi(RollCalls rollCalls, StateRecords records, VoteImporter importer, ImportJobs jobs,
			HistoryCurrency currency, ImportNames names, StateNameMappings mappings) {
		this.currency = currency;
		this.rollCalls = rollCalls;
		this.records = records;
		this.importer = importer;
		this.jobs = jobs;
		this.names = names;
		this.mappings = mappings;
	}

	/**
	 * The state an unknown name stands for.
	 *
	 * @param iso3 the state's code, or {@code NOT_A_STATE}
	 */
	record MapName(@NotBlank String name, @NotBlank String iso3) {
	}

	/** A roll call with each state's vote, grouped by vote. */
	record RollCallDetail(RollCall rollCall, String outcome, Map<Vote, List<StateVote>> votes, List<String> defects) {
	}

	@GetMapping("/history/currency")
	@Operation(summary = "How current the voting history is: the latest recorded vote, each dataset's latest, and the "
			+ "General Assembly sessions that have no recorded vote, with a warning in words")
	HistoryCurrencyView currency() {
		HistoryCurrency.Currency currency = this.currency.now(java.time.LocalDate.now());
		return new HistoryCurrencyView(currency.latest(), currency.sources(), currency.missingSessions(),
				currency.warning());
	}

	/** How current the voting history is. */
	record HistoryCurrencyView(java.time.LocalDate latest, List<HistoryCurrency.Source> sources,
			List<Integer> missingSessions, String warning) {
	}

	@GetMapping("/roll-calls")
	@Operation(summary = "Search roll calls (newest first, 50 a page)")
	RollCalls.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String symbol,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String session, @RequestParam(required = false) String outcome,
			@RequestParam(defaultValue = "0") int page) {
		return this.rollCalls.search(new RollCalls.Query(q, symbol, from, to, session, outcome, page));
	}

	@GetMapping("/roll-calls/{id}")
	@Operation(summary = "One roll call with each state's vote")
	RollCallDetail rollCall(@PathVariable long id) {
		RollCall rollCall = this.rollCalls.rollCall(id);
		return new RollCallDetail(rollCall, rollCall.outcome().name(), this.rollCalls.votes(id),
				this.rollCalls.defects(id));
	}

	@GetMapping("/roll-calls/{id}/similar")
	@Operation(summary = "Roll calls with the same or a nearly the same title: candidate reference resolutions")
	List<RollCalls.Similar> similar(@PathVariable long id, @RequestParam(defaultValue = "10") int limit) {
		if (limit < 1 || limit > 100) {
			throw new InvalidInputException("limit", "limit must be between 1 and 100");
		}
		return this.rollCalls.similar(id, limit);
	}

	@GetMapping("/states/{iso3}/record")
	@Operation(summary = "A state's votes by session and its most and least aligned partners")
	StateRecords.StateRecord record(@PathVariable String iso3,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "10") int partners) {
		if (partners < 1 || partners > 200) {
			throw new InvalidInputException("partners", "partners must be between 1 and 200");
		}
		return this.records.record(iso3, from, to, partners);
	}

	@GetMapping("/states/{iso3}/coincidence/{other}")
	@Operation(summary = "How often two states voted the same way (Yes/No votes; and abstentions as half)")
	StateRecords.Coincidence coincidence(@PathVariable String iso3, @PathVariable String other,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.records.coincidence(iso3, other, from, to);
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Import roll calls from files (administrators); answers when done: 200 if every file was "
			+ "imported, 422 with the reports if any was refused")
	ResponseEntity<List<ImportReport>> importFiles(@RequestParam("files") List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean strict, Principal principal) throws IOException {
		if (files.stream().allMatch(MultipartFile::isEmpty)) {
			throw new InvalidInputException("files", "Send at least one non-empty file in the part 'files'");
		}
		List<ImportReport> reports = this.jobs.importNow(files, new VoteImporter.Options(strict, principal.getName()));
		boolean all = reports.stream().allMatch(ImportReport::succeeded);
		return ResponseEntity.status(all ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(reports);
	}

	@GetMapping("/imports")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Recent imports with their progress or reports (administrators)")
	List<VoteImporter.ImportRecord> imports(@RequestParam(defaultValue = "20") int limit) {
		return this.importer.recentImports(Math.max(1, Math.min(limit, 200)));
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "One import with its progress or report (administrators); the report lists every problem "
			+ "with its lines, and each unknown name with where it occurs and the likeliest states")
	VoteImporter.ImportRecord importRecord(@PathVariable long id) {
		return this.importer.findImport(id).orElseThrow(() -> new NotFoundException("No import " + id));
	}

	@GetMapping("/imports/{id}/names")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "The unknown names of a refused import, each with its suggestions and whether it is "
			+ "mapped now (administrators)")
	List<ImportNames.NameStatus> importNames(@PathVariable long id) {
		return this.names.names(id);
	}

	@PostMapping("/imports/{id}/names")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Maps an unknown name of the import to a state, or to NOT_A_STATE; remembered for later "
			+ "imports (administrators). Nothing is imported until the import is run again")
	StateNameMappings.Mapping mapName(@PathVariable long id, @Valid @RequestBody MapName body) {
		return this.names.map(id, body.name(), body.iso3());
	}

	@PostMapping("/imports/{id}/again")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Imports the kept files of an import refused for unknown names again, without uploading "
			+ "them (administrators); answers when done: 200 if imported, 422 with the reports if refused")
	ResponseEntity<List<ImportReport>> importAgain(@PathVariable long id,
			@RequestParam(defaultValue = "false") boolean strict, Principal principal) {
		List<ImportReport> reports = this.jobs.importAgainNow(id,
				new VoteImporter.Options(strict, principal.getName()));
		boolean all = reports.stream().allMatch(ImportReport::succeeded);
		return ResponseEntity.status(all ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(reports);
	}

	@GetMapping("/name-mappings")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Names mapped by hand during imports, newest first (administrators)")
	List<StateNameMappings.Mapping> nameMappings() {
		return this.mappings.list();
	}

	@DeleteMapping("/name-mappings")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Undoes a mapped name: later imports that use it report it as unknown again "
			+ "(administrators)")
	StateNameMappings.Mapping undoMapping(@RequestParam String name) {
		return this.mappings.undo(name);
	}

}
