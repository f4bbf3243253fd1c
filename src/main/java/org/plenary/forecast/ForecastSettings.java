package org.plenary.forecast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param prepareInBackground whether asking for a campaign's forecast prepares its model
 * in the background when it is missing or stale (true on a server; the tests turn it off
 * and prepare models when they mean to)
 */
@ConfigurationProperties("plenary.forecast")
record ForecastSettings(@DefaultValue("true") boolean prepareInBackground) {
}
