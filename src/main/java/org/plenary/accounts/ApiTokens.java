package org.plenary.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for {@code /api/v1}: created by a user, shown once, stored as a SHA-256
 * digest, revocable. A token acts with its user's current role; a disabled user's tokens
 * stop working.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "pln_";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	ApiTokens(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** A token as lists show it: never the secret. */
	public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {

		public boolean active() {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(Instant.now()));
		}

	}

	/** A newly created token with its secret, which is shown this once. */
	public record NewToken(ApiToken token, String secret) {
	}

	@Transactional
	public NewToken create(String username, String name, Instant expiresAt) {
		UserAccount user = this.accounts.user(username);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name",
					"A token needs a name of 1 to 100 characters, e.g. 'import script'");
		}
		if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
			throw new InvalidInputException("expiresAt", "The expiry date is in the past");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String shown = secret.substring(0, PREFIX.length() + 6);
		long id = this.jdbc.sql("""
				insert into accounts_api_token (user_id, name, token_hash, prefix, expires_at)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(user.id(), name.trim(), digest(secret), shown,
					expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		return new NewToken(token(username, id), secret);
	}

	public List<ApiToken> list(String username) {
		return this.jdbc.sql("""
				select t.* from accounts_api_token t join accounts_user u on u.id = t.user_id
				where u.username = ? order by t.created_at desc, t.id desc
				""").param(Accounts.normalise(username)).query(ApiTokens::token).list();
	}

	@Transactional
	public void revoke(String username, long id) {
		int updated = this.jdbc.sql("""
				update accounts_api_token t set revoked_at = coalesce(t.revoked_at, now())
				from accounts_user u where u.id = t.user_id and u.username = ? and t.id = ?
				""").params(Accounts.normalise(username), id).update();
		if (updated == 0) {
			throw new NotFoundException("No token " + id + " for user '" + username + "'");
		}
	}

	/** A valid token and its user. */
	record TokenUser(long tokenId, UserAccount user) {
	}

	/**
	 * The user a presented secret belongs to, if the token is valid and its user enabled.
	 */
	Optional<UserAccount> authenticate(String secret) {
		return authenticateToken(secret).map(TokenUser::user);
	}

	/** The token a presented secret is, if valid and its user enabled, with its user. */
	Optional<TokenUser> authenticateToken(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		byte[] digest = digest(secret);
		// the token and its user in one round trip: every API call asks
		record Found(long id, boolean used, UserAccount user) {
		}
		Optional<Found> found = this.jdbc.sql("""
				select t.id as token_id, t.last_used_at > now() - interval '1 minute' as used_lately,
				""" + Accounts.USER_COLUMNS + """
				join accounts_api_token t on t.user_id = u.id
				where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
				  and u.enabled
				""")
			.param(digest)
			.query((rs, n) -> new Found(rs.getLong("token_id"), rs.getBoolean("used_lately"), Accounts.user(rs, n)))
			.optional();
		if (found.isPresent() && !found.get().used()) {
			// "last used" to the minute: a busy script would otherwise queue on this one
			// row, and write on every call
			this.jdbc.sql("""
					update accounts_api_token set last_used_at = now()
					where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
					""").param(found.get().id()).update();
		}
		return found.map((f) -> new TokenUser(f.id(), f.user()));
	}

	private ApiToken token(String username, long id) {
		return list(username).stream()
			.filter((t) -> t.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No token " + id));
	}

	private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
