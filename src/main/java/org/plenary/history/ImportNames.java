package org.plenary.history;

import java.util.List;
import java.util.Optional;

import org.plenary.states.StateNameMappings;
import org.plenary.states.StateNameResolver;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The unknown names of a refused import, and the user's answer for each: a state, or not
 * a state. A mapping names its import as its source; only a name the import reported can
 * be mapped from it.
 */
@Service
class ImportNames {

	/** What the user answers for a name that is no state. */
	static final String NOT_A_STATE = "NOT_A_STATE";

	private final VoteImporter importer;

	private final StateNameMappings mappings;

	private final StateNameResolver resolver;

	ImportNames(VoteImporter importer, StateNameMappings mappings, StateNameResolver resolver) {
		this.importer = importer;
		this.mappings = mappings;
		this.resolver = resolver;
	}

	/**
	 * An unknown name of an import and what it reads as now.
	 *
	 * @param mapping the user's mapping, if one was made since
	 * @param readsAs the states the name reads as now (by a mapping or otherwise)
	 */
	record NameStatus(ImportReport.UnknownName name, StateNameMappings.Mapping mapping, List<String> readsAs) {

		public boolean settled() {
			return this.mapping != null || !this.readsAs.isEmpty();
		}

	}

	/** The import's unknown names, each with whether it is mapped now. */
	List<NameStatus> names(long importId) {
		VoteImporter.ImportRecord record = record(importId);
		if (record.report() == null) {
			return List.of();
		}
		this.resolver.refresh();
		return record.report().unknownNames().stream().map((name) -> {
			StateNameResolver.NameLookup lookup = this.resolver.lookup(name.name());
			Optional<StateNameMappings.Mapping> mapping = this.mappings.find(name.name());
			return new NameStatus(name, mapping.orElse(null),
					lookup.names().stream().map(org.plenary.states.StateName::iso3).distinct().sorted().toList());
		}).toList();
	}

	/**
	 * Maps one of the import's unknown names to a state, or ({@link #NOT_A_STATE}) to no
	 * state.
	 */
	StateNameMappings.Mapping map(long importId, String name, String iso3) {
		VoteImporter.ImportRecord record = record(importId);
		boolean reported = record.report() != null
				&& record.report().unknownNames().stream().anyMatch((n) -> n.name().equals(name));
		if (!reported) {
			throw new InvalidInputException("name", "Import " + importId + " reported no unknown name '" + name + "'");
		}
		if (iso3 == null || iso3.isBlank()) {
			throw new InvalidInputException("iso3", "Choose the state '" + name + "' stands for, or not a state");
		}
		String source = "import " + importId + " (" + record.fileName() + ")";
		return NOT_A_STATE.equalsIgnoreCase(iso3.strip()) ? this.mappings.notAState(name, source)
				: this.mappings.map(name, iso3, source);
	}

	private VoteImporter.ImportRecord record(long importId) {
		return this.importer.findImport(importId).orElseThrow(() -> new NotFoundException("No import " + importId));
	}

}
