package org.plenary.system;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * What to tell a user whose input the database refused to store, in words and without the
 * database's own message (which names tables, constraints and the driver). A value the
 * code should have checked first is still the user's input, so it is a 400, not a 500.
 */
final class StorageRefusals {

	private StorageRefusals() {
	}

	static String describe(DataIntegrityViolationException ex) {
		String state = sqlState(ex);
		if (state == null) {
			return "The input could not be stored: a value is missing, too long or not accepted";
		}
		return switch (state) {
			case "22021", "22P05" ->
				"The text holds a character that cannot be stored (a NUL byte or an invalid sequence)";
			case "22001" -> "A text is longer than accepted";
			case "23514" -> "A value is out of the accepted range or too long";
			case "23502" -> "A required value is missing";
			case "23503" -> "The input names something that does not exist";
			case "23505" -> "This exists already";
			default -> "The input could not be stored: a value is not accepted";
		};
	}

	private static String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
