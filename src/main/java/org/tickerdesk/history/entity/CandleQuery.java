package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * Candles asked for: one symbol's bars of one size, starting at or after {@code from} and before
 * {@code to} (either open when null), at most {@code limit}, oldest first. Without {@code from}
 * they are the latest {@code limit} before {@code to}, which is what a chart shows.
 */
public record CandleQuery(String symbol, BarSize interval, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 1000;

    public CandleQuery {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (limit < 1 || limit > BarQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be from 1 to " + BarQuery.MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** The latest candles before {@code to} rather than the first after {@code from}. */
    public boolean latest() {
        return from == null;
    }
}
