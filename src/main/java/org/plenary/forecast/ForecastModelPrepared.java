package org.plenary.forecast;

/** A campaign's vote model was prepared (again): its forecast may have moved. */
public record ForecastModelPrepared(long campaignId) {
}
