package org.tickerdesk.copytrading.entity;

/** How the size of a copied trade is worked out from the leader's. */
public enum SizingMode {
    /** The same amount of money on every trade ({@link Sizing#amount()}). */
    FIXED,
    /** A ratio of the leader's quantity ({@link Sizing#ratio()}). */
    RATIO,
    /**
     * The same share of the allocation as the leader's trade is of the leader's portfolio: a leader
     * who puts 5 % of their portfolio into a trade has 5 % of the allocation put into its copy.
     */
    SHARE
}
