package org.plenary.campaigns;

/** A member of a campaign's body. */
public record Member(String iso3, String name, Integer m49, boolean permanent, boolean withoutVote) {
}
