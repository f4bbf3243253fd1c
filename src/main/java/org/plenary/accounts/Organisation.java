package org.plenary.accounts;

/**
 * A delegation, ministry or mission whose users work in Plenary, e.g. "EU Delegation".
 */
public record Organisation(long id, String name, int users) {
}
