package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator adds an organisation and a whip, hands over the generated password;
 * the whip signs in with it and creates an API token; the API documentation opens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministratorManagesUsersBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void addsAWhipWhoSignsInAndCreatesAToken() {
		// adding an organisation is the installation's: an operator does it
		String admin = this.accounts.operator("Test Mission");
		String organisation = "Mission " + System.nanoTime();
		String whip = "whip" + System.nanoTime();
		String password;
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			signIn(browser, admin, TestAccounts.PASSWORD);

			page.get(url("/admin/organisations"));
			// the form that adds one (each organisation's row has its own to rename it)
			page.findElement(By.cssSelector("form.inline-form input[name=name]")).sendKeys(organisation);
			page.findElement(By.cssSelector("form.inline-form button")).click();
			assertThat(browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.notice")))
				.getText()).contains(organisation);

			page.get(url("/admin/users"));
			page.findElement(By.name("username")).sendKeys(whip);
			page.findElement(By.name("displayName")).sendKeys("Desk Officer <b>Kenya</b>");
			new Select(page.findElement(By.name("organisation"))).selectByVisibleText(organisation);
			new Select(page.findElement(By.name("role"))).selectByValue("WHIP");
			page.findElement(By.cssSelector("form.inline-form button")).click();
			password = browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("new-password")))
				.getText();
			assertThat(password).hasSize(20);
			// the hostile display name is shown as text, not markup
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Desk Officer <b>Kenya</b>");
			browser.screenshot("10-admin-users");
			page.findElement(By.cssSelector("form[action$='/logout'] button")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/login"));
		}
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			signIn(browser, whip, password);
			page.get(url("/account"));
			page.findElement(By.name("name")).sendKeys("spreadsheet sync");
			page.findElement(By.cssSelector("form[action$='/account/tokens'] button")).click();
			assertThat(
					browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-token"))).getText())
				.startsWith("pln_");
			assertThat(page.findElement(By.cssSelector("table.grid")).getText()).contains("spreadsheet sync");
			browser.screenshot("11-account-token");
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));

			page.get(url("/swagger-ui/index.html"));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
			assertThat(page.getPageSource()).contains("/api/v1/states");
			browser.screenshot("12-api-docs");
		}
	}

	private void signIn(Browser browser, String username, String password) {
		browser.signIn("http://localhost:" + this.port, username, password);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
