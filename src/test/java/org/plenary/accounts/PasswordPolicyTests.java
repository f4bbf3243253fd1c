package org.plenary.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rules, without a database. */
class PasswordPolicyTests {

	@Test
	void shipsAListOfTensOfThousandsOfCommonPasswords() {
		assertThat(Passwords.commonCount()).isGreaterThanOrEqualTo(10_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "qazwsxedcrfv", "1q2w3e4r5t6y", "QWERTY123456", "123qweasdzxc", "sonyericsson" })
	void refusesCommonPasswordsInAnyCase(String password) {
		assertThatThrownBy(() -> Passwords.check("someone", password)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("one of the most common passwords")
			.extracting("field")
			.isEqualTo("password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Password12345!", "!!sunshine2024!!", "2024Football!!", "Dragon_1234567" })
	void refusesACommonPasswordWithDigitsAndSymbolsAdded(String password) {
		assertThatThrownBy(() -> Passwords.check("someone", password)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("is built on '")
			.hasMessageContaining("one of the most common passwords");
	}

	@Test
	void refusesACommonPasswordRepeated() {
		assertThat(Passwords.commonCore("monkeymonkey")).isEqualTo("monkey");
		assertThatThrownBy(() -> Passwords.check("someone", "DragonDragonDragon"))
			.hasMessageContaining("built on 'dragon'");
	}

	@ParameterizedTest
	@ValueSource(strings = { TestAccounts.PASSWORD, "a much better password", "timing-password-9",
			"Kettle on the Hudson, 1945" })
	void acceptsPasswordsThatAreNotCommon(String password) {
		assertThatCode(() -> Passwords.check("someone", password)).doesNotThrowAnyException();
	}

	@Test
	void keepsTheLengthAndUserNameRules() {
		assertThatThrownBy(() -> Passwords.check("someone", "Xq7#tLm2"))
			.hasMessage("The password must have at least 12 characters");
		assertThatThrownBy(() -> Passwords.check("someone", "x".repeat(129)))
			.hasMessage("The password must have at most 128 characters");
		assertThatThrownBy(() -> Passwords.check("kenya-desk", "my Kenya-Desk password"))
			.hasMessage("The password must not contain the user name");
	}

	@Test
	void generatedPasswordsPass() {
		for (int i = 0; i < 100; i++) {
			assertThatCode(() -> Passwords.check("someone", Passwords.generate())).doesNotThrowAnyException();
		}
	}

}
