package org.plenary.outreach;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.plenary.whip.Channel;
import org.plenary.whip.Confidence;
import org.plenary.whip.Level;
import org.plenary.whip.Stance;

/**
 * One logged contact: a call, a message, a meeting, a démarche, a briefing. It covers one
 * or more states, each with the stance we read from it (if any) and the version of the
 * board's stance that read created. It belongs to the {@code organisation} that logged it
 * and is seen by others according to its {@code visibility} (ADR 0011).
 */
public record Contact(long id, long campaignId, Instant occurredAt, Channel channel, List<ContactState> states,
		List<Participant> ours, List<Participant> theirs, String asked, String said, String loggedBy, Instant loggedAt,
		int version, Deletion deletion, List<Attachment> attachments, String organisation,
		org.plenary.campaigns.Visibility visibility, List<Long> sharedWith) {

	/** A state the contact covered, and the stance read from it. */
	public record ContactState(String iso3, String name, Stance read, Confidence confidence, Integer stanceVersion) {
	}

	/**
	 * Someone in the contact: one of our officials ({@code personId}) or one of their
	 * counterparts ({@code counterpartId}), or just a name and a level.
	 */
	public record Participant(Long personId, Long counterpartId, String name, Level level) {

		public String describe() {
			// a participant named by the level alone (the quick log) is not named twice
			return (this.level == null || this.level.label().equals(this.name)) ? this.name
					: this.name + " (" + this.level.label() + ")";
		}

	}

	/** Who deleted the contact, when and why: the trace an administrator leaves. */
	public record Deletion(String by, Instant at, String reason) {
	}

	public record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt) {
	}

	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isDeleted() {
		return this.deletion != null;
	}

	public String stateNames() {
		return this.states.stream().map(ContactState::name).collect(Collectors.joining(", "));
	}

	public String ourNames() {
		return this.ours.stream().map(Participant::describe).collect(Collectors.joining(", "));
	}

	public String theirNames() {
		return this.theirs.stream().map(Participant::describe).collect(Collectors.joining(", "));
	}

	/** The most senior level among our participants (null: none given). */
	public Level ourLevel() {
		return highest(this.ours);
	}

	/** The most senior level among their participants (null: none given). */
	public Level theirLevel() {
		return highest(this.theirs);
	}

	private static Level highest(List<Participant> participants) {
		return participants.stream().map(Participant::level).filter((l) -> l != null).min(Enum::compareTo).orElse(null);
	}

}
