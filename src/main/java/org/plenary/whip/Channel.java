package org.plenary.whip;

/** How a contact happened (domain.md). */
public enum Channel {

	CALL("Phone call"), MESSAGE("WhatsApp or other message"), MEETING("Face-to-face meeting"), DEMARCHE("Démarche"),
	LETTER("Letter or note verbale"), BRIEFING("Briefing"), PUBLIC_STATEMENT("Public statement"), EMAIL("Email"),
	VIDEO_CALL("Video call"), OTHER("Other");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** For buttons on a phone: "WhatsApp" rather than "WhatsApp or other message". */
	public String shortLabel() {
		return switch (this) {
			case MESSAGE -> "WhatsApp";
			case LETTER -> "Letter";
			default -> this.label;
		};
	}

}
