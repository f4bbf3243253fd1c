package org.plenary.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files, imported in the background so that the upload page can show progress.
 * Files are copied to a temporary folder first (the request's own copies vanish with it)
 * and deleted after the import. Progress and reports live in the database, so any
 * instance can show them.
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
		Path folder = keep(uploads);
		try {
			return this.importer.importFiles(files(folder), options, VoteImporter.Progress.NONE);
		}
		finally {
			delete(folder);
		}
	}

	/** Keeps the uploads and imports them in a background thread. */
	void importLater(List<MultipartFile> uploads, VoteImporter.Options options) throws IOException {
		Path folder = keep(uploads);
		Thread.ofVirtual().name("vote-import").start(() -> {
			try {
				this.importer.importFiles(files(folder), options, VoteImporter.Progress.NONE);
			}
			catch (RuntimeException ex) {
				log.error("Background import failed", ex);
			}
			finally {
				delete(folder);
			}
		});
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
