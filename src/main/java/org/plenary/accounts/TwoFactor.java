package org.plenary.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in: an authenticator app's time-based codes ({@link Totp}) and ten
 * one-time recovery codes. A user sets it up by proving a first code; from then on
 * sign-in asks for a code after the password. No code is accepted twice, even on another
 * instance: the step of the last accepted code is kept in PostgreSQL.
 */
@Service
class TwoFactor {

	static final String ISSUER = "Plenary";

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	TwoFactor(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = Clock.systemUTC();
	}

	/** What sign-in must ask of a user after the first factor. */
	enum Requirement {

		/** Nothing: the user is signed in. */
		NONE,
		/** A code from the user's authenticator, or a recovery code. */
		CODE,
		/** The user's organisation requires two-factor and the user has none yet. */
		SET_UP

	}

	/**
	 * Where a user stands.
	 *
	 * @param enabled a confirmed authenticator
	 * @param required by the user's organisation
	 * @param recoveryCodesLeft unused recovery codes
	 * @param enabledAt when it was confirmed
	 */
	public record Status(boolean enabled, boolean required, int recoveryCodesLeft, Instant enabledAt) {
	}

	/** A secret being set up: shown to the user until a code proves it. */
	public record Setup(String secret, String uri) {

		/** The secret in groups of four, as people type it. */
		public String grouped() {
			return this.secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

		/**
		 * The URI as a QR code: an SVG drawn here from the code's modules alone, with no
		 * text from anyone in it, so that the page may embed it as markup.
		 */
		public String qrSvg() {
			return QrCode.of(this.uri).svg("QR code of the key, for an authenticator app to scan");
		}

		/** The URI in short pieces, so that a narrow page can break it between them. */
		public List<String> uriPieces() {
			List<String> pieces = new ArrayList<>();
			for (int i = 0; i < this.uri.length(); i += 16) {
				pieces.add(this.uri.substring(i, Math.min(this.uri.length(), i + 16)));
			}
			return pieces;
		}

	}

	Status status(String username) {
		UserAccount user = this.accounts.user(username);
		Optional<Instant> enabledAt = this.jdbc
			.sql("select confirmed_at from accounts_two_factor where user_id = ? and confirmed_at is not null")
			.param(user.id())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		int left = this.jdbc.sql("select count(*) from accounts_recovery_code where user_id = ? and used_at is null")
			.param(user.id())
			.query(Integer.class)
			.single();
		return new Status(enabledAt.isPresent(), required(user), enabledAt.isPresent() ? left : 0,
				enabledAt.orElse(null));
	}

	Requirement requirement(String username) {
		UserAccount user = this.accounts.user(username);
		if (confirmedSecret(user.id()).isPresent()) {
			return Requirement.CODE;
		}
		return required(user) ? Requirement.SET_UP : Requirement.NONE;
	}

	/**
	 * The secret being set up, or a new one. Refused when two-factor is on already (turn
	 * it off first).
	 */
	@Transactional
	Setup setup(String username) {
		UserAccount user = this.accounts.user(username);
		if (confirmedSecret(user.id()).isPresent()) {
			throw new ConflictException("Two-factor sign-in is on already");
		}
		String secret = this.jdbc
			.sql("select secret from accounts_two_factor where user_id = ? and confirmed_at is null")
			.param(user.id())
			.query(String.class)
			.optional()
			.orElseGet(() -> restart(user));
		return new Setup(secret, Totp.uri(ISSUER, user.username(), secret));
	}

	/** Throws away the secret being set up and makes a new one. */
	@Transactional
	Setup restartSetup(String username) {
		UserAccount user = this.accounts.user(username);
		if (confirmedSecret(user.id()).isPresent()) {
			throw new ConflictException("Two-factor sign-in is on already");
		}
		String secret = restart(user);
		return new Setup(secret, Totp.uri(ISSUER, user.username(), secret));
	}

	private String restart(UserAccount user) {
		String secret = Totp.newSecret();
		this.jdbc.sql("""
				insert into accounts_two_factor (user_id, secret) values (?, ?)
				on conflict (user_id) do update set secret = excluded.secret, created_at = now(),
				  confirmed_at = null, last_used_step = null
				""").params(user.id(), secret).update();
		return secret;
	}

