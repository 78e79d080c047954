package org.tickerdesk.marketdata.entity;

import java.util.Objects;

/**
 * A tick to inject into the simulated market: a trade at {@code last}, with a bid and an ask of its
 * own or (both {@code NaN}) a spread the market draws around the trade, a size of its own or (0)
 * one the market draws, and whether the symbol's walk holds still afterwards ({@code null}: as it
 * was).
 */
public record SimulatedTick(
        String symbol, double last, double bid, double ask, long size, Boolean hold) {

    public SimulatedTick {
        Objects.requireNonNull(symbol, "symbol");
        if (!positive(last)) {
            throw new IllegalArgumentException("last must be a price above zero, not " + last);
        }
        if (Double.isNaN(bid) != Double.isNaN(ask)) {
            throw new IllegalArgumentException("Give both bid and ask, or neither");
        }
        if (!Double.isNaN(bid) && (!positive(bid) || !positive(ask) || bid > ask)) {
            throw new IllegalArgumentException(
                    "bid and ask must be above zero with bid <= ask, not " + bid + " and " + ask);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative, not " + size);
        }
    }

    /** A trade at {@code last} with a spread and size of the market's own, the hold left alone. */
    public static SimulatedTick at(String symbol, double last) {
        return new SimulatedTick(symbol, last, Double.NaN, Double.NaN, 0, null);
    }

    private static boolean positive(double price) {
        return price > 0 && !Double.isInfinite(price);
    }
}
