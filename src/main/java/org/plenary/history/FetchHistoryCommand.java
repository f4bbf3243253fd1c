package org.plenary.history;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary fetch-history [--mirror URL] [--session S]... [--no-import]}:
 * downloads the current official voting data into the data folder and imports what is
 * new, with a progress bar on standard error. Exits 1 when a download failed or was
 * refused, or an import was refused.
 */
@Component
class FetchHistoryCommand implements PlenaryCommand {

	private final HistoryFetch fetch;

	FetchHistoryCommand(HistoryFetch fetch) {
		this.fetch = fetch;
	}

	@Override
	public String name() {
		return "fetch-history";
	}

	@Override
	public String usage() {
		return "fetch-history [--mirror URL] [--session S]... [--no-import]   (downloads the UN Digital Library's "
				+ "GA voting data and the UN's GA resolutions by session, then imports what is new)";
	}

	@Override
	public int run(List<String> args, PrintStream out) throws InterruptedException {
		String mirror = null;
		List<String> sessions = new ArrayList<>();
		boolean importToo = true;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--no-import" -> importToo = false;
				case "--mirror", "--session" -> {
					if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
						throw new UsageException(arg + " needs a value");
					}
					String value = args.get(++i);
					if (arg.equals("--mirror")) {
						if (!value.matches("(?i)https?://\\S+")) {
							throw new UsageException("--mirror takes an http:// or https:// address, not " + value);
						}
						mirror = value;
					}
					else {
						if (!value.matches("\\d{1,3}|ES-\\d{1,2}|S-\\d{1,2}")) {
							throw new UsageException("--session takes a session such as 79 or ES-11, not " + value);
						}
						sessions.add(value);
					}
				}
				default -> throw new UsageException("Unknown argument " + arg);
			}
		}
		HistoryFetch.Result result = this.fetch
			.fetch(new HistoryFetch.Options(mirror, sessions, importToo, "command line"), new Bar());
		System.err.print("\r" + " ".repeat(100) + "\r");
		for (HistoryFetch.Fetched fetched : result.fetched()) {
			out.println(line(fetched));
		}
		if (importToo) {
			if (result.imports().isEmpty()) {
				out.println("Nothing new to import.");
			}
			result.imports().forEach((report) -> report.summary().forEach(out::println));
		}
		return result.succeeded() ? 0 : 1;
	}

	static String line(HistoryFetch.Fetched fetched) {
		String what = fetched.source() + ": ";
		if (fetched.outcome() == null) {
			return what + "FAILED: " + fetched.message();
		}
		return what + switch (fetched.outcome()) {
			case NEW -> "downloaded " + size(fetched.bytes()) + (fetched.resumed() ? " (resumed)" : "") + " from "
					+ fetched.file();
			case UNCHANGED -> fetched.message();
			case NOT_PUBLISHED -> fetched.message() + " at " + fetched.file();
			case REFUSED -> "REFUSED: " + fetched.message();
		};
	}

	private static String size(long bytes) {
		return (bytes >= 1 << 20) ? "%,.1f MB".formatted(bytes / 1048576.0) : "%,d bytes".formatted(bytes);
	}

	private static final class Bar implements HistoryFetch.Progress {

		@Override
		public void downloading(String name, long bytes, long total) {
			draw(name, bytes, total, (total > 0) ? "%,.1f of %,.1f MB".formatted(bytes / 1048576.0, total / 1048576.0)
					: "%,.1f MB".formatted(bytes / 1048576.0));
		}

		@Override
		public void update(long importId, String file, long bytes, long total, long rows) {
			draw(file, bytes, total, "%,d rows".formatted(rows));
		}

		private static void draw(String name, long done, long total, String detail) {
			int percent = (total <= 0) ? 0 : (int) Math.min(100, done * 100 / total);
			int filled = percent / 4;
			String shown = (name.length() > 30) ? "..." + name.substring(name.length() - 27) : name;
			System.err.printf("\r[%s%s] %3d%% %-22s %s", "#".repeat(filled), " ".repeat(25 - filled), percent, detail,
					shown);
		}

	}

}
