package org.plenary.campaigns;

import java.util.Locale;
import java.util.function.Function;

import org.plenary.history.Vote;
import org.plenary.system.InvalidInputException;

/**
 * Who a briefing invites: every member of the body ({@code ALL}), the members of a
 * regional group or bloc ({@code GROUP:EU}), or every member except those that voted a
 * given way on an earlier roll call ({@code EXCEPT:7029:N}; the vote Y, N, A, or X for
 * those that did not vote). That text is how a rule is stored, as it always was, so that
 * every rule stored before still works; a person may also name the roll call by its
 * resolution's symbol ({@code EXCEPT:A/RES/ES-11/1:N}, or {@code EXCEPT:ES-11/1:N}),
 * which is stored as the roll call's id.
 */
record InvitationRule(Kind kind, String group, Long rollCall, Vote vote) {

	enum Kind {

		ALL, GROUP, EXCEPT

	}

	static final InvitationRule ALL = new InvitationRule(Kind.ALL, null, null, null);

	static final String HOW = "use ALL, GROUP:<code> or EXCEPT:<roll call id or symbol>:<Y, N, A or X>, "
			+ "e.g. EXCEPT:A/RES/ES-11/1:N";

	/**
	 * The rule written in {@code text} (blank: every member).
	 * @param rollCallOf the roll call a resolution's symbol names (refuses a symbol that
	 * names none, or several)
	 */
	static InvitationRule parse(String text, Function<String, Long> rollCallOf) {
		if (text == null || text.isBlank()) {
			return ALL;
		}
		String rule = text.strip();
		String upper = rule.toUpperCase(Locale.ROOT);
		if (upper.equals("ALL")) {
			return ALL;
		}
		if (upper.startsWith("GROUP:") && upper.length() > 6) {
			return new InvitationRule(Kind.GROUP, upper.substring(6).strip(), null, null);
		}
		if (upper.startsWith("EXCEPT:")) {
			// the symbol has no colon: the vote is after the last one
			int last = upper.lastIndexOf(':');
			String which = upper.substring(7, Math.max(7, last)).strip();
			String code = upper.substring(last + 1).strip();
			if (last <= 7 || which.isEmpty() || !code.matches("[YNAX]")) {
				throw new InvalidInputException("rule", "Write EXCEPT:<roll call id or symbol>:<Y, N, A or X>, "
						+ "e.g. EXCEPT:A/RES/ES-11/1:N (X: those that did not vote)");
			}
			long rollCall = which.matches("\\d{1,18}") ? Long.parseLong(which) : rollCallOf.apply(which);
			return new InvitationRule(Kind.EXCEPT, null, rollCall, Vote.ofCode(code.charAt(0)));
		}
		throw new InvalidInputException("rule", "Unknown invitation rule '" + rule + "': " + HOW);
	}

	/** The rule as stored: ALL, GROUP:EU, EXCEPT:7029:N. */
	String stored() {
		return switch (this.kind) {
			case ALL -> "ALL";
			case GROUP -> "GROUP:" + this.group;
			case EXCEPT -> "EXCEPT:" + this.rollCall + ":" + this.vote.code();
		};
	}

	/**
	 * The rule in words: "every member", "the members of the European Union", "everyone
	 * except those that voted No on A/RES/ES-11/1".
	 * @param groupName the group's or bloc's name
	 * @param rollCallLabel the roll call's symbol (or what stands for it)
	 */
	String inWords(String groupName, String rollCallLabel) {
		return switch (this.kind) {
			case ALL -> "every member";
			case GROUP -> "the members of the " + groupName;
			case EXCEPT -> "everyone except those that "
					+ ((this.vote == Vote.NON_VOTING) ? "did not vote" : "voted " + this.vote.label()) + " on "
					+ rollCallLabel;
		};
	}

}
