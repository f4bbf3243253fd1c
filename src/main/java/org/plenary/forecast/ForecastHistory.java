package org.plenary.forecast;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plenary.forecast.core.model.Groupings;
import org.plenary.forecast.core.model.ModelSettings;
import org.plenary.forecast.core.model.PastVotes;
import org.plenary.forecast.core.model.TargetForecaster;
import org.plenary.forecast.core.tally.Vote;
import org.plenary.history.ImportReport;
import org.plenary.history.RollCalls;
import org.plenary.history.VoteImporter;
import org.plenary.states.MemberStates;
import org.plenary.system.PlenaryCommand.UsageException;

import org.springframework.stereotype.Component;

/**
 * What the forecast reads from the other modules: the voting history (imported by the
 * history module, in any layout it reads), and from the register who sits in the General
 * Assembly on a day and in which regional group.
 */
@Component
class ForecastHistory {

	private final VoteImporter importer;

	private final RollCalls rollCalls;

	private final MemberStates states;

	ForecastHistory(VoteImporter importer, RollCalls rollCalls, MemberStates states) {
		this.importer = importer;
		this.rollCalls = rollCalls;
		this.states = states;
	}

	/**
	 * Imports the files (a file already imported changes nothing).
	 * @return whether every file was imported; the refused files' reports are printed
	 */
	boolean importFiles(List<Path> files, String command, PrintStream err) {
		if (files.isEmpty()) {
			return true;
		}
		List<ImportReport> reports = this.importer.importFiles(files, new VoteImporter.Options(false, command),
				VoteImporter.Progress.NONE);
		reports.stream().filter((r) -> !r.succeeded()).forEach((r) -> r.summary().forEach(err::println));
		return reports.stream().allMatch(ImportReport::succeeded);
	}

	/** Every plenary vote before the day, over every state in the register. */
	PastVotes read(LocalDate before) {
		PastVotes.Builder builder = PastVotes.builder(this.states.allCodes());
		this.rollCalls.readVotes(before, new RollCalls.VoteReader() {
			@Override
			public void rollCall(long id, LocalDate date, String symbol, String title) {
				builder.add(id, date, symbol, title, Map.of());
			}

			@Override
			public void vote(String iso3, org.plenary.history.Vote vote) {
				builder.vote(iso3, switch (vote) {
					case YES -> Vote.YES;
					case NO -> Vote.NO;
					case ABSTAIN -> Vote.ABSTAIN;
					case NON_VOTING -> Vote.NON_VOTING;
				});
			}
		});
		return builder.build();
	}

	/** A forecaster over the history, with the register's members and groups per day. */
	TargetForecaster forecaster(PastVotes history, ModelSettings settings) {
		Map<LocalDate, List<String>> seated = new HashMap<>();
		Map<LocalDate, Groupings> groups = new HashMap<>();
		return new TargetForecaster(history, (day) -> seated.computeIfAbsent(day, this.states::seatedOn),
				(day) -> groups.computeIfAbsent(day, this::groupings), settings);
	}

	/** The regional groups and blocs on a day. */
	Groupings groupings(LocalDate day) {
		return new Groupings(this.states.regionalGroupsOn(day), this.states.blocsOn(day));
	}

	static Path readable(String name) {
		Path file = Path.of(name);
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new UsageException("No readable file " + name);
		}
		return file;
	}

}
