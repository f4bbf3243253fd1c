package org.plenary.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations and users: what administrators manage and what sign-in reads.
 */
@Service
public class Accounts {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

	static final String USER_COLUMNS = """
			u.id, u.username, u.display_name, u.email, u.organisation_id, o.name as organisation_name,
			u.role, u.enabled, u.version, u.created_at, u.operator
			from accounts_user u join accounts_organisation o on o.id = u.organisation_id
			""";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	/** A user to create; a null password means "generate one" (returned once). */
	public record NewUser(String username, String displayName, String email, String organisation, Role role,
			String password) {
	}

	/** The result of creating a user: the account and the password to hand over. */
	public record CreatedUser(UserAccount user, String password, boolean passwordGenerated) {
	}

	/** A change to a user, made on top of {@code expectedVersion}. */
	public record UserChange(String displayName, String email, String organisation, Role role, boolean enabled,
			int expectedVersion) {
	}

	// one organisation, its users counted by the index on their organisation
	private static final String ONE_ORGANISATION = """
			select o.id, o.name, o.two_factor_required,
			       (select count(*) from accounts_user u where u.organisation_id = o.id) as users
			from accounts_organisation o""";

	public List<Organisation> organisations() {
		return this.jdbc.sql("""
				select o.id, o.name, o.two_factor_required, count(u.id) as users
				from accounts_organisation o left join accounts_user u on u.organisation_id = o.id
				group by o.id, o.name, o.two_factor_required order by lower(o.name)
				""").query(Accounts::organisation).list();
	}

	public Organisation organisation(long id) {
		return this.jdbc.sql(ONE_ORGANISATION + " where o.id = ?")
			.param(id)
			.query(Accounts::organisation)
			.optional()
			.orElseThrow(() -> new NotFoundException("No organisation " + id));
	}

	/** The organisation of this name (in any case), if there is one. */
	public Optional<Organisation> findOrganisation(String name) {
		return this.jdbc.sql(ONE_ORGANISATION + " where lower(o.name) = lower(?)")
			.param((name == null) ? "" : name.trim())
			.query(Accounts::organisation)
			.optional();
	}

	/**
	 * Requires (or no longer requires) a second factor of the organisation's users. Users
	 * without one set it up at their next sign-in; signed-in sessions are not affected.
	 */
	@Transactional
	public Organisation requireTwoFactor(long organisationId, boolean required) {
		int updated = this.jdbc.sql("update accounts_organisation set two_factor_required = ? where id = ?")
			.params(required, organisationId)
			.update();
		if (updated == 0) {
			throw new NotFoundException("No organisation " + organisationId);
		}
		return organisation(organisationId);
	}

	@Transactional
	public Organisation createOrganisation(String name) {
		String trimmed = requireText("name", name, 200);
		try {
			long id = this.jdbc.sql("insert into accounts_organisation (name) values (?) returning id")
				.param(trimmed)
				.query(Long.class)
				.single();
			return new Organisation(id, trimmed, 0, false);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("An organisation named '" + trimmed + "' exists already");
		}
	}

	/** Renames an organisation; its users, records and campaigns stay its own. */
	@Transactional
	public Organisation renameOrganisation(long organisationId, String name) {
		String trimmed = requireText("name", name, 200);
		try {
			int updated = this.jdbc.sql("update accounts_organisation set name = ? where id = ?")
				.params(trimmed, organisationId)
				.update();
			if (updated == 0) {
				throw new NotFoundException("No organisation " + organisationId);
			}
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("An organisation named '" + trimmed + "' exists already");
		}
		return organisation(organisationId);
	}

	public List<UserAccount> users() {
		return this.jdbc.sql("select " + USER_COLUMNS + " order by u.username").query(Accounts::user).list();
	}

	public Optional<UserAccount> findUser(String username) {
		return this.jdbc.sql("select " + USER_COLUMNS + " where u.username = ?")
			.param(normalise(username))
			.query(Accounts::user)
			.optional();
	}

	/** The enabled user with this email address, if exactly one has it. */
	Optional<UserAccount> findUserByEmail(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		List<UserAccount> users = this.jdbc.sql("select " + USER_COLUMNS + " where lower(u.email) = lower(?)")
			.param(email.trim())
			.query(Accounts::user)
			.list();
		return users.size() == 1 ? Optional.of(users.get(0)) : Optional.empty();
	}

