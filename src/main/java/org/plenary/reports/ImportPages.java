package org.plenary.reports;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.plenary.campaigns.Campaigns;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.Stance;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing a whip spreadsheet: upload, preview with the mapping to correct, apply. */
@Controller
class ImportPages {

	private final WhipImport imports;

	private final Campaigns campaigns;

	ImportPages(WhipImport imports, Campaigns campaigns) {
		this.imports = imports;
		this.campaigns = campaigns;
	}

	@GetMapping("/campaigns/{id}/import")
	@PreAuthorize("hasRole('WHIP')")
	String form(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		return "reports/import";
	}

	@PostMapping("/campaigns/{id}/import")
	@PreAuthorize("hasRole('WHIP')")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal principal,
			RedirectAttributes redirect) throws IOException {
		try {
			WhipImport.Preview preview = this.imports.upload(id, file.getOriginalFilename(), file.getBytes(),
					principal.getName());
			return "redirect:/campaigns/" + id + "/import/" + preview.upload();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns/" + id + "/import";
		}
	}

	@GetMapping("/campaigns/{id}/import/{upload}")
	@PreAuthorize("hasRole('WHIP')")
	String preview(@PathVariable long id, @PathVariable UUID upload, @RequestParam Map<String, String> params,
			Principal principal, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("stances", Stance.values());
		try {
			model.addAttribute("preview", this.imports.preview(id, upload, choices(params), principal.getName()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("preview",
					this.imports.preview(id, upload, WhipImport.Choices.guessed(), principal.getName()));
		}
		return "reports/preview";
	}

	/**
	 * The preview's form: "Update the preview" ({@code action=preview}) shows the preview
	 * under the choices made (kept in the address, so the upload is never sent again);
	 * otherwise the choices are applied. A refused apply shows the same preview again.
	 */
	@PostMapping("/campaigns/{id}/import/{upload}")
	@PreAuthorize("hasRole('WHIP')")
	String apply(@PathVariable long id, @PathVariable UUID upload, @RequestParam Map<String, String> params,
			Principal principal, RedirectAttributes redirect) {
		String again = previewAddress(id, upload, params);
		if ("preview".equals(params.get("action"))) {
			return "redirect:" + again;
		}
		try {
			WhipImport.Applied applied = this.imports.apply(id, upload, choices(params), principal.getName());
			redirect.addFlashAttribute("notice",
					"Imported: " + applied.changed() + " stance(s) changed, " + applied.ownersAssigned()
							+ " owner(s) assigned, " + applied.contactsLogged() + " last contact(s) logged; "
							+ applied.unchanged() + " row(s) kept their stance"
							+ (applied.staleLeftOut() > 0 ? "; " + applied.staleLeftOut()
									+ " stale row(s) left out (changed on the board since the sheet was written)" : "")
							+ (applied.skipped() > 0 ? "; " + applied.skipped() + " row(s) skipped" : ""));
			return "redirect:/campaigns/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + again;
		}
	}

	/**
	 * The preview's address with the choices of the form (not its token or action),
	 * encoded as a form would encode them: a stance word may hold any character.
	 */
	private static String previewAddress(long id, UUID upload, Map<String, String> params) {
		StringBuilder address = new StringBuilder("/campaigns/" + id + "/import/" + upload);
		char separator = '?';
		for (Map.Entry<String, String> param : params.entrySet()) {
			String key = param.getKey();
			if (key.equals("_csrf") || key.equals("action") || param.getValue() == null || param.getValue().isBlank()) {
				continue;
			}
			address.append(separator)
				.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return address.toString();
	}

	/** The mapping and the fixes a preview form sends. */
	static WhipImport.Choices choices(Map<String, String> params) {
		Map<Integer, String> states = new TreeMap<>();
		Map<Integer, Long> owners = new TreeMap<>();
		Map<Integer, Integer> included = new TreeMap<>();
		java.util.Set<Integer> skipped = new java.util.TreeSet<>();
		java.util.Set<Integer> lines = new java.util.TreeSet<>();
		params.forEach((key, value) -> {
			int dot = key.indexOf('.');
			if (dot < 0 || value == null || value.isBlank()) {
				return;
			}
			String what = key.substring(0, dot);
			if (!List.of("state", "owner", "skip", "include").contains(what)) {
				return;
			}
			int line = number(key, key.substring(dot + 1));
			switch (what) {
				case "state" -> states.put(line, value.strip());
				case "owner" -> owners.put(line, (long) number(key, value));
				case "skip" -> skipped.add(line);
				default -> included.put(line, number(key, value));
			}
			lines.add(line);
		});
		List<WhipImport.Fix> fixes = lines.stream()
			.map((line) -> new WhipImport.Fix(line, states.get(line), owners.get(line), skipped.contains(line),
					included.containsKey(line), included.get(line)))
			.toList();
		return new WhipImport.Choices(mapping(params), fixes);
	}

	private static int number(String field, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "A row, an official or a version is a number, not '" + value + "'");
		}
	}

	/**
	 * The mapping a preview form sends: the columns by number, and "word:<text>" for each
	 * stance word; none when the form sent no columns (the guess applies).
	 */
	static WhipImport.Mapping mapping(Map<String, String> params) {
		if (!params.containsKey("country")) {
			return null;
		}
		Map<String, Stance> words = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith("word:") && value != null && !value.isBlank()) {
				words.put(key.substring(5), Stance.parse(value));
			}
		});
		return new WhipImport.Mapping(column(params, "country"), column(params, "stance"), column(params, "notes"),
				column(params, "owner"), column(params, "lastContact"), column(params, "version"), words);
	}

	private static Integer column(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, "A column is given by its number, not '" + value + "'");
		}
	}

}
