package org.plenary.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator signs in, finds a state by name, opens its page; the pages break no
 * CSP rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministratorSignsInAndBrowsesStatesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void signsInSearchesAndOpensAState() {
		String username = this.accounts.user(Role.ADMINISTRATOR);
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + this.port + "/states");
			assertThat(page.getCurrentUrl()).endsWith("/login");
			browser.screenshot("01-sign-in");

			page.findElement(By.id("username")).sendKeys(username);
			page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			// back where the user was going before signing in
			browser.waiting().until(ExpectedConditions.urlContains("/states"));
			assertThat(page.findElement(By.cssSelector("#results .count strong")).getText()).isEqualTo("195");
			assertThat(page.findElements(By.cssSelector("table.states tbody tr"))).hasSize(195);
			browser.screenshot("02-states");

			page.findElement(By.name("q")).sendKeys("ivoire");
			browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#results .count strong"), "1"));
			browser.screenshot("03-search");

			page.findElement(By.linkText("Côte d'Ivoire")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/states/CIV"));
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Côte d'Ivoire");
			assertThat(page.findElement(By.tagName("main")).getText()).contains("African States", "IVORY COAST");
			browser.screenshot("04-state");

			assertThat(browser.consoleMessages())
				.noneMatch((message) -> message.contains("Content Security Policy") || message.contains("Refused to"));
		}
	}

	@Test
	void aViewerOnAPhoneFiltersByBloc() {
		String username = this.accounts.user(Role.VIEWER);
		try (Browser browser = Browser.open(390, 844)) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + this.port + "/login");
			page.findElement(By.id("username")).sendKeys(username);
			page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));
			page.get("http://localhost:" + this.port + "/states");
			new org.openqa.selenium.support.ui.Select(page.findElement(By.name("bloc"))).selectByValue("ASEAN");
			browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#results .count strong"), "11"));
			assertThat(page.getCurrentUrl()).contains("bloc=ASEAN");
			// administration is not offered to a viewer
			assertThat(page.findElements(By.linkText("Users"))).isEmpty();
			browser.screenshot("05-phone-asean");
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

}
