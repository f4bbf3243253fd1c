package org.plenary.audit;

import java.io.PrintStream;
import java.util.List;

import org.plenary.system.PlenaryCommand;

import org.springframework.stereotype.Component;

/**
 * {@code ./plenary audit checkpoint}: checks the chain and anchors its head outside the
 * database, printing it as a digest for the operator to keep elsewhere (a ticket, a
 * notebook, another machine). Refused when the chain is not intact.
 */
@Component
class AuditCheckpointCommand implements PlenaryCommand {

	private final AuditTrail trail;

	AuditCheckpointCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public String name() {
		return "audit checkpoint";
	}

	@Override
	public String usage() {
		return "audit checkpoint   (checks the audit trail, writes its head to the data folder's audit.checkpoint"
				+ " and prints it to keep elsewhere)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		if (!args.isEmpty()) {
			throw new UsageException("audit checkpoint takes no argument");
		}
		String digest = this.trail.checkpoint();
		if (digest == null) {
			out.println("The audit trail is NOT intact: no checkpoint written. Run './plenary audit verify'.");
			return 1;
		}
		out.println("Checkpoint written. Keep this line somewhere outside this machine:");
		out.println(digest);
		return 0;
	}

}
