package org.plenary.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.plenary.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files, imported in the background so that the upload page can show progress.
 * Files are copied to a temporary folder first (the request's own copies vanish with it)
 * and deleted after the import, except a file refused for names the register does not
 * know: it is kept, so that the user maps the names and imports it again without
 * uploading it again. Progress and reports live in the database, so any instance can show
 * them; kept files live on the instance that received them.
 */
@Service
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final VoteImporter importer;

	ImportJobs(VoteImporter importer) {
		this.importer = importer;
	}

	/** Keeps the uploads and imports them now, in this thread. */
	List<ImportReport> importNow(List<MultipartFile> uploads, VoteImporter.Options options) throws IOException {
		return importFolder(keep(uploads), options);
	}

	/** Keeps the uploads and imports them in a background thread. */
	void importLater(List<MultipartFile> uploads, VoteImporter.Options options) throws IOException {
		Path folder = keep(uploads);
		later(() -> importFolder(folder, options));
	}

	/**
	 * Imports the kept files of a refused import again, now (e.g. once its unknown names
	 * are mapped).
	 */
	List<ImportReport> importAgainNow(long importId, VoteImporter.Options options) {
		return importFolder(kept(importId), options);
	}

	/** The same, in a background thread. */
	void importAgainLater(long importId, VoteImporter.Options options) {
		Path folder = kept(importId);
		later(() -> importFolder(folder, options));
	}

	private Path kept(long importId) {
		Path folder = this.importer.takeKeptFiles(importId)
			.orElseThrow(() -> new InvalidInputException("import",
					"The files of import " + importId + " are not kept (imported again already, or never refused "
							+ "for unknown names): upload them again"));
		if (!Files.isDirectory(folder)) {
			throw new InvalidInputException("import", "The files of import " + importId
					+ " are no longer on this server (kept files live where they were uploaded): upload them again");
		}
		return folder;
	}

	private static void later(Runnable work) {
		Thread.ofVirtual().name("vote-import").start(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.error("Background import failed", ex);
			}
		});
	}

	/**
	 * Imports a folder's files, keeps those refused for unknown names, deletes the rest.
	 */
	private List<ImportReport> importFolder(Path folder, VoteImporter.Options options) {
		try {
			List<ImportReport> reports = this.importer.importFiles(files(folder), options, VoteImporter.Progress.NONE);
			for (ImportReport report : reports) {
				if (!report.succeeded() && !report.unknownNames().isEmpty()) {
					keepForMapping(folder, report);
				}
			}
			return reports;
		}
		finally {
			delete(folder);
		}
	}

	private void keepForMapping(Path folder, ImportReport report) {
		try {
			Path kept = Files.createTempDirectory("plenary-kept");
			for (String name : report.file().split(" \\+ ")) {
				Path file = folder.resolve(name).normalize();
				if (file.startsWith(folder) && Files.isRegularFile(file)) {
					Files.move(file, kept.resolve(file.getFileName()));
				}
			}
			this.importer.keptFiles(report.importId(), kept);
		}
		catch (IOException ex) {
			log.warn("The files of import {} could not be kept for mapping", report.importId(), ex);
		}
	}

	private static Path keep(List<MultipartFile> uploads) throws IOException {
		Path folder = Files.createTempDirectory("plenary-upload");
		for (MultipartFile upload : uploads) {
			if (upload.isEmpty()) {
				continue;
			}
			String name = Path.of(upload.getOriginalFilename() == null ? "upload" : upload.getOriginalFilename())
				.getFileName()
				.toString()
				.replaceAll("[^A-Za-z0-9._-]", "_");
			Path target = folder.resolve(name);
			int copy = 1;
			while (Files.exists(target)) {
				target = folder.resolve(copy++ + "-" + name);
			}
			upload.transferTo(target);
		}
		return folder;
	}

	private static List<Path> files(Path folder) {
		try (var listing = Files.list(folder)) {
			return listing.sorted().toList();
		}
		catch (IOException ex) {
			return new ArrayList<>();
		}
	}

	private static void delete(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", folder);
		}
	}

}
