package org.plenary.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page for administrators, with filters: an organisation's administrator reads
 * what its organisation's users did and what was done to them, an operator that and the
 * installation's records and the chain's check ({@link AuditTrail.Reader}).
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditPages {

	private final AuditTrail trail;

	private final ObjectMapper json;

	AuditPages(AuditTrail trail, ObjectMapper json) {
		this.trail = trail;
		this.json = json;
	}

	/** One field that a change changed. */
	record Change(String field, String before, String after) {
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String table,
			@RequestParam(required = false) String action, @RequestParam(required = false) String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Authentication caller, Model model) {
		AuditTrail.Query query = new AuditTrail.Query(actor, table, action, key,
				(from == null) ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				(to == null) ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Math.max(0, page));
		AuditTrail.Reader reader = AuditApi.reader(caller);
		List<AuditTrail.Entry> entries = this.trail.search(query, reader);
		boolean more = entries.size() > AuditTrail.PAGE_SIZE;
		entries = entries.subList(0, Math.min(entries.size(), AuditTrail.PAGE_SIZE));
		Map<Long, List<Change>> changes = new HashMap<>();
		for (AuditTrail.Entry entry : entries) {
			changes.put(entry.id(), changes(entry));
		}
		// the chain spans every organisation's rows: operators check it
		model.addAttribute("verification", (reader == AuditTrail.Reader.OPERATOR) ? this.trail.verify() : null);
		model.addAttribute("operator", reader == AuditTrail.Reader.OPERATOR);
		model.addAttribute("entries", entries);
		model.addAttribute("changes", changes);
		model.addAttribute("query", query);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("more", more);
		model.addAttribute("tables", this.trail.tables());
		model.addAttribute("actions", List.of("INSERT", "UPDATE", "DELETE", "EXPORT", "BACKUP", "RESTORE"));
		return "audit/audit";
	}

	/**
	 * The fields that differ between before and after (all of them for an insert or a
	 * delete).
	 */
	List<Change> changes(AuditTrail.Entry entry) {
		if (entry.before() == null && entry.after() == null) {
			return null;
		}
		JsonNode before = parse(entry.before());
		JsonNode after = parse(entry.after());
		TreeSet<String> fields = new TreeSet<>();
		collect(before, fields);
		collect(after, fields);
		List<Change> result = new ArrayList<>();
		for (String field : fields) {
			String b = text(before, field);
			String a = text(after, field);
			if (!java.util.Objects.equals(a, b)) {
				result.add(new Change(field, (b == null) ? "–" : shorten(b), (a == null) ? "–" : shorten(a)));
			}
		}
		return result;
	}

	private JsonNode parse(String text) {
		return (text == null) ? null : this.json.readTree(text);
	}

	private static void collect(JsonNode node, TreeSet<String> fields) {
		if (node == null) {
			return;
		}
		Iterator<String> names = node.propertyNames().iterator();
		while (names.hasNext()) {
			fields.add(names.next());
		}
	}

	private static String text(JsonNode node, String field) {
		if (node == null || !node.has(field) || node.get(field).isNull()) {
			return null;
		}
		JsonNode value = node.get(field);
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String shorten(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
