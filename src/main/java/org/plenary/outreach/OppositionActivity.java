package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.plenary.system.InvalidInputException;

/**
 * One move of the other side in a campaign (a letter urging a No vote, a public
 * statement, a counter-draft), with whom it concerns: named states, every member of the
 * body, or a group or bloc. It shows on the timeline and call sheet of each state it
 * concerns.
 *
 * @param allMembers whether it concerns every member of the body (a letter to all
 * Permanent Representatives)
 * @param grouping the group or bloc it concerns (null: none)
 */
public record OppositionActivity(long id, long campaignId, LocalDate occurredOn, Kind kind, String actor,
		String description, List<StateRef> states, boolean allMembers, GroupingRef grouping, String recordedBy,
		Instant recordedAt) {

	public enum Kind {

		LETTER("Letter urging a vote"), PUBLIC_STATEMENT("Public statement"), COUNTER_DRAFT("Counter-draft"),
		DEMARCHE("Démarche"), MEETING("Meeting or event"), OTHER("Other");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/** Parses a kind's name in any case; says which kinds exist if not. */
		public static Kind parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("kind", "Unknown kind of activity '" + text
						+ "': use LETTER, PUBLIC_STATEMENT, COUNTER_DRAFT, DEMARCHE, MEETING or OTHER");
			}
		}

	}

	/** A state the activity concerns, with its name. */
	public record StateRef(String iso3, String name) {
	}

	/** A group or bloc the activity concerns, with its name. */
	public record GroupingRef(String code, String name) {
	}

	public String stateNames() {
		return this.states.stream().map(StateRef::name).collect(Collectors.joining(", "));
	}

	/** Whether it concerns no one in particular. */
	public boolean concernsNoOne() {
		return !this.allMembers && this.grouping == null && this.states.isEmpty();
	}

	/**
	 * Whom it concerns, in words: "Every member", "African States", "African States;
	 * Brazil", "Brazil, India"; empty for no one in particular.
	 */
	public String concerns() {
		List<String> parts = new java.util.ArrayList<>();
		if (this.allMembers) {
			parts.add("Every member");
		}
		if (this.grouping != null) {
			parts.add(this.grouping.name());
		}
		if (!this.states.isEmpty()) {
			parts.add(stateNames());
		}
		return String.join("; ", parts);
	}

}
