package org.plenary.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over JSON, for administrators: each reads its part
 * ({@link AuditTrail.Reader}); the chain's check is the operators'.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "Every change, who, when, from where, before and after; the chain's check")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	@Operation(summary = "Entries of the trail, newest first, 100 a page, filtered by actor, table, action, key and "
			+ "time: an administrator reads what its organisation's users did and what was done to them; "
			+ "an operator that too, and the installation's records (organisations, users, states, imports)")
	List<AuditTrail.Entry> search(Authentication caller, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String table, @RequestParam(required = false) String action,
			@RequestParam(required = false) String key, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page) {
		List<AuditTrail.Entry> entries = this.trail
			.search(new AuditTrail.Query(actor, table, action, key, from, to, Math.max(0, page)), reader(caller));
		return entries.subList(0, Math.min(entries.size(), AuditTrail.PAGE_SIZE));
	}

	@GetMapping("/verify")
	@PreAuthorize("hasAuthority('OPERATOR')")
	@Operation(summary = "Checks the hash chain, as ./plenary audit verify does (operators)")
	AuditTrail.Verification verify() {
		return this.trail.verify();
	}

	static AuditTrail.Reader reader(Authentication caller) {
		boolean operator = caller != null
				&& caller.getAuthorities().stream().anyMatch((a) -> "OPERATOR".equals(a.getAuthority()));
		return operator ? AuditTrail.Reader.OPERATOR : AuditTrail.Reader.ORGANISATION;
	}

}
