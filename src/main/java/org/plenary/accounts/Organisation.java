package org.plenary.accounts;

/**
 * A delegation, ministry or mission whose users work in Plenary, e.g. "EU Delegation".
 * When {@code twoFactorRequired}, its users must sign in with a second factor, and set
 * one up at their next sign-in if they have none.
 */
public record Organisation(long id, String name, int users, boolean twoFactorRequired) {
}
