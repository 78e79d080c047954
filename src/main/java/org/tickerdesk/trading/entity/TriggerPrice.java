package org.tickerdesk.trading.entity;

/** Which price of a quote the rules watch. */
public enum TriggerPrice {
    /** The last trade. */
    LAST,
    /** The price the position would close at: the bid for a long, the ask for a short. */
    CLOSING_SIDE,
    /** The middle of bid and ask. */
    MID;

    /** The price of the quote this watches, NaN when the quote lacks it. */
    public double of(double last, double bid, double ask, boolean isLong) {
        return switch (this) {
            case LAST -> last;
            case CLOSING_SIDE -> isLong ? bid : ask;
            case MID -> (bid + ask) / 2;
        };
    }
}
