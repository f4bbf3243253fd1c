package org.plenary.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary backup FILE}: writes the whole database, attachments included, to one
 * archive, consistent even while servers keep writing.
 */
@Component
class BackupCommand implements PlenaryCommand {

	private final Backups backups;

	BackupCommand(Backups backups) {
		this.backups = backups;
	}

	@Override
	public String name() {
		return "backup";
	}

	@Override
	public String usage() {
		return "backup FILE   (writes all of Plenary's data to a new archive, safe while servers run)";
	}

	@Override
	public int run(List<String> args, PrintStream out) throws Exception {
		Path file = Path.of(CommandArguments.parse(args, List.of()).single("archive file to write"));
		try {
			Backups.BackupSummary summary = this.backups.backup(file);
			out.printf(Locale.ROOT, "Backed up %d tables, %,d rows (schema version %s) to %s: %,.1f MB in %.1f s%n",
					summary.manifest().tables().size(), summary.rows(), summary.manifest().schemaVersion(), file,
					summary.fileBytes() / 1e6, summary.millis() / 1000.0);
			return 0;
		}
		catch (Backups.Refused ex) {
			System.err.println("Backup refused: " + ex.getMessage());
			return 1;
		}
	}

}
