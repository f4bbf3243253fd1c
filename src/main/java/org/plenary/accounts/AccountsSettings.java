package org.plenary.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword password of the first administrator; generated and printed when
 * empty
 * @param adminOrganisation organisation the first administrator belongs to
 */
@ConfigurationProperties("plenary.accounts")
record AccountsSettings(String adminPassword, String adminOrganisation) {
}
