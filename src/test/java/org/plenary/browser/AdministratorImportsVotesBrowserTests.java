package org.plenary.browser;

import java.nio.file.Files;
import java.nio.file.Path;

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
 * An administrator uploads a small voting file on the import page, watches it finish,
 * finds the roll call and opens it: the tally, the map and the lists are there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministratorImportsVotesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void uploadsAFileAndOpensTheRollCall() throws Exception {
		Path file = Files.createTempFile("browser-votes", ".csv");
		Files.writeString(file, """
				resolution,date,iso3,vote,title
				A/RES/ES-20/1,2033-03-02,UKR,Y,Fixture for the browser: territorial integrity
				A/RES/ES-20/1,2033-03-02,FRA,Y,Fixture for the browser: territorial integrity
				A/RES/ES-20/1,2033-03-02,BRA,Y,Fixture for the browser: territorial integrity
				A/RES/ES-20/1,2033-03-02,RUS,N,Fixture for the browser: territorial integrity
				A/RES/ES-20/1,2033-03-02,CHN,A,Fixture for the browser: territorial integrity
				A/RES/ES-20/1,2033-03-02,IND,A,Fixture for the browser: territorial integrity
				""");
		// the voting history is the installation's: an operator imports it
		String admin = this.accounts.operator("Test Mission");
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver page = browser.driver();
			page.get(url("/login"));
			page.findElement(By.id("username")).sendKeys(admin);
			page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/campaigns"));

			page.findElement(By.linkText("Import votes")).click();
			browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("files")))
				.sendKeys(file.toAbsolutePath().toString());
			page.findElement(By.cssSelector("form[enctype] button")).click();
			// this file's row, the newest (other tests' imports are listed below it)
			By newest = By.cssSelector("#imports tbody tr:first-child");
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(newest, "Imported"));
			assertThat(page.findElement(newest).getText()).contains(file.getFileName().toString()).contains("1 added");
			browser.screenshot("20-import");

			page.get(url("/history"));
			page.findElement(By.name("symbol")).sendKeys("A/RES/ES-20");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("A/RES/ES-20/1")));
			page.findElement(By.linkText("A/RES/ES-20/1")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/history/roll-calls/"));
			String text = page.findElement(By.tagName("main")).getText();
			assertThat(text).contains("Fixture for the browser: territorial integrity", "Adopted", "Ukraine");
			assertThat(page.findElements(By.cssSelector(".count-box strong"))).extracting((e) -> e.getText())
				.startsWith("3", "1", "2");
			assertThat(page.findElements(By.cssSelector("svg.world-map path.country.yes")))
				.hasSizeGreaterThanOrEqualTo(3);
			browser.screenshot("21-roll-call");
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
