package org.plenary.history;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plenary.states.StateName;
import org.plenary.states.StateNameMappings;
import org.plenary.states.StateNameResolver;
import org.plenary.system.InvalidInputException;
import org.plenary.system.PlenaryCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary import-votes [--strict] [--map 'NAME=ISO3']... [--map-file FILE]
 * [--report FILE] FILE...}: maps names first (remembered, so that later imports need no
 * mapping), then imports roll calls with a progress bar on standard error and prints each
 * file's report, every problem grouped by kind and counted. Exits 1 when any file was
 * refused.
 */
@Component
class ImportVotesCommand implements PlenaryCommand {

	private final VoteImporter importer;

	private final StateNameMappings mappings;

	private final StateNameResolver resolver;

	private final JsonMapper json;

	ImportVotesCommand(VoteImporter importer, StateNameMappings mappings, StateNameResolver resolver, JsonMapper json) {
		this.importer = importer;
		this.mappings = mappings;
		this.resolver = resolver;
		this.json = json;
	}

	@Override
	public String name() {
		return "import-votes";
	}

	@Override
	public String usage() {
		return "import-votes [--strict] [--map 'NAME=ISO3']... [--map-file FILE] [--report FILE] FILE...   "
				+ "(UN Digital Library CSV, GA resolutions JSON Lines, Voeten's un_votes + un_roll_calls, "
				+ "resolution,date,iso3,vote CSV, or one column per state; plain, .xz, .gz or .zip). "
				+ "--map remembers NAME as a name of the state ISO3 ('NAME=-': not a state); --map-file reads "
				+ "NAME=ISO3 lines; --report writes every problem as JSON";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		boolean strict = false;
		Path report = null;
		Map<String, String> maps = new LinkedHashMap<>();
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--strict" -> strict = true;
				case "--map" -> addMapping(maps, value(args, ++i, arg), "--map");
				case "--map-file" -> readMapFile(maps, Path.of(value(args, ++i, arg)));
				case "--report" -> report = Path.of(value(args, ++i, arg));
				default -> {
					if (arg.startsWith("--")) {
						throw new UsageException("Unknown option " + arg);
					}
					Path file = Path.of(arg);
					if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
						throw new UsageException("No readable file " + arg);
					}
					files.add(file);
				}
			}
		}
		if (files.isEmpty()) {
			throw new UsageException("Name at least one file");
		}
		maps.forEach((name, iso3) -> map(name, iso3, out));
		List<ImportReport> reports = this.importer.importFiles(files, new VoteImporter.Options(strict, "command line"),
				ImportVotesCommand::bar);
		System.err.print("\r" + " ".repeat(100) + "\r");
		reports.forEach((r) -> r.summary().forEach(out::println));
		if (report != null) {
			writeReport(report, reports);
			out.println("Every problem, with its lines: " + report);
		}
		return reports.stream().allMatch(ImportReport::succeeded) ? 0 : 1;
	}

	private static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(index);
	}

	/** NAME=ISO3, split at the last '=' (a name may hold one, a code never does). */
	private static void addMapping(Map<String, String> maps, String text, String where) {
		int at = text.lastIndexOf('=');
		if (at <= 0 || at == text.length() - 1) {
			throw new UsageException(where + ": expected NAME=ISO3 (or NAME=- for not a state), not '" + text + "'");
		}
		maps.put(text.substring(0, at).strip(), text.substring(at + 1).strip());
	}

	private static void readMapFile(Map<String, String> maps, Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UsageException("No readable mapping file " + file);
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (!line.isEmpty() && !line.startsWith("#")) {
				addMapping(maps, line, file + " line " + (i + 1));
			}
		}
	}

	/**
	 * Remembers one mapping; one the register already holds is left as it is, so that a
	 * command can be run again.
	 */
	private void map(String name, String iso3, PrintStream out) {
		boolean notAState = "-".equals(iso3) || ImportNames.NOT_A_STATE.equalsIgnoreCase(iso3);
		this.resolver.refresh();
		StateNameResolver.NameLookup lookup = this.resolver.lookup(name);
		List<String> readsAs = lookup.names().stream().map(StateName::iso3).distinct().toList();
		if ((notAState && lookup.notAState()) || (!notAState && readsAs.equals(List.of(iso3.toUpperCase())))) {
			out.println("'" + name + "' is already " + (notAState ? "not a state" : "a name of " + readsAs.get(0)));
			return;
		}
		try {
			StateNameMappings.Mapping mapping = notAState ? this.mappings.notAState(name, "--map on the command line")
					: this.mappings.map(name, iso3, "--map on the command line");
			out.println("Mapped '" + name + "' to "
					+ (mapping.notAState() ? "not a state" : mapping.iso3() + " (" + mapping.stateName() + ")"));
		}
		catch (InvalidInputException ex) {
			throw new UsageException("--map '" + name + "=" + iso3 + "': " + ex.getMessage());
		}
	}

	/** The reports' problems, every one with its lines, as JSON. */
	private void writeReport(Path file, List<ImportReport> reports) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (ImportReport r : reports) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", r.file());
			entry.put("importId", r.importId());
			entry.put("format", r.format());
			entry.put("status", r.status());
			entry.put("counts", r.problemCounts());
			entry.put("problems", r.problems());
			entry.put("unknownNames", r.unknownNames());
			entries.add(entry);
		}
		try {
			Files.writeString(file,
					this.json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("files", entries)));
		}
		catch (IOException ex) {
			throw new UsageException("Could not write the report to " + file + ": " + ex.getMessage());
		}
	}

	private static void bar(long id, String file, long bytes, long total, long rows) {
		int percent = total == 0 ? 0 : (int) Math.min(100, bytes * 100 / total);
		int filled = percent / 4;
		String name = file.length() > 36 ? "..." + file.substring(file.length() - 33) : file;
		System.err.printf("\r[%s%s] %3d%% %,12d rows  %s", "#".repeat(filled), " ".repeat(25 - filled), percent, rows,
				name);
	}

}
