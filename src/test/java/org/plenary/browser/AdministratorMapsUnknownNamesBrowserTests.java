package org.plenary.browser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plenary.accounts.TestAccounts;
import org.plenary.states.StateNameMappings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: an administrator uploads an official file with two names Plenary does not
 * know, reads on a phone where they occur and which states they likely stand for, maps
 * them at a desk (a suggestion, and "not a state"), and imports the kept file again
 * without uploading it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministratorMapsUnknownNamesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	StateNameMappings mappings;

	@AfterEach
	void forgetTheMappings() {
		for (String name : List.of("TURKIYYE", "Neverland Rep.")) {
			if (this.mappings.find(name).isPresent()) {
				this.mappings.undo(name);
			}
		}
	}

	@Test
	void mapsTheUnknownNamesOfARefusedFileAndImportsItAgain() throws Exception {
		Path file = Files.createTempDirectory("browser-names").resolve("misspelt-names.jsonl");
		try (InputStream in = getClass().getResourceAsStream("/history/misspelt-names.jsonl")) {
			Files.write(file, in.readAllBytes());
		}
		String admin = this.accounts.operator("Test Mission");
		try (Browser desk = Browser.open(1366, 900); Browser phone = Browser.open(390, 844)) {
			WebDriver page = desk.driver();
			desk.signIn(url(""), admin, TestAccounts.PASSWORD);
			page.get(url("/history/imports"));
			desk.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("files")))
				.sendKeys(file.toAbsolutePath().toString());
			page.findElement(By.cssSelector("form[enctype] button")).click();
			By newest = By.cssSelector("#imports tbody tr:first-child");
			desk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(newest, "Refused"));
			assertThat(page.findElement(newest).getText()).contains("TURKIYYE");
			page.findElement(By.cssSelector("#imports tbody tr:first-child a")).click();
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unknown-names")));
			String refusedPage = page.getCurrentUrl();
			assertThat(page.findElement(By.id("unknown-names")).getText()).contains("TURKIYYE")
				.contains("Türkiye (TUR)")
				.contains("Neverland Rep.")
				.contains("No state is near this name");
			desk.screenshot("60-unknown-names-1366");

			phone.signIn(url(""), admin, TestAccounts.PASSWORD);
			phone.driver().get(refusedPage);
			phone.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unknown-names")));
			assertThat(((JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			assertThat(phone.driver().findElement(By.id("unknown-names")).getText()).doesNotContain("Undo");
			((JavascriptExecutor) phone.driver())
				.executeScript("document.querySelector('.unknown-name').scrollIntoView()");
			phone.screenshot("61-unknown-names-390");
			((JavascriptExecutor) phone.driver())
				.executeScript("document.querySelectorAll('.unknown-name')[1].scrollIntoView()");
			phone.screenshot("61-unknown-names-390-second");

			// the likeliest state is chosen already: Map keeps it
			page.findElements(By.cssSelector(".unknown-name form button.primary")).get(0).click();
			desk.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unknown-names"),
						"Mapped to Türkiye (TUR)"));
			page.findElement(By.cssSelector(".unknown-name input[value=NOT_A_STATE]")).click();
			page.findElement(By.cssSelector(".unknown-name form.inline-form button.primary")).click();
			desk.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unknown-names"),
						"Mapped as not a state"));
			((JavascriptExecutor) page).executeScript("document.getElementById('unknown-names').scrollIntoView()");
			desk.screenshot("62-unknown-names-mapped-1366");
			page.findElement(By.xpath("//button[normalize-space()='Import the file again']")).click();
			desk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(newest, "Imported"));
			assertThat(page.findElement(By.id("name-mappings")).getText()).contains("TURKIYYE")
				.contains("Türkiye (TUR)")
				.contains("not a state");
			desk.screenshot("63-imported-again-1366");
			// the report of the import that went through: its defects and warnings, each
			// with its lines
			page.findElement(By.cssSelector("#imports tbody tr:first-child a")).click();
			desk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
			assertThat(page.findElement(By.id("problems")).getText()).contains("stated totals that disagree")
				.contains("listed twice");
			((JavascriptExecutor) page).executeScript("document.getElementById('problems').scrollIntoView()");
			desk.screenshot("64-problems-1366");
			assertThat(desk.consoleMessages()).noneMatch((message) -> message.contains("Refused to"));
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