	/**
	 * Turns two-factor on once the user proves the secret with a current code; returns
	 * the recovery codes, which are shown this once.
	 */
	@Transactional
	List<String> confirm(String username, String code) {
		UserAccount user = this.accounts.user(username);
		String secret = this.jdbc
			.sql("select secret from accounts_two_factor where user_id = ? and confirmed_at is null for update")
			.param(user.id())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ConflictException("Start setting up two-factor sign-in first"));
		OptionalLong step = Totp.matchingStep(secret, digits(code), this.clock.instant());
		if (step.isEmpty()) {
			throw new InvalidInputException("code",
					"That code is not right. Check that the phone's clock is right and type the code it shows now.");
		}
		this.jdbc.sql("update accounts_two_factor set confirmed_at = now(), last_used_step = ? where user_id = ?")
			.params(step.getAsLong(), user.id())
			.update();
		return replaceRecoveryCodes(user.id());
	}

	/**
	 * Checks a sign-in code: a current authenticator code not used before, or an unused
	 * recovery code, which is then used up.
	 */
	@Transactional
	boolean verify(String username, String code) {
		UserAccount user = this.accounts.user(username);
		Optional<String> secret = confirmedSecret(user.id());
		if (secret.isEmpty() || code == null) {
			return false;
		}
		String digits = digits(code);
		if (digits.matches("[0-9]{" + Totp.DIGITS + "}")) {
			OptionalLong step = Totp.matchingStep(secret.get(), digits, this.clock.instant());
			// the update is the replay check: it moves only forward, on every instance
			return step.isPresent() && this.jdbc.sql("""
					update accounts_two_factor set last_used_step = :step
					where user_id = :user and confirmed_at is not null
					  and (last_used_step is null or last_used_step < :step)
					""").param("step", step.getAsLong()).param("user", user.id()).update() == 1;
		}
		return useRecoveryCode(user.id(), code);
	}

	/** Turns two-factor off, proven with a current code or a recovery code. */
	@Transactional
	void disable(String username, String code) {
		UserAccount user = this.accounts.user(username);
		if (confirmedSecret(user.id()).isEmpty()) {
			throw new ConflictException("Two-factor sign-in is not on");
		}
		if (required(user)) {
			throw new ConflictException("Your organisation, " + user.organisationName()
					+ ", requires two-factor sign-in: it cannot be turned off. An administrator can reset it.");
		}
		if (!verify(username, code)) {
			throw new InvalidInputException("code", "That code is not right: two-factor sign-in is still on");
		}
		remove(user.id());
	}

	/** New recovery codes in place of the old ones, proven with a current code. */
	@Transactional
	List<String> newRecoveryCodes(String username, String code) {
		UserAccount user = this.accounts.user(username);
		if (confirmedSecret(user.id()).isEmpty()) {
			throw new ConflictException("Two-factor sign-in is not on");
		}
		if (!verify(username, code)) {
			throw new InvalidInputException("code", "That code is not right: the recovery codes are unchanged");
		}
		return replaceRecoveryCodes(user.id());
	}

	/**
	 * An administrator's reset, for a lost phone: the user signs in with the password
	 * alone (or sets two-factor up again, if the organisation requires it).
	 */
	@Transactional
	void reset(String username) {
		remove(this.accounts.user(username).id());
	}

	private void remove(long userId) {
		this.jdbc.sql("delete from accounts_recovery_code where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from accounts_two_factor where user_id = ?").param(userId).update();
	}

	private boolean required(UserAccount user) {
		return this.jdbc.sql("select two_factor_required from accounts_organisation where id = ?")
			.param(user.organisationId())
			.query(Boolean.class)
			.single();
	}

	private Optional<String> confirmedSecret(long userId) {
		return this.jdbc.sql("select secret from accounts_two_factor where user_id = ? and confirmed_at is not null")
			.param(userId)
			.query(String.class)
			.optional();
	}

	private List<String> replaceRecoveryCodes(long userId) {
		this.jdbc.sql("delete from accounts_recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			this.jdbc.sql("insert into accounts_recovery_code (user_id, code_hash) values (?, ?)")
				.params(userId, ApiTokens.digest(normaliseRecoveryCode(code)))
				.update();
			codes.add(code);
		}
		return codes;
	}

	private boolean useRecoveryCode(long userId, String code) {
		String normalised = normaliseRecoveryCode(code);
		if (normalised.length() != 16) {
			return false;
		}
		return this.jdbc.sql("""
				update accounts_recovery_code set used_at = now()
				where id = (select id from accounts_recovery_code
				            where user_id = ? and code_hash = ? and used_at is null limit 1)
				""").params(userId, ApiTokens.digest(normalised)).update() == 1;
	}

	/** 16 characters from a 32-letter alphabet (80 bits), e.g. "k7rm-2xqp-9wde-hn4c". */
	static String newRecoveryCode() {
		StringBuilder code = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	static String normaliseRecoveryCode(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private static String digits(String code) {
		return code == null ? "" : code.replaceAll("\\s", "");
	}

}
