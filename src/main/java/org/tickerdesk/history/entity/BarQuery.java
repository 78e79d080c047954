package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * Stored bars asked for: one symbol's series of one size, starting at or after {@code from} and
 * before {@code to} (either open when null), at most {@code limit} of them, oldest first.
 */
public record BarQuery(
        String symbol,
        BarSize barSize,
        WhatToShow whatToShow,
        Instant from,
        Instant to,
        int limit) {

    public static final int MAX_LIMIT = 10_000;

    public BarQuery {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(whatToShow, "whatToShow");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be from 1 to " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }
}
