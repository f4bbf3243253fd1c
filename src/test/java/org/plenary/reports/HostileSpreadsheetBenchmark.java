package org.plenary.reports;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Reads each hostile spreadsheet of {@link HostileSpreadsheets} with the sheet reader and
 * prints, as a row of docs/benchmarks.md: the file's size, what its parts unpack to, what
 * the reader said, how long it took, the most heap in use (sampled) and the peak of the
 * old generation. Not a test of the build: run it by hand, one JVM per file and a small
 * heap, so that a reader that needs the whole sheet in memory fails as it would on a
 * server:
 *
 * <pre>
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.plenary.reports.HostileSpreadsheetBenchmark hugeSheet
 * </pre>
 *
 * With {@code -Dreader=<class>} it reads with another class's static
 * {@code read(String, byte[])} instead (the reader before issue 17, compiled aside, for a
 * before and after). With no argument it lists the files.
 */
final class HostileSpreadsheetBenchmark {

	static final Map<String, Supplier<byte[]>> FILES = new LinkedHashMap<>();

	static {
		FILES.put("ordinary", HostileSpreadsheets::ordinary);
		FILES.put("hugeSheet", HostileSpreadsheets::hugeSheet);
		// like the file of the attack in issue 17: 95 MB unpacked in a few MB
		FILES.put("emptyCells95MB", () -> HostileSpreadsheets.emptyCells(52_000));
		FILES.put("zipBomb", HostileSpreadsheets::zipBomb);
		FILES.put("rows5001", () -> HostileSpreadsheets.manyRows(5_001));
		FILES.put("rows1M", () -> HostileSpreadsheets.manyRows(1_000_000));
		FILES.put("blankRows2M", () -> HostileSpreadsheets.blankRows(2_000_000));
		FILES.put("wideRow", () -> HostileSpreadsheets.wideRow(16_383, false));
		FILES.put("longCell", () -> HostileSpreadsheets.longCell(5_000_000));
		FILES.put("repeatedLongText", HostileSpreadsheets::repeatedLongText);
		FILES.put("sharedTexts1M", () -> HostileSpreadsheets.manySharedTexts(1_000_001));
		FILES.put("sharedTexts60MB", HostileSpreadsheets::sharedTextsOf60Mb);
		FILES.put("sharedTextsClaim", HostileSpreadsheets::sharedTextsClaimingABillion);
		FILES.put("styles64000", () -> HostileSpreadsheets.manyStyles(64_000));
		FILES.put("styles200000", () -> HostileSpreadsheets.manyStyles(200_000));
		FILES.put("overlappingMerges", HostileSpreadsheets::overlappingMerges);
		FILES.put("billionLaughs", HostileSpreadsheets::billionLaughs);
		FILES.put("xls", HostileSpreadsheets::xls);
		FILES.put("encrypted", HostileSpreadsheets::encrypted);
		FILES.put("randomAfterPk", HostileSpreadsheets::randomAfterPk);
		FILES.put("truncated", HostileSpreadsheets::truncated);
	}

	private HostileSpreadsheetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.out.println(String.join(" ", FILES.keySet()));
			return;
		}
		Method read = reader(System.getProperty("reader", SheetReader.class.getName()));
		// warm-up: the first read of a workbook loads POI's and XmlBeans' classes (about
		// 1 s)
		read.invoke(null, "warm-up.xlsx", HostileSpreadsheets.ordinary());
		for (String name : args) {
			byte[] file = FILES.get(name).get();
			long unpacked = HostileSpreadsheets.unpacked(file);
			System.gc();
			// the heap in use, sampled every millisecond (garbage not yet collected
			// included), and the peak of the old generation (what outlived collections)
			List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((p) -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
				.toList();
			old.forEach(MemoryPoolMXBean::resetPeakUsage);
			Runtime runtime = Runtime.getRuntime();
			AtomicLong used = new AtomicLong(runtime.totalMemory() - runtime.freeMemory());
			AtomicBoolean reading = new AtomicBoolean(true);
			Thread sampler = Thread.ofPlatform().daemon().start(() -> {
				while (reading.get()) {
					used.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
					LockSupport.parkNanos(1_000_000);
				}
			});
			long start = System.nanoTime();
			String outcome;
			try {
				List<?> lines = (List<?>) read.invoke(null, name + ".xlsx", file);
				outcome = "read, " + lines.size() + " rows";
			}
			catch (InvocationTargetException ex) {
				Throwable cause = ex.getCause();
				outcome = (cause instanceof org.plenary.system.InvalidInputException) ? "refused: " + cause.getMessage()
						: cause.getClass().getSimpleName();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			reading.set(false);
			sampler.join();
			long oldPeak = old.stream().mapToLong((p) -> p.getPeakUsage().getUsed()).sum();
			System.out.printf(Locale.ROOT, "| %s | %,.1f MB | %s | %.2f s | %,d MB | %,d MB | %s |%n", name,
					file.length / 1048576.0,
					(unpacked < 0) ? "(not a zip)" : String.format(Locale.ROOT, "%,.1f MB", unpacked / 1048576.0),
					seconds, used.get() / 1048576, oldPeak / 1048576, outcome);
		}
	}

	private static Method reader(String name) throws ReflectiveOperationException {
		Method read = Class.forName(name).getDeclaredMethod("read", String.class, byte[].class);
		read.setAccessible(true);
		return read;
	}

}
