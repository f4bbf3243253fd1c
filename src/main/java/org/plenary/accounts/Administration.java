package org.plenary.accounts;

import java.util.List;

import org.plenary.system.ForbiddenException;
import org.plenary.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What one administrator may administer, for the administration pages and API. An
 * organisation's administrator administers its own organisation: its users (create,
 * change, disable, reset a password or two-factor sign-in) and its two-factor rule; the
 * users of other organisations are not found. An operator administers the installation:
 * every organisation (create, rename, two-factor rule) and the users of every one. Only
 * an operator changes an operator, and nobody makes one here.
 */
@Service
class Administration {

	private final Accounts accounts;

	private final TwoFactor twoFactor;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Administration.class);

	private final LoginThrottle throttle;

	private final org.plenary.audit.AuditTrail audit;

	Administration(Accounts accounts, TwoFactor twoFactor, LoginThrottle throttle, org.plenary.audit.AuditTrail audit) {
		this.throttle = throttle;
		this.audit = audit;
		this.accounts = accounts;
		this.twoFactor = twoFactor;
	}

	/** The signed-in administrator, as read now (not as the session remembers it). */
	record Administrator(String username, long organisationId, String organisationName, boolean operator) {

		boolean administers(UserAccount user) {
			return this.operator || user.organisationId() == this.organisationId;
		}

	}

	Administrator administrator(String username) {
		UserAccount user = this.accounts.user(username);
		if (user.role() != Role.ADMINISTRATOR) {
			throw new ForbiddenException("Only administrators administer users and organisations");
		}
		return new Administrator(user.username(), user.organisationId(), user.organisationName(), user.operator());
	}

	/** The users the administrator administers, by user name. */
	List<UserAccount> users(Administrator administrator) {
		return this.accounts.users().stream().filter(administrator::administers).toList();
	}

	/**
	 * A user the administrator administers; any other is not found, as if it did not
	 * exist.
	 */
	UserAccount user(Administrator administrator, String username) {
		return this.accounts.findUser(username)
			.filter(administrator::administers)
			.orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
	}

	TwoFactor.Status twoFactor(Administrator administrator, String username) {
		return this.twoFactor.status(user(administrator, username).username());
	}

	@Transactional
	Accounts.CreatedUser createUser(Administrator administrator, Accounts.NewUser user) {
		requireOwnOrganisation(administrator, user.organisation());
		return this.accounts.createUser(user);
	}

	@Transactional
	UserAccount changeUser(Administrator administrator, String username, Accounts.UserChange change) {
		UserAccount current = changeable(administrator, username);
		requireOwnOrganisation(administrator, change.organisation());
		return this.accounts.changeUser(current.username(), change);
	}

	/** Sets a new, generated password and returns it (shown once). */
	@Transactional
	String resetPassword(Administrator administrator, String username) {
		UserAccount user = changeable(administrator, username);
		String password = Passwords.generate();
		this.accounts.setPassword(user.username(), password);
		return password;
	}

	@Transactional
	/** The user's recent failed sign-ins, by address. */
	List<LoginThrottle.Failures> signInFailures(Administrator administrator, String username) {
		return this.throttle.failures(user(administrator, username).username());
	}

	/** Lets the user try to sign in again at once, from any address. */
	@Transactional
	int forgetSignInFailures(Administrator administrator, String username) {
		String name = changeable(administrator, username).username();
		int forgotten = this.throttle.forget(name);
		this.audit.record("SIGN_IN_FAILURES_FORGOTTEN", "user " + name, forgotten + " failed sign-ins forgotten");
		log.info("{} let {} sign in again at once ({} failed sign-ins forgotten)", administrator.username(), name,
				forgotten);
		return forgotten;
	}

	void resetTwoFactor(Administrator administrator, String username) {
		this.twoFactor.reset(changeable(administrator, username).username());
	}

	/**
	 * The organisations the administrator administers: its own, or all for an operator.
	 */
	List<Organisation> organisations(Administrator administrator) {
		return administrator.operator() ? this.accounts.organisations()
				: List.of(this.accounts.organisation(administrator.organisationId()));
	}

	@Transactional
	Organisation requireTwoFactor(Administrator administrator, long organisationId, boolean required) {
		if (!administrator.operator() && organisationId != administrator.organisationId()) {
			throw new NotFoundException("No organisation " + organisationId);
		}
		return this.accounts.requireTwoFactor(organisationId, required);
	}

	@Transactional
	Organisation createOrganisation(Administrator administrator, String name) {
		requireOperator(administrator);
		return this.accounts.createOrganisation(name);
	}

	@Transactional
	Organisation renameOrganisation(Administrator administrator, long organisationId, String name) {
		requireOperator(administrator);
		return this.accounts.renameOrganisation(organisationId, name);
	}

	private UserAccount changeable(Administrator administrator, String username) {
		UserAccount user = user(administrator, username);
		if (user.operator() && !administrator.operator()) {
			throw new ForbiddenException("Only an operator changes an operator");
		}
		return user;
	}

	// an administrator's users stay in its organisation; an operator places them anywhere
	private void requireOwnOrganisation(Administrator administrator, String organisation) {
		if (administrator.operator()) {
			return;
		}
		// organisations' names are no secret (partners are invited by them): an unknown
		// one is refused as such, another organisation's as not this administrator's
		if (this.accounts.organisationId(organisation) != administrator.organisationId()) {
			throw new ForbiddenException("You administer the users of " + administrator.organisationName()
					+ " only: another organisation's users are administered by its own administrators");
		}
	}

	private static void requireOperator(Administrator administrator) {
		if (!administrator.operator()) {
			throw new ForbiddenException(
					"Organisations are created and renamed by the installation's operators, not by an organisation's administrators");
		}
	}

}
