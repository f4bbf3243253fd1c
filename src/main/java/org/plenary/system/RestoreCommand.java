package org.plenary.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary restore FILE}: brings back an archive written by
 * {@code ./plenary backup} into an empty installation, all or nothing.
 */
@Component
class RestoreCommand implements PlenaryCommand {

	private final Backups backups;

	RestoreCommand(Backups backups) {
		this.backups = backups;
	}

	@Override
	public String name() {
		return "restore";
	}

	@Override
	public String usage() {
		return "restore FILE   (brings back an archive of ./plenary backup into an empty installation)";
	}

	@Override
	public int run(List<String> args, PrintStream out) throws Exception {
		Path file = Path.of(CommandArguments.parse(args, List.of()).single("archive file to restore"));
		try {
			Backups.RestoreSummary summary = this.backups.restore(file);
			Backups.Manifest manifest = summary.manifest();
			out.printf(Locale.ROOT, "Restored %d tables, %,d rows (schema version %s, backed up %s%s) in %.1f s%n",
					manifest.tables().size(), summary.rows(), manifest.schemaVersion(), manifest.createdAt(),
					manifest.plenaryVersion() == null ? "" : " by Plenary " + manifest.plenaryVersion(),
					summary.millis() / 1000.0);
			out.println("Everyone signs in again, with the archive's accounts (sign-in sessions are never backed up;"
					+ " a first administrator created by this start is replaced). Restart any server that runs on"
					+ " this installation.");
			return 0;
		}
		catch (Backups.Refused ex) {
			System.err.println("Restore refused: " + ex.getMessage());
			return 1;
		}
	}

}