	public UserAccount user(String username) {
		return findUser(username).orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
	}

	/**
	 * Creates a user in an existing organisation. The user name is folded to lower case.
	 */
	@Transactional
	public CreatedUser createUser(NewUser command) {
		return create(command, false);
	}

	/**
	 * Creates an operator: an administrator who administers the installation. Only the
	 * command line ({@code ./plenary user add --operator}) and the first start call this,
	 * so that no page or API call can make one.
	 */
	@Transactional
	CreatedUser createOperator(NewUser command) {
		if (command.role() != Role.ADMINISTRATOR) {
			throw new InvalidInputException("role", "An operator is an administrator: use --role administrator");
		}
		return create(command, true);
	}

	private CreatedUser create(NewUser command, boolean operator) {
		String username = normalise(command.username());
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInputException("username",
					"A user name has 2 to 63 characters: lower-case letters, digits, '.', '_' or '-', "
							+ "starting with a letter or digit");
		}
		boolean generated = command.password() == null || command.password().isEmpty();
		String password = generated ? Passwords.generate() : command.password();
		Passwords.check(username, password);
		long organisationId = organisationId(command.organisation());
		String displayName = command.displayName() == null || command.displayName().isBlank() ? username
				: requireText("displayName", command.displayName(), 200);
		try {
			this.jdbc.sql("""
					insert into accounts_user (username, display_name, email, organisation_id, role, password_hash,
					  operator)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(username, displayName, blankToNull(command.email()), organisationId,
						requireRole(command.role()).name(), this.passwordEncoder.encode(password), operator)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A user named '" + username + "' exists already");
		}
		return new CreatedUser(user(username), password, generated);
	}

	/**
	 * Changes a user, refusing the change if someone else changed the user in between.
	 */
	@Transactional
	public UserAccount changeUser(String username, UserChange change) {
		UserAccount current = user(username);
		long organisationId = organisationId(change.organisation());
		if (current.operator() && change.role() != Role.ADMINISTRATOR) {
			throw new InvalidInputException("role", "An operator stays an administrator");
		}
		int updated = this.jdbc.sql("""
				update accounts_user set display_name = ?, email = ?, organisation_id = ?, role = ?, enabled = ?,
				       version = version + 1
				where id = ? and version = ?
				""")
			.params(requireText("displayName", change.displayName(), 200), blankToNull(change.email()), organisationId,
					requireRole(change.role()).name(), change.enabled(), current.id(), change.expectedVersion())
			.update();
		if (updated == 0) {
			throw new ConflictException("User '" + username + "' was changed by someone else (now at version "
					+ current.version() + "); reload and try again", current);
		}
		return user(username);
	}

	/** Sets a new password (an administrator's reset, or the user's own change). */
	@Transactional
	public void setPassword(String username, String newPassword) {
		UserAccount account = user(username);
		Passwords.check(account.username(), newPassword);
		this.jdbc.sql("update accounts_user set password_hash = ?, password_changed_at = now() where id = ?")
			.params(this.passwordEncoder.encode(newPassword), account.id())
			.update();
	}

	/** Changes one's own password after checking the current one. */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		String hash = this.jdbc.sql("select password_hash from accounts_user where username = ?")
			.param(normalise(username))
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "The current password is not right");
		}
		setPassword(username, newPassword);
	}

	long organisationId(String name) {
		String wanted = requireText("organisation", name, 200);
		return this.jdbc.sql("select id from accounts_organisation where lower(name) = lower(?)")
			.param(wanted)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("organisation",
					"No organisation named '" + wanted + "'; create it first"));
	}

	static String normalise(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private static Role requireRole(Role role) {
		if (role == null) {
			throw new InvalidInputException("role", "A role is required");
		}
		return role;
	}

	private static String requireText(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, field + " is required");
		}
		String trimmed = value.trim();
		if (trimmed.length() > maxLength) {
			throw new InvalidInputException(field, field + " must have at most " + maxLength + " characters");
		}
		return trimmed;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static Organisation organisation(ResultSet rs, int row) throws SQLException {
		return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getInt("users"),
				rs.getBoolean("two_factor_required"));
	}

	static UserAccount user(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("operator"));
	}

}
