package org.plenary.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.plenary.system.InvalidInputException;

/**
 * One move of the other side in a campaign (a letter urging a No vote, a public
 * statement, a counter-draft), with the states it concerns: it shows on their timelines.
 */
public record OppositionActivity(long id, long campaignId, LocalDate occurredOn, Kind kind, String actor,
		String description, List<StateRef> states, String recordedBy, Instant recordedAt) {

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

	public String stateNames() {
		return this.states.stream().map(StateRef::name).collect(Collectors.joining(", "));
	}

}
