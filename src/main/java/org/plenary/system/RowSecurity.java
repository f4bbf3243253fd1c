package org.plenary.system;

import java.sql.SQLException;

/**
 * Recognises a write that PostgreSQL's row-level security refused ("new row violates
 * row-level security policy", SQL state 42501), so that it answers 403, not 500.
 */
final class RowSecurity {

	static final String MESSAGE = "This belongs to another organisation (or to the campaign's owner): "
			+ "it is not yours to change; suggest it to them instead";

	private RowSecurity() {
	}

	static boolean refused(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
