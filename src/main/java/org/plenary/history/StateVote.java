package org.plenary.history;

/** One state's vote on one roll call, with the state's name for display. */
public record StateVote(String iso3, String name, Integer m49, Vote vote) {
}
