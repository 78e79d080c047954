package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * The coverage asked for: one symbol's series of one size from {@code from} to {@code to}, an open
 * end being the first stored bar's start or the last one's end, within regular trading hours only
 * or not.
 */
public record CoverageQuery(
        String symbol,
        BarSize barSize,
        WhatToShow whatToShow,
        Instant from,
        Instant to,
        boolean regularHoursOnly) {

    public CoverageQuery {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(whatToShow, "whatToShow");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }
}
