package org.plenary.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary audit verify}: seals what can be sealed and checks the whole hash
 * chain of the audit trail; exits 1 naming the first altered or missing row.
 */
@Component
class AuditVerifyCommand implements PlenaryCommand {

	private final AuditTrail trail;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public String name() {
		return "audit verify";
	}

	@Override
	public String usage() {
		return "audit verify   (checks the audit trail's hash chain: exits 1 naming any altered or deleted row)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		if (!args.isEmpty()) {
			throw new UsageException("audit verify takes no argument");
		}
		AuditTrail.Verification result = this.trail.verify();
		if (result.intact()) {
			out.printf(Locale.ROOT, "The audit trail is intact: %,d rows chained%s.%n", result.sealed(),
					(result.unsealed() > 0) ? String.format(Locale.ROOT,
							", %,d newer rows wait for open transactions to end", result.unsealed()) : "");
			return 0;
		}
		System.err.println("The audit trail is NOT intact: " + result.problem() + ".");
		out.println("The audit trail is NOT intact: " + result.problem() + ".");
		return 1;
	}

}
