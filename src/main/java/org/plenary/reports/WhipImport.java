package org.plenary.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.plenary.states.StateNameResolver;
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
 * column holds the country, the stance, the notes, the owner and the last contact, and
 * how each stance word maps to the scale (both editable), then one transaction that
 * records every changed stance with the spreadsheet as its source. Nothing is recorded
 * when any row is invalid; importing the same file again changes nothing.
 */
@Service
public class WhipImport {

	/**
	 * Which column (0-based) holds what; null: none. {@code words}: stance word to
	 * stance.
	 */
	public record Mapping(Integer country, Integer stance, Integer notes, Integer owner, Integer lastContact,
			Map<String, Stance> words) {
	}

	/**
	 * One row of the preview: what it says, what it resolves to, and what it would
	 * change.
	 */
	public record Row(int line, String countryText, String iso3, String state, String stanceText, Stance stance,
			String note, Stance now, boolean changes, String problem, Owner owner, LastContact lastContact) {

		/**
		 * Whether applying the row changes anything: the stance, the owner or the last
		 * contact.
		 */
		public boolean changesAnything() {
			return this.changes || (this.owner != null && this.owner.changes())
					|| (this.lastContact != null && this.lastContact.newer());
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
	public record LastContact(String text, java.time.Instant at, boolean newer) {
	}

	/** The preview of an upload under a mapping. */
	public record Preview(UUID upload, String fileName, List<String> headers, Mapping mapping, List<Row> rows,
			List<String> unknownWords, int changes, int problems, int otherChanges) {

		public boolean applicable() {
			return this.problems == 0;
		}

	}

	/** What applying did. */
	public record Applied(UUID upload, int changed, int unchanged, int ownersAssigned, int contactsLogged) {
	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final StateNameResolver names;

	private final WhipCount whip;

	private final TransactionTemplate transactions;

	private final org.plenary.audit.AuditTrail audit;

	private final org.plenary.outreach.People people;

	private final org.plenary.outreach.Assignments assignments;

	private final org.plenary.outreach.Contacts contacts;

	WhipImport(JdbcClient jdbc, Campaigns campaigns, StateNameResolver names, WhipCount whip,
			TransactionTemplate transactions, org.plenary.audit.AuditTrail audit, org.plenary.outreach.People people,
			org.plenary.outreach.Assignments assignments, org.plenary.outreach.Contacts contacts) {
		this.people = people;
		this.assignments = assignments;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.names = names;
		this.whip = whip;
		this.transactions = transactions;
		this.audit = audit;
	}

	/** Keeps an uploaded file for its preview and application, and previews it. */
	public Preview upload(long campaignId, String fileName, byte[] content, String username) {
		this.campaigns.campaign(campaignId);
		String name = (fileName == null || fileName.isBlank()) ? "spreadsheet"
				: fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
		name = name.length() > 255 ? name.substring(0, 255) : name;
		List<SheetReader.Line> lines = SheetReader.read(name, content);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("delete from reports_upload where uploaded_at < now() - interval '1 day'").update();
		this.jdbc.sql("""
				insert into reports_upload (id, campaign_id, file_name, content, sha256, uploaded_by)
				values (?, ?, ?, ?, ?, ?)""").params(id, campaignId, name, content, sha256(content), username).update();
		return preview(campaignId, id, name, lines, null);
	}

	/** The preview of a kept upload under a mapping (null: the guessed one). */
	public Preview preview(long campaignId, UUID upload, Mapping mapping) {
		Upload kept = upload(campaignId, upload);
		return preview(campaignId, upload, kept.fileName(), SheetReader.read(kept.fileName(), kept.content()), mapping);
	}

	/**
	 * Records every changed stance of the upload, in one transaction; refused, with
	 * nothing recorded, while any row has a problem.
	 */
	public Applied apply(long campaignId, UUID upload, Mapping mapping, String username) {
		Preview preview = preview(campaignId, upload, mapping);
		if (!preview.applicable()) {
			throw new InvalidInputException("rows",
					preview.problems() + " row(s) have a problem; nothing was imported. First: "
							+ preview.rows()
								.stream()
								.filter((r) -> r.problem() != null)
								.findFirst()
								.map((r) -> "row " + r.line() + ": " + r.problem())
								.orElse(""));
		}
		Applied applied = this.transactions.execute((status) -> {
			int changed = 0;
			int owners = 0;
			int logged = 0;
			for (Row row : preview.rows()) {
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
				if (row.stance() == null) {
					continue;
				}
				CurrentStance now = this.whip.stance(campaignId, row.iso3());
				if (!differs(now, row.stance(), row.note())) {
					continue;
				}
				this.whip.record(new WhipCount.RecordStance(campaignId, row.iso3(), row.stance(), null,
						"Spreadsheet " + preview.fileName(), null, Channel.OTHER, blankToNull(row.note()),
						now.version(), null), username);
				changed++;
			}
			this.jdbc.sql("update reports_upload set applied_at = now() where id = ?").param(upload).update();
			return new Applied(upload, changed, preview.rows().size() - changed, owners, logged);
		});
		this.audit.record("IMPORT", "campaign " + campaignId,
				preview.fileName() + ": " + applied.changed() + " stance(s) changed, " + applied.ownersAssigned()
						+ " owner(s) assigned, " + applied.contactsLogged() + " last contact(s) logged");
		return applied;
	}

	private Preview preview(long campaignId, UUID upload, String fileName, List<SheetReader.Line> lines,
			Mapping given) {
		SheetReader.Line header = lines.get(0);
		List<SheetReader.Line> body = lines.subList(1, lines.size());
		Mapping guessed = guess(header.cells());
		Mapping mapping = (given == null) ? guessed : new Mapping(given.country(), given.stance(), given.notes(),
				given.owner(), given.lastContact(), given.words() == null ? Map.of() : given.words());
		if (mapping.country() == null || mapping.country() < 0 || mapping.country() >= header.cells().size()) {
			throw new InvalidInputException("country",
					"Say which column holds the country (none of the headers " + header.cells()
						.stream()
						.limit(12)
						.map((h) -> h.length() > 40 ? h.substring(0, 40) + "…" : h)
						.toList() + " looks like one)");
		}
		// the body's members, by code, with their names
		Map<String, String> stateNames = new java.util.HashMap<>();
		this.campaigns.members(campaignId).forEach((m) -> stateNames.put(m.iso3(), m.name()));
		Set<String> members = stateNames.keySet();
		Map<String, CurrentStance> current = new java.util.HashMap<>();
		Map<String, WhipCount.BoardRow> boardRows = new java.util.HashMap<>();
		for (WhipCount.BoardRow row : this.whip.board(campaignId, null).rows()) {
			current.put(row.member().iso3(), row.stance());
			boardRows.put(row.member().iso3(), row);
		}
		List<org.plenary.outreach.Person> officials = (mapping.owner() == null) ? List.of()
				: this.people.people().stream().filter(org.plenary.outreach.Person::active).toList();
		int otherChanges = 0;
		List<Row> rows = new ArrayList<>();
		Set<String> unknownWords = new LinkedHashSet<>();
		Set<String> seen = new java.util.HashSet<>();
		int changes = 0;
		int problems = 0;
		for (SheetReader.Line line : body) {
			String countryText = line.cell(mapping.country());
			String stanceText = line.cell(mapping.stance());
			// an export neutralised a note that looked like a formula: take it back as
			// written
			String note = line.cell(mapping.notes());
			if (note.length() > 1 && note.charAt(0) == '\'' && Spreadsheets.risky(note.substring(1))) {
				note = note.substring(1);
			}
			// today's names first; an old name (Turkey, Swaziland) when it meant one
			// state only
			StateNameResolver.Resolution resolution = this.names.resolve(countryText, LocalDate.now());
			if (!resolution.resolved()) {
				StateNameResolver.Resolution ever = this.names.resolve(countryText, null);
				resolution = ever.resolved() ? ever : resolution;
			}
			String iso3 = resolution.iso3();
			String problem = null;
			if (!resolution.resolved()) {
				problem = resolution.problem();
			}
			else if (!members.contains(iso3)) {
				problem = countryText + " is not a member of this campaign's body";
			}
			else if (!seen.add(iso3)) {
				problem = countryText + " is on two rows";
			}
			Stance stance = null;
			if (!stanceText.isBlank()) {
				stance = stanceOf(stanceText, mapping.words());
				if (stance == null) {
					unknownWords.add(stanceText);
					problem = (problem == null) ? "unknown stance word '" + stanceText + "'" : problem;
				}
			}
			WhipCount.BoardRow boardRow = (iso3 == null) ? null : boardRows.get(iso3);
			Owner owner = null;
			String ownerText = line.cell(mapping.owner()).strip();
			if (!ownerText.isEmpty()) {
				List<org.plenary.outreach.Person> named = officials.stream()
					.filter((p) -> normal(p.name()).equals(normal(ownerText))
							|| (p.username() != null && p.username().equalsIgnoreCase(ownerText)))
					.toList();
				if (named.size() != 1) {
					problem = (problem != null) ? problem
							: (named.isEmpty()
									? "no active official is named '" + ownerText
											+ "' (add them under People, or leave the owner column out)"
									: "more than one official is named '" + ownerText + "'");
				}
				else {
					org.plenary.outreach.Person person = named.get(0);
					boolean ownerChanges = boardRow != null && !person.name().equals(boardRow.owner());
					owner = new Owner(ownerText, person.id(), person.name(), ownerChanges);
				}
			}
			LastContact lastContact = null;
			String contactText = line.cell(mapping.lastContact()).strip();
			if (!contactText.isEmpty()) {
				java.time.Instant at = instant(contactText);
				if (at == null) {
					problem = (problem != null) ? problem
							: "last contact '" + contactText + "' is not a date (write it as 2026-11-20 or 20/11/2026)";
				}
				else if (at.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1)))) {
					problem = (problem != null) ? problem : "last contact " + contactText + " is in the future";
				}
				else {
					java.time.Instant logged = (boardRow == null) ? null : boardRow.lastContact();
					// later than the spreadsheet's precision (a day, or a minute) is news
					boolean newer = logged == null || (contactText.contains(":")
							? at.isAfter(logged.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
							: LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)
								.isAfter(LocalDate.ofInstant(logged, java.time.ZoneOffset.UTC)));
					lastContact = new LastContact(contactText, at, newer);
				}
			}
			CurrentStance now = (iso3 == null) ? null : current.getOrDefault(iso3, CurrentStance.unknown(iso3));
			boolean change = problem == null && stance != null && differs(now, stance, note);
			Row row = new Row(line.number(), countryText, iso3, iso3 == null ? null : stateNames.get(iso3), stanceText,
					stance, note, now == null ? Stance.UNKNOWN : now.stance(), change, problem, owner, lastContact);
			rows.add(row);
			changes += change ? 1 : 0;
			otherChanges += (problem == null && !change && row.changesAnything()) ? 1 : 0;
			problems += (problem == null) ? 0 : 1;
		}
		return new Preview(upload, fileName, header.cells(), mapping, rows, List.copyOf(unknownWords), changes,
				problems, otherChanges);
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

	/** Guesses the columns from the header's words. */
	static Mapping guess(List<String> headers) {
		return new Mapping(column(headers, "country", "state", "member", "delegation", "iso", "name"),
				column(headers, "stance", "position", "vote", "status", "read", "whip", "intention"),
				column(headers, "note", "comment", "remark", "said", "detail"),
				column(headers, "owner", "officer", "assigned", "lead", "who", "responsible"),
				column(headers, "last contact", "contacted", "contact", "date"), Map.of());
	}

	private static Integer column(List<String> headers, String... words) {
		for (String word : words) {
			for (int i = 0; i < headers.size(); i++) {
				if (normal(headers.get(i)).contains(word)) {
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

	private Upload upload(long campaignId, UUID upload) {
		return this.jdbc.sql("select file_name, content from reports_upload where id = ? and campaign_id = ?")
			.params(upload, campaignId)
			.query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException(
					"No upload " + upload + " for campaign " + campaignId + " (uploads are kept for a day)"));
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
