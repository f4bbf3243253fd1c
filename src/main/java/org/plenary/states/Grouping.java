package org.plenary.states;

/** A regional group or a bloc, with where its membership list comes from. */
public record Grouping(String code, String name, Kind kind, String source, String note, int currentMembers) {

	public enum Kind {

		REGIONAL_GROUP("Regional group"), BLOC("Bloc");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
