package org.plenary.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.plenary.campaigns.Campaigns;
import org.plenary.outreach.Person;
import org.plenary.states.MemberState;
import org.plenary.states.MemberStates;
import org.plenary.states.StateNameResolver;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;
import org.plenary.whip.Channel;
import org.plenary.whip.CurrentStance;
import org.plenary.whip.Stance;
import org.plenary.whip.WhipCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a team's whip spreadsheet into a campaign: upload, a preview that guesses which
 * column holds the country, the stance, the notes, the owner, the last contact and the
 * version (an export's), and how each stance word maps to the scale (all editable), then
 * one transaction that records every changed stance with the spreadsheet as its source.
 * <p>
 * The upload is kept (for a day) while the user fixes rows in the preview, for that user
 * and organisation only: a row naming a state Plenary does not know gets its state
 * picked, an owner no official (or several) answers to gets the official picked, and any
 * row with a problem may be skipped. Rows for states that are not members of the
 * campaign's body (the Holy See, Kosovo) are skipped with a warning. When the sheet has a
 * version column, a row whose state has moved on the board since the sheet was written is
 * stale: left out unless the user includes it, so that an old export never undoes newer
 * reads. Applying is all or nothing: refused, with nothing recorded, while any row that
 * is not left out has a problem; importing the same file again changes nothing.
 */
@Service
public class WhipImport {

	/**
	 * Which column (0-based) holds what; null: none. {@code words}: stance word to
	 * stance. {@code version}: the stance's version when the sheet was written (the
	 * board's export has it), which tells the rows the board has moved past.
	 */
	public record Mapping(Integer country, Integer stance, Integer notes, Integer owner, Integer lastContact,
			Integer version, Map<String, Stance> words) {

		/** A mapping without a version column. */
		public Mapping(Integer country, Integer stance, Integer notes, Integer owner, Integer lastContact,
				Map<String, Stance> words) {
			this(country, stance, notes, owner, lastContact, null, words);
		}

	}

	/**
	 * What the user decided for one line of the sheet (numbered as the preview numbers
	 * it): the state it means ({@code iso3}, for a name Plenary does not know or a state
	 * on two lines), the official who owns the state ({@code owner}, an official's id,
	 * for an owner that no official or several officials answer to), to leave the line
	 * out ({@code skip}), or to include it although the state moved on the board since
	 * the sheet was written ({@code includeStale}, with {@code boardVersion}, the version
	 * of the state's stance seen in the preview: if the board has moved again since,
	 * applying is refused).
	 */
	public record Fix(int line, String iso3, Long owner, boolean skip, boolean includeStale, Integer boardVersion) {
	}

	/** A mapping (none: the guessed one) and the fixes of some lines. */
	public record Choices(Mapping mapping, List<Fix> fixes) {

		public static Choices guessed() {
			return new Choices(null, List.of());
		}

		/** This mapping (null: the guessed one), without fixes. */
		public static Choices of(Mapping mapping) {
			return new Choices(mapping, List.of());
		}

		/** The guessed mapping, with these fixes. */
		public static Choices fixing(Fix... fixes) {
			return new Choices(null, List.of(fixes));
		}

	}

	/** What becomes of a row when the preview is applied. */
	public enum Outcome {

		/** Recorded: a new stance, owner or last contact. */
		CHANGES,
		/** Nothing to record: the board already says it. */
		NO_CHANGE,
		/** A problem to fix (pick the state or the official, map the word, or skip). */
		PROBLEM,
		/** Left out: the state moved on the board since the sheet was written. */
		STALE,
		/** Left out: the state is not a member of the campaign's body. */
		NOT_A_MEMBER,
		/** Left out by the user. */
		SKIPPED

	}

	/**
	 * A problem of a row, and how it is fixed: COUNTRY and DUPLICATE by picking the state
	 * ({@link Fix#iso3()}), OWNER by picking the official ({@link Fix#owner()}),
	 * STANCE_WORD by mapping the word, and each of them by skipping the row.
	 */
	public record Problem(Kind kind, String message) {

		public enum Kind {

			COUNTRY, DUPLICATE, STANCE_WORD, OWNER, LAST_CONTACT, VERSION

		}

	}

	/** One entry of a list to pick from: a state (by code) or an official (by id). */
	public record Choice(String value, String label) {
	}

	/**
	 * A row whose state moved on the board after the sheet was written: the version the
	 * sheet had and the one the board has, what the board says now, and whether the user
	 * chose to include it.
	 */
	public record Stale(int sheetVersion, int boardVersion, Stance now, String recordedBy, Instant recordedAt,
			boolean included, String message) {
	}

	/**
	 * One row of the preview: what it says, what it resolves to, what it would change
	 * ({@code changes}: its stance), and what becomes of it ({@code outcome}), with its
	 * problems ({@code problem}: the first, in words), its warning, whether it is stale,
	 * and the states or officials it may be fixed with.
	 */
	public record Row(int line, String countryText, String iso3, String state, String stanceText, Stance stance,
			String note, Stance now, boolean changes, String problem, Owner owner, LastContact lastContact,
			Outcome outcome, List<Problem> problems, String warning, Integer version, int boardVersion, Stale stale,
			List<Choice> stateChoices, List<Choice> ownerChoices, Fix fix) {

		/**
		 * Whether applying the row changes anything: the stance, the owner or the last
		 * contact.
		 */
		public boolean changesAnything() {
			return this.outcome == Outcome.CHANGES;
		}

		/** Whether the preview offers to pick the row's state. */
		public boolean picksState() {
			return (this.fix != null && this.fix.iso3() != null) || this.problems.stream()
				.anyMatch((p) -> p.kind() == Problem.Kind.COUNTRY || p.kind() == Problem.Kind.DUPLICATE);
		}

		/** Whether the preview offers to pick the row's owner. */
		public boolean picksOwner() {
			return (this.fix != null && this.fix.owner() != null)
					|| this.problems.stream().anyMatch((p) -> p.kind() == Problem.Kind.OWNER);
		}

		/** Whether the preview offers to skip the row. */
		public boolean skippable() {
			return !this.problems.isEmpty() || this.outcome == Outcome.SKIPPED;
		}

	}

	/**
	 * The owner a row names: the official it resolves to, and whether that makes a new
	 * owner of the state.
	 */
	public record Owner(String text, Long personId, String name, boolean changes) {
	}

	/**
	 * The last contact a row gives, and whether it is later than the last contact logged
	 * (then applying logs it, so the board's "last contact" and the not-contacted rule
	 * count it).
	 */
	public record LastContact(String text, Instant at, boolean newer) {
	}

	/**
	 * The preview of an upload under a mapping and fixes: every row, the stance changes
	 * ({@code changes}) and other changes it would record, the rows with a problem, the
	 * stale rows left out, the rows for non-members and those the user skipped;
	 * {@code versioned} when the sheet has a version column (without one, rows cannot be
	 * told stale); the members and officials to pick from when a row needs one.
	 */
	public record Preview(UUID upload, String fileName, List<String> headers, Mapping mapping, List<Row> rows,
			List<String> unknownWords, int changes, int problems, int otherChanges, int stale, int notMembers,
			int skipped, boolean versioned, List<Choice> members, List<Choice> officials) {

		public boolean applicable() {
			return this.problems == 0;
		}

	}

	/**
	 * What applying did: stances changed, rows that kept their stance, owners assigned,
	 * last contacts logged, and rows left out (stale, not members, or skipped).
	 */
	public record Applied(UUID upload, int changed, int unchanged, int ownersAssigned, int contactsLogged,
			int staleLeftOut, int skipped) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final StateNameResolver names;

	private final MemberStates register;

	private final WhipCount whip;

	private final TransactionTemplate transactions;

	private final org.plenary.audit.AuditTrail audit;

	private final org.plenary.outreach.People people;

	private final org.plenary.outreach.Assignments assignments;

	private final org.plenary.outreach.Contacts contacts;

	WhipImport(JdbcClient jdbc, Campaigns campaigns, StateNameResolver names, MemberStates register, WhipCount whip,
			TransactionTemplate transactions, org.plenary.audit.AuditTrail audit, org.plenary.outreach.People people,
			org.plenary.outreach.Assignments assignments, org.plenary.outreach.Contacts contacts) {
		this.people = people;
		this.assignments = assignments;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.names = names;
		this.register = register;
		this.whip = whip;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Keeps an uploaded file for its preview and application, for this user and the
	 * organisation it acts for, and previews it.
	 */
	public Preview upload(long campaignId, String fileName, byte[] content, String username) {
		this.campaigns.campaign(campaignId);
		String name = (fileName == null || fileName.isBlank()) ? "spreadsheet"
				: fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
		name = name.length() > 255 ? name.substring(0, 255) : name;
		List<SheetReader.Line> lines = SheetReader.read(name, content);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("delete from reports_upload where uploaded_at < now() - interval '1 day'").update();
		this.jdbc.sql("""
				insert into reports_upload (id, campaign_id, file_name, content, sha256, uploaded_by, organisation_id)
				values (?, ?, ?, ?, ?, ?, plenary_owner())""")
			.params(id, campaignId, name, content, sha256(content), username)
			.update();
		return preview(campaignId, id, name, lines, Choices.guessed());
	}

	/** The preview of a kept upload under a mapping and the user's fixes. */
	public Preview preview(long campaignId, UUID upload, Choices choices, String username) {
		Upload kept = upload(campaignId, upload, username);
		return preview(campaignId, upload, kept.fileName(), SheetReader.read(kept.fileName(), kept.content()), choices);
	}

	/**
	 * Records every change of the rows that are not left out, in one transaction:
	 * refused, with nothing recorded, while any of them has a problem, or when a stale
	 * row the user included (or any row) has moved on the board since the preview.
	 */
	public Applied apply(long campaignId, UUID upload, Choices choices, String username) {
		Preview preview = preview(campaignId, upload, choices, username);
		for (Row row : preview.rows()) {
			Fix fix = row.fix();
			// a row the board has caught up with (this import sent twice) is no conflict:
			// it is stale no more, and changes nothing
			if (fix != null && fix.includeStale() && fix.boardVersion() != null && row.stale() != null
					&& fix.boardVersion() != row.boardVersion()) {
				throw new ConflictException("row " + row.line() + ": " + row.state()
						+ " changed on the board again after your preview (now " + row.now().label() + ", version "
						+ row.boardVersion() + "); look at the preview again. Nothing was imported.");
			}
		}
		if (!preview.applicable()) {
			Row first = preview.rows().stream().filter((r) -> r.outcome() == Outcome.PROBLEM).findFirst().orElseThrow();
			throw new InvalidInputException("rows",
					preview.problems() + " row(s) have a problem; nothing was imported. First: row " + first.line()
							+ ": " + first.problem()
							+ " (pick the state or the official in the preview, or skip the row)");
		}
		Applied applied = this.transactions.execute((status) -> {
			int changed = 0;
			int owners = 0;
			int logged = 0;
			for (Row row : preview.rows()) {
				if (row.outcome() != Outcome.CHANGES) {
					continue;
				}
				if (row.owner() != null && row.owner().changes()) {
					this.assignments.assign(campaignId, row.iso3(), row.owner().personId(), null, username);
					owners++;
				}
				if (row.lastContact() != null && row.lastContact().newer()) {
					// the key makes a retried or repeated import log the contact once
					this.contacts.log(new org.plenary.outreach.Contacts.LogContact(campaignId, row.lastContact().at(),
							Channel.OTHER,
							List.of(new org.plenary.outreach.Contacts.StateRead(row.iso3(), null, null, null)),
							List.of(), List.of(), null,
							"Last contact as given by the spreadsheet " + preview.fileName(),
							"import:" + campaignId + ":" + row.iso3() + ":" + row.lastContact().at(), null, null),
							username);
					logged++;
				}
				if (!row.changes()) {
					continue;
				}
				CurrentStance now = this.whip.stance(campaignId, row.iso3());
				if (now.version() != row.boardVersion()) {
					// recorded by someone else since the preview: never over a read the
					// user did not see
					throw new ConflictException("row " + row.line() + ": " + row.state()
							+ " changed on the board while importing (now " + now.stance().label() + ", by "
							+ now.recordedBy() + "); look at the preview again. Nothing was imported.");
				}
				if (!differs(now, row.stance(), row.note())) {
					continue;
				}
				this.whip.record(new WhipCount.RecordStance(campaignId, row.iso3(), row.stance(), null,
						"Spreadsheet " + preview.fileName(), null, Channel.OTHER, blankToNull(row.note()),
						row.boardVersion(), null), username);
				changed++;
			}
			this.jdbc.sql("update reports_upload set applied_at = now() where id = ?").param(upload).update();
			return new Applied(upload, changed, preview.rows().size() - changed, owners, logged, preview.stale(),
					preview.skipped() + preview.notMembers());
		});
		this.audit.record("IMPORT", "campaign " + campaignId,
				preview.fileName() + ": " + applied.changed() + " stance(s) changed, " + applied.ownersAssigned()
						+ " owner(s) assigned, " + applied.contactsLogged() + " last contact(s) logged, "
						+ applied.staleLeftOut() + " stale row(s) left out, " + applied.skipped() + " row(s) skipped");
		return applied;
	}

	private Preview preview(long campaignId, UUID upload, String fileName, List<SheetReader.Line> lines,
			Choices choices) {
		SheetReader.Line header = lines.get(0);
		List<SheetReader.Line> body = lines.subList(1, lines.size());
		Mapping given = choices.mapping();
		Mapping mapping = (given == null) ? guess(header.cells())
				: new Mapping(given.country(), given.stance(), given.notes(), given.owner(), given.lastContact(),
						given.version(), given.words() == null ? Map.of() : given.words());
		if (mapping.country() == null || mapping.country() < 0 || mapping.country() >= header.cells().size()) {
			throw new InvalidInputException("country",
					"Say which column holds the country (none of the headers " + header.cells()
						.stream()
						.limit(12)
						.map((h) -> h.length() > 40 ? h.substring(0, 40) + "…" : h)
						.toList() + " looks like one)");
		}
		Map<Integer, Fix> fixes = fixes(body, choices.fixes());
		// the body's members, by code, with their names
		Map<String, String> stateNames = new LinkedHashMap<>();
		this.campaigns.members(campaignId).forEach((m) -> stateNames.put(m.iso3(), m.name()));
		Map<String, WhipCount.BoardRow> boardRows = new HashMap<>();
		for (WhipCount.BoardRow row : this.whip.board(campaignId, null).rows()) {
			boardRows.put(row.member().iso3(), row);
		}
		boolean ownersNeeded = mapping.owner() != null || fixes.values().stream().anyMatch((f) -> f.owner() != null);
		// the officials who may own a state in this campaign, as the assignment pickers
		// offer them
		List<Person> officials = ownersNeeded ? this.people.offered(campaignId) : List.of();
		List<Row> rows = new ArrayList<>();
		Set<String> unknownWords = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		int changes = 0;
		int otherChanges = 0;
		int problems = 0;
		int stale = 0;
		int notMembers = 0;
		int skipped = 0;
		for (SheetReader.Line line : body) {
			Fix fix = fixes.get(line.number());
			boolean skip = fix != null && fix.skip();
			List<Problem> found = new ArrayList<>();
			String countryText = line.cell(mapping.country());
			String stanceText = line.cell(mapping.stance());
			// an export neutralised a note that looked like a formula: take it back as
			// written
			String note = line.cell(mapping.notes());
			if (note.length() > 1 && note.charAt(0) == '\'' && Spreadsheets.risky(note.substring(1))) {
				note = note.substring(1);
			}
			String iso3 = null;
			String warning = null;
			List<Choice> stateChoices = List.of();
			if (fix != null && fix.iso3() != null && !fix.iso3().isBlank()) {
				String picked = fix.iso3().strip().toUpperCase(Locale.ROOT);
				if (stateNames.containsKey(picked)) {
					iso3 = picked;
				}
				else {
					found.add(new Problem(Problem.Kind.COUNTRY,
							"'" + fix.iso3() + "' is not a member of this campaign's body: pick one of its members"));
				}
			}
			else {
				// today's names first; an old name (Turkey, Swaziland) when it meant one
				// state only
				StateNameResolver.Resolution resolution = this.names.resolve(countryText, LocalDate.now());
				if (!resolution.resolved()) {
					StateNameResolver.Resolution ever = this.names.resolve(countryText, null);
					resolution = ever.resolved() ? ever : resolution;
				}
				if (!resolution.resolved()) {
					found.add(new Problem(Problem.Kind.COUNTRY, resolution.problem()));
					stateChoices = suggestions(countryText, resolution.candidates(), stateNames);
				}
				else if (!stateNames.containsKey(resolution.iso3())) {
					warning = notAMember(countryText, resolution.iso3());
				}
				else {
					iso3 = resolution.iso3();
				}
			}
			if (iso3 != null && !skip) {
				Integer first = seen.putIfAbsent(iso3, line.number());
				if (first != null) {
					found.add(new Problem(Problem.Kind.DUPLICATE, stateNames.get(iso3) + " is on two rows (also row "
							+ first + "): pick the state this row means, or skip it"));
				}
			}
			Stance stance = null;
			if (!stanceText.isBlank()) {
				stance = stanceOf(stanceText, mapping.words());
				if (stance == null) {
					if (!skip && warning == null) {
						unknownWords.add(stanceText);
					}
					found.add(new Problem(Problem.Kind.STANCE_WORD, "unknown stance word '" + stanceText + "'"));
				}
			}
			WhipCount.BoardRow boardRow = (iso3 == null) ? null : boardRows.get(iso3);
			Owner owner = null;
			List<Choice> ownerChoices = List.of();
			String ownerText = line.cell(mapping.owner()).strip();
			if (fix != null && fix.owner() != null) {
				Person person = officials.stream().filter((p) -> p.id() == fix.owner()).findFirst().orElse(null);
				if (person == null) {
					found.add(new Problem(Problem.Kind.OWNER, "no official " + fix.owner()
							+ " may own a state in this campaign: pick one from the list"));
				}
				else {
					owner = owner(ownerText.isEmpty() ? person.name() : ownerText, person, boardRow);
				}
			}
			else if (!ownerText.isEmpty()) {
				List<Person> named = officials.stream()
					.filter((p) -> normal(p.name()).equals(normal(ownerText))
							|| (p.username() != null && p.username().equalsIgnoreCase(ownerText)))
					.toList();
				if (named.size() == 1) {
					owner = owner(ownerText, named.get(0), boardRow);
				}
				else {
					List<Person> likely = named.isEmpty() ? likelyOfficials(ownerText, officials) : named;
					ownerChoices = likely.stream()
						.map((p) -> new Choice(String.valueOf(p.id()), p.describe()))
						.toList();
					found.add(new Problem(Problem.Kind.OWNER,
							!named.isEmpty()
									? "more than one official is named '" + ownerText + "': pick the one who owns it"
									: likely.isEmpty()
											? "no active official is named '" + ownerText
													+ "' (add them under People, or leave the owner column out)"
											: "no active official is named exactly '" + ownerText
													+ "': pick the official (" + likely.size() + " whose name fits)"));
				}
			}
			LastContact lastContact = null;
			String contactText = line.cell(mapping.lastContact()).strip();
			if (!contactText.isEmpty()) {
				Instant at = instant(contactText);
				if (at == null) {
					found.add(new Problem(Problem.Kind.LAST_CONTACT,
							"last contact '" + contactText + "' is not a date (write it as 2026-11-20 or 20/11/2026)"));
				}
				else if (at.isAfter(Instant.now().plus(Duration.ofDays(1)))) {
					found.add(new Problem(Problem.Kind.LAST_CONTACT,
							"last contact " + contactText + " is in the future"));
				}
				else {
					Instant logged = (boardRow == null) ? null : boardRow.lastContact();
					// later than the spreadsheet's precision (a day, or a minute) is news
					boolean newer = logged == null
							|| (contactText.contains(":") ? at.isAfter(logged.truncatedTo(ChronoUnit.MINUTES))
									: LocalDate.ofInstant(at, ZoneOffset.UTC)
										.isAfter(LocalDate.ofInstant(logged, ZoneOffset.UTC)));
					lastContact = new LastContact(contactText, at, newer);
				}
			}
			Integer version = null;
			String versionText = line.cell(mapping.version()).strip();
			if (!versionText.isEmpty()) {
				version = version(versionText);
				if (version == null) {
					found.add(new Problem(Problem.Kind.VERSION, "version '" + versionText
							+ "' is not a version number (the Version column of an export holds 0, 1, 2...)"));
				}
			}
			CurrentStance now = (boardRow == null) ? CurrentStance.unknown(iso3) : boardRow.stance();
			boolean stanceChanges = iso3 != null && stance != null && differs(now, stance, note);
			boolean readChanges = stanceChanges || (owner != null && owner.changes());
			Stale staleRow = null;
			// a read recorded after the sheet was written: the sheet's row is older news
			if (iso3 != null && version != null && version < now.version() && readChanges) {
				boolean seenVersion = fix != null && fix.includeStale()
						&& (fix.boardVersion() == null || fix.boardVersion() == now.version());
				staleRow = new Stale(version, now.version(), now.stance(), now.recordedBy(), now.recordedAt(),
						seenVersion, "changed since this sheet was exported: now " + now.stance().label() + ", by "
								+ now.recordedBy() + " on " + DAY.format(now.recordedAt()));
			}
			boolean anything = readChanges || (lastContact != null && lastContact.newer());
			Outcome outcome;
			if (skip) {
				outcome = Outcome.SKIPPED;
				skipped++;
			}
			else if (warning != null) {
				outcome = Outcome.NOT_A_MEMBER;
				notMembers++;
			}
			else if (staleRow != null && !staleRow.included()) {
				outcome = Outcome.STALE;
				stale++;
			}
			else if (!found.isEmpty()) {
				outcome = Outcome.PROBLEM;
				problems++;
			}
			else if (anything) {
				outcome = Outcome.CHANGES;
				changes += stanceChanges ? 1 : 0;
				otherChanges += stanceChanges ? 0 : 1;
			}
			else {
				outcome = Outcome.NO_CHANGE;
			}
			rows.add(new Row(line.number(), countryText, iso3, iso3 == null ? null : stateNames.get(iso3), stanceText,
					stance, note, now.stance(), outcome == Outcome.CHANGES && stanceChanges,
					found.isEmpty() ? null : found.get(0).message(), owner, lastContact, outcome, List.copyOf(found),
					warning, version, now.version(), staleRow, stateChoices, ownerChoices, fix));
		}
		boolean picksState = rows.stream().anyMatch(Row::picksState);
		boolean picksOwner = rows.stream().anyMatch(Row::picksOwner);
		List<Choice> memberChoices = !picksState ? List.of()
				: stateNames.entrySet().stream().map((e) -> new Choice(e.getKey(), e.getValue())).toList();
		List<Choice> officialChoices = !picksOwner ? List.of()
				: officials.stream().map((p) -> new Choice(String.valueOf(p.id()), p.describe())).toList();
		return new Preview(upload, fileName, header.cells(), mapping, rows, List.copyOf(unknownWords), changes,
				problems, otherChanges, stale, notMembers, skipped, mapping.version() != null, memberChoices,
				officialChoices);
	}

	/** The fixes by line; refused when one names a line the sheet does not have. */
	private static Map<Integer, Fix> fixes(List<SheetReader.Line> body, List<Fix> given) {
		Map<Integer, Fix> fixes = new HashMap<>();
		if (given == null) {
			return fixes;
		}
		Set<Integer> lines = new java.util.HashSet<>();
		body.forEach((line) -> lines.add(line.number()));
		for (Fix fix : given) {
			if (fix == null) {
				continue;
			}
			if (!lines.contains(fix.line())) {
				throw new InvalidInputException("fixes",
						"The sheet has no row " + fix.line() + " (rows are numbered as in the preview)");
			}
			if (fixes.put(fix.line(), fix) != null) {
				throw new InvalidInputException("fixes", "Row " + fix.line() + " is fixed twice");
			}
		}
		return fixes;
	}

	private static Owner owner(String text, Person person, WhipCount.BoardRow boardRow) {
		boolean changes = boardRow != null && !person.name().equals(boardRow.owner());
		return new Owner(text, person.id(), person.name(), changes);
	}

	/**
	 * The officials a name given short may mean: every word given begins a word of the
	 * official's name ("Omar" or "O. Diallo" for Omar Diallo).
	 */
	static List<Person> likelyOfficials(String text, List<Person> officials) {
		List<String> given = java.util.Arrays.stream(normal(text).split(" "))
			.filter((w) -> !w.isEmpty())
			.map((w) -> w.endsWith(".") ? w.substring(0, w.length() - 1) : w)
			.toList();
		if (given.isEmpty()) {
			return List.of();
		}
		return officials.stream().filter((p) -> {
			List<String> words = List.of(normal(p.name()).split(" "));
			return given.stream().allMatch((g) -> words.stream().anyMatch((w) -> w.startsWith(g)));
		}).toList();
	}

	/**
	 * The members a name Plenary could not resolve may mean: the states it fits on
	 * different dates, then those one of whose names contains it.
	 */
	private List<Choice> suggestions(String text, List<String> candidates, Map<String, String> members) {
		Set<String> codes = new LinkedHashSet<>(candidates);
		if (text != null && text.strip().length() >= 3) {
			codes.addAll(this.names.search(text));
		}
		return codes.stream()
			.filter(members::containsKey)
			.limit(8)
			.map((code) -> new Choice(code, members.get(code)))
			.toList();
	}

	/** Why a row for a state outside the campaign's body is skipped. */
	private String notAMember(String text, String iso3) {
		MemberState state = this.register.find(iso3).orElse(null);
		String name = (state == null) ? text : state.shortName();
		String what = (state == null) ? "not a member of this campaign's body" : switch (state.status()) {
			case OBSERVER -> "an observer state, not a member of this campaign's body";
			case FORMER_MEMBER -> "a former member, not a member of this campaign's body";
			case NON_MEMBER -> "not a member of the United Nations";
			case MEMBER -> "not a member of this campaign's body";
		};
		return name + " is " + what + ": row skipped";
	}

	/** A version cell: a whole number (a workbook may give 3 as "3.0"); null if not. */
	static Integer version(String text) {
		String number = text.strip();
		if (number.endsWith(".0")) {
			number = number.substring(0, number.length() - 2);
		}
		if (!number.matches("\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(number);
	}

	private static final List<java.time.format.DateTimeFormatter> DATE_TIMES = List.of(
			java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
			java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"));

	private static final List<java.time.format.DateTimeFormatter> DATES = List.of(
			java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"),
			java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy"),
			java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK),
			java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));

	/**
	 * A last-contact cell as an instant (UTC, as the export writes it): a date and time,
	 * an ISO instant, or a date (taken at noon, so that it falls on its day everywhere);
	 * null when it is none of these.
	 */
	static java.time.Instant instant(String text) {
		try {
			return java.time.Instant.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			// not an ISO instant
		}
		for (java.time.format.DateTimeFormatter format : DATE_TIMES) {
			try {
				return java.time.LocalDateTime.parse(text, format).toInstant(java.time.ZoneOffset.UTC);
			}
			catch (java.time.format.DateTimeParseException ex) {
				// the next
			}
		}
		for (java.time.format.DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
			}
			catch (java.time.format.DateTimeParseException ex) {
				// the next
			}
		}
		return null;
	}

	private static boolean differs(CurrentStance now, Stance stance, String note) {
		return now.stance() != stance || !Objects.equals(blankToNull(now.note()), blankToNull(note));
	}

	/**
	 * Guesses the columns from the header's words; one column is guessed for one thing
	 * only (a "Point of contact" column is the owner, not the last contact).
	 */
	static Mapping guess(List<String> headers) {
		Set<Integer> taken = new java.util.HashSet<>();
		Integer country = column(headers, taken, "country", "state", "member", "delegation", "iso", "name");
		Integer stance = column(headers, taken, "stance", "position", "vote", "status", "read", "whip", "intention");
		Integer notes = column(headers, taken, "note", "comment", "remark", "said", "detail");
		Integer owner = column(headers, taken, "owner", "focal point", "point of contact", "poc", "officer", "assigned",
				"lead", "responsible", "who");
		Integer lastContact = column(headers, taken, "last contact", "contacted", "contact", "date");
		Integer version = column(headers, taken, "version");
		return new Mapping(country, stance, notes, owner, lastContact, version, Map.of());
	}

	/**
	 * The first column not yet taken whose header holds one of the words, tried in order.
	 * The short words of the owner ("poc", "lead", "who") must stand as words of their
	 * own, so that "Leading" or "Whole" are not taken for them.
	 */
	private static final Set<String> SHORT_WORDS = Set.of("poc", "lead", "who");

	private static Integer column(List<String> headers, Set<Integer> taken, String... words) {
		for (String word : words) {
			java.util.regex.Pattern alone = java.util.regex.Pattern
				.compile("(^|[^a-z])" + java.util.regex.Pattern.quote(word) + "($|[^a-z])");
			for (int i = 0; i < headers.size(); i++) {
				String header = normal(headers.get(i));
				boolean fits = SHORT_WORDS.contains(word) ? alone.matcher(header).find() : header.contains(word);
				if (fits && !taken.contains(i)) {
					taken.add(i);
					return i;
				}
			}
		}
		return null;
	}

	/**
	 * The stance words Plenary knows without being told, in the folded form of normal().
	 */
	static final Map<String, Stance> WORDS = words();

	private static Map<String, Stance> words() {
		Map<String, Stance> words = new LinkedHashMap<>();
		put(words, Stance.YES, "y", "yes", "for", "support", "supports", "in favour", "in favor", "favour", "favor",
				"firm yes", "committed");
		put(words, Stance.LEANING_YES, "lean y", "lean yes", "leaning y", "leaning yes", "ly", "likely yes",
				"probably yes", "y?", "yes?", "soft yes");
		put(words, Stance.UNDECIDED, "?", "undecided", "u", "tbd", "unclear", "undec", "open", "swing");
		put(words, Stance.LEANING_ABSTAIN, "lean a", "lean abst", "lean abstain", "leaning abstain", "la",
				"likely abstain", "abst?", "a?");
		put(words, Stance.ABSTAIN, "a", "abst", "abs", "abstain", "abstention");
		put(words, Stance.LEANING_NO, "lean n", "lean no", "leaning n", "leaning no", "ln", "likely no", "n?", "no?");
		put(words, Stance.NO, "n", "no", "against", "oppose", "opposed", "firm no");
		put(words, Stance.ABSENT, "absent", "x", "nv", "non voting", "not voting", "no vote", "away");
		put(words, Stance.UNKNOWN, "unknown", "-", "n/a", "na", "no read");
		return Map.copyOf(words);
	}

	private static void put(Map<String, Stance> words, Stance stance, String... spellings) {
		for (String spelling : spellings) {
			words.put(normal(spelling), stance);
		}
	}

	/** A stance word as given, through the user's mapping first, then the known words. */
	static Stance stanceOf(String text, Map<String, Stance> given) {
		String word = normal(text);
		if (given != null) {
			for (Map.Entry<String, Stance> entry : given.entrySet()) {
				if (normal(entry.getKey()).equals(word) && entry.getValue() != null) {
					return entry.getValue();
				}
			}
		}
		for (Stance stance : Stance.values()) {
			if (normal(stance.label()).equals(word) || normal(stance.name()).equals(word)) {
				return stance;
			}
		}
		return WORDS.get(word);
	}

	/**
	 * Lower case, single spaces, without the punctuation people add ("Lean Y.", "ABST").
	 */
	static String normal(String text) {
		return text == null ? ""
				: text.toLowerCase(Locale.ROOT)
					.replace('_', ' ')
					.replaceAll("[.,;:!()\\[\\]]", " ")
					.replaceAll("\\s+", " ")
					.trim();
	}

	private record Upload(String fileName, byte[] content) {
	}

	/**
	 * The upload, when this user sent it for this campaign; row-level security keeps it
	 * to the organisation the user acts for. Anyone else's is not found, as one that
	 * never existed.
	 */
	private Upload upload(long campaignId, UUID upload, String username) {
		return this.jdbc
			.sql("select file_name, content from reports_upload where id = ? and campaign_id = ? and uploaded_by = ?")
			.params(upload, campaignId, username)
			.query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException(
					"No upload " + upload + " of yours for campaign " + campaignId + " (uploads are kept for a day)"));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
