package org.plenary.states;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.plenary.system.Acting;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names a user mapped when an import met a spelling the register did not know: a name of
 * the state the user chose, or a name that is not a state. Each is remembered with its
 * source, who mapped it and when (the audit trail keeps the write), so that the next
 * import resolves it with no mapping; each can be undone. The register never maps a name
 * by itself: only these calls, made for a user, do.
 */
@Service
public class StateNameMappings {

	private final JdbcClient jdbc;

	private final StateNameResolver resolver;

	StateNameMappings(JdbcClient jdbc, StateNameResolver resolver) {
		this.jdbc = jdbc;
		this.resolver = resolver;
	}

	/**
	 * One mapped name.
	 *
	 * @param iso3 the state, or null for a name that is not a state
	 * @param stateName the state's short name, or null
	 */
	public record Mapping(String name, String iso3, String stateName, String source, String mappedBy,
			Instant mappedAt) {

		public boolean notAState() {
			return this.iso3 == null;
		}

	}

	/**
	 * Remembers {@code name} as a name of the state {@code iso3}; refused when the name
	 * already reads as a state (a mapping would make it ambiguous) or the state is not in
	 * the register.
	 */
	@Transactional
	public Mapping map(String name, String iso3, String source) {
		String given = given(name);
		String code = (iso3 == null) ? "" : iso3.strip().toUpperCase(Locale.ROOT);
		String stateName = this.jdbc.sql("select short_name from states_state where iso3 = ?")
			.param(code)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("iso3", "No state with the code '" + iso3 + "'"));
		refuseKnown(given);
		this.jdbc.sql("""
				insert into states_state_name (iso3, name, kind, source, mapped_by, mapped_at)
				values (?, ?, 'MAPPED', ?, ?, now())
				""").params(code, given, source(source), Acting.actor()).update();
		this.resolver.refresh();
		return find(given).orElseThrow(() -> new IllegalStateException("The mapping of " + given + " vanished"));
	}

	/** Remembers {@code name} as no state: rows under it are skipped, with a warning. */
	@Transactional
	public Mapping notAState(String name, String source) {
		String given = given(name);
		refuseKnown(given);
		this.jdbc.sql("insert into states_name_not_a_state (name, source, mapped_by) values (?, ?, ?)")
			.params(given, source(source), Acting.actor())
			.update();
		this.resolver.refresh();
		return find(given).orElseThrow(() -> new IllegalStateException("The mapping of " + given + " vanished"));
	}

	/** Forgets a mapping: the name is unknown again. */
	@Transactional
	public Mapping undo(String name) {
		Mapping mapping = find(name == null ? "" : name.strip())
			.orElseThrow(() -> new NotFoundException("No mapped name '" + name + "'"));
		this.jdbc.sql("delete from states_state_name where kind = 'MAPPED' and name = ?")
			.param(mapping.name())
			.update();
		this.jdbc.sql("delete from states_name_not_a_state where name = ?").param(mapping.name()).update();
		this.resolver.refresh();
		return mapping;
	}

	/** Every mapped name, newest first. */
	public List<Mapping> list() {
		return this.jdbc.sql(SELECT + " order by mapped_at desc, name").query(Mapping.class).list();
	}

	public java.util.Optional<Mapping> find(String name) {
		return this.jdbc.sql("select * from (" + SELECT + ") m where m.name = ?")
			.param(name)
			.query(Mapping.class)
			.optional();
	}

	private static final String SELECT = """
			select n.name, n.iso3, s.short_name as state_name, n.source, n.mapped_by, n.mapped_at
			from states_state_name n join states_state s on s.iso3 = n.iso3 where n.kind = 'MAPPED'
			union all
			select name, null, null, source, mapped_by, mapped_at from states_name_not_a_state""";

	private void refuseKnown(String given) {
		this.resolver.refresh();
		StateNameResolver.NameLookup lookup = this.resolver.lookup(given);
		if (!lookup.names().isEmpty()) {
			List<String> states = lookup.names().stream().map(StateName::iso3).distinct().sorted().toList();
			throw new InvalidInputException("name", "'" + given + "' already reads as " + String.join(", ", states)
					+ (find(given).isPresent() ? " (a mapping: undo it first)" : ""));
		}
		if (lookup.notAState()) {
			throw new InvalidInputException("name", "'" + given + "' is already mapped as not a state: undo it first");
		}
	}

	private static String given(String name) {
		String given = (name == null) ? "" : name.strip();
		if (given.isEmpty() || StateNameResolver.fold(given).isEmpty()) {
			throw new InvalidInputException("name", "Give the name to map");
		}
		if (given.length() > 200) {
			throw new InvalidInputException("name", "A name of at most 200 characters");
		}
		return given;
	}

	private static String source(String source) {
		return (source == null || source.isBlank()) ? "mapped by hand" : source.strip();
	}

}
