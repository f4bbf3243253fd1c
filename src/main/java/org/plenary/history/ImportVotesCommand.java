package org.plenary.history;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary import-votes [--strict] FILE...}: imports roll calls with a progress
 * bar on standard error and prints each file's report. Exits 1 when any file was refused.
 */
@Component
class ImportVotesCommand implements PlenaryCommand {

	private final VoteImporter importer;

	ImportVotesCommand(VoteImporter importer) {
		this.importer = importer;
	}

	@Override
	public String name() {
		return "import-votes";
	}

	@Override
	public String usage() {
		return "import-votes [--strict] FILE...   (UN Digital Library CSV, GA resolutions JSON Lines, "
				+ "Voeten's un_votes + un_roll_calls, or resolution,date,iso3,vote CSV; plain, .xz, .gz or .zip)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		boolean strict = args.contains("--strict");
		List<Path> files = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--strict")) {
				continue;
			}
			if (arg.startsWith("--")) {
				throw new UsageException("Unknown option " + arg);
			}
			Path file = Path.of(arg);
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				throw new UsageException("No readable file " + arg);
			}
			files.add(file);
		}
		if (files.isEmpty()) {
			throw new UsageException("Name at least one file");
		}
		List<ImportReport> reports = this.importer.importFiles(files, new VoteImporter.Options(strict, "command line"),
				ImportVotesCommand::bar);
		System.err.print("\r" + " ".repeat(100) + "\r");
		reports.forEach((report) -> report.summary().forEach(out::println));
		return reports.stream().allMatch(ImportReport::succeeded) ? 0 : 1;
	}

	private static void bar(long id, String file, long bytes, long total, long rows) {
		int percent = total == 0 ? 0 : (int) Math.min(100, bytes * 100 / total);
		int filled = percent / 4;
		String name = file.length() > 36 ? "..." + file.substring(file.length() - 33) : file;
		System.err.printf("\r[%s%s] %3d%% %,12d rows  %s", "#".repeat(filled), " ".repeat(25 - filled), percent, rows,
				name);
	}

}
