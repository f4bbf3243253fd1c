package org.plenary.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.plenary.audit.AuditTrail;
import org.plenary.outreach.Contact;
import org.plenary.outreach.Contacts;
import org.plenary.system.InvalidInputException;
import org.plenary.whip.PrivateRead;
import org.plenary.whip.WhipCount;

import org.springframework.stereotype.Service;

/**
 * A campaign's board and contact log as tables, and as files. What a user exports is what
 * the user sees: the shared board (with the user's organisation's own private reads in
 * their own columns) and the contacts the user may read. Every export is recorded in the
 * audit trail: who took which part of which campaign, and how many rows.
 */
@Service
public class Exports {

	/** What can be exported. */
	public enum Part {

		BOARD("Board"), CONTACTS("Contacts"), HISTORY("History"), FORECAST("Forecast");

		private final String sheet;

		Part(String sheet) {
			this.sheet = sheet;
		}

		static Part parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("part",
						"Export the BOARD, the CONTACTS, the HISTORY or the FORECAST, not '" + text + "'");
			}
		}

	}

	/** A file to send: its name, media type and bytes. */
	public record File(String name, String mediaType, byte[] content) {
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final WhipCount whip;

	private final Contacts contacts;

	private final AuditTrail audit;

	private final org.plenary.forecast.CampaignForecasts forecasts;

	Exports(WhipCount whip, Contacts contacts, AuditTrail audit, org.plenary.forecast.CampaignForecasts forecasts) {
		this.forecasts = forecasts;
		this.whip = whip;
		this.contacts = contacts;
		this.audit = audit;
	}

	/**
	 * The export of a campaign: {@code format} xlsx (every part, one sheet each, unless a
	 * part is named) or csv (one part: the board unless named).
	 */
	public File export(long campaignId, String format, String part) {
		String kind = format == null ? "xlsx" : format.trim().toLowerCase(Locale.ROOT);
		List<Part> parts = (part == null || part.isBlank())
				? (kind.equals("csv") ? List.of(Part.BOARD) : List.of(Part.values())) : List.of(Part.parse(part));
		WhipCount.Board board = this.whip.board(campaignId, null);
		List<Table> tables = new ArrayList<>();
		for (Part each : parts) {
			tables.add(switch (each) {
				case BOARD -> board(board);
				case CONTACTS -> contacts(campaignId);
				case HISTORY -> history(board, campaignId);
				case FORECAST -> forecast(campaignId);
			});
		}
		String base = "plenary-campaign-" + campaignId + "-"
				+ parts.stream().map((p) -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("-"));
		File file = switch (kind) {
			case "xlsx" -> new File(base + ".xlsx", XLSX, Spreadsheets.xlsx(tables));
			case "csv" -> {
				if (tables.size() != 1) {
					throw new InvalidInputException("part",
							"A CSV file holds one part: name it (BOARD, CONTACTS, HISTORY or FORECAST)");
				}
				yield new File(base + ".csv", "text/csv;charset=UTF-8", Spreadsheets.csv(tables.get(0)));
			}
			default -> throw new InvalidInputException("format", "Export as xlsx or csv, not '" + format + "'");
		};
		this.audit.record("EXPORT", "campaign " + campaignId,
				file.name() + ": "
						+ tables.stream()
							.map((t) -> t.rows().size() + " " + t.name().toLowerCase(Locale.ROOT) + " rows")
							.collect(Collectors.joining(", ")));
		return file;
	}

	static final List<String> BOARD_HEADERS = List.of("ISO3", "State", "Stance", "Confidence", "Source", "Source level",
			"Channel", "Note", "Recorded by", "Recorded at (UTC)", "Version", "Owner", "Last contact (UTC)",
			"Co-sponsor", "Art. 19", "Private read (your organisation)", "Private note");

	private static Table board(WhipCount.Board board) {
		List<List<Object>> rows = new ArrayList<>();
		for (WhipCount.BoardRow row : board.rows()) {
			PrivateRead mine = (row.privateRead() != null && row.privateRead().mine()) ? row.privateRead() : null;
			List<Object> values = new ArrayList<>();
			values.add(row.member().iso3());
			values.add(row.member().name());
			values.add(row.stance().stance().label());
			values.add(row.stance().confidence() == null ? null
					: row.stance().confidence().name().toLowerCase(Locale.ROOT));
			values.add(row.stance().sourceName());
			values.add(row.stance().sourceLevel() == null ? null : row.stance().sourceLevel().label());
			values.add(row.stance().sourceChannel() == null ? null : row.stance().sourceChannel().label());
			values.add(row.stance().note());
			values.add(row.stance().recordedBy());
			values.add(row.stance().recordedAt());
			values.add(row.stance().version());
			values.add(row.owner());
			values.add(row.lastContact());
			values.add(row.cosponsor() ? "yes" : null);
			values.add(row.member().withoutVote() ? "yes" : null);
			values.add(mine == null ? null : mine.stance().label());
			values.add(mine == null ? null : mine.note());
			rows.add(values);
		}
		return new Table(Part.BOARD.sheet, BOARD_HEADERS, rows);
	}

	static final List<String> HISTORY_HEADERS = List.of("When (UTC)", "ISO3", "State", "From", "To", "Confidence",
			"Source", "Source level", "Channel", "Note", "Recorded by", "Version");

	/** Every change of the board, oldest first. */
	private Table history(WhipCount.Board board, long campaignId) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		board.rows().forEach((r) -> names.put(r.member().iso3(), r.member().name()));
		List<List<Object>> rows = new ArrayList<>();
		for (org.plenary.whip.StanceChange change : this.whip.changes(campaignId)) {
			rows.add(java.util.Arrays.asList(change.recordedAt(), change.iso3(), names.get(change.iso3()),
					change.from().label(), change.to().label(),
					change.confidence() == null ? null : change.confidence().name().toLowerCase(Locale.ROOT),
					change.sourceName(), change.sourceLevel() == null ? null : change.sourceLevel().label(),
					change.sourceChannel() == null ? null : change.sourceChannel().label(), change.note(),
					change.recordedBy(), change.version()));
		}
		return new Table(Part.HISTORY.sheet, HISTORY_HEADERS, rows);
	}

	static final List<String> FORECAST_HEADERS = List.of("ISO3", "State", "Stance", "P(Yes)", "P(No)", "P(Abstain)",
			"P(Non-voting)", "P(Yes) from the history alone", "Ideal point");

	/**
	 * Each member's forecast on the coalition's view; a line saying why when there is
	 * none.
	 */
	private Table forecast(long campaignId) {
		org.plenary.forecast.CampaignForecast forecast = this.forecasts.forecast(campaignId);
		List<List<Object>> rows = new ArrayList<>();
		if (!forecast.ready()) {
			rows.add(java.util.Arrays.asList(null, forecast.message(), null, null, null, null, null, null, null));
		}
		else {
			for (org.plenary.forecast.CampaignForecast.StateForecast state : forecast.states()) {
				double[] p = state.numbers();
				rows.add(java.util.Arrays.asList(state.iso3(), state.name(), state.stance(), p[0], p[1], p[2], p[3],
						Double.isNaN(p[4]) ? null : p[4],
						Double.isNaN(state.idealPoint()) ? null : state.idealPoint()));
			}
		}
		return new Table(Part.FORECAST.sheet, FORECAST_HEADERS, rows);
	}

	static final List<String> CONTACT_HEADERS = List.of("Id", "When (UTC)", "Channel", "States", "Reads", "Ours",
			"Theirs", "Asked", "Said", "Logged by", "Organisation", "Who sees it");

	private Table contacts(long campaignId) {
		List<List<Object>> rows = new ArrayList<>();
		for (Contact contact : this.contacts.contacts(campaignId, Contacts.ContactFilter.all(100_000))) {
			List<Object> values = new ArrayList<>();
			values.add(contact.id());
			values.add(contact.occurredAt());
			values.add(contact.channel().label());
			values.add(contact.stateNames());
			values.add(contact.states()
				.stream()
				.filter((s) -> s.read() != null)
				.map((s) -> s.iso3() + ": " + s.read().label())
				.collect(Collectors.joining("; ")));
			values.add(contact.ourNames());
			values.add(contact.theirNames());
			values.add(contact.asked());
			values.add(contact.said());
			values.add(contact.loggedBy());
			values.add(contact.organisation());
			values.add(contact.visibility().label());
			rows.add(values);
		}
		return new Table(Part.CONTACTS.sheet, CONTACT_HEADERS, rows);
	}

}
