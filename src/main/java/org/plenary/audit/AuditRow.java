package org.plenary.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the trail as the chain hashes it. The time is read in UTC with microseconds
 * and the JSON in PostgreSQL's own normal form, so the same row always gives the same
 * bytes whatever the session's time zone.
 */
record AuditRow(long id, String at, String actor, String address, String action, String table, String key,
		String before, String after, String detail) {

	/** The columns to select, in the order of {@link #read(ResultSet)}. */
	static final String COLUMNS = """
			id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, address, action, table_name,
			row_key, before::text, after::text, detail""";

	static AuditRow read(ResultSet rs) throws SQLException {
		return new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
	}

	/** SHA-256 of the previous hash and this row, each field length-prefixed. */
	byte[] hash(byte[] previous) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previous);
			for (String field : new String[] { Long.toString(this.id), this.at, this.actor, this.address, this.action,
					this.table, this.key, this.before, this.after, this.detail }) {
				if (field == null) {
					digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
				}
				else {
					byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
					digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
					digest.update(bytes);
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
