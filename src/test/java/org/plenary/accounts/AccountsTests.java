package org.plenary.accounts;

import org.junit.jupiter.api.Test;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstAdministratorExistsAfterStart() {
		UserAccount admin = this.accounts.user(FirstAdministrator.USERNAME);
		assertThat(admin.role()).isEqualTo(Role.ADMINISTRATOR);
		assertThat(admin.enabled()).isTrue();
	}

	@Test
	void storesPasswordsOnlyAsAdaptiveHashes() {
		String username = this.testAccounts.user(Role.WHIP);
		String hash = this.jdbc.sql("select password_hash from accounts_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void generatesAPasswordWhenNoneIsGiven() {
		this.testAccounts.organisation("Generated Mission");
		Accounts.CreatedUser created = this.accounts.createUser(
				new Accounts.NewUser("Gen-" + System.nanoTime(), null, null, "generated mission", Role.VIEWER, null));
		assertThat(created.passwordGenerated()).isTrue();
		assertThat(created.password()).hasSize(20);
		assertThat(created.user().username()).startsWith("gen-");
		assertThat(created.user().organisationName()).isEqualTo("Generated Mission");
	}

	@Test
	void refusesBadUserInputWithTheFieldNamed() {
		this.testAccounts.organisation("Test Mission");
		assertThatThrownBy(() -> this.accounts
			.createUser(new Accounts.NewUser("<script>", null, null, "Test Mission", Role.VIEWER, null)))
			.isInstanceOf(InvalidInputException.class)
			.extracting("field")
			.isEqualTo("username");
		assertThatThrownBy(() -> this.accounts.createUser(
				new Accounts.NewUser("shortpw" + System.nanoTime(), null, null, "Test Mission", Role.VIEWER, "short")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at least 12");
		assertThatThrownBy(() -> this.accounts.createUser(
				new Accounts.NewUser("noorg" + System.nanoTime(), null, null, "Atlantis Mission", Role.VIEWER, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("No organisation named 'Atlantis Mission'");
	}

	@Test
	void refusesDuplicateUsersAndOrganisations() {
		String username = this.testAccounts.user(Role.VIEWER);
		assertThatThrownBy(() -> this.accounts
			.createUser(new Accounts.NewUser(username.toUpperCase(), null, null, "Test Mission", Role.VIEWER, null)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("exists already");
		assertThatThrownBy(() -> this.accounts.createOrganisation("TEST MISSION"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aStaleEditOfAUserIsRefusedAndShowsTheCurrentVersion() {
		String username = this.testAccounts.user(Role.WHIP);
		UserAccount before = this.accounts.user(username);
		this.accounts.changeUser(username,
				new Accounts.UserChange("First edit", null, "Test Mission", Role.WHIP, true, before.version()));
		assertThatThrownBy(() -> this.accounts.changeUser(username,
				new Accounts.UserChange("Second edit", null, "Test Mission", Role.VIEWER, true, before.version())))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("changed by someone else")
			.extracting("current")
			.satisfies((current) -> assertThat(((UserAccount) current).displayName()).isEqualTo("First edit"));
		assertThat(this.accounts.user(username).role()).isEqualTo(Role.WHIP);
	}

	@Test
	void tokensAreShownOnceStoredHashedAndStopWorkingWhenRevoked() {
		String username = this.testAccounts.user(Role.WHIP);
		ApiTokens.NewToken token = this.tokens.create(username, "script", null);
		assertThat(token.secret()).startsWith("pln_").hasSizeGreaterThan(40);
		assertThat(this.jdbc.sql("select count(*) from accounts_api_token where prefix = ? and token_hash = ?")
			.params(token.token().prefix(), ApiTokens.digest(token.secret()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.tokens.authenticate(token.secret())).get()
			.extracting(UserAccount::username)
			.isEqualTo(username);
		assertThat(this.tokens.authenticate(token.secret() + "x")).isEmpty();

		this.tokens.revoke(username, token.token().id());
		assertThat(this.tokens.authenticate(token.secret())).isEmpty();
		assertThat(this.tokens.list(username)).singleElement().satisfies((t) -> assertThat(t.active()).isFalse());
	}

	@Test
	void aDisabledUsersTokensStopWorking() {
		String username = this.testAccounts.user(Role.VIEWER);
		String secret = this.testAccounts.token(username);
		UserAccount user = this.accounts.user(username);
		this.accounts.changeUser(username,
				new Accounts.UserChange(user.displayName(), null, "Test Mission", Role.VIEWER, false, user.version()));
		assertThat(this.tokens.authenticate(secret)).isEmpty();
	}

	@Test
	void changingOnesOwnPasswordNeedsTheCurrentOne() {
		String username = this.testAccounts.user(Role.VIEWER);
		assertThatThrownBy(() -> this.accounts.changeOwnPassword(username, "wrong", "a much better password"))
			.isInstanceOf(InvalidInputException.class);
		this.accounts.changeOwnPassword(username, TestAccounts.PASSWORD, "a much better password");
	}

}
