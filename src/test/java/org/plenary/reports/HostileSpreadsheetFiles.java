package org.plenary.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes hostile spreadsheets of {@link HostileSpreadsheetBenchmark#FILES} to a folder,
 * for {@code scripts/hostile-requests.sh}, which uploads them to a running server:
 * {@code HostileSpreadsheetFiles FOLDER NAME...}.
 */
final class HostileSpreadsheetFiles {

	private HostileSpreadsheetFiles() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Files.createDirectories(Path.of(args[0]));
		for (int i = 1; i < args.length; i++) {
			byte[] content = HostileSpreadsheetBenchmark.FILES.get(args[i]).get();
			Files.write(folder.resolve(args[i] + ".xlsx"), content);
		}
	}

}
