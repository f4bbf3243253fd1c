/**
 * The forecast: what will happen, as probabilities. Its core,
 * {@code org.plenary.forecast.core}, is plain Java with no Spring (an ArchUnit rule in
 * {@code ModularityTests} keeps it so): {@code core.ideal} fits ideal points with a
 * dynamic ordinal item-response model by expectation-maximisation; {@code core.model} is
 * the vote model (each state's probabilities of Yes, No, Abstain and Non-voting from the
 * references, its ideal point, its absences and its group, with two shared shifts learned
 * from past votes; the whip's reads as evidence by Bayes' rule; how far a vote departs
 * from its references, which widens its intervals; backtest scores, with simulated reads
 * too, and the track record against copying the reference); {@code core.tally} computes
 * the exact distribution of the tally over the model's scenarios, the probability of
 * adoption under a body's rule, 80% intervals and the targeting list.
 * <p>
 * Around it: each campaign's model prepared in the background and kept in PostgreSQL
 * ({@code CampaignModels}), the campaign's forecast with the whip's reads
 * ({@code CampaignForecasts}, the facade), its history ({@code forecast_snapshot}), the
 * reliability of reads learned from recorded outcomes (what each campaign's vote became:
 * a roll call of the history or votes typed in, {@code VoteOutcomes}, the facade for
 * them), the track record shown on the forecast page ({@code TrackRecords}, a backtest of
 * the history's recurring votes computed in the background), the forecast page and panel,
 * the API, and the commands {@code ideal-points}, {@code forecast} and {@code backtest}.
 * <p>
 * Depends on {@code history} (the roll calls), {@code states} (who sits on a day,
 * regional groups, the map), {@code campaigns} (the campaign, members, references, rule),
 * {@code whip} (the reads; it provides the board's {@code BoardForecast}) and
 * {@code system}. Listens to {@code whip.StanceRecorded}; publishes
 * {@code ForecastModelPrepared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast")
package org.plenary.forecast;
