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
			String note, Stance now, boolean changes, String problem) {
	}

	/** The preview of an upload under a mapping. */
	public record Preview(UUID upload, String fileName, List<String> headers, Mapping mapping, List<Row> rows,
			List<String> unknownWords, int changes, int problems) {

		public boolean applicable() {
			return this.problems == 0;
		}

	}

	/** What applying did. */
	public record Applied(UUID upload, int changed, int unchanged) {
	}

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final StateNameResolver names;

	private final WhipCount whip;

	private final TransactionTemplate transactions;

	private final org.plenary.audit.AuditTrail audit;

	WhipImport(JdbcClient jdbc, Campaigns campaigns, StateNameResolver names, WhipCount whip,
			TransactionTemplate transactions, org.plenary.audit.AuditTrail audit) {
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
			for (Row row : preview.rows()) {
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
			return new Applied(upload, changed, preview.rows().size() - changed);
		});
		this.audit.record("IMPORT", "campaign " + campaignId,
				preview.fileName() + ": " + applied.changed() + " stance(s) changed");
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
		Map<String, CurrentStance> current = this.whip.stances(campaignId);
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
			CurrentStance now = (iso3 == null) ? null : current.getOrDefault(iso3, CurrentStance.unknown(iso3));
			boolean change = problem == null && stance != null && differs(now, stance, note);
			rows.add(new Row(line.number(), countryText, iso3, iso3 == null ? null : stateNames.get(iso3), stanceText,
					stance, note, now == null ? Stance.UNKNOWN : now.stance(), change, problem));
			changes += change ? 1 : 0;
			problems += (problem == null) ? 0 : 1;
		}
		return new Preview(upload, fileName, header.cells(), mapping, rows, List.copyOf(unknownWords), changes,
				problems);
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
