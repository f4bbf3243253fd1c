package org.plenary.campaigns;

/**
 * The outcome of a count under a rule, and what it would take to change it.
 *
 * @param adopted whether the proposal passes
 * @param moreYesNeeded the fewest extra Yes votes (from states not voting Yes) that would
 * make it pass, or 0 when it passes; -1 when Yes votes alone cannot (a veto)
 * @param fewerNoNeeded the fewest No votes that would have to go (to abstention or
 * absence) for it to pass, or 0; -1 when that alone cannot
 * @param marginYes how many Yes votes it could lose and still pass (when adopted)
 */
public record Decision(boolean adopted, int moreYesNeeded, int fewerNoNeeded, int marginYes, String explanation) {
}
