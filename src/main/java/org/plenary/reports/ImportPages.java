package org.plenary.reports;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.plenary.campaigns.Campaigns;
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
			Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("stances", Stance.values());
		try {
			model.addAttribute("preview", this.imports.preview(id, upload, mapping(params)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("preview", this.imports.preview(id, upload, null));
		}
		return "reports/preview";
	}

	@PostMapping("/campaigns/{id}/import/{upload}")
	@PreAuthorize("hasRole('WHIP')")
	String apply(@PathVariable long id, @PathVariable UUID upload, @RequestParam Map<String, String> params,
			Principal principal, RedirectAttributes redirect) {
		try {
			WhipImport.Applied applied = this.imports.apply(id, upload, mapping(params), principal.getName());
			redirect.addFlashAttribute("notice",
					"Imported: " + applied.changed() + " stance(s) changed, " + applied.ownersAssigned()
							+ " owner(s) assigned, " + applied.contactsLogged() + " last contact(s) logged; "
							+ applied.unchanged() + " row(s) kept their stance");
			return "redirect:/campaigns/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns/" + id + "/import/" + upload;
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
				column(params, "owner"), column(params, "lastContact"), words);
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
